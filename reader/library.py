"""The small API the app and the command line share: open, analyse, annotate, export.

It ties the loaded text, the store, the analysis and the user's corrections together so that
neither the GUI nor the command line repeats that wiring. It is the front ends' one door into
the library: they never reach the store's modules. The types they need from there (a search
hit, a backup, why a library cannot be opened) are named here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from reader.analysis.engines import EngineId, EntityEngine, paragraph_cache_key
from reader.analysis.entity_fixes import Correction
from reader.analysis.model import Analysis, Cue, Entity, Label, Mention, Quote, SpeakerFix
from reader.analysis.quotes import QuoteIndex, marks_of, nested
from reader.sources import LoadedArticle
from reader.store import Annotation, Article, ArticleSummary, Kind, Store, data_dir
from reader.store.model import SearchHit, clean_tags
from reader.store.recovery import LibraryProblem, LibraryUnavailable, ProblemKind, open_library
from reader.store.store import BUSY_TIMEOUT_MS, StoreProblem, now_iso, reattached
from reader.styles import DEFAULT_STYLE, HighlightStyle
from reader.text import Layout, layout

if TYPE_CHECKING:
    from reader.annotation_import import AnnotationsImported
    from reader.export.markdown import MarkdownOptions
    from reader.export.protected import ProtectedFiles
    from reader.store.backups import Backup
    from reader.tracker.tracker import QuotationTracker

__all__ = [
    "BUSY_TIMEOUT_MS",
    "Library",
    "LibraryProblem",
    "LibraryUnavailable",
    "ProblemKind",
    "SearchHit",
    "StoreProblem",
]

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


class Library:
    def __init__(self, store: Store) -> None:
        self.store = store

    # The library as a whole --------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Library:
        """The library in ``data_dir``, checked for damage and for writing (created when
        missing); ``LibraryUnavailable`` says what is wrong, with nothing changed."""
        return cls(open_library(Path(data_dir), busy_timeout_ms))

    @staticmethod
    def folder(chosen: str | Path | None = None) -> Path:
        """Where the library lives: ``chosen``, else ``GLOSE_DATA_DIR``, else the user's data
        folder."""
        return data_dir(chosen)

    def on_worker(self) -> Library:
        """The same library on a connection of its own, for a worker thread (one connection
        is never shared between threads); close it when done, e.g. ``with``."""
        return Library(Store(self.store.data_dir, self.store.busy_timeout_ms))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def data_dir(self) -> Path:
        return self.store.data_dir

    def data_version(self) -> int:
        """Changes whenever another connection (window, process) commits to the library."""
        return self.store.data_version()

    def daily_backup(self) -> Path | None:
        """Today's backup, unless it exists (see ``reader.store.backups``); safe on any
        thread, as it opens its own connection."""
        from reader.store.backups import daily_backup

        return daily_backup(self.data_dir)

    def backups(self) -> list[Backup]:
        """The backups of this library, newest first."""
        return Library.backups_in(self.data_dir)

    def restore_backup(self, backup: Backup) -> Path:
        """Replace this library's content by ``backup``; returns where the current library
        was kept."""
        from reader.store.backups import restore_backup

        return restore_backup(self.store, backup.path)

    @staticmethod
    def backups_in(data_dir: Path) -> list[Backup]:
        from reader.store.backups import list_backups

        return list_backups(data_dir)

    @staticmethod
    def set_aside(problem: LibraryProblem) -> Path:
        """Rename a library that cannot be used (never delete it); returns its new path."""
        from reader.store.recovery import quarantine

        return quarantine(problem)

    @staticmethod
    def restore_as_library(data_dir: Path, backup: Backup) -> Path:
        """Make ``backup`` the library of ``data_dir``, which has none."""
        from reader.store.backups import restore_as_library

        return restore_as_library(data_dir, backup.path)

    # Articles ------------------------------------------------------------------------------

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

    def search(self, query: str) -> list[SearchHit]:
        """Articles, quotations, notes, tags and verdicts on quotations matching ``query``
        (accents ignored)."""
        return self.store.search(query)

    @property
    def tracker(self) -> QuotationTracker:
        """The quotation tracker over this library: the clusters of quotations reporting one
        utterance across articles, their variants and the reader's verdicts."""
        from reader.tracker.tracker import QuotationTracker  # rapidfuzz only when tracking

        return QuotationTracker(self.store)

    # Annotations ---------------------------------------------------------------------------

    def annotations(
        self, article_id: int, *, after: Annotation | None = None, limit: int = -1
    ) -> list[Annotation]:
        """An article's annotations in reading order; with ``after``, those that follow
        it; with ``limit``, that many at most."""
        return self.store.annotations(article_id, after=after, limit=limit)

    def all_tags(self) -> list[str]:
        return self.store.all_tags()

    def new_annotation(
        self,
        article: Article,
        start: int,
        end: int,
        *,
        note: str = "",
        tags: Iterable[str] = (),
        style: str = DEFAULT_STYLE,
        kind: Kind = Kind.TEXT,
        ref: str = "",
    ) -> Annotation:
        """An annotation of ``article.text[start:end]``, ready for ``put_annotation`` (not
        stored yet); ``StoreError`` for a passage outside the text."""
        return self.store.new_annotation(
            article, start, end, note=note, tags=tags, style=style, kind=kind, ref=ref
        )

    @staticmethod
    def edited(
        annotation: Annotation,
        *,
        note: str | None = None,
        tags: Iterable[str] | None = None,
        style: str | None = None,
    ) -> Annotation:
        """``annotation`` with what was given changed (tags cleaned as typed), not stored."""
        return annotation.with_changes(
            note=annotation.note if note is None else note,
            tags=annotation.tags if tags is None else clean_tags(tags),
            style=annotation.style if style is None else style,
        )

    @staticmethod
    def reattached(annotation: Annotation, article: Article, start: int, end: int) -> Annotation:
        """``annotation`` moved onto ``article.text[start:end]`` (not stored yet)."""
        return reattached(annotation, article, start, end)

    def put_annotation(self, annotation: Annotation, *, edited: bool = False) -> Annotation:
        """Store ``annotation`` as given (new, or put back by an undo); ``edited`` dates the
        change now. Returns what is stored."""
        if edited:
            annotation = dataclasses.replace(annotation, updated=now_iso())
        self.store.restore_annotation(annotation)
        return annotation

    def delete_annotation(self, annotation_id: str) -> Annotation:
        """Remove an annotation; returns it, for ``put_annotation`` to put it back."""
        return self.store.delete_annotation(annotation_id)

    def restyle(self, styles: dict[str, str]) -> None:
        """Give annotations (by id) these styles back (the undo of a style's removal)."""
        for annotation_id, style in styles.items():
            self.store.update_annotation(annotation_id, style=style)

    def import_annotations(self, path: Path) -> AnnotationsImported:
        """Bring the annotations of a Web Annotation JSON-LD file into the library (see
        ``reader.export.jsonld``), and say what changed so that it can be undone."""
        from reader.annotation_import import import_file

        return import_file(self.store, Path(path))

    def undo_import(self, imported: AnnotationsImported) -> None:
        """The library as it was before ``imported``."""
        from reader.annotation_import import undo

        undo(self.store, imported)

    def redo_import(self, imported: AnnotationsImported) -> None:
        """The library as ``imported`` left it, after ``undo_import``."""
        from reader.annotation_import import redo

        redo(self.store, imported)

    # Styles and corrections ----------------------------------------------------------------

    def styles(self) -> list[HighlightStyle]:
        return self.store.styles()

    def save_styles(self, styles: Sequence[HighlightStyle]) -> None:
        """Replace the set of styles; annotations in a removed style take the first one."""
        self.store.save_styles(styles)

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

    def analyse(
        self,
        text: str,
        text_layout: Layout | None,
        engine: EntityEngine,
        article_id: int | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Analysis:
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
        followed = self.tracker.followed_in(article.id for article, _analysis in articles)
        return export_jsonld(items, speakers, followed)

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
                article,
                keep.applied(self.store.annotations(article.id)),
                analysis,
                options,
                self.tracker.followed_in([article.id]),
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
