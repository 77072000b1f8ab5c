"""Highlights as named, prioritised layers over the article (DESIGN.md §8).

Each layer holds spans in Python offsets with a character format. Spans are indexed per
text block once, when a layer is set, so painting a block looks up only its own spans;
changing one layer repaints only the blocks whose spans changed. Overlapping layers merge in
priority order, so an entity inside a quotation inside an annotation shows all three (an
underline, a text colour and a background).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

from reader.text import OffsetMap

Span = tuple[int, int, QTextCharFormat]
_BlockSpans = dict[int, list[tuple[int, int, int]]]  # block → (start, end, format index), Qt units


@dataclass
class Layer:
    name: str
    priority: int
    visible: bool = True
    spans: list[Span] = field(default_factory=list)
    by_block: _BlockSpans = field(default_factory=dict)


class LayerHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._layers: dict[str, Layer] = {}
        self._offsets = OffsetMap("")
        self._line_starts: list[int] = [0]

    def set_text(self, text: str) -> None:
        """The text now in the document: one block per line."""
        self._offsets = OffsetMap(text)
        self._line_starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
        for layer in self._layers.values():
            layer.spans, layer.by_block = [], {}

    def layer_names(self) -> list[str]:
        return sorted(self._layers, key=lambda name: self._layers[name].priority)

    def spans(self, name: str) -> list[Span]:
        layer = self._layers.get(name)
        return list(layer.spans) if layer else []

    def is_visible(self, name: str) -> bool:
        layer = self._layers.get(name)
        return bool(layer and layer.visible)

    def set_layer(self, name: str, priority: int, spans: list[Span]) -> None:
        layer = self._layers.get(name)
        if layer is None:
            layer = self._layers[name] = Layer(name, priority)
        layer.priority = priority
        old_index, old_spans = layer.by_block, layer.spans
        layer.spans = list(spans)
        layer.by_block = self._index(layer.spans)
        if layer.visible:
            self._repaint_blocks(_changed_blocks(old_index, old_spans, layer.by_block, layer.spans))

    def set_visible(self, name: str, visible: bool) -> None:
        layer = self._layers.get(name)
        if layer is None or layer.visible == visible:
            return
        layer.visible = visible
        self._repaint_blocks(set(layer.by_block))

    def _index(self, spans: list[Span]) -> _BlockSpans:
        by_block: _BlockSpans = {}
        last_block = len(self._line_starts) - 1
        for index, (start, end, _format) in enumerate(spans):
            if end <= start:
                continue
            first = bisect_right(self._line_starts, start) - 1
            last = min(bisect_right(self._line_starts, end - 1) - 1, last_block)
            for block in range(max(first, 0), last + 1):
                line_start = self._line_starts[block]
                line_end = self._line_starts[block + 1] - 1 if block < last_block else 1 << 62
                clipped_start, clipped_end = max(start, line_start), min(end, line_end)
                if clipped_end <= clipped_start:
                    continue
                base = self._offsets.to_qt(line_start)
                by_block.setdefault(block, []).append(
                    (
                        self._offsets.to_qt(clipped_start) - base,
                        self._offsets.to_qt(clipped_end) - base,
                        index,
                    )
                )
        return by_block

    def _repaint_blocks(self, blocks: set[int]) -> None:
        document = self.document()
        if document is None:
            return
        if len(blocks) > 64:
            self.rehighlight()
            return
        for number in sorted(blocks):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:
        number = self.currentBlock().blockNumber()
        pieces: list[tuple[int, int, int, QTextCharFormat]] = []
        for layer in self._layers.values():
            if not layer.visible:
                continue
            for start, end, index in layer.by_block.get(number, ()):
                pieces.append((start, end, layer.priority, layer.spans[index][2]))
        if not pieces:
            return
        bounds = sorted({0, len(text)} | {p[0] for p in pieces} | {p[1] for p in pieces})
        pieces.sort(key=lambda piece: piece[2])
        for left, right in pairwise(bounds):
            if right <= left:
                continue
            merged: QTextCharFormat | None = None
            for start, end, _priority, char_format in pieces:
                if start <= left and right <= end:
                    if merged is None:
                        merged = QTextCharFormat(char_format)
                    else:
                        merged.merge(char_format)
            if merged is not None:
                self.setFormat(left, right - left, merged)


def _changed_blocks(
    old: _BlockSpans, old_spans: list[Span], new: _BlockSpans, new_spans: list[Span]
) -> set[int]:
    """Blocks whose spans or formats differ between two versions of a layer."""
    changed = set(old) ^ set(new)
    for block in set(old) & set(new):
        before = [(s, e, old_spans[i][2]) for s, e, i in old[block]]
        after = [(s, e, new_spans[i][2]) for s, e, i in new[block]]
        if before != after:
            changed.add(block)
    return changed
