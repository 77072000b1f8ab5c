"""Scores: entity precision/recall/F1 (exact and overlapping spans), quotation matching, and
whether a speaker names the annotated person."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.folding import fold_words
from tests.evaluation.corpora import GoldEntity, GoldQuote, GoldSpeaker

LABELS = ("PER", "LOC", "ORG")


@dataclass(slots=True)
class Counts:
    found: int = 0
    expected: int = 0
    right: int = 0

    def add(self, other: Counts) -> None:
        self.found += other.found
        self.expected += other.expected
        self.right += other.right

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def entity_counts(
    found: Sequence[GoldEntity], gold: Sequence[GoldEntity], overlap: bool
) -> dict[str, Counts]:
    """Per label: found, expected, and matched one to one (same label; same span, or any
    overlap when ``overlap``)."""
    result = {label: Counts() for label in LABELS}
    for label in LABELS:
        mine = sorted((e.start, e.end) for e in found if e.label == label)
        theirs = sorted((e.start, e.end) for e in gold if e.label == label)
        counts = result[label]
        counts.found, counts.expected = len(mine), len(theirs)
        if not overlap:
            counts.right = len(set(mine) & set(theirs))
            continue
        used: set[int] = set()
        for start, end in mine:
            for index, (gold_start, gold_end) in enumerate(theirs):
                if index not in used and start < gold_end and gold_start < end:
                    used.add(index)
                    counts.right += 1
                    break
    return result


def _characters(segments: Sequence[tuple[int, int]]) -> set[int]:
    return {i for start, end in segments for i in range(start, end)}


def match_quotes(found: Sequence[tuple[int, int]], gold: Sequence[GoldQuote]) -> dict[int, int]:
    """Gold index → found index, one to one: a found quotation matches an annotated one when
    each covers at least half of the other's characters (an incise the annotators left out,
    or a mark they left in, does not matter)."""
    gold_chars = [_characters(q.segments) for q in gold]
    pairs: list[tuple[float, int, int]] = []
    for found_index, (start, end) in enumerate(found):
        for gold_index, theirs in enumerate(gold_chars):
            quote = gold[gold_index]
            if not theirs or start >= quote.end or end <= quote.start:
                continue
            # The incise between two segments of one quotation is not held against a
            # quotation found in one piece.
            gaps = set(range(quote.start, quote.end)) - theirs
            mine = set(range(start, end)) - gaps
            shared = len(mine & theirs)
            if mine and shared * 2 >= len(theirs) and shared * 2 >= len(mine):
                pairs.append((shared / len(mine | theirs), gold_index, found_index))
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _, gold_index, found_index in sorted(pairs, reverse=True):
        if gold_index not in matched and found_index not in taken:
            matched[gold_index] = found_index
            taken.add(found_index)
    return matched


def same_speaker(
    text: str, name: str | None, span: tuple[int, int] | None, gold: GoldSpeaker
) -> bool:
    """Does a speaker (its name, the mention chosen) name the annotated person? Right when the
    mention is one of that person's mentions (a pronoun resolved to the right person is right
    through the mention it was resolved to), or the name is one the text gives them (« le
    laquais » for a chain that holds « le laquais »); for a proper name, when the surnames
    agree; for an organisation or a description, when one name holds the other."""
    if name is None:
        return False
    if span is not None and span[0] < span[1]:
        for start, end in gold.spans:
            if span[0] < end and start < span[1]:
                return True
    mine = _bare(name)
    mentioned = _bare(text[span[0] : span[1]]) if span is not None else ""
    for gold_name in gold.names:
        theirs = _bare(gold_name)
        if not theirs:
            continue
        if theirs in (mine, mentioned):
            return True
        proper = gold_name[:1].isupper() and theirs == fold_words(gold_name)
        if gold.kind == "person" and proper and mine and mine.split()[-1] == theirs.split()[-1]:
            # A surname alone names the person (« Le Pen », « Farlsberg »); a common noun
            # (« le jeune homme ») must be the same phrase.
            return True
        if gold.kind != "person" and (theirs in mine or mine in theirs or theirs in mentioned):
            return True
    return False


_DETERMINERS = ("le ", "la ", "les ", "l'", "un ", "une ", "des ", "de ", "d'")


def _bare(name: str) -> str:
    """A name folded, without the determiner in front (« la porte-parole » and « porte-parole
    de la fédération » name one person)."""
    folded = fold_words(name)
    for determiner in _DETERMINERS:
        if folded.startswith(determiner) and len(folded) > len(determiner):
            return folded[len(determiner) :]
    return folded
