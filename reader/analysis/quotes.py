"""Finding quotations: the one place that knows French and English quoting conventions.

Handled: « … » with or without (narrow) no-break spaces; “ … ”, ‹ › and « » nested inside
« »; English “ … ”, German „ … “ and straight "…"; a « … » (or “ … ”) that runs over several
paragraphs, with a reopening mark at the start of each one or with none. Apostrophes (’ and ')
are never quotation marks.

Unbalanced marks are reported as problems and never make a quotation swallow the article: a
quotation only runs on into the next paragraph when that paragraph reopens it or closes it
before opening anything else; otherwise it stops at the end of its own paragraph, or before the
next quotation of the same kind that opens in that paragraph.

The scan is one pass over the analysed paragraphs with a stack of open marks; every mark is
pushed and popped at most once, so the time is linear in the length of the text however
unbalanced the marks are.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.analysis.model import Problem, Quote, QuoteKind

OPENERS = {"«": "»", "“": "”", "‹": "›", "„": "“"}
"""Each opening mark and the mark that closes it."""
CLOSERS = {"»": ("«",), "”": ("“",), "›": ("‹",), "“": ("„",)}
"""Each closing mark and the openers it may close (“ closes only a German „)."""
STRAIGHT = '"'
CARRIED = {"«", "“"}
"""Marks whose quotation may run over several paragraphs (French and English practice)."""
_LEADING = " \t\u00a0\u202f\u2009—–-"
_PARAGRAPH_GAP = 2
"""At most this many line breaks between two paragraphs of one quotation (one blank line)."""
_ANY_MARK = re.compile("[" + re.escape("".join({*OPENERS, *CLOSERS, STRAIGHT})) + "]")
"""The scan visits only the marks: most of a text has none, and a regular expression skips it
far faster than a loop over every character."""


@dataclass(slots=True)
class _Open:
    mark: str
    position: int


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    marks: str
    closed: bool


def _straight_roles(text: str, start: int, end: int) -> dict[int, bool]:
    """Positions of straight quotes in a paragraph → True for opening, False for closing.

    Straight quotes carry no direction, so they pair up in order inside their paragraph; an
    odd one out is reported as stray by the caller.
    """
    roles: dict[int, bool] = {}
    position = text.find(STRAIGHT, start, end)
    while position != -1:
        roles[position] = len(roles) % 2 == 0
        position = text.find(STRAIGHT, position + 1, end)
    if len(roles) % 2 == 1:
        roles.pop(max(roles))
    return roles


def _continues_into(mark: str, text: str, start: int, end: int) -> tuple[bool, int | None]:
    """Does a quotation opened by ``mark`` carry on into the paragraph ``text[start:end]``?

    Yes when the paragraph reopens with the same mark (its position is returned, to be
    skipped) or when the closing mark comes before any new opening mark.
    """
    first = start
    while first < end and text[first] in _LEADING:
        first += 1
    if first < end and text[first] == mark:
        return True, first
    closer = OPENERS[mark]
    first_close = text.find(closer, start, end)
    if first_close == -1:
        return False, None
    first_open = text.find(mark, start, first_close)
    return first_open == -1, None


class _Scanner:
    """One pass over the paragraphs; collects quotations and problems."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[_Found] = []
        self.problems: list[Problem] = []
        self.stack: list[_Open] = []
        self.open_counts: dict[str, int] = {}
        """How many of each mark are on the stack: a closer with no opener is known stray in
        constant time, which keeps many unbalanced marks linear."""

    def push(self, opened: _Open) -> None:
        self.stack.append(opened)
        self.open_counts[opened.mark] = self.open_counts.get(opened.mark, 0) + 1

    def pop_to(self, depth: int) -> list[_Open]:
        removed = self.stack[depth:]
        del self.stack[depth:]
        for opened in removed:
            self.open_counts[opened.mark] -= 1
        return removed

    def unclosed(self, opened: _Open, end: int, paragraph_end: int) -> None:
        """Record a quotation whose closing mark never came; it stops at ``end``."""
        end = max(end, opened.position + 1)
        self.found.append(_Found(opened.position, end, opened.mark + OPENERS[opened.mark], False))
        self.problems.append(
            Problem(
                "unclosed",
                opened.position,
                end,
                f"{opened.mark} opened here is never closed; the quotation is cut at "
                + ("the end of its paragraph." if end == paragraph_end else "the next one."),
            )
        )

    def close(self, char: str, position: int, openers: tuple[str, ...]) -> None:
        if not any(self.open_counts.get(mark, 0) for mark in openers):
            self.problems.append(
                Problem("stray", position, position + 1, f"{char} closes nothing opened before.")
            )
            return
        depth = len(self.stack) - 1
        while self.stack[depth].mark not in openers:
            depth -= 1
        removed = self.pop_to(depth)
        opened = removed[0]
        for inner in removed[1:]:
            self.problems.append(
                Problem(
                    "unclosed",
                    inner.position,
                    position,
                    f"{inner.mark} opened here is still open when the quotation around it ends.",
                )
            )
        self.found.append(_Found(opened.position, position + 1, opened.mark + char, True))

    def scan_paragraph(self, start: int, end: int, skip: int | None) -> None:
        text = self.text
        straight = _straight_roles(text, start, end)
        for match in _ANY_MARK.finditer(text, start, end):
            position = match.start()
            char = text[position]
            if position == skip:
                continue
            if char == STRAIGHT:
                if position not in straight:
                    self.problems.append(
                        Problem(
                            "stray", position, position + 1, '" has no partner in its paragraph.'
                        )
                    )
                elif straight[position]:
                    self.push(_Open(char, position))
                else:
                    self.close(char, position, (STRAIGHT,))
            elif char in CLOSERS and (char not in OPENERS or self.open_counts.get("„", 0)):
                # “ is an opener unless a German „ waits for it.
                self.close(char, position, CLOSERS[char])
            elif char in OPENERS:
                self.push(_Open(char, position))

    def end_paragraph(self, end: int, found_from: int) -> tuple[_Open, int] | None:
        """Close what the paragraph left open.

        Returns the outermost quotation that may carry on into the next paragraph, with where
        it is cut should the next paragraph not continue it.
        """
        left = self.pop_to(0)
        if not left:
            return None
        # An unclosed quotation stops before the next quotation with the same mark that opens
        # after it in its paragraph: a stray « must not adopt the real quotations after it.
        starts: dict[str, list[int]] = {}
        for item in self.found[found_from:]:
            starts.setdefault(item.marks[0], []).append(item.start)
        for positions in starts.values():
            positions.sort()
        cuts = [self._cut(opened, starts.get(opened.mark, []), end) for opened in left]
        first = 0
        carried: tuple[_Open, int] | None = None
        if left[0].mark in CARRIED:
            carried = (left[0], cuts[0])
            first = 1
        for opened, cut in zip(left[first:], cuts[first:], strict=True):
            self.unclosed(opened, cut, end)
        return carried

    def _cut(self, opened: _Open, same_mark_starts: list[int], paragraph_end: int) -> int:
        index = bisect_right(same_mark_starts, opened.position)
        if index == len(same_mark_starts):
            return paragraph_end
        cut = same_mark_starts[index]
        while cut > opened.position + 1 and self.text[cut - 1] in _LEADING:
            cut -= 1
        return cut


