"""Finding quotations: the one place that knows French and English quoting conventions.

Handled: « … » with or without (narrow) no-break spaces; “ … ” and ‹ › and « » nested
inside « »; English “ … ” and straight "…"; a « … » that runs over several paragraphs, with
or without a « reopening each one. Apostrophes (’ and ') are never quotation marks.
Unbalanced marks are reported as problems and never make a quotation run past its paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.analysis.model import Problem, Quote

OPENERS = {"«": "»", "“": "”", "‹": "›"}
CLOSERS = {closer: opener for opener, closer in OPENERS.items()}
STRAIGHT = '"'
_SPACES = " \t\u00a0\u202f\u2009"


@dataclass(slots=True)
class _Open:
    mark: str
    position: int
    paragraph: int


def _straight_roles(text: str, start: int, end: int) -> dict[int, bool]:
    """Positions of straight quotes in a paragraph → True for opening, False for closing.

    Straight quotes pair up in order; a last unpaired one is left out (and reported).
    """
    positions = [i for i in range(start, end) if text[i] == STRAIGHT]
    return {position: index % 2 == 0 for index, position in enumerate(positions)}


def _continues_into(text: str, start: int, end: int) -> tuple[bool, int | None]:
    """Does an open « carry on into the paragraph text[start:end]?

    Yes when the paragraph reopens with « (its position is returned, to be skipped) or when a
    » comes before any «.
    """
    stripped = len(text[start:end]) - len(text[start:end].lstrip(_SPACES + "—–-"))
    if text.startswith("«", start + stripped):
        return True, start + stripped
    first_close = text.find("»", start, end)
    if first_close == -1:
        return False, None
    first_open = text.find("«", start, end)
    return first_open == -1 or first_close < first_open, None


def find_quotes(
    text: str, paragraphs: Sequence[tuple[int, int]]
) -> tuple[list[Quote], list[Problem]]:
    """Every quotation in the given paragraphs of ``text``, in reading order."""
    found: list[tuple[int, int, str, bool]] = []  # start, end, marks, closed
    problems: list[Problem] = []
    carried: _Open | None = None

    def give_up(opened: _Open, paragraph_end: int) -> None:
        found.append((opened.position, paragraph_end, opened.mark + OPENERS[opened.mark], False))
        problems.append(
            Problem(
                "unclosed",
                opened.position,
                paragraph_end,
                f"{opened.mark} opened here is never closed; the quotation stops at the end "
                "of its paragraph.",
            )
        )

    for index, (start, end) in enumerate(paragraphs):
        stack: list[_Open] = []
        skip: int | None = None
        if carried is not None:
            previous_end = paragraphs[index - 1][1]
            adjacent = text[previous_end:start].count("\n") <= 2
            continues, skip = _continues_into(text, start, end) if adjacent else (False, None)
            if continues:
                stack.append(carried)
            else:
                give_up(carried, previous_end)
            carried = None

        straight = _straight_roles(text, start, end)
        for position in range(start, end):
            char = text[position]
            if position == skip:
                continue
            if char in OPENERS or (char == STRAIGHT and straight.get(position) is True):
                stack.append(_Open(char, position, index))
                continue
            if char == STRAIGHT and position in straight:
                opener = STRAIGHT
            elif char in CLOSERS:
                opener = CLOSERS[char]
            else:
                continue
            depth = next(
                (d for d in range(len(stack) - 1, -1, -1) if stack[d].mark == opener), None
            )
            if depth is None:
                problems.append(
                    Problem(
                        "stray",
                        position,
                        position + 1,
                        f"{char} closes a quotation that was never opened.",
                    )
                )
                continue
            for unclosed in stack[depth + 1 :]:
                problems.append(
                    Problem(
                        "unclosed",
                        unclosed.position,
                        position,
                        f"{unclosed.mark} opened here is closed by nothing before the outer "
                        "quotation ends.",
                    )
                )
            opened = stack[depth]
            del stack[depth:]
            marks = opened.mark + (char if char != STRAIGHT else STRAIGHT)
            found.append((opened.position, position + 1, marks, True))

        if straight and len(straight) % 2 == 1:
            last = max(straight)
            problems.append(Problem("stray", last, last + 1, '" has no partner in its paragraph.'))
        # Only an outermost « may run on into the next paragraph.
        if stack and stack[0].mark == "«" and index + 1 < len(paragraphs):
            carried = stack.pop(0)
        for opened in stack:
            if opened.mark != STRAIGHT:
                give_up(opened, end)
    if carried is not None:
        give_up(carried, paragraphs[-1][1])

    found.sort(key=lambda item: (item[0], -item[1]))
    quotes: list[Quote] = []
    open_chain: list[int] = []
    for start, end, marks, closed in found:
        while open_chain and quotes[open_chain[-1]].end < end:
            open_chain.pop()
        parent = open_chain[-1] if open_chain else None
        quotes.append(Quote(start, end, text[start:end], marks, parent, closed))
        open_chain.append(len(quotes) - 1)
    problems.sort(key=lambda problem: problem.start)
    return quotes, problems
