"""*Fichier → Exporter…*: choose what goes in, see it highlighted, copy it or save it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import MarkdownLexer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.export.files import ExportError
from reader.export.markdown import MarkdownOptions
from ui.theme import Theme


def highlighted_html(markdown: str, theme: Theme) -> str:
    """The Markdown as HTML, coloured by Pygments in a style that suits the theme."""
    style = "monokai" if theme.dark else "friendly"
    formatter = HtmlFormatter(noclasses=True, style=style, nobackground=True)
    body = highlight(markdown, MarkdownLexer(), formatter)
    return (
        f"<div style='color:{theme.text}; font-family: monospace; white-space: pre-wrap;'>"
        f"{body}</div>"
    )


class ExportDialog(QDialog):
    def __init__(
        self,
        render: Callable[[MarkdownOptions], str],
        save: Callable[[Path, MarkdownOptions], Path],
        theme: Theme,
        suggested_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Exporter les annotations"))
        self.resize(760, 620)
        self._render = render
        self._save = save
        self._theme = theme
        self._suggested = suggested_name
        self.saved_to: Path | None = None

        self.with_quotes = QCheckBox(self.tr("Ajouter toutes les &citations"))
        self.with_entities = QCheckBox(self.tr("Ajouter l’index des &entités"))
        for box in (self.with_quotes, self.with_entities):
            box.toggled.connect(self.refresh)
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Format : Markdown")))
        options.addStretch(1)
        options.addWidget(self.with_quotes)
        options.addWidget(self.with_entities)

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
            self.tr("&Enregistrer…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Fermer"))
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.disconnect()
        self.save_button.clicked.connect(self.ask_and_save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.refresh()

    def options(self) -> MarkdownOptions:
        return MarkdownOptions(
            with_quotes=self.with_quotes.isChecked(), with_entities=self.with_entities.isChecked()
        )

    def markdown(self) -> str:
        return self._render(self.options())

    def refresh(self) -> None:
        self.preview.setHtml(highlighted_html(self.markdown(), self._theme))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.markdown())
        self.status.setText(self.tr("Copié dans le presse-papiers."))

    def ask_and_save(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Enregistrer l’export"), self._suggested, self.tr("Markdown (*.md)")
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        try:
            self.saved_to = self._save(path, self.options())
        except ExportError as error:
            self.status.setText(str(error))
            return False
        self.status.setText(self.tr("Enregistré dans %1").replace("%1", str(self.saved_to)))
        return True
