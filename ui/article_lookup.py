"""What the open article holds, looked up: its annotations by id or offset, the quotation or
entity under an offset, the tags in use, who may have spoken.

``ArticleLookup`` is the part of the session (``ui.session.ArticleSession``) that answers
questions about what it holds, without changing it.
"""

from __future__ import annotations

from bisect import bisect_right

from reader.analysis.model import Analysis, Entity, Label, Quote
from reader.analysis.quotes import QuoteIndex
from reader.library import Library
from reader.store import Annotation, StoreError


class ArticleLookup:
    """The open article's annotations and analysis, found by id, by offset or in order."""

    # Provided by the session.
    library: Library
    analysis: Analysis
    _annotations: dict[str, Annotation]
    # Its own, set with the analysis.
    _quotes: QuoteIndex
    _entity_starts: list[int]

    def all_annotations_in(self) -> None:
        raise NotImplementedError

    def _set_analysis(self, analysis: Analysis) -> None:
        """The analysis shown, with what finds its quotations and entities by offset."""
        self.analysis = analysis
        self._quotes = QuoteIndex(analysis.quotes)
        self._entity_starts = [entity.start for entity in analysis.entities]

    def annotations(self) -> list[Annotation]:
        """Every annotation of the open article, in reading order."""
        self.all_annotations_in()
        return self.annotations_so_far()

    def annotations_so_far(self) -> list[Annotation]:
        """The annotations held, in reading order: all of them, but while those of an article
        carrying many are still being taken in."""
        return sorted(self._annotations.values(), key=lambda a: a.reading_order)

    def annotation_count(self) -> int:
        return len(self._annotations)

    def annotation(self, annotation_id: str) -> Annotation | None:
        return self._annotations.get(annotation_id)

    def annotations_at(self, offset: int) -> list[Annotation]:
        here = [a for a in self._annotations.values() if a.start <= offset < a.end]
        return sorted(here, key=lambda a: a.reading_order)

    def quote_at(self, offset: int) -> Quote | None:
        """The innermost quotation containing ``offset``."""
        return self._quotes.quote_for(offset, offset + 1)

    def entity_at(self, offset: int) -> Entity | None:
        entities = self.analysis.entities
        index = bisect_right(self._entity_starts, offset) - 1
        if index >= 0 and entities[index].start <= offset < entities[index].end:
            return entities[index]
        return None

    def all_tags(self) -> list[str]:
        try:
            return self.library.all_tags()
        except StoreError:
            return sorted({t for a in self._annotations.values() for t in a.tags})

    def speaker_candidates(self) -> list[str]:
        """People and organisations of the article, most mentioned first."""
        counts: dict[str, int] = {}
        for entity in self.analysis.entities:
            if entity.label in (Label.PER, Label.ORG):
                counts[entity.canonical] = counts.get(entity.canonical, 0) + 1
        return sorted(counts, key=lambda name: (-counts[name], name))
