"""Who said each quotation, and how: speaker, cue and confidence.

The rules (``speaker_rules``), most trusted first, for each outermost quotation:
0. an incise inside it: « Je crois, dit-elle, que… », « — Causons, lui dit-elle ; … »;
1. an inverted cue right after it: « « … », a déclaré X », « « … », a-t-il ajouté »;
2. « selon X » / « d'après X » / « pour X, » in its sentence, not past an earlier quotation;
3. a colon introduction, « X : « … » » (with or without a reporting verb before the colon);
4. a reporting verb (``resources/lexicons/reporting_verbs_fr.txt``) before it in its
   sentence: the speaker is the verb's subject, the nearest person, organisation, pronoun or
   description before it that is not governed by a preposition; a gerund or present participle
   (« en notant », « considérant ») speaks with the subject of its main clause;
5. a line of dialogue with no cue: the speaker alternates between the last two; a quotation
   alone at the start of its paragraph speaks with the previous quotation;
6. with no cue at all, the subject of the sentence, with a low confidence, when it can speak
   (a person, an organisation, a description of someone: not « les roues de sa bicyclette »).
Pronouns (« il ») resolve to the subject of the previous sentence when compatible, else to the
latest compatible subject; descriptions (« le président américain ») to the person the article
gives that role, nationality and gender, else to no one named. Quotations inside a quotation
are attributed by the same rules from the words around them inside it: never to the outer
speaker, except that « je » there is the outer speaker speaking of themselves.

Text is read through a masked copy in which the words of outermost quotations are hidden, so
that their verbs, names and full stops are never taken for the sentence around them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from reader.analysis.model import (
    Entity,
    Mention,
    Quote,
    QuoteKind,
    SpeakerFix,
    SpeakerKind,
)
from reader.analysis.quote_terms import is_term
from reader.analysis.speaker_context import ArticleContext
from reader.analysis.speaker_inheritance import share_within_sentence
from reader.analysis.speaker_rules import CONFIDENCE, Attributor
from reader.text import Layout


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


def attribute_speakers(
    text: str, layout: Layout, quotes: Sequence[Quote], entities: Sequence[Entity]
) -> list[Quote]:
    """``quotes`` with speaker, cue and confidence, in the same order.

    ``speaker.name`` is the canonical name of the entity chosen (or the phrase, such as « le
    Kremlin », when no entity names the speaker); its offsets are those of the mention chosen.
    """
    result = _attribute_outermost(text, layout.analysed_ranges(), quotes, entities)
    held: dict[int, list[int]] = {}
    for number, quote in enumerate(quotes):
        if quote.parent is not None:
            held.setdefault(quote.parent, []).append(number)
    ordered = sorted(entities, key=lambda e: e.start)
    starts = [e.start for e in ordered]
    # Outer quotations come before the ones they hold: each is attributed before its own.
    for outer_number in sorted(held):
        outer = result[outer_number]
        # Only the names inside it: a context over the whole text for each story told made
        # a novel's analysis grow with the square of its length.
        within = ordered[bisect_left(starts, outer.start) : bisect_left(starts, outer.end)]
        _attribute_inside(text, quotes, within, outer_number, held[outer_number], result)
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
    inside: Sequence[int],
    result: list[Quote],
) -> None:
    """The quotations numbered ``inside``, held by ``quotes[outer_number]`` (a story someone
    tells, « Il m'a dit : “…” »), attributed from the words and the ``entities`` around them
    inside it, by the same rules: their
    speaker is someone the outer quotation names or describes, never the outer speaker
    because they are inside; « je » is the outer speaker speaking of themselves."""
    outer = result[outer_number]
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
