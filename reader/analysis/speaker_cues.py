"""Reporting cues in a sentence's tokens: « a déclaré », « a-t-il ajouté », « en notant »,
« s'est engagé », and the prepositions that keep a mention from being a verb's subject."""

from __future__ import annotations

from dataclasses import dataclass

from reader.analysis.model import Cue
from reader.analysis.speaker_lexicon import (
    AUX_AVOIR,
    AUX_ETRE,
    DETERMINERS,
    PREPOSITIONS,
    Token,
    is_adverb,
    title_before,
    verb_forms,
)


@dataclass(frozen=True, slots=True)
class Said:
    """A cue found in the text: its tokens and, for « a-t-il dit », the inverted pronoun."""

    first: int
    last: int
    kind: str
    """"finite" (« déclare », « a déclaré ») or "gerund" (« en notant », « considérant »)."""
    inverted: int | None = None


def find_cues(tokens: list[Token], start: int = 0, stop: int | None = None) -> list[Said]:
    """Reporting cues among ``tokens[start:stop]``, in order."""
    stop = len(tokens) if stop is None else stop
    forms = verb_forms()
    found: list[Said] = []
    for index in range(start, stop):
        token = tokens[index]
        entry = forms.get(token.lower)
        if entry is None:
            continue
        kind, reflexive = entry
        if index > 0 and tokens[index - 1].folded in DETERMINERS - {"l'"}:
            continue  # « une note », « le dit »: a noun, not the verb
        if kind == "gerund":
            first = index - 1 if index > 0 and tokens[index - 1].folded == "en" else index
            found.append(Said(first, index, "gerund"))
            continue
        first, auxiliary, inverted = _auxiliary_before(tokens, index, start)
        if auxiliary in AUX_ETRE and not _reflexive_before(tokens, first):
            continue  # « est critiqué »: a passive, its subject is not the speaker
        if auxiliary is None and kind == "participle":
            continue  # « le plan annoncé »: an adjective
        if reflexive and not _reflexive_before(tokens, first):
            continue
        if inverted is None:
            inverted = _inverted_after(tokens, index)
        last = inverted if inverted is not None and inverted > index else index
        # « a partagé sur son réseau », « a écrit sur X »: where it was said is part of the cue.
        if (
            last + 2 < len(tokens)
            and tokens[last + 1].folded == "sur"
            and tokens[last + 2].folded in ("son", "sa", "ses", "leur")
        ):
            last += 3 if last + 3 < len(tokens) else 2
        if _reflexive_before(tokens, first):
            first -= 1
        found.append(Said(first, last, "finite", inverted))
    return found


def _auxiliary_before(
    tokens: list[Token], index: int, floor: int
) -> tuple[int, str | None, int | None]:
    """(first token of the cue, auxiliary, inverted pronoun) for the verb at ``index``."""
    inverted: int | None = None
    probe = index - 1
    while probe >= floor and index - probe <= 6:
        folded = tokens[probe].folded
        if folded in AUX_AVOIR or folded in AUX_ETRE:
            return probe, folded, inverted
        if folded in ("il", "elle", "ils", "elles", "on") and tokens[probe - 1].folded == "-":
            inverted = probe
        elif not (is_adverb(folded) or folded in _BETWEEN_AUXILIARY):
            break
        probe -= 1
    return index, None, None


_BETWEEN_AUXILIARY = frozenset(
    ["-", "t", "ne", "n'", "pas", "de", "son", "sa", "leur", "cote", "pour", "part", "elle", "lui"]
)
"""What may stand between an auxiliary and its participle: « a de son côté dénoncé », « a
pour sa part ajouté », « a elle relevé »."""


def _inverted_after(tokens: list[Token], index: int) -> int | None:
    """« déclare-t-il »: the index of the pronoun after the verb, if any."""
    probe = index + 1
    while probe < len(tokens) and tokens[probe].folded in ("-", "t"):
        probe += 1
    if (
        probe > index + 1
        and probe < len(tokens)
        and tokens[probe].folded in ("il", "elle", "ils", "elles", "on")
    ):
        return probe
    return None


def _reflexive_before(tokens: list[Token], first: int) -> bool:
    return first > 0 and tokens[first - 1].folded in ("se", "s'")


def governed(tokens: list[Token], start: int) -> bool:
    """Is the mention starting at ``start`` the object of a preposition (« à Donald Trump »)?"""
    preceding = [t for t in tokens if t.end <= start]
    title = title_before(preceding)
    if title is not None:
        # « M. de Coutelier »: « de » is a particle; what governs is what comes before « M. ».
        start = next(t.start for t in reversed(preceding) if t.folded == title)
        preceding = [t for t in preceding if t.end <= start]
    before = preceding[-2:]
    if before and before[-1].folded in DETERMINERS and len(before) == 2:
        before = before[:1]
    return bool(before) and before[-1].folded in PREPOSITIONS


def cue_of(text: str, tokens: list[Token], said: Said) -> Cue:
    start, end = tokens[said.first].start, tokens[said.last].end
    return Cue(text[start:end], start, end)
