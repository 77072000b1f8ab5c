"""Which words differ between two reports of one quotation: a word-level diff, as data.

Offsets are into the two texts given, so a view can highlight the words a variant changed,
added or left out. Words compare as the library search compares them (case, accents and
apostrophes aside), so a variant is not shown as changed for a capital or an « oe ».
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz.distance import Indel

from reader.search import fold

_WORD = re.compile(r"[^\W_]+")


class Change(StrEnum):
    SAME = "same"
    CHANGED = "changed"
    """Words in both texts, different."""
    ADDED = "added"
    """Words only the variant has."""
    REMOVED = "removed"
    """Words only the reference has (cut from the variant)."""


@dataclass(frozen=True, slots=True)
class WordDiff:
    change: Change
    reference: tuple[int, int] | None
    """(start, end) of the words in the reference text; None for an addition."""
    variant: tuple[int, int] | None
    """(start, end) of the words in the variant text; None for a removal."""


def _words(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    found = list(_WORD.finditer(text))
    return [fold(match.group()) for match in found], [match.span() for match in found]


def word_diff(reference: str, variant: str) -> list[WordDiff]:
    """The two texts as stretches of words that are the same, changed, added or removed,
    in reading order."""
    reference_words, reference_spans = _words(reference)
    variant_words, variant_spans = _words(variant)

    def span(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
        return (spans[start][0], spans[end - 1][1]) if end > start else None

    result: list[WordDiff] = []
    for op in Indel.opcodes(reference_words, variant_words):
        ref = span(reference_spans, op.src_start, op.src_end)
        var = span(variant_spans, op.dest_start, op.dest_end)
        if op.tag == "equal":
            change = Change.SAME
        elif ref and var:
            change = Change.CHANGED
        else:
            change = Change.REMOVED if ref else Change.ADDED
        if result and change is not Change.SAME and result[-1].change is not Change.SAME:
            # Indel aligns a replacement as a deletion next to an insertion: one change.
            previous = result.pop()
            ref = _joined(previous.reference, ref)
            var = _joined(previous.variant, var)
            change = Change.CHANGED if ref and var else change
        result.append(WordDiff(change, ref, var))
    return result


def _joined(
    first: tuple[int, int] | None, second: tuple[int, int] | None
) -> tuple[int, int] | None:
    if first is None or second is None:
        return first or second
    return (min(first[0], second[0]), max(first[1], second[1]))


def diff_pieces(reference: str, variant: str) -> list[tuple[Change, str]]:
    """The variant as a reader sees it beside the reference: its own text in order, each
    piece marked same, added or changed, with the reference's words it left out or replaced
    put back just before the variant's next word (marked removed), so that one line shows
    both reports.

    Joining the texts of the pieces not marked ``REMOVED`` gives the variant back, but for
    the spaces that set the removed words apart."""
    pieces: list[tuple[Change, str]] = []
    position = 0
    left_out: list[str] = []
    """Removed words waiting for the variant's next word."""

    def plain_until(end: int) -> None:
        nonlocal position
        if end > position:
            pieces.append((Change.SAME, variant[position:end]))
            position = end

    def put_back_left_out(before_a_word: bool) -> None:
        if not left_out:
            return
        if not before_a_word and pieces and not pieces[-1][1][-1:].isspace():
            pieces.append((Change.SAME, " "))
        pieces.append((Change.REMOVED, " ".join(left_out)))
        if before_a_word:
            pieces.append((Change.SAME, " "))
        left_out.clear()

    for stretch in word_diff(reference, variant):
        if stretch.reference is not None and stretch.change is not Change.SAME:
            left_out.append(reference[slice(*stretch.reference)])
        if stretch.variant is None:
            continue
        start, end = stretch.variant
        plain_until(start)
        put_back_left_out(before_a_word=True)
        if stretch.change is Change.SAME:
            plain_until(end)
        else:
            pieces.append((stretch.change, variant[start:end]))
            position = end
    put_back_left_out(before_a_word=False)
    plain_until(len(variant))
    return _merged(pieces)


def _merged(pieces: list[tuple[Change, str]]) -> list[tuple[Change, str]]:
    """Neighbouring pieces of one kind as one."""
    merged: list[tuple[Change, str]] = []
    for change, text in pieces:
        if merged and merged[-1][0] is change:
            merged[-1] = (change, merged[-1][1] + text)
        else:
            merged.append((change, text))
    return merged
