"""Who said each quotation, and how: speaker, cue and confidence.

The rules, most trusted first, for each outermost quotation:
1. an inverted cue right after it: « « … », a déclaré X », « « … », a-t-il ajouté »;
2. « selon X » / « d'après X » in its sentence;
3. a colon introduction, « X : « … » » (with or without a reporting verb before the colon);
4. a reporting verb (``resources/lexicons/reporting_verbs_fr.txt``) before it in its
   sentence: the speaker is the verb's subject, the nearest person, organisation, pronoun or
   description before it that is not governed by a preposition; a gerund or present participle
   (« en notant », « considérant ») speaks with the subject of its main clause;
5. a quotation alone at the start of its paragraph speaks with the previous quotation;
6. with no cue at all, the subject of the sentence, with a low confidence.
Pronouns (« il ») resolve to the subject of the previous sentence when compatible, else to the
latest compatible subject; descriptions (« le président américain ») to the person the article
gives that role, nationality and gender, preferring recent subjects. Nested quotations inherit
their outer quotation's speaker unless a named speaker introduces them inside it.

Text is read through a masked copy in which the words of outermost quotations are hidden, so
that their verbs, names and full stops are never taken for the sentence around them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from reader.analysis.model import Cue, Entity, Label, Mention, Quote, SpeakerFix
from reader.analysis.speaker_lexicon import (
    AUX_AVOIR,
    AUX_ETRE,
    CLITICS,
    DETERMINERS,
    PREPOSITIONS,
    VERBISH,
    Token,
    descriptions_by_first_word,
    is_adverb,
    nationality,
    pronouns_by_first_word,
    tokenize,
    verb_forms,
)
from reader.text import Layout

CONFIDENCE = {
    "inverted": 0.9,
    "selon": 0.95,
    "colon": 0.85,
    "verb": 0.9,
    "gerund": 0.8,
    "continued": 0.6,
    "nested": 0.8,
    "sentence": 0.3,
}
"""Base confidence of each rule, multiplied by how sure the speaker's resolution is."""
FACTOR = {"entity": 1.0, "phrase": 0.65, "previous-subject": 0.85, "older-subject": 0.65}
SPEAKING = (Label.PER, Label.ORG)
_MASK = "□"
_SENTENCE_END = re.compile(r"[.!?…][»”\"\s□]*?(?=\s+[«“\"A-ZÀ-ÖØ-Þ])")


def apply_speaker_fixes(quotes: Sequence[Quote], fixes: Sequence[SpeakerFix]) -> list[Quote]:
    """Quotes with the reader's speakers.

    A fix finds its quotation by text, the nearest to its old position when the text occurs
    more than once, so it survives edits that move the quotation. The cue is kept; nested
    quotations that had inherited the old speaker inherit the fixed one.
    """
    result = list(quotes)
    for fix in fixes:
        matching = [i for i, quote in enumerate(result) if quote.text == fix.quote_text]
        if not matching:
            continue
        index = min(matching, key=lambda i: abs(result[i].start - fix.quote_start))
        old = result[index].speaker
        speaker = Mention(fix.name, result[index].start, result[index].start) if fix.name else None
        result[index] = replace(result[index], speaker=speaker, confidence=1.0)
        for child_index, child in enumerate(result):
            if child.parent == index and child.speaker == old:
                result[child_index] = replace(child, speaker=speaker, confidence=1.0)
    return result


@dataclass(frozen=True, slots=True)
class _Said:
    """A cue found in the text: its tokens and, for « a-t-il dit », the inverted pronoun."""

    first: int
    last: int
    kind: str
    """"finite" (« déclare », « a déclaré ») or "gerund" (« en notant », « considérant »)."""
    inverted: int | None = None


@dataclass(frozen=True, slots=True)
class _Candidate:
    """Someone a speaker may be: an entity, a pronoun, a description or a bare phrase."""

    start: int
    end: int
    kind: str
    entity: Entity | None = None
    gender: str = ""
    plural: bool = False
    role: str = ""
    nation: str = ""


@dataclass(frozen=True, slots=True)
class _Resolved:
    mention: Mention
    factor: float
    canonical: str | None
    """Canonical name of the entity meant, None for a phrase."""


@dataclass(slots=True)
class _Person:
    """What the article tells about one canonical entity: roles, nationality, gender."""

    label: Label
    roles: set[str]
    nations: set[str]
    genders: set[str]
    mentions: list[Entity]


