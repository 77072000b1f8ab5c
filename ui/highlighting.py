"""Highlights as named, prioritised layers over the article.

Each layer holds spans in Python offsets with a character format. Spans are indexed per
text block, so the formats of one block are found without looking at the others. Setting a
layer again compares the new spans with the old ones and re-indexes only the blocks of the
spans that came or went: adding one annotation among 10,000 touches one block, not the list.
Overlapping layers merge in priority order, so an entity inside a quotation inside an
annotation shows all three (an underline, a text colour and a background).

The highlighter only keeps the index; the view paints the blocks on screen with it, as extra
selections (``ArticleView``). Formats written into the document's block layouts (what a
``QSyntaxHighlighter`` does) make Qt lay each block out again and walk every block after it;
and, while a long text is still being laid out lazily, the blocks just past the laid-out part
were left with no lines at all: whole pages of a 400,000-character text showed blank.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from PySide6.QtGui import QTextCharFormat, QTextLayout

from reader.text import OffsetMap

Span = tuple[int, int, QTextCharFormat]
_Key = tuple[int, int, int]
"""A span as (start, end, format number): hashable, so two versions of a layer compare."""
_Piece = tuple[int, int, int]
"""A span's part inside one block: (start, end) in Qt units from the block start, format."""
_BlockPieces = dict[int, list[_Piece]]


def line_starts(text: str) -> list[int]:
    """Offsets where each line of ``text`` starts (one text block per line)."""
    starts = [0]
    find = text.find
    position = find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = find("\n", position + 1)
    return starts


@dataclass
class Layer:
    name: str
    priority: int
    visible: bool = True
    spans: dict[str | int, Span] = field(default_factory=dict)
    """The layer's spans by key: an annotation's id, or the span's place in the list given."""
    keys: Counter[_Key] = field(default_factory=Counter)
    by_block: _BlockPieces = field(default_factory=dict)


