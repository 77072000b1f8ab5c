"""Naming who said a quotation: pick a person or organisation of the article, or type a name."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from reader.analysis.model import Quote
from ui.dialog_buttons import save_or_cancel

NO_SPEAKER = ""


class SpeakerDialog(QDialog):
    def __init__(
        self, quote: Quote, candidates: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("speakerDialog")
        self.setWindowTitle(self.tr("Qui parle ?"))
        self.setMinimumWidth(420)
        shown = " ".join(quote.text.split())
        passage = QLabel(shown if len(shown) < 240 else shown[:240] + "…")
        passage.setWordWrap(True)
        passage.setStyleSheet("font-style: italic;")
        current = quote.speaker.name if quote.speaker else ""
        self.names = QComboBox()
        self.names.setEditable(True)
        self.names.setAccessibleName(self.tr("Locuteur"))
        self.names.addItem(self.tr("(personne : pas de locuteur)"), NO_SPEAKER)
        for name in candidates:
            self.names.addItem(name, name)
        if current:
            index = self.names.findData(current)
            if index < 0:
                self.names.addItem(current, current)
                index = self.names.count() - 1
            self.names.setCurrentIndex(index)
        lead = QLabel(self.tr("Choisissez une personne ou une organisation, ou tapez un nom :"))
        lead.setWordWrap(True)
        buttons = save_or_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(passage)
        layout.addWidget(lead)
        layout.addWidget(self.names)
        layout.addWidget(buttons)
        self.names.setFocus()

    @property
    def speaker(self) -> str | None:
        """The chosen name, or None for « nobody »."""
        text = self.names.currentText().strip()
        data = self.names.currentData()
        if data == NO_SPEAKER and text == self.names.itemText(0):
            return None
        return text or None
