"""What a quotation takes from the quotations of its sentence: the speaker of the one a cue
introduces."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reader.analysis.model import Quote, QuoteKind


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
