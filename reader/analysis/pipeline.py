"""One entry point for analysing an article: quotations, entities, speakers, user fixes.

Quotation marks are found in microseconds, so the window can show them at first paint;
entities need the NER engine (seconds to load), so they come in a second pass, off the GUI
thread, and speakers are attributed once entities are known.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reader.analysis.model import Analysis
from reader.analysis.quotes import find_quotes
from reader.text import Layout

if TYPE_CHECKING:
    from reader.analysis.engines import EntityEngine
    from reader.analysis.entities import ParagraphCache
    from reader.analysis.entity_fixes import Correction
    from reader.analysis.speakers import SpeakerFix


class AnalysisFailed(Exception):
    """The analysis of a text could not be finished; the message says why, for a reader."""


def analyse_quotes(text: str, layout: Layout) -> Analysis:
    """Quotations only, without speakers: cheap enough for the first paint."""
    quotes, problems = find_quotes(text, layout.analysed_ranges())
    return Analysis(quotes=quotes, problems=problems, engine="")


def analyse(
    text: str,
    layout: Layout,
    engine: EntityEngine,
    *,
    corrections: Sequence[Correction] = (),
    speaker_fixes: Sequence[SpeakerFix] = (),
    cache: ParagraphCache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Analysis:
    """Everything: quotations with speakers and cues, and entities with user corrections."""
    # Imported here: the first pass (``analyse_quotes``) comes before the window's first
    # paint, and needs none of these imports.
    from reader.analysis.entities import find_entities
    from reader.analysis.speakers import apply_speaker_fixes, attribute_speakers

    quotes, problems = find_quotes(text, layout.analysed_ranges())
    entities = find_entities(
        text, layout, engine, corrections=corrections, cache=cache, progress=progress
    )
    quotes = attribute_speakers(text, layout, quotes, entities)
    quotes = apply_speaker_fixes(quotes, speaker_fixes)
    return Analysis(
        quotes=quotes,
        entities=entities,
        problems=problems,
        engine=f"{engine.name} {engine.version}",
    )
