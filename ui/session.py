"""The open article and everything about it: its record, analysis, annotations and undo stack.

The session is the one owner of the library and of the undo stack, and the one emitter of
its signals; widgets ask it to act and listen. What an opened article does in the background
belongs to its ``ArticleLoad`` (``ui.article_load``), analysis runs to ``ui.analysis_runs``,
every change the reader makes to ``ui.edits``, what it holds looked up to ``ui.article_lookup``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from reader.analysis.engines import engine_available
from reader.analysis.model import Analysis
from reader.analysis.pipeline import analyse_quotes
from reader.library import Library
from reader.sources import LoadedArticle, load_file
from reader.store import Annotation, Article, Status, StoreError
from reader.styles import StyleBook
from reader.text import layout
from ui import analysis_runs
from ui.article_load import (
    ANNOTATIONS_WITH_THE_ARTICLE,
    STORE_AFTER_SHOWING_CHARS,
    ArticleLoad,
    ShownThenStored,
    first_annotations,
    stored_with_first_annotations,
)
from ui.article_lookup import ArticleLookup
from ui.edits import UndoableEdits
from ui.errors import describe
from ui.export_request import ExportChoice, export_text
from ui.tasks import run_task

if TYPE_CHECKING:
    from reader.library import Backup

__all__ = ["ANNOTATIONS_WITH_THE_ARTICLE", "ArticleSession", "ExportChoice"]


class ArticleSession(ArticleLookup, UndoableEdits, QObject):
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
        self.analysis_complete = False
        self._set_analysis(Analysis())
        self._annotations: dict[str, Annotation] = {}
        self._load: ArticleLoad | None = None
        try:
            self.styles = StyleBook(library.styles())
            self._data_version = library.data_version()
        except StoreError:
            self.styles = StyleBook()
            self._data_version = -1

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

    def close(self) -> None:
        """The window closes: what the article's tasks still bring back is dropped, and the undo
        history goes now, while everything its commands refer to is alive. Left to the garbage
        collector, the session, its undo stack and their commands (which refer to the session)
        are one cycle, and tearing it down crashed in the undo stack's destructor."""
        if self._load is not None:
            self._load.end()
        self.undo_stack.clear()

    def open_loaded(self, loaded: LoadedArticle) -> bool:
        """Show ``loaded`` and keep it in the library; False when it is not shown. A long text
        is shown first and stored once the window has painted it, on a worker thread. If a
        short text cannot be stored, the current article stays; a long one stays on screen,
        without annotations."""
        if len(loaded.text) > STORE_AFTER_SHOWING_CHARS:
            load = self._show(loaded, None, [])
            load.store_later(self._put_stored)
            return True
        try:
            article, annotations = stored_with_first_annotations(self.library, loaded)
        except StoreError as problem:
            self.report_error(describe(problem))
            return False
        self._show(loaded, article, annotations)
        return True

    def _show(
        self, loaded: LoadedArticle, article: Article | None, annotations: list[Annotation]
    ) -> ArticleLoad:
        if self._load is not None:
            self._load.end()
        load = self._load = ArticleLoad(self.library, loaded, unstored=article is None)
        self.loaded = loaded
        self.article = article
        self.undo_stack.clear()
        annotations = self._take_first(annotations)
        # A long text's quotations are found with its storing, after its first screen.
        self._set_analysis(analyse_quotes(loaded.text, loaded.layout) if article else Analysis())
        self.analysis_complete = False
        self.article_opened.emit()
        self.library_changed.emit()
        self.annotations_reset.emit()
        self.analysis_changed.emit()
        if article is not None:
            self._analyse_stored(annotations)
        return load

    def text_laid_out(self) -> None:
        """The window laid the whole text out: an analysis waiting for that can start."""
        if self._load is not None:
            analysis_runs.text_laid_out(self._load)

    def text_painted(self) -> None:
        """The window painted the text: a long one not stored yet is stored now."""
        if self._load is not None:
            self._load.store_in_background(self._put_stored)

    def _put_stored(self, stored: ShownThenStored) -> None:
        self._set_analysis(stored.analysis)
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

    def stored_article(self) -> Article | None:
        """The open article as stored: a long text shown but not stored yet is stored now."""
        if self._load is not None and self._load.unstored:
            self._put_stored(self._load.store_now())
        return self.article

    def _take_first(self, annotations: list[Annotation]) -> list[Annotation]:
        """Hold the annotations read with the article; when it has more, read the rest in
        the background. Returns those held."""
        first = annotations[:ANNOTATIONS_WITH_THE_ARTICLE]
        self._annotations = {a.id: a for a in first}
        if self._load is not None:
            self._load.stop_reading()
        if len(annotations) > len(first) and self.article is not None and self._load:
            self._load.read_rest(self.article.id, first[-1], self._take_in, self.all_annotations_in)
        return first

    def _take_in(self, step: list[Annotation], last: bool) -> None:
        self._annotations.update((a.id, a) for a in step)
        if last:
            self._say_how_many_moved(self._annotations.values())
        self.annotations_extended.emit(step)

    def _reading_rest(self) -> bool:
        return self._load is not None and self._load.reading_rest

    def all_annotations_in(self) -> None:
        """Every annotation of the open article held, for an action that needs them all: what
        is still being read in the background is read here and now, at once."""
        if not self._reading_rest() or self.article is None or self._load is None:
            return
        self._load.stop_reading()
        try:
            self._annotations = {a.id: a for a in self.library.annotations(self.article.id)}
        except StoreError as problem:
            self.report_error(describe(problem))
            return
        self.annotations_reset.emit()
        self._say_how_many_moved(self._annotations.values())

    def _analyse_stored(self, annotations: list[Annotation]) -> None:
        if not self._reading_rest():  # else said once they are all in
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
        from reader.web import fetch_article, redacted

        # A password in an address is never shown.
        shown = redacted(url)
        self.analysis_started.emit(self.tr("Téléchargement de %1…").replace("%1", shown))

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
            article = self.library.article(article_id)
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

    # Analysis -----------------------------------------------------------------------------

    def start_analysis(self) -> None:
        """Entities and speakers, off the GUI thread; results replace the quick analysis."""
        load, article = self._load, self.article
        if load is None or article is None:
            return
        preference = self.engine_preference
        if preference == "auto" and not engine_available():
            self.message.emit(
                self.tr("Modèle spaCy absent : entités reconnues par des règles (moins précises).")
            )
        self.analysis_started.emit(self.tr("Analyse de l’article…"))
        analysis_runs.analyse(
            self.library,
            load,
            article.id,
            preference,
            self._analysed,
            self._analysis_failed,
            self.analysis_progress.emit,
        )

    def _analysed(self, result: Analysis) -> None:
        self._set_analysis(result)
        self.analysis_complete = True
        self.analysis_changed.emit()
        self.message.emit(
            self.tr("Analyse terminée — citations : %1, entités : %2.")
            .replace("%1", str(sum(1 for q in result.quotes if q.parent is None)))
            .replace("%2", str(len(result.entities)))
        )

    def _analysis_failed(self, problem: Exception) -> None:
        self.analysis_complete = True
        self.analysis_changed.emit()
        self.report_error(
            self.tr("L’analyse des entités a échoué : %1").replace("%1", str(problem))
        )

    # The library changing underneath ------------------------------------------------------

    def refresh_if_changed(self) -> bool:
        """Re-read the open article's annotations if another window or program wrote to the
        library since the last look (``PRAGMA data_version``); True if anything changed."""
        if self._reading_rest():
            return False  # they are being read from the library as it is now
        try:
            version = self.library.data_version()
            if version == self._data_version or self.article is None:
                self._data_version = version
                return False
            fresh = {a.id: a for a in self.library.annotations(self.article.id)}
        except StoreError:
            return False
        self._data_version = version
        if fresh == self._annotations:
            return False
        self._annotations = fresh
        self.annotations_reset.emit()
        self.library_changed.emit()
        return True

    def reload_styles(self) -> None:
        """Read the styles again (a restored backup brings its own)."""
        try:
            self.styles = StyleBook(self.library.styles())
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
                self._take_first(first_annotations(self.library, self.article.id))
            except StoreError as problem:
                self.report_error(describe(problem))
        self.annotations_reset.emit()
        self.library_changed.emit()

    def restore_backup(self, backup: Backup) -> Path | None:
        """Replace the library by ``backup`` and show it; returns where the previous library
        was kept, or None (the error is reported)."""
        try:
            aside = self.library.restore_backup(backup)
        except StoreError as problem:
            self.report_error(
                self.tr("La sauvegarde n’a pas pu être restaurée : %1").replace(
                    "%1", describe(problem)
                )
            )
            return None
        self.reload_styles()
        if self.loaded is not None:
            self.open_loaded(self.loaded)  # the article may not be in the backup
        else:
            self.library_changed.emit()
        return aside

    # Export -------------------------------------------------------------------------------

    def export_text(self, choice: ExportChoice) -> str:
        """The export the dialog shows and saves: format, scope and filters applied."""
        current = self.stored_article()
        if current is None:
            return ""
        return export_text(self.library, current, choice)

    def report_error(self, text: str) -> None:
        self.error.emit(text)

    def say(self, text: str) -> None:
        """Tell the reader something worth knowing that is not a problem."""
        self.message.emit(text)
