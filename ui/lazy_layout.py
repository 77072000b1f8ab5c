"""The part of a long text Qt has laid out: a document in a view is laid out lazily, from the
top, as it is painted; these find which blocks meet the screen, and lay out just enough of the
rest for a passage far down, and keep the scroll range within the part laid out, without
making Qt lay out the whole text at once."""

from __future__ import annotations

import math
from bisect import bisect_left

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QScrollBar


def fully_laid_out(document: QTextDocument) -> bool:
    return document.lastBlock().layout().lineCount() > 0


def lay_out_down_to(document: QTextDocument, y: int) -> None:
    """Lay the text out at least down to ``y`` in one request to Qt, when the screen is
    past the part laid out (a passage revealed far down a long text still being laid
    out). Asking block by block from there took a quarter of a second with Qt's own,
    extrapolated, scroll range."""
    if fully_laid_out(document):
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


def blocks_between(document: QTextDocument, top: int, bottom: int) -> range:
    """The blocks that meet the band from ``top`` to ``bottom`` (document coordinates), from
    their geometry; those not laid out yet are laid out here, as the paint would. (Qt's hit
    test, asked before the first paint of a long text, laid all of it out.)"""
    layout_of = document.documentLayout()
    lay_out_down_to(document, bottom)

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


class LaidOutScrollRange:
    """While Qt lays a long text out in the background, the scroll range ends where the
    laid-out part ends; it grows with the layout, as a long web page's does while it
    loads. Qt's own range extrapolates the whole text's height from the part laid out,
    and dragging to its end made Qt lay out everything left at once: a quarter of a
    second for 5 MB, with the window frozen. Short texts are laid out whole before
    their first paint, and there the two ranges are the same."""

    def __init__(self, bar: QScrollBar) -> None:
        self._bar = bar
        self.forget()

    def forget(self) -> None:
        """As for a new document: nothing reported laid out yet."""
        self._laid_out_height = math.inf
        """The height of the text Qt has laid out so far, as it last reported it."""
        self._limit = 0
        """The end of the scroll range as last set from ``_laid_out_height``."""

    def laid_out(self, height: float, viewport_height: int) -> None:
        """Qt reports the text laid out down to ``height``."""
        self._laid_out_height = height
        self.limit(viewport_height)

    def limit(self, viewport_height: int) -> None:
        """End the range where the laid-out part ends, for a viewport this high."""
        if math.isinf(self._laid_out_height):
            return
        bar = self._bar
        # A reader who went to the end is taken on to the end as it grows.
        at_the_end = 0 < self._limit <= bar.value()
        laid_out = math.ceil(self._laid_out_height) - viewport_height
        if 0 <= laid_out < bar.maximum():
            bar.setMaximum(laid_out)
        self._limit = bar.maximum()
        if at_the_end:
            bar.setValue(bar.maximum())
