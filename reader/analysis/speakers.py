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

from collections.abc import Sequence
from dataclasses import replace

from reader.analysis.entity_rules import is_media
from reader.analysis.model import (
    Cue,
    Entity,
    Label,
    Mention,
    Quote,
    QuoteKind,
    SpeakerFix,
    SpeakerKind,
)
from reader.analysis.quote_terms import is_term
from reader.analysis.speaker_context import SPEAKING, ArticleContext, Candidate
from reader.analysis.speaker_cues import Said, cue_of, find_cues, governed
from reader.analysis.speaker_inheritance import share_within_sentence
from reader.analysis.speaker_lexicon import (
    DETERMINERS,
    Token,
    is_adverb,
    names_someone,
    tokenize,
)
from reader.analysis.speaker_resolution import FACTOR, Resolved, Resolver, mention_of
from reader.folding import fold_words
from reader.text import Layout

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
            while before > 0 and tokens[before].folded in _CLITICS_BEFORE:
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
        for entity in self.article.all_entities:
            if tokens[first].start <= entity.start < stop and entity.label in SPEAKING:
                return Resolved(mention_of(entity), FACTOR["entity"], entity.canonical)
        while first + 1 < len(tokens) and is_adverb(tokens[first].folded):
            first += 1  # « nous dit encore sa fille »
        return self.described(tokens, first)


_LEADING = frozenset({",", "-", "—", "–", "lui", "leur", "me", "m'", "nous", "vous", "l'", "y"})
"""What may stand between a quotation and the cue after it (« », lui avait dit X »)."""
_CLITICS_BEFORE = frozenset({"lui", "leur", "me", "m'", "nous", "vous", "te", "t'"})
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


def attribute_speakers(
    text: str, layout: Layout, quotes: Sequence[Quote], entities: Sequence[Entity]
) -> list[Quote]:
    """``quotes`` with speaker, cue and confidence, in the same order.

    ``speaker.name`` is the canonical name of the entity chosen (or the phrase, such as « le
    Kremlin », when no entity names the speaker); its offsets are those of the mention chosen.
    """
    result = _attribute_outermost(text, layout.analysed_ranges(), quotes, entities)
    # Outer quotations come before the ones they hold: each is attributed before its own.
    for number in sorted({q.parent for q in quotes if q.parent is not None}):
        _attribute_inside(text, quotes, entities, number, result)
    return result


def _attribute_outermost(
    text: str,
    ranges: Sequence[tuple[int, int]],
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
) -> list[Quote]:
    """The quotations whose ``parent`` is None attributed from the text around them."""
    article = ArticleContext(text, ranges, quotes, entities)
    attributor = Attributor(article)
    by_sentence: dict[int, list[int]] = {}
    for number, quote in enumerate(quotes):
        if quote.parent is None:
            by_sentence.setdefault(article.sentence_at(quote.start), []).append(number)
    result = list(quotes)
    previous: Quote | None = None
    # Sentences in reading order, so pronouns find the subjects of the sentences before them.
    for index in range(len(article.sentences)):
        for number in by_sentence.get(index, []):
            quote = quotes[number]
            if quote.kind is QuoteKind.UNCLOSED:
                result[number] = replace(quote, speaker=None, cue=None, confidence=0.0)
                continue
            attributed = attributor.attribute(quote, previous)
            if is_term(text, attributed):
                attributed = replace(
                    attributed, kind=QuoteKind.TERM, speaker=None, cue=None, confidence=0.0
                )
            result[number] = previous = attributed
            if attributed.marks == "—":
                attributor.turns.append(attributed)
        share_within_sentence(result, by_sentence.get(index, []), CONFIDENCE)
        if article.sentences[index].subject is None:
            article.sentences[index].subject = attributor.sentence_subject(index)
    return result


def _attribute_inside(
    text: str,
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    outer_number: int,
    result: list[Quote],
) -> None:
    """The quotations inside ``quotes[outer_number]`` (a story someone tells, « Il m'a dit :
    “…” »), attributed from the words around them inside it, by the same rules: their
    speaker is someone the outer quotation names or describes, never the outer speaker
    because they are inside; « je » is the outer speaker speaking of themselves."""
    outer = result[outer_number]
    inside = [n for n, q in enumerate(quotes) if q.parent == outer_number]
    local = [replace(quotes[n], parent=None) for n in inside]
    last = outer.end - 1 if outer.closed and len(outer.marks) > 1 else outer.end
    ranges = _paragraphs_within(text, outer.start + 1, last)
    attributed = _attribute_outermost(text, ranges, local, entities)
    for number, quote in zip(inside, attributed, strict=True):
        speaker = quote.speaker
        # « je » inside a quotation is whoever says it: its speaker, when it is known.
        if speaker is not None and speaker.kind is SpeakerKind.NARRATOR and outer.speaker:
            teller = replace(outer.speaker, start=speaker.start, end=speaker.end)
            confidence = round(quote.confidence * max(outer.confidence, 0.5), 3)
            quote = replace(quote, speaker=teller, confidence=confidence)
        elif speaker is not None and outer.speaker and speaker.name == outer.speaker.name:
            # « Il m'a dit “partez” », told by Marc: « il » is someone else, whom the
            # rules found nowhere.
            quote = replace(quote, speaker=None, cue=None, confidence=0.0)
        result[number] = replace(quote, parent=outer_number)


def _paragraphs_within(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The paragraphs of ``text[start:end]``, as (start, end) ranges."""
    ranges = []
    position = start
    while position < end:
        stop = text.find("\n", position, end)
        stop = end if stop == -1 else stop
        if stop > position:
            ranges.append((position, stop))
        position = stop + 1
    return ranges
