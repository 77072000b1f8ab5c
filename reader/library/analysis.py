"""An article's analysis as the library keeps it: run with the reader's corrections, cached
by paragraph, stored for searches and exports, and read back without the engine."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from reader.analysis.engines import EngineId, EntityEngine, paragraph_cache_key
from reader.analysis.entity_fixes import Correction
from reader.analysis.model import (
    Analysis,
    Cue,
    Entity,
    Label,
    Mention,
    Quote,
    QuoteKind,
    SpeakerFix,
    SpeakerKind,
)
from reader.analysis.quotes import marks_of, nested
from reader.library.base import LibraryBase
from reader.store import Article, Store
from reader.text import Layout, layout, sha256_text

ENTITY_CORRECTION = "entity"
SPEAKER_FIX = "speaker"

_Read = TypeVar("_Read")


def _readable(
    read: Callable[[dict[str, Any]], _Read], rows: Sequence[dict[str, Any]]
) -> list[_Read]:
    """The corrections ``read`` can make sense of. One edited by hand or written by another
    tool (a missing field, a number that is text, an unknown kind) stays in the library but
    is not applied: it cannot say what it corrects, and the article must still open."""
    found: list[_Read] = []
    for row in rows:
        try:
            found.append(read(row["data"]))
        except (KeyError, TypeError, ValueError):
            continue
    return found


class StoreParagraphCache:
    """The analysis cache, kept in the library so a reopened article is analysed instantly."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, key: str) -> list[dict[str, Any]] | None:
        value = self._store.cache_get(key)
        return value if isinstance(value, list) else None

    def put(self, key: str, value: list[dict[str, Any]]) -> None:
        self._store.cache_put(key, value)


class Analyses(LibraryBase):
    # The reader's corrections --------------------------------------------------------------

    def add_correction(self, article_id: int | None, kind: str, data: dict[str, Any]) -> int:
        """Keep a correction of the analysis (``ENTITY_CORRECTION`` or ``SPEAKER_FIX``) for
        one article, or for every one (``article_id`` None); returns its id."""
        return self.store.add_correction(article_id, kind, data)

    def remove_correction(self, correction_id: int) -> None:
        self.store.remove_correction(correction_id)

    def entity_corrections(self, article_id: int | None) -> list[Correction]:
        rows = self.store.corrections(article_id, ENTITY_CORRECTION)
        if article_id is not None:
            rows = self.store.corrections(None, ENTITY_CORRECTION) + rows
        return _readable(Correction.from_json, rows)

    def speaker_fixes(self, article_id: int) -> list[SpeakerFix]:
        return _readable(SpeakerFix.from_json, self.store.corrections(article_id, SPEAKER_FIX))

    def add_entity_correction(self, article_id: int | None, correction: Correction) -> int:
        return self.store.add_correction(article_id, ENTITY_CORRECTION, correction.to_json())

    def add_speaker_fix(self, article_id: int, fix: SpeakerFix) -> int:
        return self.store.add_correction(article_id, SPEAKER_FIX, fix.to_json())

    # Running it ------------------------------------------------------------------------------

    def analyse(
        self,
        text: str,
        text_layout: Layout | None,
        engine: EntityEngine,
        article_id: int | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Analysis:
        """``text`` analysed with the reader's corrections; for an article of the library
        (``article_id``), what was found is stored for its searches and exports."""
        from reader.analysis.pipeline import AnalysisFailed, analyse

        try:
            analysis = analyse(
                text,
                text_layout or layout(text),
                engine,
                corrections=self.entity_corrections(article_id),
                speaker_fixes=self.speaker_fixes(article_id) if article_id is not None else (),
                cache=StoreParagraphCache(self.store),
                progress=progress,
            )
        except AnalysisFailed as failed:
            if article_id is None:
                raise
            # The article stays: it is the reader's, whatever its analysis did.
            article = self.store.article(article_id)
            name = article.source if article is not None else "The article"
            raise AnalysisFailed(
                f"{name} is in the library, but it could not be analysed. {failed}"
            ) from failed
        if article_id is not None:
            self.keep_for_search(article_id, analysis, sha256_text(text))
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

    # Keeping it -----------------------------------------------------------------------------

    def keep_for_search(self, article_id: int, analysis: Analysis, text_sha256: str = "") -> None:
        """Store what was found in an article (made of the text whose hash is
        ``text_sha256``), so that library searches see its quotations and entities, exports
        read them, and the quotation tracker groups them with the library's."""
        self.store.replace_analysis(
            article_id,
            [
                (
                    q.start,
                    q.end,
                    q.text,
                    q.speaker.name if q.speaker else "",
                    q.cue.text if q.cue else "",
                    str(q.kind),
                    str(q.speaker.kind) if q.speaker else "",
                    q.confidence,
                )
                for q in analysis.quotes
            ],
            [(e.start, e.end, e.text, str(e.label), e.canonical) for e in analysis.entities],
            text_sha256,
        )
        from reader.tracker.clustering import track_article  # rapidfuzz only when analysing

        track_article(self.store, article_id)

    def has_current_analysis(self, article: Article) -> bool:
        """Is an analysis of the article's present text stored?"""
        return self.store.analysed_sha256(article.id) == article.sha256

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

    def analysed(self, article: Article, engine: EntityEngine) -> Analysis:
        """The article's stored analysis, made first when there is none of its present text
        (an article never analysed, or whose text changed since)."""
        if not self.has_current_analysis(article):
            self.analyse(article.text, layout(article.text), engine, article.id)
        return self.stored_analysis(article.id)


_QUOTE_KINDS = {kind.value: kind for kind in QuoteKind}
_SPEAKER_KINDS = {kind.value: kind for kind in SpeakerKind}


def _stored_quote(row: dict[str, Any]) -> Quote:
    marks, closed = marks_of(row["text"])
    start = row["start"]
    speaker_kind = _SPEAKER_KINDS.get(row["speaker_kind"], SpeakerKind.PERSON)
    return Quote(
        start,
        row["end"],
        row["text"],
        marks,
        closed=closed,
        speaker=Mention(row["speaker"], start, start, speaker_kind) if row["speaker"] else None,
        cue=Cue(row["cue"], start, start) if row["cue"] else None,
        confidence=float(row["confidence"] or 0.0),
        kind=_QUOTE_KINDS.get(row["kind"], QuoteKind.SPEECH),
    )
