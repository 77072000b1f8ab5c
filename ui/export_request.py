"""What the export dialog asks for (``ExportChoice``), as the library's export request."""

from __future__ import annotations

from dataclasses import dataclass

from reader.library import AnnotationFilter, ExportRequest, Library
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


def export_text(library: Library, current: Article, choice: ExportChoice) -> str:
    """The export of ``choice``: the open article (``current``) or the whole library, made by
    the library as the command line makes it (``glose export``)."""
    if choice.scope == "library":
        ids = tuple(sorted(summary.id for summary in library.articles()))
    else:
        ids = (current.id,)
    keep = AnnotationFilter(
        frozenset([choice.tag] if choice.tag else ()),
        frozenset([choice.style] if choice.style else ()),
        choice.selected if choice.scope == "selection" else None,
    )
    return library.export(
        ExportRequest(
            ids,
            choice.format,
            keep,
            with_quotes=choice.with_quotes,
            with_entities=choice.with_entities,
        )
    )
