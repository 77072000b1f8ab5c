"""Find in the article (Ctrl+F): accent-, case- and apostrophe-insensitive, with a hit count."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.search import FoldedText


class _QueryEdit(QLineEdit):
    previous_requested = Signal()
    closed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.previous_requested.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Emits the matches to highlight and the one to show; knows nothing about the view."""

    matches_changed = Signal(list)
    """All matches, as [(start, end), …] in Python offsets."""
    current_changed = Signal(int, int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._folded: FoldedText | None = None
        self._text = ""
        self._matches: list[tuple[int, int]] = []
        self._current = -1

        self.query = _QueryEdit()
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(self._search)
        self.query.returnPressed.connect(self.next)
        self.query.previous_requested.connect(self.previous)
        self.query.closed.connect(self.close_bar)

        self.previous_button = QToolButton()
        self.previous_button.setText("↑")
        self.previous_button.clicked.connect(self.previous)
        self.next_button = QToolButton()
        self.next_button.setText("↓")
        self.next_button.clicked.connect(self.next)
        self.count = QLabel()
        self.count.setMinimumWidth(90)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.clicked.connect(self.close_bar)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.query, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count)
        layout.addWidget(self.close_button)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        """Word the bar in the interface language now in use."""
        self.query.setPlaceholderText(
            self.tr("Rechercher dans l’article (sans accents ni majuscules)")
        )
        self.query.setAccessibleName(self.tr("Rechercher dans l’article"))
        for button, tip, name in (
            (
                self.previous_button,
                self.tr("Occurrence précédente (Maj+Entrée)"),
                self.tr("Occurrence précédente"),
            ),
            (
                self.next_button,
                self.tr("Occurrence suivante (Entrée)"),
                self.tr("Occurrence suivante"),
            ),
            (
                self.close_button,
                self.tr("Fermer la recherche (Échap)"),
                self.tr("Fermer la recherche"),
            ),
        ):
            button.setToolTip(tip)
            button.setAccessibleName(name)
        self.count.setAccessibleName(self.tr("Nombre d’occurrences"))
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def set_text(self, text: str) -> None:
        # Folded on the first search, not on opening: seconds on a book-length text.
        self._text = text
        self._folded = None
        if self.isVisible():
            self._search(self.query.text())

    def open_bar(self, initial: str = "") -> None:
        self.show()
        if initial:
            self.query.setText(initial)
        self.query.setFocus()
        self.query.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._matches = []
        self._current = -1
        self.matches_changed.emit([])
        self.closed.emit()

    @property
    def matches(self) -> list[tuple[int, int]]:
        return list(self._matches)

    def _search(self, query: str) -> None:
        if self._folded is None and query:
            self._folded = FoldedText(self._text)
        self._matches = self._folded.find_all(query) if self._folded is not None else []
        self._current = -1
        self.matches_changed.emit(self._matches)
        if self._matches:
            self.next()
        else:
            self._show_count()

    def next(self) -> None:
        self._step(+1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if not self._matches:
            self._show_count()
            return
        self._current = (self._current + direction) % len(self._matches)
        self._show_count()
        self.current_changed.emit(*self._matches[self._current])

    def _show_count(self) -> None:
        if not self.query.text().strip():
            self.count.setText("")
        elif not self._matches:
            self.count.setText(self.tr("aucune"))
        else:
            self.count.setText(
                self.tr("%1 sur %2")
                .replace("%1", str(self._current + 1))
                .replace("%2", str(len(self._matches)))
            )
