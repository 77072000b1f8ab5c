"""The small API the app and the command line share: open, analyse, annotate, export.

It ties the loaded text, the store, the analysis and the user's corrections together so that
neither the GUI nor the command line repeats that wiring.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from reader.analysis.engines import EngineId, EntityEngine, paragraph_cache_key
from reader.analysis.entity_fixes import Correction
from reader.analysis.model import Analysis, Cue, Entity, Label, Mention, Quote, SpeakerFix
from reader.analysis.quotes import QuoteIndex, marks_of, nested
from reader.sources import LoadedArticle
from reader.store import Annotation, Article, Store
from reader.store.model import SearchHit
from reader.text import Layout, layout

if TYPE_CHECKING:
    from reader.export.markdown import MarkdownOptions

# The analysis and export machinery is imported where it is used: the app opens its first
# article without it (about 10 ms of imports before the first paint).

ENTITY_CORRECTION = "entity"
SPEAKER_FIX = "speaker"


@dataclasses.dataclass(frozen=True)
class AnnotationFilter:
    """Which annotations an export keeps; the default keeps them all."""

    tags: frozenset[str] = frozenset()
    """Any of these tags (without « # », in any case); none given: any tag or none."""
    styles: frozenset[str] = frozenset()
    """Any of these styles; none given: every style."""
    ids: frozenset[str] | None = None
    """Only these annotations (a selection); None: no such limit."""

    def __post_init__(self) -> None:
        folded = frozenset(tag.lstrip("#").casefold() for tag in self.tags)
        object.__setattr__(self, "tags", folded)

    def keeps(self, annotation: Annotation) -> bool:
        return (
            (self.ids is None or annotation.id in self.ids)
            and (not self.tags or bool(self.tags & {t.casefold() for t in annotation.tags}))
            and (not self.styles or annotation.style in self.styles)
        )

    def applied(self, annotations: Sequence[Annotation]) -> list[Annotation]:
        return [annotation for annotation in annotations if self.keeps(annotation)]


EVERY_ANNOTATION = AnnotationFilter()


class StoreParagraphCache:
    """The analysis cache, kept in the library so a reopened article is analysed instantly."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, key: str) -> list[dict[str, Any]] | None:
        value = self._store.cache_get(key)
        return value if isinstance(value, list) else None

    def put(self, key: str, value: list[dict[str, Any]]) -> None:
        self._store.cache_put(key, value)


class Library:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, loaded: LoadedArticle) -> Article:
        return self.store.add_or_update_article(
            loaded.source, loaded.title, loaded.text, loaded.metadata
        )

    def entity_corrections(self, article_id: int | None) -> list[Correction]:
        rows = self.store.corrections(article_id, ENTITY_CORRECTION)
        if article_id is not None:
            rows = self.store.corrections(None, ENTITY_CORRECTION) + rows
        return [Correction.from_json(row["data"]) for row in rows]

    def speaker_fixes(self, article_id: int) -> list[SpeakerFix]:
        rows = self.store.corrections(article_id, SPEAKER_FIX)
        return [SpeakerFix.from_json(row["data"]) for row in rows]

    def add_entity_correction(self, article_id: int | None, correction: Correction) -> int:
        return self.store.add_correction(article_id, ENTITY_CORRECTION, correction.to_json())

    def add_speaker_fix(self, article_id: int, fix: SpeakerFix) -> int:
        return self.store.add_correction(article_id, SPEAKER_FIX, fix.to_json())

    def analyse(
        self,
        text: str,
        text_layout: Layout | None,
        engine: EntityEngine,
        article_id: int | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Analysis:
        from reader.analysis.pipeline import analyse

        analysis = analyse(
            text,
            text_layout or layout(text),
            engine,
            corrections=self.entity_corrections(article_id),
            speaker_fixes=self.speaker_fixes(article_id) if article_id is not None else (),
            cache=StoreParagraphCache(self.store),
            progress=progress,
        )
        if article_id is not None:
            self.keep_for_search(article_id, analysis)
        return analysis

    def analysis_cached(
        self, text: str, text_layout: Layout, engine: EntityEngine | EngineId
    ) -> bool:
        """Are the entities of every analysed paragraph already in the library's cache? Then
        analysing the text needs no model at all."""
        keys = [
            paragraph_cache_key(text[p.start : p.end], engine)
            for p in text_layout.paragraphs
            if p.analysed
        ]
        return self.store.cache_has_all(keys)

    def keep_for_search(self, article_id: int, analysis: Analysis) -> None:
        """Store what was found so library searches see quotations and entities."""
        self.store.replace_analysis(
            article_id,
            [
                (
                    q.start,
                    q.end,
                    q.text,
                    q.speaker.name if q.speaker else "",
                    q.cue.text if q.cue else "",
                )
                for q in analysis.quotes
            ],
            [(e.start, e.end, e.text, str(e.label), e.canonical) for e in analysis.entities],
        )
        from reader.tracker.clustering import track_article  # rapidfuzz only when analysing

        track_article(self.store, article_id)

    def stored_analysis(self, article_id: int) -> Analysis:
        """The last analysis kept for an article, without running the engine again."""
        quotes, entities = self.store.stored_analysis(article_id)
        return Analysis(
            quotes=nested(_stored_quote(q) for q in quotes),
            entities=[
                Entity(e["start"], e["end"], e["text"], Label(e["label"]), e["canonical"])
                for e in entities
                if e["label"] in Label.__members__
            ],
            engine="stored",
        )

    def quotes_of_speaker(self, speaker: str) -> list[SearchHit]:
        """Every quotation the library attributes to ``speaker``, article by article."""
        return [
            SearchHit("quote", q.article_id, q.title, q.text, q.start, q.end, q.speaker)
            for q in self.store.quotes_by_speaker(speaker)
        ]

    def articles_mentioning(self, canonical: str) -> list[SearchHit]:
        """Every article that mentions an entity group, most mentions first."""
        return [
            SearchHit("article", summary.id, summary.title, f"{canonical} ×{count}")
            for summary, count in self.store.articles_mentioning(canonical)
        ]

    def speakers_of(
        self, annotations: Sequence[Annotation], analysis: Analysis | None
    ) -> dict[str, str]:
        """For each annotation on or inside a quotation, who said it."""
        if analysis is None:
            return {}
        index = QuoteIndex(analysis.quotes)
        result: dict[str, str] = {}
        for annotation in annotations:
            quote = index.quote_for(annotation.start, annotation.end)
            if quote is not None and quote.speaker is not None:
                result[annotation.id] = quote.speaker.name
        return result

    def jsonld(
        self,
        articles: Sequence[tuple[Article, Analysis | None]],
        keep: AnnotationFilter = EVERY_ANNOTATION,
    ) -> str:
        from reader.export.jsonld import export_jsonld

        items = []
        speakers: dict[str, str] = {}
        for article, analysis in articles:
            annotations = keep.applied(self.store.annotations(article.id))
            speakers.update(self.speakers_of(annotations, analysis))
            items.append((article, annotations))
        return export_jsonld(items, speakers)

    def markdown(
        self,
        items: Sequence[tuple[Article, Analysis | None]],
        options: MarkdownOptions | None = None,
        keep: AnnotationFilter = EVERY_ANNOTATION,
    ) -> str:
        """The Markdown of each article with its annotations, one after the other."""
        from reader.export.markdown import MarkdownOptions, export_markdown

        options = options or MarkdownOptions()
        if not options.labels:
            # The reader's own names for the styles, including the ones they created.
            labels = {style.name: style.label_fr for style in self.store.styles()}
            options = dataclasses.replace(options, labels=labels)
        return "\n".join(
            export_markdown(
                article, keep.applied(self.store.annotations(article.id)), analysis, options
            )
            for article, analysis in items
        )


def _stored_quote(row: dict[str, Any]) -> Quote:
    marks, closed = marks_of(row["text"])
    start = row["start"]
    return Quote(
        start,
        row["end"],
        row["text"],
        marks,
        closed=closed,
        speaker=Mention(row["speaker"], start, start) if row["speaker"] else None,
        cue=Cue(row["cue"], start, start) if row["cue"] else None,
    )
