"""The article on screen: a reading column with styled title, byline, body and muted
boilerplate, highlight layers, and offsets in Python indices for everyone outside.

The view assembles and reacts; how paragraphs look is ``ui.article_typography``, what of a long
text is laid out is ``ui.lazy_layout``, what is painted over the text is
``ui.highlight_painting``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QCursor,
    QHelpEvent,
    QMouseEvent,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QToolTip, QWidget

from reader.text import Layout, OffsetMap, Role
from ui.article_typography import (
    base_font,
    block_roles,
    column_width,
    format_blocks,
    role_has_boilerplate,
)
from ui.highlight_painting import NoteMarkers, extra_selections, paint_flash_and_markers
from ui.highlighting import LayerHighlighter, line_starts
from ui.lazy_layout import LaidOutScrollRange, blocks_between, fully_laid_out
from ui.theme import LIGHT, Theme


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
        self._scroll_range = LaidOutScrollRange(self.verticalScrollBar())
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
        self._block_roles: list[Role | None] = []
        self._note_markers = NoteMarkers()
        self._word_accessibly()

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
        self._scroll_range.forget()
        self._laid_out_told = False

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        if self._layout is not None:
            self._apply_structure(self.document())

    def _apply_structure(self, document: QTextDocument) -> None:
        """The theme's colours and each paragraph's formats (``format_blocks``)."""
        assert self._layout is not None
        theme = self._theme
        self.setStyleSheet(
            f"QTextBrowser#articleView {{ background: {theme.page}; color: {theme.text};"
            f" selection-background-color: {theme.accent}; selection-color: {theme.page}; }}"
        )
        format_blocks(document, self._block_roles, theme, base_font(self._zoom, len(self._text)))
        self._word_accessibly()

    def _word_accessibly(self) -> None:
        """What a screen reader says of the view, in the interface language now in use."""
        self.setAccessibleName(self.tr("Article"))
        if self._layout is not None and role_has_boilerplate(self._layout):
            description = self.tr("Texte de l’article ; les mentions de fin de page sont grisées")
        else:
            description = self.tr("Texte de l’article, avec citations et entités surlignées")
        self.setAccessibleDescription(description)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._word_accessibly()

    def _apply_column(self) -> None:
        """Centre a column of at most ``column_width`` (it grows with zoom) in the view.

        The column is made with viewport margins, not with the document's frame margins:
        changing a frame margin lays out the whole document again at once, while a new
        viewport width lets the document lay out lazily from the screen on show."""
        width = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        column = column_width(self._zoom)
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
        self._scroll_range.limit(self.viewport().height())

    def _scroll_within_laid_out(self, document: QTextDocument, size: QSizeF) -> None:
        if document is not self.document():
            return  # the previous article's, on its way out
        self._scroll_range.laid_out(size.height(), self.viewport().height())
        self._tell_if_laid_out()

    def _tell_if_laid_out(self) -> None:
        if not self._laid_out_told and self._text and fully_laid_out(self.document()):
            self._laid_out_told = True
            self.text_laid_out.emit()

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
        if wanted > bar.maximum() and not fully_laid_out(self.document()):
            # Laid out just now, past the range reported so far (the report comes later).
            bar.setMaximum(wanted)
        bar.setValue(wanted)

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
        top = self.verticalScrollBar().value()
        return blocks_between(self.document(), top, top + self.viewport().height())

    def _refresh_highlights(self) -> None:
        """Give the blocks on screen the highlights of their layers (``extra_selections``)."""
        blocks = self._blocks_on_screen()
        if blocks == self._highlighted_blocks and not self._highlights_stale:
            return
        self._highlighted_blocks = blocks
        self._highlights_stale = False
        selections = extra_selections(
            self.document(), blocks, self.highlighter.ranges, QColor(self._theme.text)
        )
        self.setExtraSelections(selections)

    def set_note_markers(self, offsets: dict[str, int]) -> None:
        """Where highlights that carry a note start, by annotation id: a small dot is drawn
        there."""
        self._note_markers.set_all(offsets)
        self.viewport().update()

    def put_note_marker(self, key: str, offset: int | None) -> None:
        """The marker of one annotation set, moved, or (``None``) taken away."""
        if self._note_markers.put(key, offset):
            self.viewport().update()

    def note_markers(self) -> list[int]:
        return self._note_markers.offsets()

    def paintEvent(self, event: QPaintEvent) -> None:
        self._refresh_highlights()
        super().paintEvent(event)
        if not self._painted_once and self._text:
            self._painted_once = True
            QTimer.singleShot(0, self.text_painted.emit)
            QTimer.singleShot(0, self._tell_if_laid_out)
        if not self._note_markers and self._flash is None:
            return
        flash = self._flash
        paint_flash_and_markers(
            self,
            (self.to_qt(flash[0]), self.to_qt(flash[1])) if flash is not None else None,
            [self.to_qt(offset) for offset in self._visible_markers()],
            self._theme.current_background,
            self._theme.accent,
        )

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
        return self._note_markers.between(first, last)

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
