"""The verdict on a quotation followed across the library: vérifiée (against a source the
reader names), déformée, mal attribuée or non vérifiée, with a note."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.store import Verdict, VerdictRecord
from ui.dialog_buttons import save_or_cancel


class VerdictDialog(QDialog):
    def __init__(
        self, target: str, current: VerdictRecord | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("verdictDialog")
        self.setWindowTitle(self.tr("Verdict sur la citation"))
        self.setMinimumWidth(460)
        heading = QLabel(target)
        heading.setWordWrap(True)
        self.choices = QButtonGroup(self)
        self.buttons_by_verdict: dict[Verdict, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        for verdict, (label, meaning) in self._wording().items():
            button = QRadioButton(label)
            button.setAccessibleName(label)
            button.setAccessibleDescription(meaning)
            button.setToolTip(meaning)
            self.choices.addButton(button)
            self.buttons_by_verdict[verdict] = button
            layout.addWidget(button)
            explanation = QLabel(meaning)
            explanation.setObjectName("verdictMeaning")
            explanation.setIndent(24)
            explanation.setEnabled(False)  # drawn in the palette's muted colour
            layout.addWidget(explanation)
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("https://… ou « Compte rendu de séance, p. 12 »"))
        self.source.setAccessibleName(self.tr("Source consultée"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Note sur le verdict"))
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("&Source :"), self.source)
        form.addRow(self.tr("&Note :"), self.note)
        layout.addLayout(form)
        self.hint = QLabel()
        self.hint.setObjectName("verdictHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.button_box = save_or_cancel(self)
        layout.addWidget(self.button_box)
        if current is not None:
            self.buttons_by_verdict[current.verdict].setChecked(True)
            self.source.setText(current.source)
            self.note.setPlainText(current.note)
        self.choices.buttonToggled.connect(lambda _button, _on: self._check())
        self.source.textChanged.connect(lambda _text: self._check())
        self._check()

    def _wording(self) -> dict[Verdict, tuple[str, str]]:
        return {
            Verdict.VERIFIED: (
                self.tr("&Vérifiée"),
                self.tr("Conforme à une source que vous indiquez (adresse ou référence)."),
            ),
            Verdict.DISTORTED: (
                self.tr("&Déformée"),
                self.tr("Cette version change le sens de ce qui a été dit."),
            ),
            Verdict.MISATTRIBUTED: (
                self.tr("&Mal attribuée"),
                self.tr("Quelqu’un d’autre l’a dit."),
            ),
            Verdict.UNVERIFIED: (
                self.tr("N&on vérifiée"),
                self.tr("Aucune source n’a permis de la confirmer pour l’instant."),
            ),
        }

    def verdict(self) -> Verdict | None:
        for verdict, button in self.buttons_by_verdict.items():
            if button.isChecked():
                return verdict
        return None

    def chosen(self) -> tuple[Verdict, str, str] | None:
        """(verdict, source, note) as entered; None until a verdict is chosen."""
        verdict = self.verdict()
        if verdict is None:
            return None
        return verdict, self.source.text().strip(), self.note.toPlainText().strip()

    def _check(self) -> None:
        """Saving needs a verdict, and a verified one needs its source: the hint says what
        is missing rather than leaving a greyed button unexplained."""
        verdict = self.verdict()
        missing = ""
        if verdict is None:
            missing = self.tr("Choisissez un verdict.")
        elif verdict is Verdict.VERIFIED and not self.source.text().strip():
            missing = self.tr(
                "Une citation vérifiée a besoin de la source consultée : son adresse ou une "
                "référence."
            )
        self.hint.setText(missing)
        self.hint.setVisible(bool(missing))
        self.button_box.button(QDialogButtonBox.StandardButton.Save).setEnabled(not missing)
