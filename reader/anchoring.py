"""Keeping annotations on the right words: W3C selectors and re-anchoring.

The whole policy is here; the library only reads and writes what it decides.

An annotation stores a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector
(start, end). A passage the reader chooses (a new annotation, an orphan re-attached) is
``attach``-ed: anchored where they chose, with selectors taken from the text as it is. When the
article text changes, ``reanchor`` looks for the passage at its old position (anchored), then as
the same quote nearest the old position, context breaking ties, then fuzzily (rapidfuzz's best
partial alignment, first near the old position, then anywhere) — both moved — else it is
orphaned, never dropped. Re-anchoring keeps the selectors: they hold the words the reader
chose, which an orphan shows and a later version of the text may bring back.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    """How well an annotation is attached to the current text of its article."""

    ANCHORED = "anchored"
    MOVED = "moved"
    ORPHANED = "orphaned"


CONTEXT_LENGTH = 32
FUZZY_CUTOFF = 80.0
"""Lowest rapidfuzz score (0–100) at which a reworded passage is still the same passage."""
FUZZY_WINDOW = 4000
FUZZY_WHOLE_TEXT_LIMIT = 2_000_000
MIN_FUZZY_LENGTH = 8


@dataclass(frozen=True, slots=True)
class QuoteSelector:
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    status: Status


@dataclass(frozen=True, slots=True)
class Attachment:
    """A passage chosen by the reader: where it is, and the selectors that find it again."""

    anchor: Anchor
    selector: QuoteSelector


def quote_selector(text: str, start: int, end: int) -> QuoteSelector:
    return QuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_LENGTH) : start],
        suffix=text[end : end + CONTEXT_LENGTH],
    )


def attach(text: str, start: int, end: int) -> Attachment:
    """``text[start:end]`` as the reader chose it: anchored there, whatever it was before."""
    return Attachment(Anchor(start, end, Status.ANCHORED), quote_selector(text, start, end))


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of the stored context still surround the candidate."""
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    score = 0
    for a, b in zip(reversed(before), reversed(prefix), strict=False):
        if a != b:
            break
        score += 1
    for a, b in zip(after, suffix, strict=False):
        if a != b:
            break
        score += 1
    return score


def reanchor(text: str, start: int, end: int, exact: str, prefix: str, suffix: str) -> Anchor:
    """Where the passage ``exact`` (once at ``start``–``end``) is in the new ``text``."""
    if text[start:end] == exact and exact:
        return Anchor(start, end, Status.ANCHORED)
    candidates: list[int] = []
    found = text.find(exact) if exact else -1
    while found != -1:
        candidates.append(found)
        found = text.find(exact, found + 1)
    if not candidates:
        return _fuzzy(text, start, exact) or Anchor(start, end, Status.ORPHANED)
    best = max(
        candidates,
        key=lambda c: (_context_score(text, c, c + len(exact), prefix, suffix), -abs(c - start)),
    )
    return Anchor(best, best + len(exact), Status.MOVED)


def _snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen an approximate match to whole words, as a reader would have selected it."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def _fuzzy(text: str, start: int, exact: str) -> Anchor | None:
    if len(exact.strip()) < MIN_FUZZY_LENGTH:
        return None
    # Imported when a passage has moved, not at start-up: it would delay the first paint.
    from rapidfuzz import fuzz

    windows = [(max(0, start - FUZZY_WINDOW), min(len(text), start + len(exact) + FUZZY_WINDOW))]
    if len(text) <= FUZZY_WHOLE_TEXT_LIMIT:
        windows.append((0, len(text)))
    for low, high in windows:
        alignment = fuzz.partial_ratio_alignment(exact, text[low:high], score_cutoff=FUZZY_CUTOFF)
        if alignment is not None and alignment.dest_end > alignment.dest_start:
            found_start, found_end = _snap_to_words(
                text, low + alignment.dest_start, low + alignment.dest_end
            )
            return Anchor(found_start, found_end, Status.MOVED)
    return None
