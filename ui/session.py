"""The open article and everything about it: its record, analysis, annotations and undo stack.

The session is the one owner of the store and of the undo stack; widgets ask it to act and
listen to its signals. Analysis that needs the NER engine runs on a worker thread with its own
database connection, and its result comes back here.
"""

from __future__ import annotations

import os
import sys
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from reader.analysis.engines import EntityEngine, engine_available, engine_id
from reader.analysis.entity_fixes import Correction
from reader.analysis.model import Analysis, Entity, Label, Quote, SpeakerFix
from reader.analysis.pipeline import analyse_quotes
from reader.library import ENTITY_CORRECTION, SPEAKER_FIX, AnnotationFilter, Library
from reader.sources import LoadedArticle, load_file
from reader.store import Annotation, Article, Kind, Status, Store, StoreError
from reader.store.model import clean_tags
from reader.store.store import reattached
from reader.styles import DEFAULT_STYLE, HighlightStyle, StyleBook
from reader.text import layout
from ui import garbage
from ui.commands import (
    AddAnnotation,
    AddCorrection,
    DeleteAnnotation,
    DeleteArticle,
    EditAnnotation,
    SaveStyles,
)
from ui.errors import describe
from ui.tasks import run_task

if TYPE_CHECKING:
    from reader.export.markdown import MarkdownOptions


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


_engine_lock = threading.Lock()
_engines: dict[str, EntityEngine] = {}


WORKER_START_DELAY_MS = 150
WORKER_START_AT_THE_LATEST_MS = 3000
"""The analysis worker starts once the window has laid the text out (``text_laid_out``), or
after this long without a window."""
STORE_AFTER_SHOWING_CHARS = 200_000
"""A longer text is on screen before it is written to the library, on a worker thread: once
the window has painted it, or after ``STORE_AT_THE_LATEST_MS`` without a window."""
STORE_AT_THE_LATEST_MS = 1000
ANNOTATIONS_WITH_THE_ARTICLE = 300
"""Annotations read with their article. An article carrying more shows these with its text;
the rest is read on a worker thread, then listed and highlighted ``ANNOTATIONS_STEP`` at a
time between two events, so that one carrying 100,000 opens as quickly as any other."""
ANNOTATIONS_STEP = 1000
CACHED_ON_THREAD_CHARS = 200_000
"""Up to this size, an article whose entities are all in the library's cache is analysed on a
thread at once: there is no model to load, and starting the worker process would cost more than
the analysis itself."""


@dataclass(frozen=True)
class _ShownThenStored:
    """What storing a long text already on screen gave: its quotations, and its record and
    annotations, or the reason it could not be stored."""

    analysis: Analysis
    article: Article | None = None
    annotations: tuple[Annotation, ...] = ()
    problem: StoreError | None = None


def _first_annotations(store: Store, article_id: int) -> list[Annotation]:
    """The annotations read with an article (one more than are held, when it has more)."""
    return store.annotations(article_id, limit=ANNOTATIONS_WITH_THE_ARTICLE + 1)


def _stored_with_first_annotations(
    library: Library, loaded: LoadedArticle
) -> tuple[Article, list[Annotation]]:
    """``loaded`` stored, and its first annotations."""
    article = library.add(loaded)
    return article, _first_annotations(library.store, article.id)


def _stored_after_showing(library: Library, loaded: LoadedArticle) -> _ShownThenStored:
    """A long text already on screen, stored, with its quotations (found meanwhile)."""
    analysis = analyse_quotes(loaded.text, loaded.layout)
    try:
        article, annotations = _stored_with_first_annotations(library, loaded)
    except StoreError as problem:
        return _ShownThenStored(analysis, problem=problem)
    return _ShownThenStored(analysis, article, tuple(annotations))