class LayerHighlighter:
    def __init__(self) -> None:
        self._merged: dict[tuple[int, ...], QTextCharFormat] = {}
        """Formats of overlapping spans merged once, by the format numbers merged."""
        self._layers: dict[str, Layer] = {}
        self._offsets = OffsetMap("")
        self._line_starts: list[int] = [0]
        self._formats: list[QTextCharFormat] = []
        """Every distinct format met so far; spans refer to them by number."""
        self.repaint: Callable[[set[int]], None] = lambda _blocks: None
        """Told the numbers of the blocks whose formats changed (the view repaints them)."""

    def set_text(
        self, text: str, offsets: OffsetMap | None = None, starts: list[int] | None = None
    ) -> None:
        """The text now shown: one block per line. ``offsets`` and ``starts`` (its
        ``line_starts``) are given when the caller has them already: each costs a pass over
        the text."""
        self._offsets = offsets if offsets is not None else OffsetMap(text)
        self._line_starts = starts if starts is not None else line_starts(text)
        for layer in self._layers.values():
            layer.spans, layer.keys, layer.by_block = {}, Counter(), {}

    def layer_names(self) -> list[str]:
        return sorted(self._layers, key=lambda name: self._layers[name].priority)

    def spans(self, name: str) -> list[Span]:
        layer = self._layers.get(name)
        return list(layer.spans.values()) if layer else []

    def is_visible(self, name: str) -> bool:
        layer = self._layers.get(name)
        return bool(layer and layer.visible)

    def set_layer(self, name: str, priority: int, spans: list[Span] | dict[str, Span]) -> None:
        """Every span of a layer; given by key (an annotation's id, say), one of them can
        later be changed alone with ``put_span``."""
        layer = self._layer(name, priority)
        keyed: dict[str | int, Span] = {}
        keyed.update(spans.items() if isinstance(spans, dict) else enumerate(spans))
        keys = Counter(self._keys(list(keyed.values())))
        changed = self._reindex(layer, layer.keys - keys, keys - layer.keys)
        layer.spans = keyed
        layer.keys = keys
        if layer.visible:
            self._repaint_blocks(changed)

    def add_spans(self, name: str, priority: int, spans: dict[str, Span]) -> None:
        """More spans for a layer, by keys it does not have yet: only those are indexed."""
        layer = self._layer(name, priority)
        layer.spans.update(spans)
        added = Counter(self._keys(list(spans.values())))
        layer.keys.update(added)
        changed = self._reindex(layer, Counter(), added)
        if layer.visible:
            self._repaint_blocks(changed)

    def put_span(self, name: str, priority: int, key: str, span: Span | None) -> None:
        """Set the span of ``key`` (``None`` takes it out) without looking at the rest of the
        layer: one annotation changed among thousands costs what one span costs."""
        layer = self._layer(name, priority)
        old = layer.spans.pop(key, None)
        if span is not None:
            layer.spans[key] = span
        gone = Counter(self._keys([old] if old else []))
        new = Counter(self._keys([span] if span else []))
        gone, new = gone - new, new - gone
        for item, count in gone.items():
            layer.keys[item] -= count
            if layer.keys[item] <= 0:
                del layer.keys[item]
        layer.keys.update(new)
        changed = self._reindex(layer, gone, new)
        if layer.visible:
            self._repaint_blocks(changed)

    def _layer(self, name: str, priority: int) -> Layer:
        layer = self._layers.get(name)
        if layer is None:
            layer = self._layers[name] = Layer(name, priority)
        elif layer.priority != priority:
            layer.priority = priority
            self._repaint_blocks(set(layer.by_block))
        return layer

    def _reindex(self, layer: Layer, removed: Counter[_Key], added: Counter[_Key]) -> set[int]:
        """Move spans in and out of the per-block index; returns the blocks touched."""
        changed: set[int] = set()
        for key, count in removed.items():
            for block, piece in self._pieces(key):
                pieces = layer.by_block[block]
                for _ in range(count):
                    pieces.remove(piece)
                if not pieces:
                    del layer.by_block[block]
                changed.add(block)
        for key, count in added.items():
            for block, piece in self._pieces(key):
                layer.by_block.setdefault(block, []).extend([piece] * count)
                changed.add(block)
        return changed

    def set_visible(self, name: str, visible: bool) -> None:
        layer = self._layers.get(name)
        if layer is None or layer.visible == visible:
            return
        layer.visible = visible
        self._repaint_blocks(set(layer.by_block))

    def _keys(self, spans: list[Span]) -> list[_Key]:
        numbers: dict[int, int] = {}
        keys = []
        for start, end, char_format in spans:
            if end <= start:
                continue
            number = numbers.get(id(char_format))
            if number is None:
                number = numbers[id(char_format)] = self._format_number(char_format)
            keys.append((start, end, number))
        return keys

    def _format_number(self, char_format: QTextCharFormat) -> int:
        for number, known in enumerate(self._formats):
            if known == char_format:
                return number
        self._formats.append(QTextCharFormat(char_format))
        return len(self._formats) - 1

    def _pieces(self, key: _Key) -> list[tuple[int, _Piece]]:
        """The parts of a span in each block it covers."""
        start, end, number = key
        starts = self._line_starts
        last_block = len(starts) - 1
        first = max(bisect_right(starts, start) - 1, 0)
        last = min(bisect_right(starts, end - 1) - 1, last_block)
        to_qt = self._offsets.to_qt
        pieces = []
        for block in range(first, last + 1):
            line_start = starts[block]
            line_end = starts[block + 1] - 1 if block < last_block else 1 << 62
            clipped_start, clipped_end = max(start, line_start), min(end, line_end)
            if clipped_end <= clipped_start:
                continue
            base = to_qt(line_start)
            pieces.append((block, (to_qt(clipped_start) - base, to_qt(clipped_end) - base, number)))
        return pieces

    def _repaint_blocks(self, blocks: set[int]) -> None:
        if blocks:
            self.repaint(blocks)

    def ranges(self, number: int, length: int) -> list[QTextLayout.FormatRange]:
        """The formats of block ``number`` (``length`` Qt units long, its end of line left
        out), overlapping spans merged: positions are from the block's start."""
        pieces: list[tuple[int, int, int, int]] = []
        for layer in self._layers.values():
            if not layer.visible:
                continue
            for start, end, format_number in layer.by_block.get(number, ()):
                pieces.append((start, end, layer.priority, format_number))
        if not pieces:
            return []
        bounds = sorted({0, length} | {p[0] for p in pieces} | {p[1] for p in pieces})
        pieces.sort(key=lambda piece: piece[2])
        ranges = []
        for left, right in pairwise(bounds):
            if right <= left:
                continue
            numbers = tuple(
                format_number
                for start, end, _priority, format_number in pieces
                if start <= left and right <= end
            )
            if not numbers:
                continue
            format_range = QTextLayout.FormatRange()
            format_range.start = left
            format_range.length = right - left
            format_range.format = self._merged_format(numbers)
            ranges.append(format_range)
        return ranges

    def _merged_format(self, numbers: tuple[int, ...]) -> QTextCharFormat:
        merged = self._merged.get(numbers)
        if merged is None:
            merged = QTextCharFormat(self._formats[numbers[0]])
            for number in numbers[1:]:
                merged.merge(self._formats[number])
            self._merged[numbers] = merged
        return merged
