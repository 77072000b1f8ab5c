"""List items drawn as small cards: a colour bar, a headline, a body line and a meta line.

Models give the text through the roles below; one delegate draws every side list the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

PADDING = 8
BAR_WIDTH = 4


class CardRole(IntEnum):
    HEADLINE = Qt.ItemDataRole.UserRole + 1
    BODY = Qt.ItemDataRole.UserRole + 2
    META = Qt.ItemDataRole.UserRole + 3
    BAR_COLOUR = Qt.ItemDataRole.UserRole + 4
    KEY = Qt.ItemDataRole.UserRole + 5
    START = Qt.ItemDataRole.UserRole + 6
    END = Qt.ItemDataRole.UserRole + 7
    SORT_DATE = Qt.ItemDataRole.UserRole + 8
    STRUCK = Qt.ItemDataRole.UserRole + 9
    """True when the headline is a passage that no longer exists (an orphaned annotation)."""
    SPEAKER = Qt.ItemDataRole.UserRole + 10
    """Who said a quotation (what the quotations list groups by)."""
    LABEL = Qt.ItemDataRole.UserRole + 11
    """An entity group's type (what the entities list filters by)."""
    ARTICLE_ID = Qt.ItemDataRole.UserRole + 12
    """The library's id of the article a row stands for."""


Index = QModelIndex | QPersistentModelIndex
CARD_BATCH = 40
"""Cards measured between two events: little enough that the window stays responsive."""
CARDS_AT_A_TIME = 200
"""Rows a card list gets at first, and each time it is scrolled to its end."""


class CardRows(QAbstractListModel):
    """A list of cards that gets its rows ``CARDS_AT_A_TIME`` at a time, as it is scrolled
    (Qt's ``fetchMore``), or all of them while a filter or a sort needs them. Qt lays every
    card of a list out before it paints any: a list of 100,000 stayed blank for twenty
    seconds, one of 1,300 for a fraction of one; rows not given yet cost nothing."""

    def __init__(self) -> None:
        super().__init__()
        self._shown = 0
        """How many rows, from the first, the list has."""
        self._every_row_wanted = False

    def row_total(self) -> int:
        """Every row there is, given to the list or not yet."""
        raise NotImplementedError

    def _end_reset(self) -> None:
        """End a reset begun with ``beginResetModel``: the list gets its first rows (every
        row while they are all wanted)."""
        total = self.row_total()
        self._shown = total if self._every_row_wanted else min(total, CARDS_AT_A_TIME)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < self.row_total()

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self.show_up_to(self._shown + CARDS_AT_A_TIME - 1)

    def want_every_row(self, wanted: bool) -> None:
        """Every row in the list while ``wanted``: a filter or a sort looks at all of them."""
        self._every_row_wanted = wanted
        if wanted:
            self.show_up_to(self.row_total() - 1)

    def show_up_to(self, row: int) -> None:
        """The list has the rows down to ``row`` at least."""
        last = min(row, self.row_total() - 1)
        if last < self._shown:
            return
        self.beginInsertRows(QModelIndex(), self._shown, last)
        self._shown = last + 1
        self.endInsertRows()


def redraw_rows(model: QAbstractListModel) -> None:
    """Every row the list has, drawn again: its words or colours changed (another interface
    language, another theme)."""
    rows = model.rowCount()
    if rows:
        model.dataChanged.emit(model.index(0), model.index(rows - 1))


def show_as_cards(view: QListView, headline_italic: bool = False) -> None:
    """Draw ``view``'s rows as cards, scrolled by pixel, hovered rows lit, measured again when
    the list's width changes, and laid out a batch at a time between events: a long text
    brings thousands of quotations or entities, and measuring every card at once would hold
    the window for a fifth of a second."""
    view.setItemDelegate(CardDelegate(view, headline_italic=headline_italic))
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setMouseTracking(True)
    view.setUniformItemSizes(False)
    view.setLayoutMode(QListView.LayoutMode.Batched)
    view.setBatchSize(CARD_BATCH)
    # A headline wraps to the list's width: cards are measured again when it changes (the
    # panel resized, or its scroll bar appearing once enough cards are laid out).
    view.setResizeMode(QListView.ResizeMode.Adjust)


CARD_LAYOUT_WAIT_MS = 2000


def show_row(view: QListView, row: int) -> bool:
    """Make the card of the source model's ``row`` the list's current one, giving the list
    the rows down to it first; False when the list's filter hides it."""
    proxy = view.model()
    assert isinstance(proxy, QSortFilterProxyModel)
    model = proxy.sourceModel()
    assert isinstance(model, CardRows)
    model.show_up_to(row)
    index = proxy.mapFromSource(model.index(row))
    if not index.isValid():
        return False
    show_card(view, index)
    return True


def show_card(view: QListView, index: QModelIndex) -> None:
    """Make ``index`` the list's current card and scroll until it is in view: a list is laid
    out a batch at a time between events, and while it is, its card may have no place yet,
    or one past the scroll range laid out so far (the scroll then stops short of it)."""
    view.setCurrentIndex(index)
    card = QPersistentModelIndex(index)
    waited = 0

    def scroll_until_shown() -> None:
        nonlocal waited
        if not card.isValid():
            return  # the list changed meanwhile
        current = view.model().index(card.row(), card.column())
        view.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtCenter)
        shown = view.viewport().rect().contains(view.visualRect(current))
        if shown or waited >= CARD_LAYOUT_WAIT_MS:
            return
        waited += 10
        QTimer.singleShot(10, scroll_until_shown)

    scroll_until_shown()


