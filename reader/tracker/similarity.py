"""Do two quotations report the same utterance? A word alignment, weighed.

The shorter report (by weight) is aligned with the longer one, in order, on word stems; the
words left over are paired when they are one word inflected or mistyped (« veux » / « veut »,
« gouvernment » / « gouvernement »), then when a clause was moved whole. The score is the
share of the shorter report found in the longer, less the words the longer one adds inside
the stretch they share (an insertion where the shorter report marks a cut with « […] » is
not held against it). Words outside that stretch are the longer report's own context: a
shorter extract scores as high as an exact copy.

Two things make different statements whatever the score: a negation on one side only, inside
the shared stretch (« c'est acceptable » / « ce n'est pas acceptable »), and a word against its
opposite by prefix (« acceptable » / « inacceptable »).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Indel

from reader.tracker.words import CONTENT_WEIGHT, QuoteWords

SAME_UTTERANCE = 0.76
"""Lowest score of two reports of one utterance, tuned on the pair set in
``tests/data/tracker`` (its tuning part only)."""
SHORT_SAME = 0.95
"""A report with a single content word (« Je ne démissionnerai pas ») has no extract to
speak of: it must be found whole, and the other report may not say much more."""
SHORT_LONGER_AT_MOST = 1.5
"""…in weight, at most this many times the short report."""
INSERTED_PENALTY = 0.6
"""How much a word the longer report adds inside the shared stretch counts against the
score, relative to a word of the shorter report missing from the longer one."""
NEAR_CREDIT = 0.85
"""Credit for a word matched through an inflection or a typo rather than exactly."""
SPAN_SLACK = 2.0
"""Without a marked cut, the shared stretch of the longer report may be at most this many
times the shorter report's length (plus a few words): further apart, its words are scattered
through another statement."""

NEAR_GAP = 36
"""Most word pairs tried for an inflection or a typo between two shared stretches."""
SHARED_AT_LEAST = 0.5
"""Share of the shorter report's content words the longer one must have exactly (stems
compared): below it, not even inflections and typos on every other word could make the
score, and the alignment is not tried."""
STRAY_REACH = 3
"""How far from the nearest matched content word a matched grammar word may stand."""

_OPPOSITE_PREFIXES = ("in", "im", "il", "ir", "de", "des", "dis", "mal", "non", "a")


@dataclass(frozen=True, slots=True)
class Match:
    score: float
    """0 to 1: how much of the shorter report the longer one says, as it says it."""
    same: bool


def _opposites(a: str, b: str) -> bool:
    """« acceptable » / « inacceptable », « honnête » / « malhonnête »."""
    short, long = sorted((a, b), key=len)
    if len(short) < 4:
        return False
    return any(long == prefix + short for prefix in _OPPOSITE_PREFIXES)


def _near(a: str, b: str) -> bool:
    """One word inflected or mistyped: a long common beginning, or few letters changed."""
    if a == b:
        return True
    if len(a) < 3 or len(b) < 3 or not a.isalpha() or not b.isalpha() or _opposites(a, b):
        return False
    common = 0
    for left, right in zip(a, b, strict=False):
        if left != right:
            break
        common += 1
    if common >= 3 and common >= 0.6 * min(len(a), len(b)):
        return True
    return min(len(a), len(b)) >= 4 and Indel.normalized_similarity(a, b) >= 0.8


def _align(short: QuoteWords, long: QuoteWords) -> dict[int, tuple[int, float]]:
    """For each word of ``short`` found in ``long``: its position there and its credit."""
    pairs: dict[int, tuple[int, float]] = {}
    blocks = [op for op in Indel.opcodes(short.keys, long.keys) if op.tag == "equal"]
    previous_a = previous_b = 0
    for block in [*blocks, None]:
        gap_a_end = block.src_start if block else len(short.keys)
        gap_b_end = block.dest_start if block else len(long.keys)
        # Words between two equal stretches: inflected or mistyped forms of each other. Only
        # in a short stretch: a long one is a cut or other words, not a word retyped.
        next_b = previous_b
        short_gap = (gap_a_end - previous_a) * (gap_b_end - previous_b) <= NEAR_GAP
        for a in range(previous_a, gap_a_end if short_gap else previous_a):
            for b in range(next_b, gap_b_end):
                if _near(short.words[a], long.words[b]):
                    pairs[a] = (b, NEAR_CREDIT)
                    next_b = b + 1
                    break
        if block is None:
            break
        for offset in range(block.src_end - block.src_start):
            pairs[block.src_start + offset] = (block.dest_start + offset, 1.0)
        previous_a, previous_b = block.src_end, block.dest_end
    _pair_moved_words(short, long, pairs)
    return pairs


def _pair_moved_words(
    short: QuoteWords, long: QuoteWords, pairs: dict[int, tuple[int, float]]
) -> None:
    """A clause or a word moved elsewhere in the sentence (« demain, nous irons » / « nous
    irons demain »): content words are found among the longer report's free words near the
    shared stretch, then the grammar words next to them, moved with them."""
    if not pairs:
        return
    taken = {b for b, _ in pairs.values()}
    reach = len(short.keys)
    window = range(max(0, min(taken) - reach), min(len(long.keys), max(taken) + reach + 1))
    free = [b for b in window if b not in taken]
    for a, key in enumerate(short.keys):
        if a not in pairs and short.weights[a] == CONTENT_WEIGHT and key in long.keys:
            for b in free:
                if long.keys[b] == key:
                    pairs[a] = (b, 1.0)
                    free.remove(b)
                    break
    grown = True
    while grown:
        grown = False
        for a, key in enumerate(short.keys):
            if a in pairs:
                continue
            for step in (-1, 1):
                neighbour = pairs.get(a + step)
                b = neighbour[0] - step if neighbour else -1
                if b in free and long.keys[b] == key:
                    pairs[a] = (b, 1.0)
                    free.remove(b)
                    grown = True
                    break


def compare(first: QuoteWords, second: QuoteWords) -> Match:
    """How far ``first`` and ``second`` report the same words."""
    if not first.words or not second.words:
        return Match(0.0, False)
    short, long = sorted((first, second), key=lambda q: (q.total_weight, len(q.words)))
    if short.keys == long.keys:
        return Match(1.0, True)
    content = [key for key, w in zip(short.keys, short.weights, strict=True) if w == CONTENT_WEIGHT]
    if content and sum(key in long.key_set for key in content) < SHARED_AT_LEAST * len(content):
        return Match(0.0, False)
    pairs = _without_strays(short, _align(short, long))
    if not pairs:
        return Match(0.0, False)
    found = sum(short.weights[a] * credit for a, (_, credit) in pairs.items())
    positions = {b for b, _ in pairs.values()}
    first_b, last_b = min(positions), max(positions)
    at_cut = _positions_at_cuts(short, pairs)
    inserted = sum(
        long.weights[b]
        for b in range(first_b, last_b + 1)
        if b not in positions and b not in at_cut
    )
    score = found / (short.total_weight + INSERTED_PENALTY * inserted)
    if len(content) < 2:
        close_enough = score >= SHORT_SAME and long.total_weight <= SHORT_LONGER_AT_MOST * (
            short.total_weight
        )
    else:
        matched_content = sum(1 for a in pairs if short.weights[a] == CONTENT_WEIGHT)
        close_enough = score >= SAME_UTTERANCE and matched_content >= 2
    if not close_enough:
        return Match(score, False)
    if not short.cuts and last_b - first_b + 1 > SPAN_SLACK * len(short.words) + 4:
        return Match(score, False)
    same = not _flipped(short, long, pairs, first_b, last_b) and not _ends_apart(short, long, pairs)
    return Match(score, same)


def _without_strays(
    short: QuoteWords, pairs: dict[int, tuple[int, float]]
) -> dict[int, tuple[int, float]]:
    """The alignment without grammar words matched far from every content word: « les » of
    an extract paired with a « les » at the other end of the longer report."""
    anchors = [b for a, (b, _) in pairs.items() if short.weights[a] == CONTENT_WEIGHT]
    if not anchors:
        return pairs
    low, high = min(anchors) - STRAY_REACH, max(anchors) + STRAY_REACH
    return {a: pair for a, pair in pairs.items() if low <= pair[0] <= high}


def _ends_apart(short: QuoteWords, long: QuoteWords, pairs: dict[int, tuple[int, float]]) -> bool:
    """Both reports go on, after what they share, with words of their own: the same opening
    on another subject (« le temps de l'impunité est terminé pour les délinquants » / « … pour
    les pollueurs »), not a cut, which leaves one of them silent there."""
    last_a = max((a for a in pairs if short.weights[a] == CONTENT_WEIGHT), default=-1)
    if last_a < 0 or last_a == len(short.words) - 1:
        return False
    own_short = [a for a in range(last_a + 1, len(short.words)) if a not in pairs]
    if not any(short.weights[a] == CONTENT_WEIGHT for a in own_short):
        return False
    last_b = pairs[last_a][0]
    following = range(last_b + 1, min(len(long.words), last_b + 1 + len(own_short) + 2))
    taken = {b for b, _ in pairs.values()}
    return any(long.weights[b] == CONTENT_WEIGHT and b not in taken for b in following)


def _positions_at_cuts(short: QuoteWords, pairs: dict[int, tuple[int, float]]) -> set[int]:
    """Positions of the longer report that fall inside a cut the shorter one marks: between
    the words matched on either side of its « […] »."""
    excused: set[int] = set()
    for cut in short.cuts:
        before = [pairs[a][0] for a in range(cut) if a in pairs]
        after = [pairs[a][0] for a in range(cut, len(short.words)) if a in pairs]
        if before and after:
            excused.update(range(max(before) + 1, min(after)))
    return excused


def _flipped(
    short: QuoteWords,
    long: QuoteWords,
    pairs: dict[int, tuple[int, float]],
    first_b: int,
    last_b: int,
) -> bool:
    """One report negates, the other does not, within what they share; or a word stands
    against its opposite."""
    negations_short = sum(short.negations)
    # The longer report's negations just around the stretch belong to it too (« ne … pas »
    # wraps the verb it negates).
    window = range(max(0, first_b - 2), min(len(long.words), last_b + 3))
    negations_long = sum(long.negations[b] for b in window)
    if negations_short != negations_long:
        return True
    taken = {b for b, _ in pairs.values()}
    free_long = [long.words[b] for b in window if b not in taken]
    free_short = [short.words[a] for a in range(len(short.words)) if a not in pairs]
    return any(_opposites(a, b) for a in free_short for b in free_long)


def same_utterance(first: QuoteWords, second: QuoteWords) -> bool:
    return compare(first, second).same