def find_quotes(
    text: str, paragraphs: Sequence[tuple[int, int]]
) -> tuple[list[Quote], list[Problem]]:
    """Every quotation in the given paragraphs of ``text``, in reading order.

    ``paragraphs`` are ``(start, end)`` ranges in reading order (``Layout.analysed_ranges()``).
    Nested quotations follow their outer one and name it by index in ``Quote.parent``.
    """
    scanner = _Scanner(text)
    carried: tuple[_Open, int] | None = None
    for index, (start, end) in enumerate(paragraphs):
        skip: int | None = None
        if carried is not None:
            opened, cut = carried
            previous_end = paragraphs[index - 1][1]
            adjacent = text.count("\n", previous_end, start) <= _PARAGRAPH_GAP
            continues, skip = (
                _continues_into(opened.mark, text, start, end) if adjacent else (False, None)
            )
            if continues:
                scanner.push(opened)
            else:
                scanner.unclosed(opened, cut, previous_end)
        found_from = len(scanner.found)
        scanner.scan_paragraph(start, end, skip)
        carried = scanner.end_paragraph(end, found_from)
    if carried is not None:
        opened, cut = carried
        scanner.unclosed(opened, cut, paragraphs[-1][1])
    found = scanner.found + _dialogue_turns(text, paragraphs, scanner.found)
    return _assemble(text, found), sorted(scanner.problems, key=lambda p: p.start)