def use_worker_process(preference: str) -> bool:
    """The French model loads and runs in a worker process, so the window never stalls on it;
    the rules engine is quick enough for a thread. A frozen build stays in one process."""
    if getattr(sys, "frozen", False) or os.environ.get("GLOSE_ANALYSIS_THREAD"):
        return False
    return preference != "rules" and engine_available()


def shared_engine(preference: str) -> EntityEngine:
    """The entity engine, loaded once per process (seconds, hundreds of MiB), off the GUI
    thread."""
    from reader.analysis.entities import load_engine

    with _engine_lock:
        if preference not in _engines:
            _engines[preference] = load_engine(preference)
        return _engines[preference]


class ArticleSession(QObject):
    article_opened = Signal()
    analysis_changed = Signal()
    analysis_started = Signal(str)
    analysis_progress = Signal(int, int)
    annotations_reset = Signal()
    annotations_extended = Signal(list)
    """More of the open article's annotations, read in the background, follow the others."""
    annotation_added = Signal(str)
    annotation_changed = Signal(str)
    annotation_removed = Signal(str)
    styles_changed = Signal()
    library_changed = Signal()
    message = Signal(str)
    error = Signal(str)

    def __init__(self, library: Library, engine_preference: str = "auto") -> None:
        super().__init__()
        self.library = library
        self.engine_preference = engine_preference
        self.undo_stack = QUndoStack(self)
        self.loaded: LoadedArticle | None = None
        self.article: Article | None = None
        self.analysis = Analysis()
        self.analysis_complete = False
        self._annotations: dict[str, Annotation] = {}
        self._generation = 0
        self._unstored = False
        """The long text on screen is not in the library yet (it is stored once painted)."""
        self._storing_generation = -1
        """The article whose storing runs on a worker thread."""
        self._laid_out_generation = -1
        """The article whose whole text the window has laid out."""
        self._start_once_laid_out: tuple[int, Callable[[], None]] | None = None
        """The analysis of this article, waiting for the window to lay its text out."""
        self._reading_rest = -1
        """The article whose annotations past the first ones are being read and taken in."""
        try:
            self.styles = StyleBook(self.store.styles())
            self._data_version = self.store.data_version()
        except StoreError:
            self.styles = StyleBook()
            self._data_version = -1

    @property
    def store(self) -> Store:
        return self.library.store

    # Opening ------------------------------------------------------------------------------

    def open_path(self, path: str | Path) -> bool:
        """Open an article file; on failure the current article stays and ``error`` says why."""
        from reader.sources import SourceError

        try:
            loaded = load_file(path)
        except SourceError as problem:
            self.report_error(describe(problem))
            return False
        return self.open_loaded(loaded)

    def open_loaded(self, loaded: LoadedArticle) -> bool:
        """Show ``loaded`` and keep it in the library; False when it is not shown. A long text
        is shown first and stored once the window has painted it, on a worker thread: writing
        5 MB with its full-text index took as long as everything else before its first
        screen. If a short text cannot be stored, the current article stays; a long one stays
        on screen, without annotations."""
        if len(loaded.text) > STORE_AFTER_SHOWING_CHARS:
            self._show(loaded, None, [])
            self._unstored = True
            generation = self._generation
            QTimer.singleShot(STORE_AT_THE_LATEST_MS, lambda: self._store_shown(generation))
            return True
        try:
            article, annotations = _stored_with_first_annotations(self.library, loaded)
        except StoreError as problem:
            self.report_error(describe(problem))
            return False
        self._show(loaded, article, annotations)
        return True

    def _show(
        self, loaded: LoadedArticle, article: Article | None, annotations: list[Annotation]
    ) -> None:
        self._generation += 1
        self._unstored = False
        self.loaded = loaded
        self.article = article
        self.undo_stack.clear()
        annotations = self._take_first(annotations)
        # A long text's quotations are found with its storing, after its first screen.
        self.analysis = analyse_quotes(loaded.text, loaded.layout) if article else Analysis()
        self.analysis_complete = False
        self.article_opened.emit()
        self.library_changed.emit()
        self.annotations_reset.emit()
        self.analysis_changed.emit()
        if article is not None:
            self._analyse_stored(annotations)

    def text_laid_out(self) -> None:
        """The window laid the whole text out: an analysis waiting for that can start."""
        generation = self._laid_out_generation = self._generation
        QTimer.singleShot(WORKER_START_DELAY_MS, lambda: self._start_waiting_analysis(generation))

    def text_painted(self) -> None:
        """The window painted the text: a long one not stored yet is stored now."""
        self._store_shown(self._generation)

    def _store_shown(self, generation: int) -> None:
        """Store the long text on screen, and find its quotations, on a worker thread (unless
        another article was opened since): 5 MB with its full-text index held the window for
        a fifth of a second."""
        loaded = self.loaded
        if generation != self._generation or not self._unstored or loaded is None:
            return
        if self._storing_generation == generation:
            return
        self._storing_generation = generation
        data_dir, busy_timeout_ms = self.store.data_dir, self.store.busy_timeout_ms

        def work() -> _ShownThenStored:
            try:
                with Store(data_dir, busy_timeout_ms) as store:
                    return _stored_after_showing(Library(store), loaded)
            except StoreError as problem:  # the library could not even be opened
                return _ShownThenStored(analyse_quotes(loaded.text, loaded.layout), problem=problem)

        def done(result: object) -> None:
            # Another article since, or stored already because the reader acted first.
            if generation == self._generation and self._unstored:
                assert isinstance(result, _ShownThenStored)
                self._put_stored(result)

        def failed(problem: Exception, trace: str) -> None:
            if generation == self._generation and self._unstored:
                self._put_stored(_ShownThenStored(Analysis(), problem=StoreError(str(problem))))

        run_task(work, done, failed)

    def _store_now(self) -> None:
        """Store the long text on screen at once, on this thread: the reader acts on it."""
        assert self.loaded is not None
        self._put_stored(_stored_after_showing(self.library, self.loaded))

    def _put_stored(self, stored: _ShownThenStored) -> None:
        self._unstored = False
        self.analysis = stored.analysis
        if stored.article is None:
            self.analysis_complete = True  # no record, so no entities to come
            self.analysis_changed.emit()
            problem = stored.problem or StoreError("The text could not be stored.")
            self.report_error(
                describe(problem)
                + " "
                + self.tr("Le texte reste affiché, mais il ne peut pas être annoté.")
            )
            return
        self.analysis_changed.emit()
        self.article = stored.article
        annotations = self._take_first(list(stored.annotations))
        self.library_changed.emit()
        self.annotations_reset.emit()
        self._analyse_stored(annotations)

    def _stored_article(self) -> Article | None:
        """The open article as stored: a long text shown but not stored yet is stored now
        (what the worker thread was doing meanwhile is then left unused)."""
        if self._unstored:
            self._store_now()
        return self.article

    def _take_first(self, annotations: list[Annotation]) -> list[Annotation]:
        """Hold the annotations read with the article; when it has more, read the rest on a
        worker thread. Returns those held."""
        self._rest_read()
        first = annotations[:ANNOTATIONS_WITH_THE_ARTICLE]
        self._annotations = {a.id: a for a in first}
        if len(annotations) > len(first) and self.article is not None:
            self._read_rest(self.article.id, after=first[-1])
        return first

    def _read_rest(self, article_id: int, after: Annotation) -> None:
        generation = self._generation
        self._reading_rest = generation
        garbage.hold(self)  # while they are read and taken in
        data_dir, busy_timeout_ms = self.store.data_dir, self.store.busy_timeout_ms

        def work() -> list[Annotation]:
            with Store(data_dir, busy_timeout_ms) as store:
                return store.annotations(article_id, after=after)

        def done(result: object) -> None:
            if isinstance(result, list):
                self._take_in(generation, result)

        def failed(problem: Exception, trace: str) -> None:
            if self._still_reading(generation):
                self._all_annotations_in()  # the session's own connection says what is wrong

        run_task(work, done, failed)

    def _take_in(self, generation: int, rest: list[Annotation]) -> None:
        """The annotations read in the background, a step at a time: each step is listed
        and highlighted between two events, so the window never waits for all of them."""
        if not self._still_reading(generation):
            return
        step, rest = rest[:ANNOTATIONS_STEP], rest[ANNOTATIONS_STEP:]
        self._annotations.update((a.id, a) for a in step)
        if not rest:
            self._rest_read()
            self._say_how_many_moved(self._annotations.values())
        self.annotations_extended.emit(step)
        if rest:
            QTimer.singleShot(0, lambda: self._take_in(generation, rest))

    def _still_reading(self, generation: int) -> bool:
        """Is the rest read for ``generation`` still wanted? Not once it was read whole
        because the reader acted, nor once another article is open."""
        if generation != self._reading_rest:
            return False
        if generation != self._generation:
            self._rest_read()
            return False
        return True

    def _rest_read(self) -> None:
        """No annotation of the open article is left to read in the background."""
        self._reading_rest = -1
        garbage.release(self)

    def _all_annotations_in(self) -> None:
        """Every annotation of the open article held, for an action that needs them all: what
        is still being read in the background is read here and now, at once."""
        if self._reading_rest != self._generation or self.article is None:
            return
        self._rest_read()
        try:
            self._annotations = {a.id: a for a in self.store.annotations(self.article.id)}
        except StoreError as problem:
            self.report_error(describe(problem))
            return
        self.annotations_reset.emit()
        self._say_how_many_moved(self._annotations.values())

    def _analyse_stored(self, annotations: list[Annotation]) -> None:
        if self._reading_rest != self._generation:  # else said once they are all in
            self._say_how_many_moved(annotations)
        self.start_analysis()

    def _say_how_many_moved(self, annotations: Iterable[Annotation]) -> None:
        moved = sum(1 for a in annotations if a.status is not Status.ANCHORED)
        if moved:
            self.message.emit(
                self.tr(
                    "%n annotation(s) déplacée(s) ou orpheline(s) : le texte a changé.", "", moved
                )
            )

    def open_address(self, url: str) -> None:
        """Fetch a web page off the GUI thread, then open its article (or say why not)."""
        from reader.sources import SourceError
        from reader.web import fetch_article

        self.analysis_started.emit(self.tr("Téléchargement de %1…").replace("%1", url))

        def opened(result: object) -> None:
            if isinstance(result, LoadedArticle):
                self.open_loaded(result)

        def failed(problem: Exception, trace: str) -> None:
            self.analysis_progress.emit(1, 1)
            if isinstance(problem, SourceError):
                self.report_error(describe(problem))
            else:
                self.report_error(
                    self.tr("La page n’a pas pu être ouverte : %1").replace("%1", str(problem))
                )

        run_task(lambda: fetch_article(url), opened, failed)

    def open_article(self, article_id: int) -> bool:
        """Open an article of the library, as it was stored."""
        try:
            article = self.store.article(article_id)
        except StoreError as problem:
            self.report_error(describe(problem))
            return False
        if article is None:
            self.report_error(self.tr("Cet article n’est plus dans la bibliothèque."))
            return False
        loaded = LoadedArticle(
            article.source, article.text, "UTF-8", layout(article.text), article.metadata
        )
        return self.open_loaded(loaded)

    def delete_article(self, article_id: int) -> bool:
        if self.article is not None and self.article.id == article_id:
            self.report_error(self.tr("Ouvrez un autre article avant de supprimer celui-ci."))
            return False
        command = DeleteArticle(self, article_id, self.tr("Supprimer l’article"))
        self.undo_stack.push(command)
        return not command.failed

    def reattach(self, annotation_id: str, start: int, end: int) -> bool:
        """Attach an orphaned (or any) annotation to a new passage of the open article."""
        self._all_annotations_in()
        before = self._annotations.get(annotation_id)
        article = self._stored_article()
        if before is None or article is None or not 0 <= start < end <= len(article.text):
            return False
        after = reattached(before, article, start, end)
        command = EditAnnotation(self, before, after, self.tr("Rattacher l’annotation"))
        self.undo_stack.push(command)
        return not command.failed

    def fix_speaker(self, quote: Quote, name: str | None) -> bool:
        """Say who said ``quote`` (None: nobody); kept across re-analysis, undoable."""
        article = self._stored_article()
        if article is None:
            return False
        fix = SpeakerFix(quote.start, quote.end, quote.text, name)
        command = AddCorrection(
            self, SPEAKER_FIX, fix.to_json(), article.id, self.tr("Corriger le locuteur")
        )
        self.undo_stack.push(command)
        return not command.failed

    def correct_entities(self, corrections: Sequence[Correction], everywhere: bool = False) -> bool:
        """Apply corrections to this article's entities (or to every article), as one undoable
        step."""
        article = self._stored_article()
        if article is None or not corrections:
            return False
        self.undo_stack.beginMacro(self.tr("Corriger les entités"))
        failed = False
        for correction in corrections:
            command = AddCorrection(
                self,
                ENTITY_CORRECTION,
                correction.to_json(),
                None if everywhere else article.id,
                self.tr("Corriger les entités"),
            )
            self.undo_stack.push(command)
            failed = failed or command.failed
        self.undo_stack.endMacro()
        return not failed

    def speaker_candidates(self) -> list[str]:
        """People and organisations of the article, most mentioned first."""
        counts: dict[str, int] = {}
        for entity in self.analysis.entities:
            if entity.label in (Label.PER, Label.ORG):
                counts[entity.canonical] = counts.get(entity.canonical, 0) + 1
        return sorted(counts, key=lambda name: (-counts[name], name))

    def start_analysis(self) -> None:
        """Entities and speakers, on a worker thread; results replace the quick analysis."""
        if self.loaded is None or self.article is None:
            return
        generation = self._generation
        loaded, article_id = self.loaded, self.article.id
        data_dir = self.store.data_dir
        preference = self.engine_preference
        if preference == "auto" and not engine_available():
            self.message.emit(
                self.tr("Modèle spaCy absent : entités reconnues par des règles (moins précises).")
            )
        self.analysis_started.emit(self.tr("Analyse de l’article…"))

        in_worker = use_worker_process(preference) and not self._analysed_before(preference)

        def work(progress: object) -> Analysis:
            if in_worker:
                # Imported here, off the GUI thread: the worker's process machinery is not
                # needed before the first paint.
                from reader.analysis.worker import WORKER

                return WORKER.analyse(
                    data_dir,
                    loaded.text,
                    loaded.layout,
                    preference,
                    article_id,
                    progress,  # type: ignore[arg-type]
                )
            engine = shared_engine(preference)
            with Store(data_dir) as store:
                return Library(store).analyse(
                    loaded.text,
                    loaded.layout,
                    engine,
                    article_id,
                    progress,  # type: ignore[arg-type]
                )

        def done(result: object) -> None:
            if generation != self._generation or not isinstance(result, Analysis):
                return
            self.analysis = result
            self.analysis_complete = True
            self.analysis_changed.emit()
            self.message.emit(
                self.tr("Analyse terminée — citations : %1, entités : %2.")
                .replace("%1", str(sum(1 for q in result.quotes if q.parent is None)))
                .replace("%2", str(len(result.entities)))
            )

        def failed(problem: Exception, trace: str) -> None:
            if generation != self._generation:
                return
            self.analysis_complete = True
            self.analysis_changed.emit()
            self.report_error(
                self.tr("L’analyse des entités a échoué : %1").replace("%1", str(problem))
            )

        def start() -> None:
            run_task(work, done, failed, on_progress=self.analysis_progress.emit)

        if not in_worker:
            start()
        elif self._laid_out_generation == generation:
            QTimer.singleShot(WORKER_START_DELAY_MS, start)
        else:
            # A process starting competes for the CPU with the window laying the text out
            # (a long one is laid out in the background, and scrolling it stalled 40-90 ms
            # while the worker started): it starts once the text is laid out.
            self._start_once_laid_out = (generation, start)
            QTimer.singleShot(
                WORKER_START_AT_THE_LATEST_MS, lambda: self._start_waiting_analysis(generation)
            )

    def _start_waiting_analysis(self, generation: int) -> None:
        waiting = self._start_once_laid_out
        if waiting is not None and waiting[0] == generation == self._generation:
            self._start_once_laid_out = None
            waiting[1]()

    def _analysed_before(self, preference: str) -> bool:
        loaded = self.loaded
        if loaded is None or len(loaded.text) > CACHED_ON_THREAD_CHARS:
            return False
        try:
            return self.library.analysis_cached(loaded.text, loaded.layout, engine_id(preference))
        except StoreError:
            return False

    def refresh_if_changed(self) -> bool:
        """Re-read the open article's annotations if another window or program wrote to the
        library since the last look (``PRAGMA data_version``); True if anything changed."""
        if self._reading_rest == self._generation:
            return False  # they are being read from the library as it is now
        try:
            version = self.store.data_version()
            if version == self._data_version or self.article is None:
                self._data_version = version
                return False
            fresh = {a.id: a for a in self.store.annotations(self.article.id)}
        except StoreError:
            return False
        self._data_version = version
        if fresh == self._annotations:
            return False
        self._annotations = fresh
        self.annotations_reset.emit()
        self.library_changed.emit()
        return True

    # Reading ------------------------------------------------------------------------------

    def annotations(self) -> list[Annotation]:
        """Every annotation of the open article, in reading order."""
        self._all_annotations_in()
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
        found = [q for q in self.analysis.quotes if q.start <= offset < q.end]
        return min(found, key=lambda q: q.end - q.start) if found else None

    def entity_at(self, offset: int) -> Entity | None:
        entities = self.analysis.entities
        index = bisect_right([e.start for e in entities], offset) - 1
        if index >= 0 and entities[index].start <= offset < entities[index].end:
            return entities[index]
        return None

    def all_tags(self) -> list[str]:
        try:
            return self.store.all_tags()
        except StoreError:
            return sorted({t for a in self._annotations.values() for t in a.tags})

    # Acting (undoable) --------------------------------------------------------------------

    def annotate(
        self,
        start: int,
        end: int,
        *,
        note: str = "",
        tags: Iterable[str] = (),
        style: str = DEFAULT_STYLE,
        kind: Kind = Kind.TEXT,
        ref: str = "",
    ) -> Annotation | None:
        article = self._stored_article()
        if article is None:
            return None
        self._all_annotations_in()
        try:
            annotation = self.store.new_annotation(
                article, start, end, note=note, tags=tags, style=style, kind=kind, ref=ref
            )
        except StoreError as problem:
            self.report_error(describe(problem))
            return None
        command = AddAnnotation(self, annotation, self.tr("Annoter"))
        self.undo_stack.push(command)
        return None if command.failed else annotation

    def edit(
        self,
        annotation_id: str,
        *,
        note: str | None = None,
        tags: Iterable[str] | None = None,
        style: str | None = None,
    ) -> bool:
        self._all_annotations_in()
        before = self._annotations.get(annotation_id)
        if before is None:
            return False
        after = replace(
            before,
            note=before.note if note is None else note,
            tags=before.tags if tags is None else clean_tags(tags),
            style=before.style if style is None else style,
        )
        if after == before:
            return True
        command = EditAnnotation(self, before, after, self.tr("Modifier l’annotation"))
        self.undo_stack.push(command)
        return not command.failed

    def delete(self, annotation_id: str) -> bool:
        self._all_annotations_in()
        annotation = self._annotations.get(annotation_id)
        if annotation is None:
            return False
        command = DeleteAnnotation(self, annotation, self.tr("Supprimer l’annotation"))
        self.undo_stack.push(command)
        return not command.failed

    # Store operations, called by the undo commands -----------------------------------------

    def put_annotation(self, annotation: Annotation) -> None:
        """Save ``annotation`` as given (new, edited, or restored by an undo)."""
        from reader.store.store import now_iso

        known = annotation.id in self._annotations
        if known:
            annotation = replace(annotation, updated=now_iso())
        self.store.restore_annotation(annotation)
        self._annotations[annotation.id] = annotation
        (self.annotation_changed if known else self.annotation_added).emit(annotation.id)

    def save_styles(self, styles: list[HighlightStyle]) -> bool:
        before = list(self.styles)
        if styles == before:
            return True
        command = SaveStyles(self, before, styles, self.tr("Modifier les styles"))
        self.undo_stack.push(command)
        return not command.failed

    def put_styles(
        self, styles: list[HighlightStyle], restore: dict[str, str] | None = None
    ) -> None:
        """Save the styles; ``restore`` gives annotations back the style they had (undo)."""
        self.store.save_styles(styles)
        for annotation_id, style in (restore or {}).items():
            if annotation_id in self._annotations:
                self.store.update_annotation(annotation_id, style=style)
        self.reload()

    def reload_styles(self) -> None:
        """Read the styles again (a restored backup brings its own)."""
        try:
            self.styles = StyleBook(self.store.styles())
        except StoreError:
            self.styles = StyleBook()
        self.styles_changed.emit()

    def reload(self) -> None:
        """Read the styles and the open article's annotations again, after the library changed
        underneath (new styles, an import)."""
        self.reload_styles()
        if self.article is not None:
            # As when the article opens: the first ones at once, the rest in the background.
            try:
                self._take_first(_first_annotations(self.store, self.article.id))
            except StoreError as problem:
                self.report_error(describe(problem))
        self.annotations_reset.emit()
        self.library_changed.emit()

    def remove_annotation(self, annotation_id: str) -> None:
        self.store.delete_annotation(annotation_id)
        self._annotations.pop(annotation_id, None)
        self.annotation_removed.emit(annotation_id)

    # Export -------------------------------------------------------------------------------

    def markdown(self, options: MarkdownOptions | None = None) -> str:
        article = self._stored_article()
        if article is None:
            return ""
        return self.library.markdown([(article, self.analysis)], options)

    def export_text(self, choice: ExportChoice) -> str:
        """The export the dialog shows and saves: format, scope and filters applied."""
        current = self._stored_article()
        if current is None:
            return ""
        if choice.scope == "library":
            articles = [
                article
                for summary in sorted(self.store.articles(), key=lambda s: s.id)
                if (article := self.store.article(summary.id)) is not None
            ]
        else:
            articles = [current]
        items: list[tuple[Article, Analysis]] = [
            (
                article,
                self.analysis
                if article.id == current.id
                else self.library.stored_analysis(article.id),
            )
            for article in articles
        ]

        keep = AnnotationFilter(
            frozenset([choice.tag] if choice.tag else ()),
            frozenset([choice.style] if choice.style else ()),
            choice.selected if choice.scope == "selection" else None,
        )
        if choice.format == "jsonld":
            return self.library.jsonld(items, keep)
        from reader.export.markdown import MarkdownOptions

        options = MarkdownOptions(
            with_quotes=choice.with_quotes, with_entities=choice.with_entities
        )
        return self.library.markdown(items, options, keep)

    def report_error(self, text: str) -> None:
        self.error.emit(text)
