"""What the article view paints over its text: the highlight layers of the blocks on screen
(as extra selections), the dots that mark a note, and the brief flash of a revealed passage."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
)
from PySide6.QtWidgets import QTextEdit

FLASH_ALPHA = 110
MARKER_RADIUS = 3


def extra_selections(
    document: QTextDocument,
    blocks: range,
    ranges: Callable[[int, int], list[QTextLayout.FormatRange]],
    text_colour: QColor,
) -> list[QTextEdit.ExtraSelection]:
    """The highlights of ``blocks``, as extra selections: they are painted over the text
    without laying anything out again. A highlight that only underlines still needs a text
    colour, or Qt paints nothing of it; it keeps the block's own (a title's, a greyed
    footer's), else ``text_colour``."""
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
                        own_colour = QBrush(text_colour)
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
    return selections


class NoteMarkers:
    """Where highlights that carry a note start, by annotation id, and the same offsets in
    order, for finding those on screen without asking Qt where each one is."""

    def __init__(self) -> None:
        self._offset_of: dict[str, int] = {}
        self._in_order: list[int] = []

    def set_all(self, offsets: dict[str, int]) -> None:
        self._offset_of = dict(offsets)
        self._in_order = sorted(offsets.values())

    def put(self, key: str, offset: int | None) -> bool:
        """One annotation's marker set, moved, or (``None``) taken away; True if it changed."""
        old = self._offset_of.pop(key, None)
        if offset is not None:
            self._offset_of[key] = offset
        if old == offset:
            return False
        if old is not None:
            del self._in_order[bisect_left(self._in_order, old)]
        if offset is not None:
            insort(self._in_order, offset)
        return True

    def offsets(self) -> list[int]:
        return list(self._in_order)

    def between(self, first: int, last: int) -> list[int]:
        """The markers from offset ``first`` to ``last``, both included."""
        markers = self._in_order
        return markers[bisect_left(markers, first) : bisect_right(markers, last)]

    def __bool__(self) -> bool:
        return bool(self._in_order)


def passage_rects(view: QTextEdit, start: int, stop: int) -> list[QRect]:
    """One rectangle per line of the passage from Qt position ``start`` to ``stop``, in the
    viewport's coordinates."""
    document = view.document()
    rects: list[QRect] = []
    cursor = QTextCursor(document)
    position = start
    while position < stop:
        cursor.setPosition(position)
        left = view.cursorRect(cursor)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfLine)
        line_end = min(cursor.position(), stop)
        cursor.setPosition(line_end)
        right = view.cursorRect(cursor)
        if line_end <= position:
            line_end = position + 1
        rects.append(QRect(left.topLeft(), right.bottomRight()).normalized())
        position = line_end
        cursor.setPosition(position)
        if document.characterAt(position) in ("\u2029", "\n"):
            position += 1
    return rects


def paint_flash_and_markers(
    view: QTextEdit,
    flash: tuple[int, int] | None,
    markers: list[int],
    flash_colour: str,
    marker_colour: str,
) -> None:
    """Over the viewport: the flashed passage (Qt positions) tinted, and a dot where each
    marker (Qt positions) starts."""
    painter = QPainter(view.viewport())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    visible = view.viewport().rect()
    if flash is not None:
        colour = QColor(flash_colour)
        colour.setAlpha(FLASH_ALPHA)
        for rect in passage_rects(view, *flash):
            if rect.intersects(visible):
                painter.fillRect(rect, colour)
    painter.setBrush(QColor(marker_colour))
    painter.setPen(Qt.PenStyle.NoPen)
    for position in markers:
        cursor = QTextCursor(view.document())
        cursor.setPosition(position)
        rect = view.cursorRect(cursor)
        if rect.intersects(visible):
            painter.drawEllipse(
                QPoint(rect.left() + 1, rect.top() + 2), MARKER_RADIUS, MARKER_RADIUS
            )
    painter.end()