@dataclass(frozen=True)
class _CardFonts:
    """A card's three fonts for one view font, measured once: a list measures thousands."""

    headline: QFont
    body: QFont
    meta: QFont
    headline_metrics: QFontMetrics
    body_metrics: QFontMetrics
    meta_metrics: QFontMetrics


class CardDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None, headline_italic: bool = False) -> None:
        super().__init__(parent)
        self._headline_italic = headline_italic
        self._fonts_of: dict[str, _CardFonts] = {}

    def _fonts(self, option: QStyleOptionViewItem) -> _CardFonts:
        key = option.font.key()
        fonts = self._fonts_of.get(key)
        if fonts is None:
            headline = QFont(option.font)
            headline.setItalic(self._headline_italic)
            body = QFont(option.font)
            meta = QFont(option.font)
            meta.setPointSizeF(max(7.0, meta.pointSizeF() * 0.88))
            fonts = self._fonts_of[key] = _CardFonts(
                headline, body, meta, QFontMetrics(headline), QFontMetrics(body), QFontMetrics(meta)
            )
        return fonts

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        """The width a card's text wraps to: the list's, whatever rectangle the list passes
        when it measures a card (the size it was last given, 240 px wide)."""
        view = option.widget
        if isinstance(view, QAbstractItemView):
            width = view.viewport().width()
        else:
            width = option.rect.width()
        return max(80, width - 2 * PADDING - BAR_WIDTH - 4)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fonts = self._fonts(option)
        metrics = fonts.headline_metrics
        lines = headline_lines(
            str(index.data(CardRole.HEADLINE) or ""), metrics, self._text_width(option)
        )
        height = 2 * PADDING + lines * metrics.lineSpacing()
        if index.data(CardRole.BODY):
            height += fonts.body_metrics.lineSpacing()
        if index.data(CardRole.META):
            height += fonts.meta_metrics.lineSpacing() + 2
        return QSize(240, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        rect: QRect = option.rect
        palette: QPalette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif bool(state & QStyle.StateFlag.State_MouseOver):
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = QColor(text_colour)
        muted.setAlphaF(0.72)
        bar = index.data(CardRole.BAR_COLOUR)
        if bar:
            painter.fillRect(
                QRect(
                    rect.left() + 2, rect.top() + PADDING, BAR_WIDTH, rect.height() - 2 * PADDING
                ),
                QColor(str(bar)),
            )
        fonts = self._fonts(option)
        left = rect.left() + PADDING + BAR_WIDTH + 4
        width = rect.width() - (left - rect.left()) - PADDING
        top = rect.top() + PADDING

        headline_font = fonts.headline
        if index.data(CardRole.STRUCK):
            headline_font = QFont(headline_font)  # the shared font stays as it is
            headline_font.setStrikeOut(True)
        painter.setFont(headline_font)
        painter.setPen(text_colour)
        metrics = fonts.headline_metrics
        headline = str(index.data(CardRole.HEADLINE) or "")
        lines = headline_lines(headline, metrics, width)
        headline_rect = QRect(left, top, width, lines * metrics.lineSpacing())
        elided = _elide_two_lines(headline, metrics, width)
        painter.drawText(
            headline_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), elided
        )
        top += lines * metrics.lineSpacing()

        body = str(index.data(CardRole.BODY) or "")
        if body:
            painter.setFont(fonts.body)
            metrics = fonts.body_metrics
            painter.drawText(
                QRect(left, top, width, metrics.lineSpacing()),
                int(Qt.AlignmentFlag.AlignLeft),
                metrics.elidedText(body.replace("\n", " "), Qt.TextElideMode.ElideRight, width),
            )
            top += metrics.lineSpacing()
        meta = str(index.data(CardRole.META) or "")
        if meta:
            painter.setFont(fonts.meta)
            painter.setPen(muted)
            metrics = fonts.meta_metrics
            painter.drawText(
                QRect(left, top + 2, width, metrics.lineSpacing()),
                int(Qt.AlignmentFlag.AlignLeft),
                metrics.elidedText(meta, Qt.TextElideMode.ElideRight, width),
            )
        painter.setPen(QColor(palette.color(QPalette.ColorRole.Mid)))
        painter.drawLine(
            rect.left() + PADDING, rect.bottom(), rect.right() - PADDING, rect.bottom()
        )
        painter.restore()


def headline_lines(text: str, metrics: QFontMetrics, width: int) -> int:
    """One line when the headline fits on one, else two (it is elided to two). A quotation may
    run to thousands of characters: only as many as could fit on a line are measured."""
    flat = " ".join(text.split())
    could_fit = flat[: width // 2]  # no glyph is narrower than two pixels
    if metrics.horizontalAdvance(could_fit) > width:
        return 2
    return 1 if len(could_fit) == len(flat) or metrics.horizontalAdvance(flat) <= width else 2


def _elide_two_lines(text: str, metrics: QFontMetrics, width: int) -> str:
    """The text cut to what fits on two wrapped lines, with an ellipsis."""
    flat = " ".join(text.split())
    if metrics.horizontalAdvance(flat) <= 2 * width * 0.95:
        return flat
    words = flat.split(" ")
    kept: list[str] = []
    for word in words:
        candidate = " ".join([*kept, word]) + "…"
        if metrics.horizontalAdvance(candidate) > 1.85 * width:
            break
        kept.append(word)
    return " ".join(kept) + "…"
