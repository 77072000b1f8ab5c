"""The small editor for an annotation: the passage, a note (Markdown), tags and a style."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPixmap, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.styles import DEFAULT_STYLE, DEFAULT_STYLES, HighlightStyle
from ui import i18n
from ui.dialog_buttons import save_or_cancel
from ui.theme import Theme

PASSAGE_PREVIEW = 280


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def split_tags(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma, from the library's tags."""

    def __init__(self, tags: Sequence[str], line: QLineEdit) -> None:
        super().__init__(line)
        # Parented, so that Python does not free the model the completer reads.
        self.setModel(QStringListModel(list(tags), self))
        self._line = line
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setWidget(line)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        line.textEdited.connect(self._typed)
        self.activated.connect(self._insert)

    def _typed(self, text: str) -> None:
        prefix = text.rsplit(",", 1)[-1].strip()
        self.setCompletionPrefix(prefix)
        if prefix and self.completionCount():
            self.complete()
        else:
            popup = self.popup()
            if popup is not None:
                popup.hide()

    def _insert(self, tag: str) -> None:
        head = self._line.text().rsplit(",", 1)[0] + ", " if "," in self._line.text() else ""
        self._line.setText(head + tag + ", ")


class AnnotationEditor(QDialog):
    def __init__(
        self,
        passage: str,
        theme: Theme,
        *,
        note: str = "",
        tags: Sequence[str] = (),
        style: str = DEFAULT_STYLE,
        known_tags: Sequence[str] = (),
        context: str = "",
        editing: bool = False,
        styles: Sequence[HighlightStyle] = DEFAULT_STYLES,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annotationEditor")
        self.setWindowTitle(self.tr("Modifier l’annotation") if editing else self.tr("Annoter"))
        self.setMinimumWidth(460)

        shown = passage if len(passage) <= PASSAGE_PREVIEW else passage[:PASSAGE_PREVIEW] + "…"
        self.passage_label = QLabel(shown.replace("\n", " ¶ "))
        self.passage_label.setWordWrap(True)
        self.passage_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passage_label.setStyleSheet(
            f"QLabel {{ font-style: italic; padding: 8px 10px; border-left: 3px solid "
            f"{theme.accent}; background: {theme.page}; color: {theme.text}; }}"
        )
        self.passage_label.setAccessibleName(self.tr("Passage annoté"))
        self.context_label = QLabel(context)
        self.context_label.setWordWrap(True)
        self.context_label.setVisible(bool(context))
        self.context_label.setStyleSheet(f"color: {theme.muted};")

        self.note_edit = QPlainTextEdit(note)
        self.note_edit.setPlaceholderText(self.tr("Votre note (Markdown accepté)…"))
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(110)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(self.tr("Aperçu de la note"))
        self.preview.setOpenLinks(False)
        self.note_tabs = QTabWidget()
        self.note_tabs.addTab(self.note_edit, self.tr("Écrire"))
        self.note_tabs.addTab(self.preview, self.tr("Aperçu"))
        self.note_tabs.currentChanged.connect(self._render_preview)

        self.tags_edit = QLineEdit(", ".join(tags))
        self.tags_edit.setPlaceholderText(self.tr("étiquettes, séparées par des virgules"))
        self.tags_edit.setAccessibleName(self.tr("Étiquettes"))
        self.tag_completer = TagCompleter(known_tags, self.tags_edit)

        self.style_box = QComboBox()
        self.style_box.setAccessibleName(self.tr("Style"))
        for index, named in enumerate(styles):
            colour = named.dark if theme.dark else named.light
            self.style_box.addItem(_swatch(colour), named.label(i18n.language()), named.name)
            if named.name == style:
                self.style_box.setCurrentIndex(index)

        form = QFormLayout()
        form.addRow(self.tr("&Note"), self.note_tabs)
        form.addRow(self.tr("É&tiquettes"), self.tags_edit)
        form.addRow(self.tr("St&yle"), self.style_box)

        buttons = save_or_cancel(self)
        self.buttons = buttons
        QShortcut(QKeySequence("Ctrl+Return"), self, self.accept)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.passage_label)
        layout.addWidget(self.context_label)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.note_edit.setFocus()

    def _render_preview(self, index: int) -> None:
        if index == 1:
            # Raw HTML in a note is shown as text, never interpreted.
            features = (
                QTextDocument.MarkdownFeature.MarkdownDialectGitHub
                | QTextDocument.MarkdownFeature.MarkdownNoHTML
            )
            self.preview.document().setMarkdown(self.note_edit.toPlainText(), features)

    @property
    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    @property
    def tags(self) -> list[str]:
        return split_tags(self.tags_edit.text())

    @property
    def style_name(self) -> str:
        return str(self.style_box.currentData())
