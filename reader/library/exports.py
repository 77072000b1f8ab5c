"""Exports of the library, the same for the app and the command line: every export is made
from the analysis the library stores, never from one a front end happens to hold."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.analysis.model import Analysis
from reader.analysis.quotes import QuoteIndex
from reader.library.analysis import Analyses
from reader.library.articles import Articles
from reader.store import Annotation, Article

if TYPE_CHECKING:
    from reader.export.markdown import MarkdownOptions

MARKDOWN = "markdown"
JSONLD = "jsonld"
FORMATS = (MARKDOWN, JSONLD)
SUFFIXES = {MARKDOWN: ".md", JSONLD: ".jsonld"}


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


@dataclasses.dataclass(frozen=True)
class ExportRequest:
    """One export: which articles, which of their annotations, in which format."""

    article_ids: tuple[int, ...]
    """The articles, in the order the export gives them."""
    format: str = MARKDOWN
    """``MARKDOWN`` or ``JSONLD``."""
    keep: AnnotationFilter = EVERY_ANNOTATION
    with_quotes: bool = False
    """Markdown: add a *Citations* section listing every quotation with its speaker."""
    with_entities: bool = False
    """Markdown: add an *Entités* section indexing people, places and organisations."""

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ValueError(f"unknown export format {self.format!r}")

    @property
    def suffix(self) -> str:
        return SUFFIXES[self.format]

    def of_one(self, article_id: int) -> ExportRequest:
        """The same export for one of its articles alone (one file per article)."""
        return dataclasses.replace(self, article_ids=(article_id,))


class Exports(Articles, Analyses):
    def export(self, request: ExportRequest) -> str:
        """The text of ``request``: each article with its annotations and the speakers,
        entities and quotations of its stored analysis (none for an article never analysed)."""
        items: list[tuple[Article, Analysis | None]] = []
        for article_id in request.article_ids:
            article = self.store.article(article_id)
            if article is None:
                continue
            analysis = (
                self.stored_analysis(article.id) if self.has_current_analysis(article) else None
            )
            items.append((article, analysis))
        if request.format == JSONLD:
            return self._jsonld(items, request.keep)
        from reader.export.markdown import MarkdownOptions

        options = MarkdownOptions(
            with_quotes=request.with_quotes, with_entities=request.with_entities
        )
        return self._markdown(items, options, request.keep)

    def speakers_of(
        self, annotations: Sequence[Annotation], analysis: Analysis | None
    ) -> dict[str, str]:
        """For each annotation on or inside someone's words, who said them."""
        if analysis is None:
            return {}
        index = QuoteIndex(analysis.quotes)
        result: dict[str, str] = {}
        for annotation in annotations:
            quote = index.quote_for(annotation.start, annotation.end)
            if quote is not None and quote.speaker is not None:
                result[annotation.id] = quote.speaker.name
        return result

    def _jsonld(
        self, articles: Sequence[tuple[Article, Analysis | None]], keep: AnnotationFilter
    ) -> str:
        from reader.export.jsonld import export_jsonld

        items = []
        speakers: dict[str, str] = {}
        for article, analysis in articles:
            annotations = keep.applied(self.store.annotations(article.id))
            speakers.update(self.speakers_of(annotations, analysis))
            items.append((article, annotations))
        followed = self.tracker.followed_in(article.id for article, _analysis in articles)
        return export_jsonld(items, speakers, followed)

    def _markdown(
        self,
        items: Sequence[tuple[Article, Analysis | None]],
        options: MarkdownOptions,
        keep: AnnotationFilter,
    ) -> str:
        """The Markdown of each article with its annotations, one after the other."""
        from reader.export.markdown import export_markdown

        if not options.labels:
            # The reader's own names for the styles, including the ones they created.
            labels = {style.name: style.label_fr for style in self.store.styles()}
            options = dataclasses.replace(options, labels=labels)
        return "\n".join(
            export_markdown(
                article,
                keep.applied(self.store.annotations(article.id)),
                analysis,
                options,
                self.tracker.followed_in([article.id]),
            )
            for article, analysis in items
        )
