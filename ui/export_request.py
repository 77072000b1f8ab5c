"""What the export dialog asks for (``ExportChoice``), and the text that answers it."""

from __future__ import annotations

from dataclasses import dataclass

from reader.analysis.model import Analysis
from reader.library import AnnotationFilter, Library
from reader.store import Article


@dataclass(frozen=True)
class ExportChoice:
    format: str = "markdown"
    """"markdown" or "jsonld"."""
    scope: str = "article"
    """"article", "selection" (the annotations in ``selected``) or "library"."""
    selected: frozenset[str] = frozenset()
    tag: str = ""
    style: str = ""
    with_quotes: bool = False
    with_entities: bool = False


def export_text(
    library: Library, current: Article, current_analysis: Analysis, choice: ExportChoice
) -> str:
    """The export of ``choice``: the open article (``current``, with the analysis on screen)
    or the whole library (the other articles with their stored analysis)."""
    if choice.scope == "library":
        articles = [
            article
            for summary in sorted(library.articles(), key=lambda s: s.id)
            if (article := library.article(summary.id)) is not None
        ]
    else:
        articles = [current]
    items: list[tuple[Article, Analysis]] = [
        (
            article,
            current_analysis if article.id == current.id else library.stored_analysis(article.id),
        )
        for article in articles
    ]
    keep = AnnotationFilter(
        frozenset([choice.tag] if choice.tag else ()),
        frozenset([choice.style] if choice.style else ()),
        choice.selected if choice.scope == "selection" else None,
    )
    if choice.format == "jsonld":
        return library.jsonld(items, keep)
    from reader.export.markdown import MarkdownOptions

    options = MarkdownOptions(with_quotes=choice.with_quotes, with_entities=choice.with_entities)
    return library.markdown(items, options, keep)