def _assemble(text: str, found: list[_Found]) -> list[Quote]:
    return nested(
        Quote(
            item.start,
            item.end,
            text[item.start : item.end],
            item.marks,
            None,
            item.closed,
            kind=QuoteKind.SPEECH if item.closed else QuoteKind.UNCLOSED,
        )
        for item in found
    )


def nested(quotes: Iterable[Quote]) -> list[Quote]:
    """``quotes`` in reading order, each nested one pointing at the quotation around it by its
    index in ``Quote.parent``."""
    ordered: list[Quote] = []
    open_chain: list[int] = []
    for quote in sorted(quotes, key=lambda q: (q.start, -q.end)):
        while open_chain and ordered[open_chain[-1]].end < quote.end:
            open_chain.pop()
        parent = open_chain[-1] if open_chain else None
        ordered.append(
            quote if quote.parent == parent else dataclasses.replace(quote, parent=parent)
        )
        open_chain.append(len(ordered) - 1)
    return ordered


def marks_of(quoted: str) -> tuple[str, bool]:
    """The marks of a quotation given with its marks (``Quote.text``), and whether its closing
    mark is there: what a stored quotation no longer says."""
    opening = quoted[:1]
    marks = opening + OPENERS.get(opening, opening)
    return marks, len(quoted) > 1 and quoted[-1] == marks[1]


