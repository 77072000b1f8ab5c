"""*Fichier → Exporter…*: choose the format, what goes in, see it highlighted, copy or save."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import JsonLexer, MarkdownLexer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.export.files import ExportError, write_export
from reader.export.protected import ProtectedFiles
from reader.styles import HighlightStyle
from ui import i18n
from ui.errors import describe
from ui.session import ExportChoice
from ui.theme import Theme, style_indicators

PREVIEW_LIMIT = 200_000
"""Characters highlighted in the preview; the export itself is never cut."""


def highlighted_html(text: str, theme: Theme, json: bool = False) -> str:
    """The export as HTML, coloured by Pygments in a style that suits the theme."""
    style = "monokai" if theme.dark else "friendly"
    formatter = HtmlFormatter(noclasses=True, style=style, nobackground=True)
    lexer = JsonLexer() if json else MarkdownLexer()
    body = highlight(text[:PREVIEW_LIMIT], lexer, formatter)
    return (
        f"<div style='color:{theme.text}; font-family: monospace; white-space: pre-wrap;'>"
        f"{body}</div>"
    )


class ExportDialog(QDialog):
    def __init__(
        self,
        render: Callable[[ExportChoice], str],
        theme: Theme,
        suggested_name: str,
        *,
        protected: Callable[[], ProtectedFiles],
        selected: Sequence[str] = (),
        tags: Sequence[str] = (),
        styles: Sequence[HighlightStyle] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Exporter les annotations"))
        self.resize(820, 660)
        self._render = render
        self._theme = theme
        self._suggested = suggested_name
        self._protected = protected
        self._selected = frozenset(selected)
        self.saved_to: Path | None = None
        self._text = ""

        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("Format de l’export"))
        self.format.addItem(self.tr("Markdown (pour les personnes)"), "markdown")
        self.format.addItem(self.tr("W3C Web Annotation JSON-LD (pour les programmes)"), "jsonld")
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Annotations à exporter"))
        self.scope.addItem(self.tr("Cet article"), "article")
        if self._selected:
            self.scope.addItem(self.tr("L’annotation choisie"), "selection")
        self.scope.addItem(self.tr("Toute la bibliothèque"), "library")
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName(self.tr("Filtrer par étiquette"))
        self.tag_filter.addItem(self.tr("Toutes les étiquettes"), "")
        for tag in tags:
            self.tag_filter.addItem("#" + tag, tag)
        self.style_filter = QComboBox()
        self.style_filter.setAccessibleName(self.tr("Filtrer par style"))
        self.style_filter.addItem(self.tr("Tous les styles"), "")
        for named in styles:
            self.style_filter.addItem(named.label(i18n.language()), named.name)
        self.with_quotes = QCheckBox(self.tr("Ajouter toutes les &citations"))
        self.with_entities = QCheckBox(self.tr("Ajouter l’index des &entités"))
        for combo in (self.format, self.scope, self.tag_filter, self.style_filter):
            combo.currentIndexChanged.connect(self.refresh)
        for box in (self.with_quotes, self.with_entities):
            style_indicators(box, theme)
            box.toggled.connect(self.refresh)

        form = QFormLayout()
        form.addRow(self.tr("&Format"), self.format)
        form.addRow(self.tr("&Portée"), self.scope)
        filters = QHBoxLayout()
        filters.addWidget(self.tag_filter)
        filters.addWidget(self.style_filter)
        form.addRow(self.tr("Filtres"), filters)
        sections = QHBoxLayout()
        sections.addWidget(self.with_quotes)
        sections.addWidget(self.with_entities)
        sections.addStretch(1)
        form.addRow(self.tr("Sections"), sections)

        self.preview = QTextBrowser()
        self.preview.setObjectName("exportPreview")
        self.preview.setAccessibleName(self.tr("Aperçu de l’export"))
        self.preview.setStyleSheet(f"QTextBrowser {{ background: {theme.page}; }}")
        self.status = QLabel()
        self.status.setWordWrap(True)

        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(
            self.tr("&Copier"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button = buttons.addButton(
            self.tr("&Enregistrer…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Fermer"))
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.ask_and_save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.refresh()

    def choice(self) -> ExportChoice:
        jsonld = self.format.currentData() == "jsonld"
        return ExportChoice(
            format=str(self.format.currentData()),
            scope=str(self.scope.currentData()),
            selected=self._selected,
            tag=str(self.tag_filter.currentData() or ""),
            style=str(self.style_filter.currentData() or ""),
            with_quotes=self.with_quotes.isChecked() and not jsonld,
            with_entities=self.with_entities.isChecked() and not jsonld,
        )

    def text(self) -> str:
        """The export as chosen: made once per choice, shown, copied and saved as it is."""
        return self._text

    def refresh(self) -> None:
        choice = self.choice()
        jsonld = choice.format == "jsonld"
        self.with_quotes.setEnabled(not jsonld)
        self.with_entities.setEnabled(not jsonld)
        self._text = self._render(choice)
        self.preview.setHtml(highlighted_html(self._text, self._theme, json=jsonld))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.status.setText(self.tr("Copié dans le presse-papiers."))

    def _suffix(self) -> str:
        return ".jsonld" if self.format.currentData() == "jsonld" else ".md"

    def ask_and_save(self) -> None:
        suggested = str(Path(self._suggested).with_suffix(self._suffix()))
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Enregistrer l’export"),
            suggested,
            self.tr("Markdown (*.md);;JSON-LD (*.jsonld *.json)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path, confirm_overwrite: bool = True) -> bool:
        """Save the export at ``path``; False, with the reason shown, when it was not."""
        protected = self._protected()
        # Asked before the question about replacing: the library is never offered to replace.
        refusal = protected.refusal(path)
        if refusal is not None:
            self._show_failure(refusal)
            return False
        if confirm_overwrite and path.is_file():
            answer = QMessageBox.question(
                self,
                self.tr("Remplacer le fichier ?"),
                self.tr("%1 existe déjà. Le remplacer ?").replace("%1", str(path)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.status.setText(self.tr("Rien n’a été enregistré."))
                return False
        try:
            # A pipe nobody reads is an error here: waiting for a reader would freeze the window.
            self.saved_to = write_export(path, self.text(), protected, wait_for_reader=False)
        except ExportError as error:
            self._show_failure(error)
            return False
        self.status.setText(self.tr("Enregistré dans %1").replace("%1", str(self.saved_to)))
        return True

    def _show_failure(self, error: ExportError) -> None:
        self.status.setText(describe(error))
