"""The article on screen: a reading column with styled title, byline, body and muted
boilerplate, highlight layers, and offsets in Python indices for everyone outside."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right, insort

from PySide6.QtCore import QEvent, QPoint, QRect, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QCursor,
    QFont,
    QFontDatabase,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.text import Layout, OffsetMap, Role
from ui.highlighting import LayerHighlighter, line_starts
from ui.theme import LIGHT, Theme

SHAPED_TEXT_CHARS = 100_000
"""A longer text is laid out without kerning and ligatures (for Latin script they are only
cosmetic): Qt then lays it out about twice as fast, and its lazy layout steps hold the window
half as long."""
READING_WIDTH = 720
SERIF_FAMILIES = (
    "Literata",
    "Source Serif 4",
    "Source Serif Pro",
    "Charis SIL",
    "Noto Serif",
    "Georgia",
    "DejaVu Serif",
)
BASE_POINT_SIZE = 13


def reading_family() -> str:
    available = set(QFontDatabase.families())
    return next((family for family in SERIF_FAMILIES if family in available), "Serif")


class ArticleView(QTextBrowser):
    """Read-only article text. Emits offsets as Python ``str`` indices."""

    text_painted = Signal()
    """The text of a new article is on screen (once per article)."""
    text_laid_out = Signal()
    """The whole text of a new article is laid out (once per article): at its first paint for
    a news article, in the background for a long text."""
    clicked_at = Signal(int)
    """The reader clicked (without selecting) at this offset."""
    tooltip_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setAccessibleName(self.tr("Article"))
        self.setAccessibleDescription(
            self.tr("Texte de l’article, avec citations et entités surlignées")
        )
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setMouseTracking(True)
        # A reader does not want a blinking caret in the text; keyboard selection shows it (F7).
        self._caret_browsing = False
        self.set_caret_browsing(False)
        self.highlighter = LayerHighlighter()
        self.highlighter.repaint = self._highlights_changed
        self._forget_the_document()
        self._text = ""
        self._layout: Layout | None = None
        self._offsets = OffsetMap("")
        self._theme: Theme = LIGHT
        self._zoom = 0
        self._annotate_actions: list = []
        self._press_position: QPoint | None = None
        self._flash: tuple[int, int] | None = None
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._end_flash)
        self._marker_of: dict[str, int] = {}
        self._block_roles: list[Role | None] = []
        self._note_markers: list[int] = []
        """The offsets of ``_marker_of`` in order, for finding those on screen."""

    # Content ------------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    def show_article(self, text: str, text_layout: Layout, theme: Theme) -> None:
        """Show ``text``. The document is filled and formatted before the view holds it:
        a document without a view is never laid out, and one in a view lays out lazily, so
        only the first screen of a long text is laid out before it is painted."""
        self._text = text
        self._layout = text_layout
        self._offsets = OffsetMap(text)
        self._theme = theme
        starts = line_starts(text)
        self._block_roles = block_roles(starts, text_layout)
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)
        document.setPlainText(text)
        frame_format = document.rootFrame().frameFormat()
        frame_format.setTopMargin(36)
        frame_format.setBottomMargin(48)
        document.rootFrame().setFrameFormat(frame_format)
        self._apply_structure(document)
        self.highlighter.set_text(text, self._offsets, starts)
        self.setExtraSelections([])
        previous = self.document()
        # Documents made here belong to the view; the first one belongs to Qt, which deletes it.
        ours = previous.parent() is self
        self.setDocument(document)
        self._forget_the_document()
        # Connected after the view's own handler, so that the range set here stands.
        document.documentLayout().documentSizeChanged.connect(
            lambda size, laid_out=document: self._scroll_within_laid_out(laid_out, size)
        )
        if ours:
            previous.deleteLater()
        self.set_caret_browsing(self._caret_browsing)  # a new document resets the caret
        self._apply_column()

    def _forget_the_document(self) -> None:
        """What the view knows of the document it shows, as it is for a new one."""
        self._highlighted_blocks = range(0)
        """The blocks whose highlights are the view's extra selections now."""
        self._highlights_stale = True
        self._painted_once = False
        self._laid_out_height = math.inf
        """The height of the text Qt has laid out so far, as it last reported it."""
        self._scroll_limit = 0
        """The end of the scroll range as last set from ``_laid_out_height``."""
        self._laid_out_told = False

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        if self._layout is not None:
            self._apply_structure(self.document())

    def _base_font(self) -> QFont:
        font = QFont(reading_family())
        font.setPointSizeF(BASE_POINT_SIZE + self._zoom)
        strategy = QFont.StyleStrategy.PreferAntialias
        if len(self._text) > SHAPED_TEXT_CHARS:
            strategy |= QFont.StyleStrategy.PreferNoShaping
        font.setStyleStrategy(strategy)
        return font

    def _role_formats(self) -> dict[Role | None, tuple[QTextBlockFormat, QTextCharFormat]]:
        """Block and character formats of each paragraph role; ``None`` is a blank line."""
        theme = self._theme
        base = self._base_font()
        size = base.pointSizeF()
        formats: dict[Role | None, tuple[QTextBlockFormat, QTextCharFormat]] = {}

        def char_format(font: QFont, colour: str) -> QTextCharFormat:
            made = QTextCharFormat()
            made.setFont(font)
            made.setForeground(QColor(colour))
            return made

        blank = QTextBlockFormat()
        # A blank line between paragraphs: spacing comes from the paragraphs.
        blank.setLineHeight(1, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        formats[None] = (blank, char_format(base, theme.text))
        title_font = QFont(base)
        title_font.setPointSizeF(size * 1.55)
        title_font.setWeight(QFont.Weight.Bold)
        title = QTextBlockFormat()
        title.setLineHeight(118, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        title.setBottomMargin(size * 1.4)
        title.setHeadingLevel(1)
        formats[Role.TITLE] = (title, char_format(title_font, theme.text))
        small = QFont(base)
        small.setPointSizeF(size * 0.9)
        small.setItalic(True)
        byline = QTextBlockFormat()
        byline.setBottomMargin(size * 0.5)
        formats[Role.BYLINE] = formats[Role.DATELINE] = (byline, char_format(small, theme.muted))
        boilerplate_font = QFont(base)
        boilerplate_font.setPointSizeF(size * 0.85)
        boilerplate = QTextBlockFormat()
        boilerplate.setBottomMargin(size * 0.3)
        formats[Role.BOILERPLATE] = (boilerplate, char_format(boilerplate_font, theme.muted))
        body = QTextBlockFormat()
        body.setLineHeight(155, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        body.setBottomMargin(size * 0.9)
        body.setAlignment(Qt.AlignmentFlag.AlignLeft)
        # Body text takes the document's default font and the view's colour (_apply_structure).
        formats[Role.BODY] = (body, QTextCharFormat())
        return formats

    def _apply_structure(self, document: QTextDocument) -> None:
        """Block and character formats for title, byline, body and boilerplate.

        The body's block format goes to the whole document in one call, and its text needs no
        character format of its own: the document's default font and the view's text colour
        are the body's (formatting every character of a long text held the window). Only the
        other blocks (blank
        lines, title, byline, boilerplate) are visited one by one."""
        assert self._layout is not None
        theme = self._theme
        base = self._base_font()
        document.setDefaultFont(base)
        self.setStyleSheet(
            f"QTextBrowser#articleView {{ background: {theme.page}; color: {theme.text};"
            f" selection-background-color: {theme.accent}; selection-color: {theme.page}; }}"
        )
        formats = self._role_formats()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setBlockFormat(formats[Role.BODY][0])
        previous_role: Role | None = None
        for number, role in enumerate(self._block_roles):
            if role is Role.BODY:
                previous_role = role
                continue
            block = document.findBlockByNumber(number)
            if not block.isValid():
                break
            block_format, char_format = formats[role]
            if role is Role.BOILERPLATE and previous_role is not Role.BOILERPLATE:
                block_format = QTextBlockFormat(block_format)
                block_format.setTopMargin(base.pointSizeF() * 2)
            cursor.setPosition(block.position())
            if role is None and block.length() <= 1:
                cursor.setBlockFormat(block_format)
                continue
            cursor.setPosition(
                block.position() + max(0, block.length() - 1), QTextCursor.MoveMode.KeepAnchor
            )
            cursor.setBlockFormat(block_format)
            cursor.setCharFormat(char_format)
            cursor.setBlockCharFormat(char_format)
            if role is not None:
                previous_role = role
        cursor.endEditBlock()
        if role_has_boilerplate(self._layout):
            self.setAccessibleDescription(
                self.tr("Texte de l’article ; les mentions de fin de page sont grisées")
            )

    def _apply_column(self) -> None:
        """Centre a column of at most ``READING_WIDTH`` (scaled with zoom) in the view.

        The column is made with viewport margins, not with the document's frame margins:
        changing a frame margin lays out the whole document again at once, while a new
        viewport width lets the document lay out lazily from the screen on show."""
        width = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        column = int(READING_WIDTH * (1 + self._zoom / BASE_POINT_SIZE))
        side = max(24, (width - column) // 2)
        margins = self.viewportMargins()
        if margins.left() != side or margins.right() != side:
            self.setViewportMargins(side, 0, side, 0)
        # The viewport changed size without the view being resized, so the wrap width is
        # given outright rather than left to follow the widget.
        wrap = max(120, width - 2 * side)
        if self.lineWrapMode() != QTextBrowser.LineWrapMode.FixedPixelWidth:
            self.setLineWrapMode(QTextBrowser.LineWrapMode.FixedPixelWidth)
        if self.lineWrapColumnOrWidth() != wrap:
            self.setLineWrapColumnOrWidth(wrap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_column()
        self._limit_scroll_range()

    def _scroll_within_laid_out(self, document: QTextDocument, size: QSizeF) -> None:
        if document is not self.document():
            return  # the previous article's, on its way out
        self._laid_out_height = size.height()
        self._limit_scroll_range()
        self._tell_if_laid_out()

    def _tell_if_laid_out(self) -> None:
        if not self._laid_out_told and self._text and self._fully_laid_out():
            self._laid_out_told = True
            self.text_laid_out.emit()

    def _limit_scroll_range(self) -> None:
        """While Qt lays a long text out in the background, the scroll range ends where the
        laid-out part ends; it grows with the layout, as a long web page's does while it
        loads. Qt's own range extrapolates the whole text's height from the part laid out,
        and dragging to its end made Qt lay out everything left at once: a quarter of a
        second for 5 MB, with the window frozen. Short texts are laid out whole before
        their first paint, and there the two ranges are the same."""
        if math.isinf(self._laid_out_height):
            return
        bar = self.verticalScrollBar()
        # A reader who went to the end is taken on to the end as it grows.
        at_the_end = 0 < self._scroll_limit <= bar.value()
        laid_out = math.ceil(self._laid_out_height) - self.viewport().height()
        if 0 <= laid_out < bar.maximum():
            bar.setMaximum(laid_out)
        self._scroll_limit = bar.maximum()
        if at_the_end:
            bar.setValue(bar.maximum())

    # Zoom ---------------------------------------------------------------------------------

    def set_caret_browsing(self, on: bool) -> None:
        self._caret_browsing = on
        self.setCursorWidth(2 if on else 0)
        self.viewport().update()

    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        self._zoom = max(-6, min(14, steps))
        if self._layout is not None:
            self._apply_structure(self.document())
            self._apply_column()

    # Offsets ------------------------------------------------------------------------------

    def to_qt(self, offset: int) -> int:
        return self._offsets.to_qt(offset)

    def to_python(self, position: int) -> int:
        return self._offsets.to_python(position)

    def selected_range(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.to_python(cursor.selectionStart())
        end = self.to_python(cursor.selectionEnd())
        # Trim spaces and line breaks a drag usually catches at the edges.
        while start < end and self._text[start].isspace():
            start += 1
        while end > start and self._text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def offset_at(self, point: QPoint) -> int:
        return self.to_python(self.cursorForPosition(point).position())

    def select_range(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.to_qt(start))
        cursor.setPosition(self.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def scroll_to(self, offset: int) -> None:
        """Scroll so that ``offset`` is a third of the way down the view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_qt(offset))
        rect = self.cursorRect(cursor)  # lays the text out down to ``offset``
        bar = self.verticalScrollBar()
        wanted = bar.value() + rect.center().y() - self.viewport().height() // 3
        if wanted > bar.maximum() and not self._fully_laid_out():
            # Laid out just now, past the range reported so far (the report comes later).
            bar.setMaximum(wanted)
        bar.setValue(wanted)

    def _fully_laid_out(self) -> bool:
        return self.document().lastBlock().layout().lineCount() > 0

    def reveal(self, start: int, end: int, flash: bool = True) -> None:
        """Scroll so that the passage is in view, and flash it briefly."""
        self.scroll_to(start)
        cleared = self.textCursor()
        cleared.clearSelection()
        cleared.setPosition(self.to_qt(start))
        self.setTextCursor(cleared)
        if flash:
            self._flash = (start, end)
            self._flash_timer.start(900)
            self.viewport().update()

    def _end_flash(self) -> None:
        self._flash = None
        self.viewport().update()

    # Layers -------------------------------------------------------------------------------

    def _highlights_changed(self, blocks: set[int]) -> None:
        shown = self._highlighted_blocks
        if not shown or any(number in shown for number in blocks):
            self._highlights_stale = True
            self.viewport().update()

    def _blocks_on_screen(self) -> range:
        """The blocks that meet the viewport, from their geometry; those not laid out yet are
        laid out here, as the paint would. (Qt's hit test, asked before the first paint of a
        long text, laid all of it out.)"""
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        document = self.document()
        layout_of = document.documentLayout()
        self._lay_out_down_to(bottom)

        def ends_below_top(number: int) -> bool:
            layout = document.findBlockByNumber(number).layout()
            if layout.lineCount() == 0:  # not laid out yet: past the laid-out part
                return True
            return layout.position().y() + layout.boundingRect().height() > top

        count = document.blockCount()
        first = min(bisect_left(range(count), True, key=ends_below_top), count - 1)
        block = document.findBlockByNumber(first)
        end = first
        while block.isValid():
            rect = layout_of.blockBoundingRect(block)
            if rect.top() > bottom:
                break
            if rect.bottom() <= top:
                first += 1  # laid out just now, and above the screen
            end += 1
            block = block.next()
        return range(first, max(end, first + 1))

    def _lay_out_down_to(self, y: int) -> None:
        """Lay the text out at least down to ``y`` in one request to Qt, when the screen is
        past the part laid out (a passage revealed far down a long text still being laid
        out). Asking block by block from there took a quarter of a second with Qt's own,
        extrapolated, scroll range."""
        document = self.document()
        if self._fully_laid_out():
            return
        # The first block not laid out: Qt lays them out in order.
        first = bisect_left(
            range(document.blockCount()),
            True,
            key=lambda number: document.findBlockByNumber(number).layout().lineCount() == 0,
        )
        frontier = document.findBlockByNumber(first)
        laid_out = frontier.previous().layout() if first > 0 else None
        laid_out_y = laid_out.position().y() + laid_out.boundingRect().height() if laid_out else 0
        if laid_out_y <= 0 or laid_out_y >= y:
            return
        # Characters per pixel so far, with a tenth more: one request, a little past ``y``.
        target = int(frontier.position() * y / laid_out_y * 1.1)
        last_position = document.characterCount() - 1
        document.documentLayout().blockBoundingRect(document.findBlock(min(target, last_position)))

    def _refresh_highlights(self) -> None:
        """Give the blocks on screen the highlights of their layers, as extra selections:
        they are painted over the text without laying anything out again. A highlight that
        only underlines still needs a text colour, or Qt paints nothing of it; it keeps the
        block's own (a title's, a greyed footer's)."""
        blocks = self._blocks_on_screen()
        if blocks == self._highlighted_blocks and not self._highlights_stale:
            return
        self._highlighted_blocks = blocks
        self._highlights_stale = False
        document = self.document()
        ranges = self.highlighter.ranges
        selections = []
        block = document.findBlockByNumber(blocks.start)
        for number in blocks:
            if not block.isValid():
                break
            position = block.position()
            own_colour = None
            for piece in ranges(number, block.length() - 1):
                char_format = piece.format
                if char_format.foreground().style() == Qt.BrushStyle.NoBrush:
                    if own_colour is None:
                        own_colour = block.charFormat().foreground()
                        if own_colour.style() == Qt.BrushStyle.NoBrush:
                            own_colour = QBrush(QColor(self._theme.text))
                    char_format = QTextCharFormat(char_format)
                    char_format.setForeground(own_colour)
                cursor = QTextCursor(document)
                cursor.setPosition(position + piece.start)
                cursor.setPosition(
                    position + piece.start + piece.length, QTextCursor.MoveMode.KeepAnchor
                )
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = char_format
                selections.append(selection)
            block = block.next()
        self.setExtraSelections(selections)

    def set_note_markers(self, offsets: dict[str, int]) -> None:
        """Where highlights that carry a note start, by annotation id: a small dot is drawn
        there."""
        self._marker_of = dict(offsets)
        self._note_markers = sorted(offsets.values())
        self.viewport().update()

    def put_note_marker(self, key: str, offset: int | None) -> None:
        """The marker of one annotation set, moved, or (``None``) taken away."""
        old = self._marker_of.pop(key, None)
        if offset is not None:
            self._marker_of[key] = offset
        if old == offset:
            return
        markers = self._note_markers
        if old is not None:
            del markers[bisect_left(markers, old)]
        if offset is not None:
            insort(markers, offset)
        self.viewport().update()

    def note_markers(self) -> list[int]:
        return list(self._note_markers)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._refresh_highlights()
        super().paintEvent(event)
        if not self._painted_once and self._text:
            self._painted_once = True
            QTimer.singleShot(0, self.text_painted.emit)
            QTimer.singleShot(0, self._tell_if_laid_out)
        if not self._note_markers and self._flash is None:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        visible = self.viewport().rect()
        if self._flash is not None:
            colour = QColor(self._theme.current_background)
            colour.setAlpha(110)
            for rect in self._passage_rects(*self._flash):
                if rect.intersects(visible):
                    painter.fillRect(rect, colour)
        marker = QColor(self._theme.accent)
        painter.setBrush(marker)
        painter.setPen(Qt.PenStyle.NoPen)
        for offset in self._visible_markers():
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.to_qt(offset))
            rect = self.cursorRect(cursor)
            if rect.intersects(visible):
                painter.drawEllipse(QPoint(rect.left() + 1, rect.top() + 2), 3, 3)
        painter.end()

    def _visible_markers(self) -> list[int]:
        """The note markers in the paragraphs on screen: with thousands of notes, asking Qt
        where each one is on every paint would cost more than the paint itself."""
        if not self._note_markers:
            return []
        document = self.document()
        blocks = self._highlighted_blocks or self._blocks_on_screen()
        first = self.to_python(document.findBlockByNumber(blocks.start).position())
        last_block = document.findBlockByNumber(blocks.stop - 1)
        last = self.to_python(last_block.position() + last_block.length())
        markers = self._note_markers
        return markers[bisect_left(markers, first) : bisect_right(markers, last)]

    def _passage_rects(self, start: int, end: int) -> list[QRect]:
        rects: list[QRect] = []
        cursor = QTextCursor(self.document())
        position = self.to_qt(start)
        stop = self.to_qt(end)
        while position < stop:
            cursor.setPosition(position)
            left = self.cursorRect(cursor)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfLine)
            line_end = min(cursor.position(), stop)
            cursor.setPosition(line_end)
            right = self.cursorRect(cursor)
            if line_end <= position:
                line_end = position + 1
            rects.append(QRect(left.topLeft(), right.bottomRight()).normalized())
            position = line_end
            cursor.setPosition(position)
            if self.document().characterAt(position) in ("\u2029", "\n"):
                position += 1
        return rects

    # Interaction --------------------------------------------------------------------------

    def add_annotate_action(self, action: object) -> None:
        """Actions offered at the top of the context menu (Annoter…, …)."""
        self._annotate_actions.append(action)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if not self.textCursor().hasSelection():
            self.clicked_at.emit(self.offset_at(event.pos()))
        menu: QMenu = self.createStandardContextMenu(event.pos())
        first = menu.actions()[0] if menu.actions() else None
        for action in self._annotate_actions:
            menu.insertAction(first, action)  # type: ignore[arg-type]
        if self._annotate_actions:
            menu.insertSeparator(first)  # type: ignore[arg-type]
        menu.exec(event.globalPos())
        menu.deleteLater()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_position = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed = self._press_position
        self._press_position = None
        if (
            event.button() == Qt.MouseButton.LeftButton
            and pressed is not None
            and (event.position().toPoint() - pressed).manhattanLength() < 4
            and not self.textCursor().hasSelection()
        ):
            self.clicked_at.emit(self.offset_at(event.position().toPoint()))

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self.tooltip_requested.emit(self.offset_at(event.pos()))
            return True
        return super().viewportEvent(event)

    def show_tooltip(self, html: str) -> None:
        if html:
            QToolTip.showText(QCursor.pos(), html, self)
        else:
            QToolTip.hideText()


def block_roles(starts: list[int], text_layout: Layout) -> list[Role | None]:
    """The role of each text block (one per line), ``None`` for a line that starts no
    paragraph (a blank line between two)."""
    roles: list[Role | None] = [None] * len(starts)
    for paragraph in text_layout.paragraphs:
        roles[bisect_right(starts, paragraph.start) - 1] = paragraph.role
    return roles


def role_has_boilerplate(text_layout: Layout) -> bool:
    return any(p.role is Role.BOILERPLATE for p in text_layout.paragraphs)