class QuoteIndex:
    """Finds the quotation of a passage in O(log n) rather than scanning every quotation."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self._quotes = sorted(quotes, key=lambda q: (q.start, q.end))
        self._starts = [q.start for q in self._quotes]
        self._longest = max((q.end - q.start for q in self._quotes), default=0)

    def quote_for(self, start: int, end: int) -> Quote | None:
        """The innermost quotation holding the passage ``start``–``end``, else the first one
        inside it: the quotation an annotation of that passage is about."""
        first = bisect_left(self._starts, start - self._longest)
        last = bisect_right(self._starts, start)
        holding = [q for q in self._quotes[first:last] if end <= q.end]
        if holding:
            return min(holding, key=lambda q: q.end - q.start)
        for quote in self._quotes[bisect_left(self._starts, start) :]:
            if quote.start >= end:
                break
            if quote.end <= end:
                return quote
        return None


DASHES = "—–"
"""Marks that open a line of dialogue in French prose (« — Oui, dit-il. »)."""
# The clitics are speaker_lexicon.OBJECT_CLITICS, written out: start-up finds quotations and
# does not import the speaker lexicons.
_INCISE = re.compile(
    r"[,;!?…]+\s+(?:(?:me|m['’]|te|t['’]|lui|leur|nous|vous)\s*)?"
    r"(?:[\w’']+-(?:t-)?(?:il|elle|ils|elles|on|je)\b|(?P<verb>[\w’']+))"
)


def _dialogue_turns(
    text: str, paragraphs: Sequence[tuple[int, int]], found: Sequence[_Found]
) -> list[_Found]:
    """Each paragraph opened by a dash, outside the quotations already found, is a line of
    dialogue: the quotation runs to the paragraph's end, or stops before an incise that ends
    it (« — Cela sera-t-il long ? demanda le laquais. »)."""
    covered = sorted((item.start, item.end) for item in found)
    starts = [start for start, _ in covered]
    turns: list[_Found] = []
    for start, end in paragraphs:
        first = start
        while first < end and text[first] in " \t\u00a0\u202f":
            first += 1
        opening = _dash_at(text, first, end)
        if opening is None:
            continue
        index = bisect_right(starts, first) - 1
        if index >= 0 and covered[index][1] > first:
            continue  # inside a « » quotation that runs over several paragraphs
        turns.append(_Found(first, _turn_end(text, first, end, opening), "—", True))
    return turns


def _dash_at(text: str, first: int, end: int) -> int | None:
    """How many characters of dash open a dialogue line at ``first`` (« — Oui », « —Oui »,
    and the typewriter's « --Oui »), or None."""
    if first + 2 >= end:
        return None
    if text.startswith("--", first) and text[first + 2] != "-":
        return 2
    if text[first] in DASHES and (text[first + 1].isspace() or text[first + 1].isalpha()):
        return 1
    return None


def _turn_end(text: str, start: int, end: int, opening: int = 1) -> int:
    """Where the words of a dialogue line end: before an incise after which the narration
    goes on to the paragraph's end (« ? demanda le laquais en se levant. », « , répondit
    Laurence, dont la voix… »), else at the paragraph's end, the incises inside it included
    (« — Oui, dit-il, je viendrai ! »)."""
    from reader.analysis.speaker_lexicon import verb_forms  # only prose with dialogue needs it

    for match in _INCISE.finditer(text, start + opening + 1, end):
        verb = match.group("verb")
        if verb is not None:
            lowered = verb.casefold().replace("’", "'")
            if lowered.removeprefix("s'") not in verb_forms() and lowered not in verb_forms():
                continue
        boundary = re.compile(r"[,;:.!?…]\s+\S|«").search(text, match.end(), end)
        if boundary is not None and _sounds_spoken(text[boundary.start() : end]):
            return end  # speech goes on after the incise: the line is one quotation
        stop = match.start()
        if text[stop] in ",;":
            return len(text[start:stop].rstrip()) + start  # « à moi ; dit Pauline »
        while stop < end and text[stop] in "!?…":
            stop += 1
        return stop
    return end


_SPOKEN = re.compile(
    r"[!?]|\b(?:je|j['’]|me|m['’]|moi|tu|te|t['’]|toi|nous|vous|mon|ma|mes|ton|ta|tes|notre"
    r"|votre|nos|vos)\b",
    re.IGNORECASE,
)
_NESTED = re.compile(r"«[^»]*»")


_APPOSITION = re.compile(r"(?:[a-zà-ÿœ'’-]+\s+){1,4}qui\s")
"""« , jeune magistrat farouche qui aspirait… »: the speaker described, after the incise."""
_NOT_PARTICIPLES = frozenset(
    [
        "avant",
        "pendant",
        "cependant",
        "maintenant",
        "autant",
        "durant",
        "devant",
        "suivant",
        "quant",
    ]
)
_NARRATION_GOES_ON = frozenset(
    [
        "dont",
        "qui",
        "en",
        "et",
        "puis",
        "avec",
        "sans",
        "tout",
        "d'un",
        "d'une",
        "car",
        "comme",
        "quand",
        "lorsque",
    ]
)


def _sounds_spoken(rest: str) -> bool:
    """Are the words after an incise more of the speech (« , il serait facile… », someone
    speaking says « je », « vous », asks or exclaims) rather than the narration going on
    (« , dont la voix avait pris… », « ; et il sortit. »)? Quotations inside the narration
    are not its words."""
    words = rest.lstrip(",;:.!?… ").casefold().replace("’", "'").split(maxsplit=2)
    first = words[0] if words else ""
    second = words[1] if len(words) > 1 else ""
    if (
        first in _NARRATION_GOES_ON
        or (first == "ce" and second in ("qui", "que", "qu'"))
        or (first.endswith("ant") and len(first) > 4 and first not in _NOT_PARTICIPLES)
        or _APPOSITION.match(rest.lstrip(",;:.!?… ")) is not None
    ):
        return _SPOKEN.search(_NESTED.sub("", rest)) is not None
    return True
