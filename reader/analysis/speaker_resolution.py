"""Who a mention stands for: an entity, a pronoun resolved to the last compatible subject, a
description resolved to the person the article gives that role; and the subject of a verb."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reader.analysis.model import Entity, Label, Mention, SpeakerKind
from reader.analysis.speaker_context import (
    ArticleContext,
    Candidate,
    Resolved,
    match_pronoun,
    mention_of,
)
from reader.analysis.speaker_cues import governed
from reader.analysis.speaker_descriptions import (
    OPENING_WORDS,
    PHRASE_FACTOR,
    PLURAL_DETERMINERS,
    SPEAKER_DETERMINERS,
    describe,
    opens_clause,
    organisation_noun,
)
from reader.analysis.speaker_lexicon import (
    CLITICS,
    DETERMINERS,
    PREPOSITIONS,
    VERBISH,
    Token,
    is_adverb,
)

FACTOR = {"entity": 1.0, "phrase": PHRASE_FACTOR, "previous-subject": 0.85, "older-subject": 0.65}
NARRATOR = "le narrateur"
DISTANT = 0.85
"""How much less sure a subject is when it neither opens its sentence nor stands by its verb."""


class Resolver:
    def __init__(self, article: ArticleContext) -> None:
        self.article = article

    # Resolution ---------------------------------------------------------------------------

    def resolve(self, candidate: Candidate, sentence: int) -> Resolved | None:
        if candidate.entity is not None:
            entity = self.article.apposition_head(candidate.entity)
            return Resolved(mention_of(entity), FACTOR["entity"], entity.canonical)
        if candidate.kind == "narrator":
            # « je dis » outside any quotation: the one who tells the story.
            mention = Mention(NARRATOR, candidate.start, candidate.end, SpeakerKind.NARRATOR)
            return Resolved(mention, FACTOR["entity"], None)
        if candidate.kind == "pronoun":
            return self._resolve_pronoun(candidate, sentence)
        if candidate.kind == "description":
            named = self.article.named_after(candidate.end)
            if named is not None:
                # « le ministre du budget, Jérôme Cahuzac, » : the name says who.
                return Resolved(mention_of(named), FACTOR["entity"], named.canonical)
            return self._resolve_description(candidate, sentence)
        return Resolved(
            Mention(
                self.article.text[candidate.start : candidate.end], candidate.start, candidate.end
            ),
            FACTOR["phrase"],
            None,
        )

    def _compatible(self, canonical: str | None, gender: str) -> bool:
        """Could « il » / « elle » stand for this entity? A person of another gender never;
        an organisation only when no person fits (see ``_resolve_pronoun``)."""
        person = self.article.people.get(canonical or "")
        if person is None:
            return False
        if person.label is Label.ORG:
            return True
        return person.label is Label.PER and not (gender and person.genders - {gender})

    def _is_person(self, subject: Resolved) -> bool:
        person = self.article.people.get(subject.canonical or "")
        return person is None or person.label is Label.PER

    def _resolve_pronoun(self, candidate: Candidate, sentence: int) -> Resolved | None:
        if candidate.plural:
            return None  # « ils »: several people, none of whom is the speaker alone
        opening = self._opening_subject(candidate, sentence)
        if opening is not None:
            return opening
        sentences = self.article.sentences
        subjects = [
            (distance, subject)
            for distance, index in enumerate(range(sentence - 1, max(-1, sentence - 5), -1))
            if (subject := sentences[index].subject) is not None
            and (
                self._compatible(subject.canonical, candidate.gender)
                or (subject.canonical is None and subject.gender == candidate.gender != "")
            )
        ]
        # « il » stands for a person far more often than for an organisation named nearer
        # (« Jean-Marie Le Pen … le Front national … explique-t-il »).
        people = [(d, subject) for d, subject in subjects if self._is_person(subject)]
        subjects = people or subjects
        # A subject known to have the pronoun's gender beats a nearer one of unknown gender
        # (« La chancelière Angela Merkel … Olaf Scholz était absent. Elle a répété »).
        confirmed = [
            (distance, subject)
            for distance, subject in subjects
            if subject.canonical is not None
            and candidate.gender in self.article.people[subject.canonical].genders
        ]
        for distance, subject in (confirmed or subjects)[:1]:
            factor = FACTOR["previous-subject" if distance == 0 else "older-subject"]
            return Resolved(
                subject.mention, factor * subject.factor, subject.canonical, subject.gender
            )
        for entity in self.article.entities_before(candidate.start):
            if (
                entity.end <= candidate.start
                and entity.label is Label.PER
                and self._compatible(entity.canonical, candidate.gender)
            ):
                return Resolved(mention_of(entity), 0.5, entity.canonical)
        return None

    def _opening_subject(self, candidate: Candidate, sentence: int) -> Resolved | None:
        """« Sérapion me jeta un coup d'œil ; puis il me dit : »: the person who opens the
        pronoun's own sentence, when it fits, before the subjects of the sentences before."""
        current = self.article.sentences[sentence]
        before = self.article.candidates_in(current.start, candidate.start)
        if not before or before[0].entity is None or before[0].end > candidate.start:
            return None
        entity = before[0].entity
        if (
            entity.label is not Label.PER
            or governed(current.tokens, entity.start)
            or not opens_clause(current.tokens, entity.start)
            or not self._compatible(entity.canonical, candidate.gender)
        ):
            return None
        return Resolved(mention_of(entity), FACTOR["previous-subject"], entity.canonical)

    def _resolve_description(self, candidate: Candidate, sentence: int) -> Resolved | None:
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
        text = article.text[candidate.start : candidate.end]
        unnamed = Resolved(Mention(text, candidate.start, candidate.end), FACTOR["phrase"], None)
        if not scores:
            return unnamed
        best = max(scores, key=lambda name: scores[name])
        person = article.people[best]
        if not (
            candidate.role in person.roles
            or (candidate.nation and candidate.nation in person.nations)
            or (recent and recent[-1] == best)
            or article.text[last_seen[best].end : candidate.start].strip() == ","
        ):
            # « Le général avait dit » with no general named: someone the text leaves unnamed,
            # not the last man mentioned (unless named just before: « Barroso, le président »).
            return unnamed
        margin = best_margin(scores, best)
        return Resolved(mention_of(last_seen[best]), 0.8 if margin >= 1.0 else 0.5, best)

    # Subjects ---------------------------------------------------------------------------------

    def subject_before(self, sentence: int, position: int, adjacent_only: bool) -> Resolved | None:
        """The subject of a verb at ``position``: the nearest mention before it not governed
        by a preposition (places only right before the verb: « Moscou a dénoncé »)."""
        current = self.article.sentences[sentence]
        tokens = current.tokens
        before = [t for t in tokens if t.end <= position]
        while before and (is_adverb(before[-1].folded) or before[-1].folded in CLITICS):
            before.pop()
        relative = bool(before) and before[-1].folded == "qui"
        for candidate in reversed(self.article.candidates_in(current.start, position)):
            between = [t for t in tokens if candidate.end <= t.start and t.end <= position]
            close = all(is_adverb(t.folded) or t.folded in CLITICS for t in between)
            if adjacent_only and not close:
                break
            if candidate.entity is not None and candidate.entity.label is Label.LOC and not close:
                continue
            if (
                candidate.kind == "pronoun"
                and candidate.gender
                and not close
                and not opens_clause(tokens, candidate.start)
            ):
                continue  # « qu’il tiendrait »: a pronoun is a subject right before or first
            if candidate.kind == "pronoun" and self.article.text[
                candidate.start : candidate.end
            ].casefold() in ("lui", "eux"):
                continue  # « lui avait dit »: to whom it was said, not who said it
            if governed(tokens, candidate.start) and not (relative and len(between) <= 2):
                continue  # « de l'organisation, qui affirme »: the relative's antecedent
            resolved = self.resolve(candidate, sentence)
            if resolved is not None and not close and not opens_clause(tokens, candidate.start):
                # A name far from the verb and not opening the sentence may be its object
                # (« il prit Blondine à sa gauche, et déclara : »): less sure.
                resolved = replace(resolved, factor=resolved.factor * DISTANT)
            if resolved is not None or (candidate.kind == "pronoun" and close):
                # « Ils ont estimé »: the subject is there but names nobody alone.
                return resolved
        return self._phrase_before(tokens, position) or self._described_before(before, relative)

    def _described_before(self, before: list[Token], relative: bool) -> Resolved | None:
        """« Le gouvernement malien, impuissant, a dénoncé », « l'organisation islamique, qui
        affirme »: the nearest described subject before the verb."""
        for index in range(len(before) - 1, max(-1, len(before) - 10), -1):
            if before[index].folded not in SPEAKER_DETERMINERS | PLURAL_DETERMINERS:
                continue
            # Only a subject: the phrase opening its sentence, or the antecedent of « qui »;
            # never an object (« haussa les épaules : »).
            if relative and len(before) - index <= 5:
                return self.described(before, index)
            if opens_clause(before, before[index].start):
                return self.described(before, index)
        return None

    def _phrase_before(self, tokens: list[Token], position: int) -> Resolved | None:
        """« Le Kremlin a déclaré » when no entity was found: a capitalised noun phrase."""
        before = [t for t in tokens if t.end <= position]
        while before and (is_adverb(before[-1].folded) or before[-1].folded in CLITICS):
            before.pop()
        words: list[Token] = []
        while (
            before
            and before[-1].text[:1].isupper()
            and before[-1].folded not in VERBISH | DETERMINERS
            and not match_pronoun(before, len(before) - 1)
        ):
            words.insert(0, before.pop())
        if not words:
            return None
        if before and before[-1].folded in DETERMINERS:
            words.insert(0, before.pop())
        if before and before[-1].folded in PREPOSITIONS:
            return None
        start, end = words[0].start, words[-1].end
        organisation = (
            organisation_noun(self.article, words[-1], start) if len(words) == 2 else None
        )
        if organisation is not None:
            return organisation  # « l'ONG précise »: the organisation named before
        return Resolved(Mention(self.article.text[start:end], start, end), FACTOR["phrase"], None)

    def sentence_subject(self, sentence: int) -> Resolved | None:
        """The first mention before the sentence's first verb, if any."""
        current = self.article.sentences[sentence]
        tokens = current.tokens
        verb = next((t.start for t in tokens if t.folded in VERBISH), None)
        if verb is None:
            # « Le baron, soudain, se redressa. », « Mais elle répondit »: what opens the
            # sentence, after a conjunction or an adverb.
            first = 0
            while first < len(tokens) and (
                tokens[first].folded in OPENING_WORDS or is_adverb(tokens[first].folded)
            ):
                first += 1
            if first >= len(tokens):
                return None
            opening = self.article.candidates_in(tokens[first].start, tokens[first].end + 60)
            if opening and opening[0].start == tokens[first].start:
                return self.resolve(opening[0], sentence)
            return self.described(tokens, first)
        for candidate in self.article.candidates_in(current.start, verb):
            if candidate.entity is not None and candidate.entity.label is Label.LOC:
                continue
            if governed(current.tokens, candidate.start):
                continue
            return self.resolve(candidate, sentence)
        return None

    def mention_after(self, sentence: int, position: int, limit: int) -> Resolved | None:
        """The speaker named right after a cue: « a déclaré le ministre », « selon le Kremlin »."""
        current = self.article.sentences[sentence]
        for candidate in self.article.candidates_in(position, min(current.end, position + limit)):
            if candidate.entity is not None and candidate.entity.label is Label.LOC:
                continue
            following = [t for t in current.tokens if t.start >= position]
            if governed(following, candidate.start):
                continue
            return self.resolve(candidate, sentence)
        following = [t for t in current.tokens if t.start >= position][:5]
        described = self.described(following, 0)
        if following and following[0].folded in DETERMINERS:
            following = following[:1] + [t for t in following[1:] if t.text[:1].isupper()]
        words = [t for t in following if t.text[:1].isupper() or t.folded in DETERMINERS]
        run: list[Token] = []
        for token in words:
            if run and token is not following[len(run)]:
                break
            run.append(token)
        while len(run) > 1 and run[-1].folded in DETERMINERS:
            run.pop()  # « explique Joechen Zaumseil le vice-président »
        if len(run) >= 2 or (run and run[0].folded not in DETERMINERS):
            start, end = run[0].start, run[-1].end
            text = self.article.text[start:end]
            return Resolved(Mention(text, start, end), FACTOR["phrase"], None)
        return described

    def described(self, tokens: Sequence[Token], index: int) -> Resolved | None:
        """« le laquais », « un ancien guide touristique », « l'ONG »: see ``describe``."""
        return describe(self.article, tokens, index)


def best_margin(scores: dict[str, float], best: str) -> float:
    """How far the best score is ahead of the next one (infinite when alone)."""
    others = [score for name, score in scores.items() if name != best]
    return scores[best] - max(others) if others else float("inf")
