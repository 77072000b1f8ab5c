"""Keeping annotations on the right words: W3C selectors and re-anchoring (DESIGN.md §5).

An annotation stores a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector
(start, end). When the article text changes, the passage is looked for at its old position,
then as the same quote nearest the old position (context breaking ties), else it is orphaned.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.store.model import Status

CONTEXT_LENGTH = 32


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


def quote_selector(text: str, start: int, end: int) -> QuoteSelector:
    return QuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_LENGTH) : start],
        suffix=text[end : end + CONTEXT_LENGTH],
    )


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
        return Anchor(start, end, Status.ORPHANED)
    best = max(
        candidates,
        key=lambda c: (_context_score(text, c, c + len(exact), prefix, suffix), -abs(c - start)),
    )
    return Anchor(best, best + len(exact), Status.MOVED)