class _Sentence:
    def __init__(self, start: int, end: int, tokens: list[Token]) -> None:
        self.start = start
        self.end = end
        self.tokens = tokens
        self.subject: _Resolved | None = None


class _Article:
    def __init__(
        self,
        text: str,
        ranges: Sequence[tuple[int, int]],
        quotes: Sequence[Quote],
        entities: Sequence[Entity],
    ) -> None:
        self.text = text
        chars = list(text)
        self.outer = [q for q in quotes if q.parent is None]
        for quote in self.outer:
            last = quote.end - 1 if quote.closed else quote.end
            for i in range(quote.start + 1, last):
                # Keep line breaks (paragraphs) and a final stop (it ends the sentence).
                if chars[i] != "\n" and not (i == last - 1 and chars[i] in ".!?…"):
                    chars[i] = _MASK
        self.masked = "".join(chars)
        self._quoted_spans = _union_of_open_intervals((q.start, q.end) for q in self.outer)
        self.all_entities = sorted(entities, key=lambda e: e.start)
        self.entities = sorted(
            (e for e in entities if not self._quoted(e.start)), key=lambda e: e.start
        )
        self._entity_starts = [e.start for e in self.entities]
        self._entity_reach: list[int] = []
        """The furthest end among ``entities[:i + 1]``: any entity covering a position?"""
        for entity in self.entities:
            reach = self._entity_reach[-1] if self._entity_reach else -1
            self._entity_reach.append(max(reach, entity.end))
        self.sentences: list[_Sentence] = []
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
            self.sentences.append(_Sentence(start, end, tokenize(self.masked, start, end)))

    def sentence_at(self, position: int) -> int:
        """The sentence holding ``position``, else the last one before it (else the first):
        sentences follow each other without overlapping, so the last one starting at or before
        ``position`` is the only one that can hold it."""
        return max(bisect_right(self._sentence_starts, position) - 1, 0)

    def _people(self) -> dict[str, _Person]:
        people: dict[str, _Person] = {}
        for entity in self.entities:
            person = people.setdefault(
                entity.canonical, _Person(entity.label, set(), set(), set(), [])
            )
            person.mentions.append(entity)
            # The title in the mention itself (« Le président Trump ») or just before it
            # (« le président ukrainien Volodymyr Zelensky »).
            lead = tokenize(self.masked, max(0, entity.start - 60), entity.end)
            lead = [t for t in lead if t.end <= entity.end]
            for token in lead[-8:]:
                if (nation := nationality(token.folded)) is not None:
                    person.nations.add(nation)
            described = _description_before(lead)
            if described is not None:
                role, gender = described
                person.roles.add(role)
                if gender:
                    person.genders.add(gender)
        return people

    def _candidates(self) -> list[_Candidate]:
        found: list[_Candidate] = [
            _Candidate(e.start, e.end, "entity", entity=e)
            for e in self.entities
            if e.label in (*SPEAKING, Label.LOC)
        ]
        for sentence in self.sentences:
            tokens = sentence.tokens
            for index, token in enumerate(tokens):
                pronoun = _match_pronoun(tokens, index)
                if pronoun is not None:
                    end, gender, plural = pronoun
                    found.append(
                        _Candidate(
                            token.start, tokens[end].end, "pronoun", gender=gender, plural=plural
                        )
                    )
                    continue
                description = _match_description(tokens, index)
                if description is None:
                    continue
                last, role, gender, nation = description
                if not self._titles_entity(tokens[last].end):
                    found.append(
                        _Candidate(
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
            _MASK not in self.masked[end : e.start]
            and "," not in self.masked[end : e.start]
            and e.label is Label.PER
            for e in following
        ):
            return True
        before = bisect_left(starts, end)
        return before > 0 and self._entity_reach[before - 1] >= end

    def entities_before(self, position: int) -> Iterator[Entity]:
        """The entities (outside quotations) starting before ``position``, nearest first:
        looking back from a pronoun stops at the first fit, not at the start of the text
        (a scan of every entity for each pronoun made a 3 MB text quadratic)."""
        for index in range(bisect_left(self._entity_starts, position) - 1, -1, -1):
            yield self.entities[index]

    def candidates_in(self, start: int, end: int) -> list[_Candidate]:
        # Up to the first candidate starting past ``end``: no slice of the whole rest.
        first = bisect_left(self._candidate_starts, start)
        last = bisect_right(self._candidate_starts, end)
        return [c for c in self.candidates[first:last] if c.end <= end]


def _description_before(tokens: list[Token]) -> tuple[str, str] | None:
    for index in range(max(0, len(tokens) - 8), len(tokens)):
        described = _match_description(tokens, index)
        if described is not None:
            return described[1], described[2]
    return None


def _match_pronoun(tokens: list[Token], index: int) -> tuple[int, str, bool] | None:
    """(index of last token, gender, plural) of a pronoun starting at ``tokens[index]``."""
    for words, gender, plural in pronouns_by_first_word().get(tokens[index].folded, ()):
        if tuple(t.folded for t in tokens[index : index + len(words)]) == words:
            return index + len(words) - 1, gender, plural
    return None


def _match_description(tokens: list[Token], index: int) -> tuple[int, str, str, str] | None:
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


def find_cues(tokens: list[Token], start: int = 0, stop: int | None = None) -> list[_Said]:
    """Reporting cues among ``tokens[start:stop]``, in order."""
    stop = len(tokens) if stop is None else stop
    forms = verb_forms()
    found: list[_Said] = []
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
            found.append(_Said(first, index, "gerund"))
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
        found.append(_Said(first, last, "finite", inverted))
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
        elif not (is_adverb(folded) or folded in ("-", "t", "ne", "n'", "pas")):
            break
        probe -= 1
    return index, None, None


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


def _governed(tokens: list[Token], start: int) -> bool:
    """Is the mention starting at ``start`` the object of a preposition (« à Donald Trump »)?"""
    before = [t for t in tokens if t.end <= start][-2:]
    if before and before[-1].folded in DETERMINERS and len(before) == 2:
        before = before[:1]
    return bool(before) and before[-1].folded in PREPOSITIONS


class _Attributor:
    def __init__(self, article: _Article) -> None:
        self.article = article

    # Resolution ---------------------------------------------------------------------------

    def resolve(self, candidate: _Candidate, sentence: int) -> _Resolved | None:
        if candidate.entity is not None:
            entity = candidate.entity
            return _Resolved(_mention(entity), FACTOR["entity"], entity.canonical)
        if candidate.kind == "pronoun":
            return self._resolve_pronoun(candidate, sentence)
        if candidate.kind == "description":
            return self._resolve_description(candidate, sentence)
        return _Resolved(
            Mention(
                self.article.text[candidate.start : candidate.end], candidate.start, candidate.end
            ),
            FACTOR["phrase"],
            None,
        )

    def _compatible(self, canonical: str | None, gender: str) -> bool:
        person = self.article.people.get(canonical or "")
        if person is None:
            return False
        if person.label is Label.ORG:
            return True
        return person.label is Label.PER and not (gender and person.genders - {gender})

    def _resolve_pronoun(self, candidate: _Candidate, sentence: int) -> _Resolved | None:
        if candidate.plural:
            return None  # « ils »: several people, none of whom is the speaker alone
        sentences = self.article.sentences
        subjects = [
            (distance, subject)
            for distance, index in enumerate(range(sentence - 1, max(-1, sentence - 5), -1))
            if (subject := sentences[index].subject) is not None
            and self._compatible(subject.canonical, candidate.gender)
        ]
        # A subject known to have the pronoun's gender beats a nearer one of unknown gender
        # (« La chancelière Angela Merkel … Olaf Scholz était absent. Elle a répété »).
        confirmed = [
            (distance, subject)
            for distance, subject in subjects
            if candidate.gender in self.article.people[subject.canonical or ""].genders
        ]
        for distance, subject in (confirmed or subjects)[:1]:
            factor = FACTOR["previous-subject" if distance == 0 else "older-subject"]
            return _Resolved(subject.mention, factor * subject.factor, subject.canonical)
        for entity in self.article.entities_before(candidate.start):
            if (
                entity.end <= candidate.start
                and entity.label is Label.PER
                and self._compatible(entity.canonical, candidate.gender)
            ):
                return _Resolved(_mention(entity), 0.5, entity.canonical)
        return None

    def _resolve_description(self, candidate: _Candidate, sentence: int) -> _Resolved | None:
        article = self.article
        recent = [
            s.subject.canonical
            for s in article.sentences[max(0, sentence - 4) : sentence]
            if s.subject is not None
        ]
        scores: dict[str, float] = {}
        last_seen: dict[str, Entity] = {}
        for entity in article.entities:
            if entity.end > candidate.start or entity.label is not Label.PER:
                continue
            person = article.people[entity.canonical]
            if candidate.gender and person.genders - {candidate.gender}:
                continue
            if candidate.nation and person.nations and candidate.nation not in person.nations:
                continue
            last_seen[entity.canonical] = entity
        ranked = sorted(last_seen, key=lambda name: last_seen[name].start, reverse=True)
        for rank, name in enumerate(ranked):
            person = article.people[name]
            score = 1.0 / (1 + rank)
            score += 2.0 if candidate.role in person.roles else (-1.0 if person.roles else 0.0)
            score += 3.0 if candidate.nation and candidate.nation in person.nations else 0.0
            score += 1.5 if recent and recent[-1] == name else (0.5 if name in recent else 0.0)
            scores[name] = score
        if not scores:
            text = article.text[candidate.start : candidate.end]
            return _Resolved(Mention(text, candidate.start, candidate.end), FACTOR["phrase"], None)
        best = max(scores, key=lambda name: scores[name])
        margin = best_margin(scores, best)
        return _Resolved(_mention(last_seen[best]), 0.8 if margin >= 1.0 else 0.5, best)

    # Subjects ---------------------------------------------------------------------------------

    def subject_before(self, sentence: int, position: int, adjacent_only: bool) -> _Resolved | None:
        """The subject of a verb at ``position``: the nearest mention before it not governed
        by a preposition (places only right before the verb: « Moscou a dénoncé »)."""
        current = self.article.sentences[sentence]
        tokens = current.tokens
        for candidate in reversed(self.article.candidates_in(current.start, position)):
            between = [t for t in tokens if candidate.end <= t.start and t.end <= position]
            close = all(is_adverb(t.folded) or t.folded in CLITICS for t in between)
            if adjacent_only and not close:
                break
            if candidate.entity is not None and candidate.entity.label is Label.LOC and not close:
                continue
            if candidate.kind == "pronoun" and candidate.gender and not close:
                continue  # « qu’il tiendrait »: a pronoun is a subject only right before
            if _governed(tokens, candidate.start):
                continue
            resolved = self.resolve(candidate, sentence)
            if resolved is not None or (candidate.kind == "pronoun" and close):
                # « Ils ont estimé »: the subject is there but names nobody alone.
                return resolved
        return self._phrase_before(tokens, position)

    def _phrase_before(self, tokens: list[Token], position: int) -> _Resolved | None:
        """« Le Kremlin a déclaré » when no entity was found: a capitalised noun phrase."""
        before = [t for t in tokens if t.end <= position]
        while before and (is_adverb(before[-1].folded) or before[-1].folded in CLITICS):
            before.pop()
        words: list[Token] = []
        while (
            before
            and before[-1].text[:1].isupper()
            and before[-1].folded not in VERBISH | DETERMINERS
            and not _match_pronoun(before, len(before) - 1)
        ):
            words.insert(0, before.pop())
        if not words:
            return None
        if before and before[-1].folded in DETERMINERS:
            words.insert(0, before.pop())
        if before and before[-1].folded in PREPOSITIONS:
            return None
        start, end = words[0].start, words[-1].end
        return _Resolved(Mention(self.article.text[start:end], start, end), FACTOR["phrase"], None)

    def sentence_subject(self, sentence: int) -> _Resolved | None:
        """The first mention before the sentence's first verb, if any."""
        current = self.article.sentences[sentence]
        verb = next((t.start for t in current.tokens if t.folded in VERBISH), None)
        if verb is None:
            return None
        for candidate in self.article.candidates_in(current.start, verb):
            if candidate.entity is not None and candidate.entity.label is Label.LOC:
                continue
            if _governed(current.tokens, candidate.start):
                continue
            return self.resolve(candidate, sentence)
        return None

    def mention_after(self, sentence: int, position: int, limit: int) -> _Resolved | None:
        """The speaker named right after a cue: « a déclaré le ministre », « selon le Kremlin »."""
        current = self.article.sentences[sentence]
        for candidate in self.article.candidates_in(position, min(current.end, position + limit)):
            if candidate.entity is not None and candidate.entity.label is Label.LOC:
                continue
            following = [t for t in current.tokens if t.start >= position]
            if _governed(following, candidate.start):
                continue
            return self.resolve(candidate, sentence)
        following = [t for t in current.tokens if t.start >= position][:5]
        if following and following[0].folded in DETERMINERS:
            following = following[:1] + [t for t in following[1:] if t.text[:1].isupper()]
        words = [t for t in following if t.text[:1].isupper() or t.folded in DETERMINERS]
        run: list[Token] = []
        for token in words:
            if run and token is not following[len(run)]:
                break
            run.append(token)
        if len(run) >= 2 or (run and run[0].folded not in DETERMINERS):
            start, end = run[0].start, run[-1].end
            text = self.article.text[start:end]
            return _Resolved(Mention(text, start, end), FACTOR["phrase"], None)
        return None

    # Rules --------------------------------------------------------------------------------

    def attribute(self, quote: Quote, previous: Quote | None) -> Quote:
        article = self.article
        index = article.sentence_at(quote.start)
        sentence = article.sentences[index]
        end_index = article.sentence_at(max(quote.start, quote.end - 1))
        after_sentence = article.sentences[end_index]
        tokens = sentence.tokens
        before = [i for i, t in enumerate(tokens) if t.end <= quote.start]
        after = [i for i, t in enumerate(after_sentence.tokens) if t.start >= quote.end]

        # 1. « « … », a déclaré X » / « « … », a-t-il ajouté » / « « … », selon X ».
        lead = after
        after_tokens = after_sentence.tokens
        while lead and after_tokens[lead[0]].folded in (",", "-", "—", "–"):
            lead = lead[1:]
        if lead:
            first = lead[0]
            cues = [
                c
                for c in find_cues(after_tokens, first, min(len(after_tokens), first + 6))
                if c.first == first and c.kind == "finite"
            ]
            if cues:
                said = cues[0]
                if said.inverted is not None:
                    who = self._inverted_speaker(end_index, after_tokens, said.inverted)
                else:
                    who = self.mention_after(end_index, after_tokens[said.last].end, 80)
                if who is not None:
                    return self._said(
                        quote, who, _cue(article.text, after_tokens, said), "inverted", end_index
                    )
            if after_tokens[first].folded in ("selon", "d'"):
                found = self._according(quote, end_index, first, after_tokens)
                if found is not None:
                    return found

        # 2. « selon X » before the quotation in its sentence.
        for i in reversed(before):
            if tokens[i].folded == "selon" or (
                tokens[i].folded == "d'" and i + 1 < len(tokens) and tokens[i + 1].folded == "apres"
            ):
                found = self._according(quote, index, i, tokens)
                if found is not None:
                    return found

        # 3 and 4. A colon introduction, a reporting verb before the quotation.
        colon = bool(before) and tokens[before[-1]].folded == ":"
        if not before and previous_paragraph_colon(article, index):
            index -= 1
            sentence = article.sentences[index]
            tokens = sentence.tokens
            before = list(range(len(tokens)))
            colon = True
        cues = find_cues(tokens, 0, len(before))
        for said in reversed(cues):
            if said.kind == "gerund":
                main = [c for c in cues if c.kind == "finite" and c.last < said.first]
                who = (
                    self._verb_subject(index, tokens, main[-1])
                    if main
                    else self.sentence_subject(index)
                )
                how = "gerund"
            else:
                who = self._verb_subject(index, tokens, said)
                how = "colon" if colon else "verb"
            if who is not None:
                cue = _cue(article.text, tokens, said)
                return self._said(quote, who, cue, how, index)
        if colon:
            colon_token = tokens[before[-1]]
            who = self.subject_before(index, colon_token.start, adjacent_only=False)
            if who is not None:
                cue = Cue(":", colon_token.start, colon_token.end)
                return self._said(quote, who, cue, "colon", index)

        # 5. A quotation opening its paragraph with no cue goes on from the previous one.
        if (
            not before
            and previous is not None
            and previous.speaker is not None
            and previous.confidence >= 0.5
            and article.sentence_at(previous.start) >= index - 1
        ):
            resolved = _Resolved(previous.speaker, 1.0, None)
            return self._said(quote, resolved, None, "continued", index)

        # 6. The subject of the sentence, unsure.
        subject = self.sentence_subject(index)
        if subject is not None:
            return self._said(quote, subject, None, "sentence", index)
        return replace(quote, speaker=None, cue=None, confidence=0.0)

    def _inverted_speaker(self, index: int, tokens: list[Token], inverted: int) -> _Resolved | None:
        """Who the pronoun of « a-t-il dit » (``tokens[inverted]``) stands for."""
        token = tokens[inverted]
        pronoun = self.article.candidates_in(token.start, token.end)
        return self.resolve(pronoun[0], index) if pronoun else None

    def _verb_subject(self, index: int, tokens: list[Token], said: _Said) -> _Resolved | None:
        if said.inverted is not None:
            return self._inverted_speaker(index, tokens, said.inverted)
        return self.subject_before(index, tokens[said.first].start, adjacent_only=False)

    def _according(self, quote: Quote, index: int, at: int, tokens: list[Token]) -> Quote | None:
        last = at + 1 if tokens[at].folded == "d'" else at
        who = self.mention_after(index, tokens[last].end, 60)
        if who is None:
            return None
        cue = Cue(
            self.article.text[tokens[at].start : tokens[last].end],
            tokens[at].start,
            tokens[last].end,
        )
        return self._said(quote, who, cue, "selon", index)

    def _said(
        self, quote: Quote, who: _Resolved, cue: Cue | None, how: str, sentence: int
    ) -> Quote:
        confidence = round(CONFIDENCE[how] * who.factor, 3)
        if confidence >= 0.5 and who.canonical is not None:
            self.article.sentences[sentence].subject = who
        return replace(quote, speaker=who.mention, cue=cue, confidence=confidence)


def best_margin(scores: dict[str, float], best: str) -> float:
    """How far the best score is ahead of the next one (infinite when alone)."""
    others = [score for name, score in scores.items() if name != best]
    return scores[best] - max(others) if others else float("inf")


def previous_paragraph_colon(article: _Article, index: int) -> bool:
    """Does the sentence before ``index`` end with a colon (« Il a déclaré : ↵ « … » »)?"""
    if index == 0:
        return False
    tokens = article.sentences[index - 1].tokens
    return bool(tokens) and tokens[-1].folded == ":"


def _mention(entity: Entity) -> Mention:
    return Mention(entity.canonical, entity.start, entity.end)


def _cue(text: str, tokens: list[Token], said: _Said) -> Cue:
    start, end = tokens[said.first].start, tokens[said.last].end
    return Cue(text[start:end], start, end)


def attribute_speakers(
    text: str, layout: Layout, quotes: Sequence[Quote], entities: Sequence[Entity]
) -> list[Quote]:
    """``quotes`` with speaker, cue and confidence, in the same order.

    ``speaker.name`` is the canonical name of the entity chosen (or the phrase, such as « le
    Kremlin », when no entity names the speaker); its offsets are those of the mention chosen.
    """
    article = _Article(text, layout.analysed_ranges(), quotes, entities)
    attributor = _Attributor(article)
    by_sentence: dict[int, list[int]] = {}
    for number, quote in enumerate(quotes):
        if quote.parent is None:
            by_sentence.setdefault(article.sentence_at(quote.start), []).append(number)
    result = list(quotes)
    previous: Quote | None = None
    # Sentences in reading order, so pronouns find the subjects of the sentences before them.
    for index in range(len(article.sentences)):
        for number in by_sentence.get(index, []):
            result[number] = attributor.attribute(quotes[number], previous)
            previous = result[number]
        if article.sentences[index].subject is None:
            article.sentences[index].subject = attributor.sentence_subject(index)
    for number, quote in enumerate(quotes):
        if quote.parent is not None:
            result[number] = _nested(article, quote, result[quote.parent])
    return result


def _nested(article: _Article, quote: Quote, outer: Quote) -> Quote:
    """A nested quotation's own named speaker inside the outer one, else the outer speaker."""
    tokens = tokenize(article.text, outer.start + 1, quote.start)
    for said in reversed(find_cues(tokens)):
        if said.kind != "finite" or said.inverted is not None:
            continue
        named = [
            e
            for e in article_entities(article, outer.start, tokens[said.first].start)
            if e.label in SPEAKING and not _governed(tokens, e.start)
        ]
        if named:
            return replace(
                quote,
                speaker=_mention(named[-1]),
                cue=_cue(article.text, tokens, said),
                confidence=CONFIDENCE["nested"],
            )
    return replace(
        quote, speaker=outer.speaker, cue=outer.cue, confidence=round(outer.confidence * 0.95, 3)
    )


def article_entities(article: _Article, start: int, end: int) -> list[Entity]:
    """Entities inside a quotation between ``start`` and ``end`` (masked ones included)."""
    return [e for e in article.all_entities if start <= e.start and e.end <= end]


def _union_of_open_intervals(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The open intervals ``(start, end)`` merged where they overlap, in order. Touching
    intervals stay apart: the point they share belongs to neither."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
