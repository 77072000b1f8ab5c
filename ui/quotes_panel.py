"""The *Citations* side panel: each quotation with who said it, in reading order or by speaker,
and below it « Ailleurs dans la bibliothèque », the chosen quotation as other articles report
it (``ui.elsewhere_section``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.analysis.model import Quote
from ui.cards import CardRole, CardRows, Index, show_as_cards, show_row
from ui.elsewhere_section import ElsewhereSection
from ui.theme import Theme

SPEAKER_ROLE = CardRole.SPEAKER


class QuoteListModel(CardRows):
    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self._quotes: list[Quote] = []
        self._theme = theme
        self._unknown = self.tr("Locuteur non identifié")

    def set_quotes(self, quotes: list[Quote]) -> None:
        self.beginResetModel()
        # Nested quotations are listed inside their outer one, not twice.
        self._quotes = [quote for quote in quotes if quote.parent is None]
        self._end_reset()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme

    def row_total(self) -> int:
        return len(self._quotes)

    def quote_at(self, row: int) -> Quote:
        return self._quotes[row]

    def row_starting_at(self, start: int) -> int:
        """The row of the quotation that starts at ``start`` (-1: none)."""
        return next((row for row, q in enumerate(self._quotes) if q.start == start), -1)

    def speaker_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for quote in self._quotes:
            name = quote.speaker.name if quote.speaker else self._unknown
            counts[name] = counts.get(name, 0) + 1
        return counts

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        quote = self._quotes[index.row()]
        speaker = quote.speaker.name if quote.speaker else self._unknown
        if role == CardRole.HEADLINE:
            return " ".join(quote.text.split())
        if role == CardRole.META:
            cue = f", {quote.cue.text}" if quote.cue else ""
            sure = " (?)" if quote.doubtful else ""
            return f"— {speaker}{sure}{cue}"
        if role == CardRole.BAR_COLOUR:
            return self._theme.quote_text
        if role == CardRole.START:
            return quote.start
        if role == CardRole.END:
            return quote.end
        if role == SPEAKER_ROLE:
            return (speaker.casefold(), quote.start)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{quote.text} — {speaker}"
        if role == Qt.ItemDataRole.ToolTipRole:
            cue = f" ({quote.cue.text})" if quote.cue else ""
            return f"{speaker}{cue}"
        return None


class _SpeakerSort(QSortFilterProxyModel):
    def lessThan(self, left: Index, right: Index) -> bool:
        return bool(left.data(SPEAKER_ROLE) < right.data(SPEAKER_ROLE))


class QuotesPanel(QWidget):
    activated = Signal(int, int)
    """The reader picked a quotation (start, end): show it in the text."""
    speaker_fix_requested = Signal(object)
    """The reader wants to name who said this quotation (a Quote)."""
    speaker_view_requested = Signal(str)
    """Show every quotation of this speaker across the library."""
    current_changed = Signal(object)
    """The chosen quotation changed (a Quote, or None when none is chosen)."""
    verdict_requested = Signal(object)
    """The reader wants to give a verdict on this quotation (a Quote) as the library tracks
    it."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quotesPanel")
        self.model = QuoteListModel(theme)
        self.proxy = _SpeakerSort(self)
        self.proxy.setSourceModel(self.model)
        self.group = QCheckBox(self.tr("Grouper par locuteur"))
        self.group.setAccessibleName(self.tr("Grouper les citations par locuteur"))
        self.group.toggled.connect(self._regroup)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.view = QListView()
        self.view.setAccessibleName(self.tr("Liste des citations"))
        self.view.setModel(self.proxy)
        show_as_cards(self.view, headline_italic=True)
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        selection = self.view.selectionModel()
        selection.currentChanged.connect(lambda _now, _before: self._current_changed())
        self.elsewhere = ElsewhereSection()
        self.fix_button = QPushButton(self.tr("Corriger le locuteur…"))
        self.fix_button.setAccessibleName(self.tr("Corriger le locuteur de la citation choisie"))
        self.fix_button.clicked.connect(self._request_fix)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.group)
        layout.addWidget(self.summary)
        listing = QWidget()
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.addWidget(self.view, 1)
        listing_layout.addWidget(self.fix_button)
        # The list above, the chosen quotation across the library below; the reader moves
        # the line between them.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("quotesSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(listing)
        self.splitter.addWidget(self.elsewhere)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)

    def set_quotes(self, quotes: list[Quote]) -> None:
        """List ``quotes``; the quotation chosen before stays chosen when it is still there
        (an analysis that finishes replaces the quick one's quotations)."""
        chosen = self.current_quote()
        self.model.set_quotes(quotes)
        self._regroup(self.group.isChecked())
        if chosen is not None:
            self.select_quote(chosen.start)
        self._current_changed()

    def _regroup(self, grouped: bool) -> None:
        self.model.want_every_row(grouped)  # grouped: sorted by speaker, so all of them
        if grouped:
            self.proxy.sort(0)
            counts = self.model.speaker_counts()
            lines = [
                self.tr("%1 — %n citation(s)", "", count).replace("%1", name)
                for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            ]
            self.summary.setText("\n".join(lines))
        else:
            self.proxy.sort(-1)
            self.proxy.invalidate()
        self.summary.setVisible(grouped)

    def select_quote(self, start: int) -> None:
        row = self.model.row_starting_at(start)
        if row >= 0:
            show_row(self.view, row)

    def current_quote(self) -> Quote | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.quote_at(self.proxy.mapToSource(index).row())

    def _request_fix(self) -> None:
        quote = self.current_quote()
        if quote is not None:
            self.speaker_fix_requested.emit(quote)

    def _menu(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.tr("Corriger le locuteur…"), self._request_fix)
        quote = self.current_quote()
        if quote is not None:
            chosen = quote
            menu.addAction(
                self.tr("Verdict sur cette citation…"),
                lambda: self.verdict_requested.emit(chosen),
            )
        if quote is not None and quote.speaker is not None:
            name = quote.speaker.name
            menu.addAction(
                self.tr("Toutes les citations de %1 dans la bibliothèque").replace("%1", name),
                lambda: self.speaker_view_requested.emit(name),
            )
        menu.exec(self.view.viewport().mapToGlobal(point))

    def _current_changed(self) -> None:
        self.current_changed.emit(self.current_quote())

    def _activate(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.isValid():
            self.activated.emit(int(index.data(CardRole.START)), int(index.data(CardRole.END)))
