"""Articles in the library: adding one, reading, deleting, searching across them all."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.library.base import LibraryBase
from reader.sources import LoadedArticle
from reader.store import Annotation, Article, ArticleSummary
from reader.store.model import SearchHit

if TYPE_CHECKING:
    from reader.export.protected import ProtectedFiles
    from reader.tracker.tracker import QuotationTracker


class Articles(LibraryBase):
    def add(self, loaded: LoadedArticle) -> Article:
        return self.store.add_or_update_article(
            self._kept_under(loaded), loaded.title, loaded.text, loaded.metadata
        )

    def _kept_under(self, loaded: LoadedArticle) -> str:
        """The source ``loaded`` is stored under: its own, except for a page an earlier Glose
        stored under its canonical address. That article is still the one to update when it
        was fetched from where this fetch ended and named the same canonical address; any
        other article under that address is left alone (``reader.web``: a canonical is never
        an identity)."""
        final, canonical = loaded.metadata.get("url"), loaded.metadata.get("canonical_url")
        if not final or not canonical or canonical in (loaded.source, final):
            return loaded.source
        if self.store.find_article(loaded.source) is not None:
            return loaded.source
        earlier = self.store.find_article(canonical)
        if earlier is not None and (
            earlier.metadata.get("url"),
            earlier.metadata.get("canonical_url"),
        ) == (final, canonical):
            return canonical
        return loaded.source

    def article(self, article_id: int) -> Article | None:
        return self.store.article(article_id)

    def find_article(self, source: str) -> Article | None:
        """The article stored under ``source`` (a path, an address), if any."""
        return self.store.find_article(source)

    def articles(self) -> list[ArticleSummary]:
        """Every article, with its annotation count, the last changed first."""
        return self.store.articles()

    def delete_article(self, article_id: int) -> tuple[Article, list[Annotation]]:
        """Remove an article and its annotations; returns them, for ``restore_article``."""
        return self.store.delete_article(article_id)

    def restore_article(self, article: Article, annotations: Sequence[Annotation]) -> None:
        self.store.restore_article(article, annotations)

    def protected_files(self) -> ProtectedFiles:
        """The files no export may write over: the library's own and every article's source."""
        from reader.export.protected import ProtectedFiles

        return ProtectedFiles.of_library(self.store)

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Articles, quotations, notes, tags and verdicts on quotations matching ``query``
        (accents ignored)."""
        return self.store.search(query, limit=limit)

    @property
    def tracker(self) -> QuotationTracker:
        """The quotation tracker over this library: the clusters of quotations reporting one
        utterance across articles, their variants and the reader's verdicts."""
        from reader.tracker.tracker import QuotationTracker  # rapidfuzz only when tracking

        return QuotationTracker(self.store)

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
