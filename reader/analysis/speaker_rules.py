"""The rules that find who said one quotation, and how: the ``Attributor`` reads the
sentence around a quotation (see ``speakers`` for the order in which the rules are tried)."""

from __future__ import annotations

from dataclasses import replace

from reader.analysis.entity_rules import is_media
from reader.analysis.model import Cue, Label, Quote, SpeakerKind
from reader.analysis.speaker_context import SPEAKING, ArticleContext, Candidate
from reader.analysis.speaker_cues import Said, cue_of, find_cues, governed
from reader.analysis.speaker_descriptions import names_someone
from reader.analysis.speaker_lexicon import (
    DETERMINERS,
    OBJECT_CLITICS,
    Token,
    is_adverb,
    tokenize,
)
from reader.analysis.speaker_resolution import FACTOR, Resolved, Resolver, mention_of
from reader.folding import fold_words

CONFIDENCE = {
    "incise": 0.9,
    "alternating": 0.6,
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


class Attributor(Resolver):
    def __init__(self, article: ArticleContext) -> None:
        super().__init__(article)
        self.turns: list[Quote] = []
        """The lines of dialogue attributed so far, for speakers that alternate."""

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

        # 0. An incise inside the quotation: « Je crois, dit-elle, que… », « — Oui, répondit
        # Marie ; je viendrai. ».
        inside = self._incise_inside(quote, index)
        if inside is not None:
            return inside

        # 1. « « … », a déclaré X » / « « … », a-t-il ajouté » / « « … », selon X ».
        lead = after
        after_tokens = after_sentence.tokens
        while lead and after_tokens[lead[0]].folded in _LEADING:
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
                        quote, who, cue_of(article.text, after_tokens, said), "inverted", end_index
                    )
            if after_tokens[first].folded in ("selon", "d'"):
                found = self._according(quote, end_index, first, after_tokens)
                if found is not None:
                    return found

        # 2. « selon X » before the quotation in its sentence; « Mais pour Obama, « … » »;
        # not past an earlier quotation (« D'après X, « … » ; Y a ajouté : « … » »).
        for i in reversed(before):
            if previous is not None and tokens[i].start < previous.end:
                break
            if tokens[i].folded == "selon" or (
                tokens[i].folded == "d'" and i + 1 < len(tokens) and tokens[i + 1].folded == "apres"
            ):
                found = self._according(quote, index, i, tokens)
                if found is not None:
                    return found
            if tokens[i].folded == "pour" and (i == 0 or tokens[i - 1].folded in _CLAUSE_START):
                found = self._according(quote, index, i, tokens, opinion=True)
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
                    else self.sentence_subject(index) or self._subject_after(index, quote)
                )
                how = "gerund"
            else:
                who = self._verb_subject(index, tokens, said)
                how = "colon" if colon else "verb"
            if who is not None:
                cue = cue_of(article.text, tokens, said)
                return self._said(quote, who, cue, how, index)
        if colon:
            colon_token = tokens[before[-1]]
            who = self.subject_before(index, colon_token.start, adjacent_only=False)
            if who is None or who.mention.kind is SpeakerKind.UNKNOWN:
                who = self.described(tokens, 0) or who
            if who is not None and _can_speak(who):
                cue = Cue(":", colon_token.start, colon_token.end)
                return self._said(quote, who, cue, "colon", index)

        # 5. Lines of dialogue without a cue: the speaker alternates between the last two.
        if quote.marks == "—" and previous is not None and self.turns:
            speaker = self.turns[-2].speaker if len(self.turns) > 1 else None
            if speaker is not None and speaker.name != (previous.speaker or speaker).name:
                resolved = Resolved(speaker, 1.0, None)
                return self._said(quote, resolved, None, "alternating", index)
            return replace(quote, speaker=None, cue=None, confidence=0.0)

        # A quotation opening its paragraph with no cue goes on from the previous one.
        if (
            not before
            and previous is not None
            and previous.speaker is not None
            and previous.confidence >= 0.5
            and article.sentence_at(previous.start) >= index - 1
        ):
            resolved = Resolved(previous.speaker, 1.0, None)
            return self._said(quote, resolved, None, "continued", index)

        # 6. The subject of the sentence, unsure; for a quotation that opens its sentence,
        # the subject of the sentence before in its paragraph (« La porte-parole a nuancé les
        # chiffres. « On a constaté… » »).
        subject = self.sentence_subject(index)
        if subject is not None and _can_speak(subject):
            return self._said(quote, subject, None, "sentence", index)
        if (
            not before
            and index > 0
            and "\n" not in article.text[article.sentences[index - 1].end : quote.start]
        ):
            subject = article.sentences[index - 1].subject
            if subject is not None and _can_speak(subject):
                return self._said(quote, subject, None, "sentence", index)
        return replace(quote, speaker=None, cue=None, confidence=0.0)

    def _subject_after(self, index: int, quote: Quote) -> Resolved | None:
        """« Estimant que « … », il vota contre »: the main clause's subject, after the
        quotation."""
        sentence = self.article.sentences[index]
        for candidate in self.article.candidates_in(quote.end, sentence.end)[:1]:
            if not governed(sentence.tokens, candidate.start):
                return self.resolve(candidate, index)
        return None

    def _inverted_speaker(self, index: int, tokens: list[Token], inverted: int) -> Resolved | None:
        """Who the pronoun of « a-t-il dit » (``tokens[inverted]``) stands for."""
        token = tokens[inverted]
        pronoun = self.article.candidates_in(token.start, token.end)
        return self.resolve(pronoun[0], index) if pronoun else None

    def _verb_subject(self, index: int, tokens: list[Token], said: Said) -> Resolved | None:
        if said.inverted is not None:
            return self._inverted_speaker(index, tokens, said.inverted)
        who = self.subject_before(index, tokens[said.first].start, adjacent_only=False)
        if who is None and _after_a_quotation(tokens, said.first):
            # « « … », lui avait dit Christian Jacob, avant de poursuivre « … » »: the
            # subject comes after its verb.
            who = self.mention_after(index, tokens[said.last].end, 60)
        return who

    def _according(
        self, quote: Quote, index: int, at: int, tokens: list[Token], opinion: bool = False
    ) -> Quote | None:
        last = at + 1 if tokens[at].folded == "d'" else at
        who = self.mention_after(index, tokens[last].end, 60)
        if who is None:
            return None
        if opinion:
            # « pour X, … »: an opinion only when a comma or a colon closes the name
            # (« pour Obama, », not « pour la population »).
            rest = self.article.masked[who.mention.end : who.mention.end + 3].lstrip()
            if who.canonical is None or rest[:1] not in (",", ":"):
                return None
        cue = Cue(
            self.article.text[tokens[at].start : tokens[last].end],
            tokens[at].start,
            tokens[last].end,
        )
        return self._said(quote, who, cue, "selon", index)

    def _said(self, quote: Quote, who: Resolved, cue: Cue | None, how: str, sentence: int) -> Quote:
        confidence = round(CONFIDENCE[how] * who.factor, 3)
        if confidence >= 0.5 and (who.canonical is not None or who.gender):
            self.article.sentences[sentence].subject = who
        speaker = replace(who.mention, kind=self._kind(who))
        return replace(quote, speaker=speaker, cue=cue, confidence=confidence)

    def _kind(self, who: Resolved) -> SpeakerKind:
        person = self.article.people.get(who.canonical or "")
        if person is not None:
            if person.label is Label.ORG:
                return (
                    SpeakerKind.MEDIA if is_media(who.canonical or "") else SpeakerKind.ORGANISATION
                )
            return SpeakerKind.PERSON
        if who.mention.kind in (SpeakerKind.DESCRIBED, SpeakerKind.NARRATOR):
            return who.mention.kind
        if is_media(who.mention.name):
            return SpeakerKind.MEDIA
        words = who.mention.name.split()
        if words and fold_words(words[0]) in DETERMINERS:
            # « le Kremlin », « le ministère »: an institution; « le président »: a person.
            return (
                SpeakerKind.DESCRIBED
                if words[1:2] and words[1].islower()
                else SpeakerKind.ORGANISATION
            )
        return SpeakerKind.UNKNOWN

    def _incise_inside(self, quote: Quote, sentence: int) -> Quote | None:
        """« Je crois, dit-elle, que… »: a reporting verb right after a comma inside the
        quotation, with its subject after it, and more words of the quotation after that."""
        text = self.article.text
        tokens = tokenize(text, quote.start + 1, quote.end)
        for said in find_cues(tokens):
            if said.kind != "finite" or said.first == 0:
                continue
            before = said.first - 1
            while before > 0 and tokens[before].folded in OBJECT_CLITICS:
                before -= 1  # « Causons, lui dit-elle ; »
            if tokens[before].folded not in (",", "!", "?", "…"):
                continue
            rest = [t for t in tokens[said.last + 1 :] if t.folded in (",", ";", ".", ":")]
            if not rest or rest[0].end >= quote.end - 2:
                continue  # no words of the quotation after the incise
            if said.inverted is not None:
                pronoun = tokens[said.inverted]
                gender = "f" if pronoun.folded.startswith("elle") else "m"
                plural = pronoun.folded.endswith("s")
                candidate = Candidate(
                    pronoun.start, pronoun.end, "pronoun", gender=gender, plural=plural
                )
                who = self.resolve(candidate, sentence)
            else:
                who = self._named_in_incise(tokens, said.last + 1, rest[0].start)
            if who is not None:
                return self._said(quote, who, cue_of(text, tokens, said), "incise", sentence)
        return None

    def _named_in_incise(self, tokens: list[Token], first: int, stop: int) -> Resolved | None:
        for entity in self.article.entities_starting_in(tokens[first].start, stop):
            if entity.label in SPEAKING:
                return Resolved(mention_of(entity), FACTOR["entity"], entity.canonical)
        while first + 1 < len(tokens) and is_adverb(tokens[first].folded):
            first += 1  # « nous dit encore sa fille »
        return self.described(tokens, first)


_LEADING = frozenset({",", "-", "—", "–", "l'", "y"}) | OBJECT_CLITICS
"""What may stand between a quotation and the cue after it (« », lui avait dit X »)."""
_CLAUSE_START = frozenset({",", ".", ":", ";", "mais", "et", "or", "donc"})


def _can_speak(who: Resolved) -> bool:
    """With no reporting verb to say so, a described subject speaks only if it is someone
    (« la vieille servante : », not « les roues de sa bicyclette ont … : »)."""
    return who.mention.kind is not SpeakerKind.DESCRIBED or names_someone(who.mention.name)


def _after_a_quotation(tokens: list[Token], first: int) -> bool:
    """Is the cue at ``tokens[first]`` right after a quotation (masked words, a comma)?"""
    before = [t for t in tokens[:first] if t.folded not in _LEADING]
    return not before or before[-1].folded in (".", "!", "?", "…", "»", "”", '"')


def previous_paragraph_colon(article: ArticleContext, index: int) -> bool:
    """Does the sentence before ``index`` end with a colon (« Il a déclaré : ↵ « … » »)?"""
    if index == 0:
        return False
    tokens = article.sentences[index - 1].tokens
    return bool(tokens) and tokens[-1].folded == ":"
