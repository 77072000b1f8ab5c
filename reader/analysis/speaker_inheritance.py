"""What a quotation takes from the quotations around it: a nested quotation's own speaker
(never the outer one's), and the speaker of a quotation of the same sentence that a cue
introduces."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reader.analysis.model import Entity, Quote, QuoteKind
from reader.analysis.speaker_context import SPEAKING, ArticleContext, mention_of
from reader.analysis.speaker_cues import cue_of, find_cues, governed
from reader.analysis.speaker_lexicon import tokenize


def share_within_sentence(
    result: list[Quote], numbers: Sequence[int], confidence: dict[str, float]
) -> None:
    """« « A », la question est de savoir « B », affirme-t-il. »: quotations of one sentence
    that no cue introduces are the words of the one a cue gives."""
    cued = [result[n] for n in numbers if result[n].cue is not None and result[n].speaker]
    if not cued:
        return
    for number in numbers:
        quote = result[number]
        if quote.kind is QuoteKind.SPEECH and quote.cue is None and quote.confidence < 0.5:
            source = min(cued, key=lambda q: abs(q.start - quote.start))
            shared = round(confidence["continued"] * source.confidence / confidence["verb"], 3)
            result[number] = replace(quote, speaker=source.speaker, confidence=shared)


def nested_speaker(
    article: ArticleContext, quote: Quote, outer: Quote, confidence: dict[str, float]
) -> Quote:
    """A nested quotation's own speaker named inside the outer one (« X m'a dit : “…” »);
    else nobody: words someone reports are not their own words."""
    tokens = tokenize(article.text, outer.start + 1, quote.start)
    for said in reversed(find_cues(tokens)):
        if said.kind != "finite" or said.inverted is not None:
            continue
        named = [
            e
            for e in article_entities(article, outer.start, tokens[said.first].start)
            if e.label in SPEAKING and not governed(tokens, e.start)
        ]
        if named:
            return replace(
                quote,
                speaker=mention_of(named[-1]),
                cue=cue_of(article.text, tokens, said),
                confidence=confidence["nested"],
            )
    return replace(quote, speaker=None, cue=None, confidence=0.0)


def article_entities(article: ArticleContext, start: int, end: int) -> list[Entity]:
    """Entities inside a quotation between ``start`` and ``end`` (masked ones included)."""
    return [e for e in article.all_entities if start <= e.start and e.end <= end]
