"""What speaker attribution reads in an article: its sentences (with the words of quotations
masked), the people its entities name (roles, nationalities, genders), and every mention that
may be a speaker: entities, pronouns and descriptions (« le président américain »)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from reader.analysis.model import Entity, Label, Mention, Quote
from reader.analysis.speaker_lexicon import (
    DETERMINERS,
    VERBISH,
    Token,
    descriptions_by_first_word,
    name_gender,
    nationality,
    pronouns_by_first_word,
    tokenize,
)
from reader.folding import fold_token

SPEAKING = (Label.PER, Label.ORG)
_APPOSITION_CAPITALS = frozenset({"PDG", "Premier", "Président", "Secrétaire"})
MASK = "□"
_SENTENCE_END = re.compile(r"(?:(?<!\b[A-ZÀ-ÖØ-Þ])\.|[!?…])[»”\"\s□]*?(?=\s+[«“\"A-ZÀ-ÖØ-Þ])")
"""A stop, unless it ends an initial (« M. Foote », « V. Sapounov »)."""


@dataclass(frozen=True, slots=True)
class Resolved:
    mention: Mention
    factor: float
    canonical: str | None
    """Canonical name of the entity meant, None for a phrase."""
    gender: str = ""
    """For a phrase, the gender its determiner says (« le major », « la servante »)."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """Someone a speaker may be: an entity, a pronoun, a description or a bare phrase."""

    start: int
    end: int
    kind: str
    entity: Entity | None = None
    gender: str = ""
    plural: bool = False
    role: str = ""
    nation: str = ""


@dataclass(slots=True)
class Person:
    """What the article tells about one canonical entity: roles, nationality, gender."""

    label: Label
    roles: set[str]
    nations: set[str]
    genders: set[str]
    mentions: list[Entity]


class Sentence:
    def __init__(self, start: int, end: int, tokens: list[Token]) -> None:
        self.start = start
        self.end = end
        self.tokens = tokens
        self.subject: Resolved | None = None


class ArticleContext:
    def __init__(
        self,
        text: str,
        ranges: Sequence[tuple[int, int]],
        quotes: Sequence[Quote],
        entities: Sequence[Entity],
    ) -> None:
        self.text = text
        self.outer = [q for q in quotes if q.parent is None]
        self.masked = _masked(text, self.outer)
        self._quoted_spans = union_of_open_intervals((q.start, q.end) for q in self.outer)
        self.all_entities = sorted(entities, key=lambda e: e.start)
        self._all_entity_starts = [e.start for e in self.all_entities]
        self.entities = sorted(
            (e for e in entities if not self._quoted(e.start)), key=lambda e: e.start
        )
        self._entity_starts = [e.start for e in self.entities]
        self._entity_reach: list[int] = []
        """The furthest end among ``entities[:i + 1]``: any entity covering a position?"""
        for entity in self.entities:
            reach = self._entity_reach[-1] if self._entity_reach else -1
            self._entity_reach.append(max(reach, entity.end))
        self.sentences: list[Sentence] = []
        for start, end in ranges:
            position = start
            for match in _SENTENCE_END.finditer(self.masked, start, end):
                self._add_sentence(position, match.end())
                position = match.end()
            self._add_sentence(position, end)
        self._sentence_starts = [sentence.start for sentence in self.sentences]
        self.people = self._people()
        self.candidates = self._candidates()
        self._candidate_starts = [c.start for c in self.candidates]

    def _quoted(self, position: int) -> bool:
        """Inside an outer quotation (its marks excluded)?"""
        spans = self._quoted_spans
        index = bisect_right(spans, (position, position)) - 1
        return index >= 0 and spans[index][0] < position < spans[index][1]

    def _add_sentence(self, start: int, end: int) -> None:
        while start < end and self.masked[start].isspace():
            start += 1
        if start < end:
            self.sentences.append(Sentence(start, end, tokenize(self.masked, start, end)))

    def sentence_at(self, position: int) -> int:
        """The sentence holding ``position``, else the last one before it (else the first):
        sentences follow each other without overlapping, so the last one starting at or before
        ``position`` is the only one that can hold it."""
        return max(bisect_right(self._sentence_starts, position) - 1, 0)

    def _people(self) -> dict[str, Person]:
        people: dict[str, Person] = {}
        for entity in self.entities:
            person = people.setdefault(
                entity.canonical, Person(entity.label, set(), set(), set(), [])
            )
            person.mentions.append(entity)
            # The title in the mention itself (« Le président Trump ») or just before it
            # (« le président ukrainien Volodymyr Zelensky »).
            lead = tokenize(self.masked, max(0, entity.start - 60), entity.end)
            lead = [t for t in lead if t.end <= entity.end]
            for token in lead[-8:]:
                if (nation := nationality(token.folded)) is not None:
                    person.nations.add(nation)
            if entity.label is Label.PER:
                gender = name_gender(entity.text, [t for t in lead if t.end <= entity.start])
                if gender:
                    person.genders.add(gender)
            described = description_before(lead)
            if described is not None:
                role, gender = described
                person.roles.add(role)
                if gender:
                    person.genders.add(gender)
        return people

    def _candidates(self) -> list[Candidate]:
        found: list[Candidate] = [
            Candidate(e.start, e.end, "entity", entity=e)
            for e in self.entities
            if e.label in (*SPEAKING, Label.LOC)
        ]
        for sentence in self.sentences:
            tokens = sentence.tokens
            for index, token in enumerate(tokens):
                if token.folded in ("je", "j'"):
                    found.append(Candidate(token.start, token.end, "narrator"))
                    continue
                pronoun = match_pronoun(tokens, index)
                if pronoun is not None:
                    end, gender, plural = pronoun
                    found.append(
                        Candidate(
                            token.start, tokens[end].end, "pronoun", gender=gender, plural=plural
                        )
                    )
                    continue
                description = match_description(tokens, index)
                if description is None:
                    continue
                last, role, gender, nation = description
                if not self._titles_entity(tokens[last].end):
                    found.append(
                        Candidate(
                            token.start,
                            tokens[last].end,
                            "description",
                            gender=gender,
                            role=role,
                            nation=nation,
                        )
                    )
        found.sort(key=lambda c: (c.start, c.end))
        return found

    def _titles_entity(self, end: int) -> bool:
        """Is the description at ``end`` the title of a name that follows (apposition)?"""
        starts = self._entity_starts
        following = self.entities[bisect_left(starts, end) : bisect_right(starts, end + 30)]
        if any(
            MASK not in self.masked[end : e.start]
            and "," not in self.masked[end : e.start]
            and e.label is Label.PER
            for e in following
        ):
            return True
        before = bisect_left(starts, end)
        return before > 0 and self._entity_reach[before - 1] >= end

    def named_after(self, end: int) -> Entity | None:
        """The person named right after a description, in apposition to it (« le ministre
        du budget, Jérôme Cahuzac »)."""
        starts = self._entity_starts
        for entity in self.entities[bisect_left(starts, end) : bisect_right(starts, end + 80)]:
            if entity.label is not Label.PER:
                continue
            between = self.masked[end : entity.start]
            words = between.replace(",", " ").replace("(", " ").replace(")", " ").split()
            if MASK in between or any(c in between for c in ".;:!?«»"):
                return None
            if any(fold_token(word) in VERBISH for word in words):
                return None  # « le président a déclaré, Donald … »: another clause
            # « le ministre du budget, Jérôme Cahuzac », « le directeur du site de Jababeka
            # David Quentin », « le président de l'Ufip (…), Jean Louis Schilansky »
            if not words or between.rstrip().endswith(",") or len(words) <= 4:
                return entity
            return None
        return None

    def apposition_head(self, entity: Entity) -> Entity:
        """The person an organisation is said of in apposition (« Philippe Gosselin (UMP) »,
        « Christian Jacob, président du groupe UMP, »), else the organisation itself."""
        if entity.label is not Label.ORG:
            return entity
        for person in self.entities_before(entity.start):
            if entity.start - person.end > 90:
                break
            if person.label is not Label.PER:
                continue
            between = self.masked[person.end : entity.start]
            opened = between.lstrip()[:1]
            words = between.replace("(", " ").replace(",", " ").split()
            if (
                opened in ("(", ",")
                and MASK not in between
                and all(w[:1].islower() or w in _APPOSITION_CAPITALS for w in words)
            ):
                return person
            break
        return entity

    def entities_starting_in(self, start: int, stop: int) -> list[Entity]:
        """Every entity (quoted ones too) starting in ``[start, stop)``, in order."""
        first = bisect_left(self._all_entity_starts, start)
        last = bisect_left(self._all_entity_starts, stop)
        return self.all_entities[first:last]

    def entities_before(self, position: int) -> Iterator[Entity]:
        """The entities (outside quotations) starting before ``position``, nearest first:
        looking back from a pronoun stops at the first fit, not at the start of the text
        (a scan of every entity for each pronoun made a 3 MB text quadratic)."""
        for index in range(bisect_left(self._entity_starts, position) - 1, -1, -1):
            yield self.entities[index]

    def candidates_in(self, start: int, end: int) -> list[Candidate]:
        # Up to the first candidate starting past ``end``: no slice of the whole rest.
        first = bisect_left(self._candidate_starts, start)
        last = bisect_right(self._candidate_starts, end)
        return [c for c in self.candidates[first:last] if c.end <= end]


def _masked(text: str, outer: Sequence[Quote]) -> str:
    """``text`` with the words of each quotation replaced by ``MASK``, keeping line breaks
    (paragraphs) and a final stop (it ends the sentence). Built from slices: a copy of the
    text character by character, for each story told inside a quotation, made a novel's
    analysis grow with the square of its length."""
    hidden: list[tuple[int, int]] = []
    for quote in outer:
        last = quote.end - 1 if quote.closed and len(quote.marks) > 1 else quote.end
        final = last - 1
        while final > quote.start and text[final] in " \u00a0\u202f":
            final -= 1  # « … fin. »: the stop before the space and the closing mark
        if quote.start + 1 <= final < last and text[final] in ".!?…":
            hidden += [(quote.start + 1, final), (final + 1, last)]
        else:
            hidden.append((quote.start + 1, last))
    pieces: list[str] = []
    position = 0
    # Quotations may overlap (a line of dialogue opening a « … » that goes on): what any of
    # them hides is hidden.
    for first, last in union_of_open_intervals(span for span in hidden if span[0] < span[1]):
        pieces += [text[position:first], _hide(text[first:last])]
        position = last
    pieces.append(text[position:])
    return "".join(pieces)


def _hide(words: str) -> str:
    return "\n".join(MASK * len(line) for line in words.split("\n"))


def description_before(tokens: list[Token]) -> tuple[str, str] | None:
    for index in range(max(0, len(tokens) - 8), len(tokens)):
        described = match_description(tokens, index)
        if described is not None:
            return described[1], described[2]
    return None


def match_pronoun(tokens: list[Token], index: int) -> tuple[int, str, bool] | None:
    """(index of last token, gender, plural) of a pronoun starting at ``tokens[index]``."""
    for words, gender, plural in pronouns_by_first_word().get(tokens[index].folded, ()):
        if tuple(t.folded for t in tokens[index : index + len(words)]) == words:
            return index + len(words) - 1, gender, plural
    return None


def match_description(tokens: list[Token], index: int) -> tuple[int, str, str, str] | None:
    """(last token, role, gender, nationality) of « le président américain » at ``index``."""
    if tokens[index].folded not in DETERMINERS:
        return None
    determiner = tokens[index].folded
    for words, gender in descriptions_by_first_word().get(
        tokens[index + 1].folded if index + 1 < len(tokens) else "", ()
    ):
        after = index + 1
        if tuple(t.folded for t in tokens[after : after + len(words)]) != words:
            continue
        last = after + len(words) - 1
        nation = ""
        # Modifiers: « américain », « de la Défense », « du gouvernement russe ».
        for probe in range(last + 1, min(len(tokens), last + 6)):
            folded = tokens[probe].folded
            found = nationality(folded)
            if found is not None:
                nation, last = found, probe
                continue
            if folded in ("de", "la", "du", "des", "l'", "d'") or tokens[probe].text[:1].isupper():
                continue
            break
        if not gender:
            gender = (
                "f"
                if determiner in ("la", "une", "cette")
                else ("m" if determiner in ("le", "un", "ce") else "")
            )
        return last, " ".join(words), gender, nation
    return None


def union_of_open_intervals(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The open intervals ``(start, end)`` merged where they overlap, in order. Touching
    intervals stay apart: the point they share belongs to neither."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def mention_of(entity: Entity) -> Mention:
    return Mention(entity.canonical, entity.start, entity.end)
