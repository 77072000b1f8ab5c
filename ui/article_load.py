"""One opened article's work in the background: storing a long text already on screen, and
reading the annotations of an article carrying many.

An ``ArticleLoad`` lives from the moment an article is shown until another one replaces it.
It owns its background tasks: once it is ended (``end``), whatever they bring back is
dropped, so a late answer about an article no longer open never reaches the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer

from reader.analysis.model import Analysis
from reader.analysis.pipeline import analyse_quotes
from reader.library import Library
from reader.sources import LoadedArticle
from reader.store import Annotation, Article, StoreError
from ui import garbage
from ui.tasks import run_task

STORE_AFTER_SHOWING_CHARS = 200_000
"""A longer text is on screen before it is written to the library, on a worker thread: once
the window has painted it, or after ``STORE_AT_THE_LATEST_MS`` without a window (writing a
text of megabytes with its full-text index took as long as everything else before its first
screen)."""
STORE_AT_THE_LATEST_MS = 1000
ANNOTATIONS_WITH_THE_ARTICLE = 300
"""Annotations read with their article. An article carrying more shows these with its text;
the rest is read on a worker thread, then listed and highlighted ``ANNOTATIONS_STEP`` at a
time between two events, so that one carrying 100,000 opens as quickly as any other."""
ANNOTATIONS_STEP = 1000


@dataclass(frozen=True)
class ShownThenStored:
    """What storing a long text already on screen gave: its quotations, and its record and
    annotations, or the reason it could not be stored."""

    analysis: Analysis
    article: Article | None = None
    annotations: tuple[Annotation, ...] = ()
    problem: StoreError | None = None


def first_annotations(library: Library, article_id: int) -> list[Annotation]:
    """The annotations read with an article (one more than are held, when it has more)."""
    return library.annotations(article_id, limit=ANNOTATIONS_WITH_THE_ARTICLE + 1)


def stored_with_first_annotations(
    library: Library, loaded: LoadedArticle
) -> tuple[Article, list[Annotation]]:
    """``loaded`` stored, and its first annotations."""
    article = library.add(loaded)
    return article, first_annotations(library, article.id)


def stored_after_showing(library: Library, loaded: LoadedArticle) -> ShownThenStored:
    """A long text already on screen, stored, with its quotations (found meanwhile)."""
    analysis = analyse_quotes(loaded.text, loaded.layout)
    try:
        article, annotations = stored_with_first_annotations(library, loaded)
    except StoreError as problem:
        return ShownThenStored(analysis, problem=problem)
    return ShownThenStored(analysis, article, tuple(annotations))


class ArticleLoad:
    """The background work of the article on screen, until another replaces it."""

    def __init__(self, library: Library, loaded: LoadedArticle, *, unstored: bool) -> None:
        self.library = library
        self.loaded = loaded
        self.unstored = unstored
        """The long text on screen is not in the library yet (it is stored once painted)."""
        self.ended = False
        self.laid_out = False
        """The window has laid the whole text out."""
        self.waiting_analysis: Callable[[], None] | None = None
        """An analysis that starts once the text is laid out."""
        self._storing = False
        self._reading: object | None = None
        """The read of the annotations past the first ones now wanted, if any."""

    def end(self) -> None:
        """Another article replaces this one: what its tasks bring back is dropped."""
        self.ended = True
        self.waiting_analysis = None
        self._rest_read()

    # Storing a long text already on screen --------------------------------------------------

    def store_later(self, stored: Callable[[ShownThenStored], None]) -> None:
        """Store the text after ``STORE_AT_THE_LATEST_MS``, should the window not paint it."""
        QTimer.singleShot(STORE_AT_THE_LATEST_MS, lambda: self.store_in_background(stored))

    def store_in_background(self, stored: Callable[[ShownThenStored], None]) -> None:
        """Store the long text on screen, and find its quotations, on a worker thread (once),
        then hand the result to ``stored`` unless the reader made it stored meanwhile."""
        if self.ended or not self.unstored or self._storing:
            return
        self._storing = True
        loaded = self.loaded

        def work() -> ShownThenStored:
            try:
                with self.library.on_worker() as library:
                    return stored_after_showing(library, loaded)
            except StoreError as problem:  # the library could not even be opened
                return ShownThenStored(analyse_quotes(loaded.text, loaded.layout), problem=problem)

        def done(result: object) -> None:
            if not self.ended and self.unstored and isinstance(result, ShownThenStored):
                self.unstored = False
                stored(result)

        def failed(problem: Exception, trace: str) -> None:
            if not self.ended and self.unstored:
                self.unstored = False
                stored(ShownThenStored(Analysis(), problem=StoreError(str(problem))))

        run_task(work, done, failed)

    def store_now(self) -> ShownThenStored:
        """Store the long text on screen at once, on this thread (the reader acts on it):
        what the worker thread was doing meanwhile is then left unused."""
        self.unstored = False
        return stored_after_showing(self.library, self.loaded)

    # Annotations past the first ones ---------------------------------------------------------

    @property
    def reading_rest(self) -> bool:
        """Annotations past the first ones are still being read and taken in."""
        return self._reading is not None

    def read_rest(
        self,
        article_id: int,
        after: Annotation,
        take: Callable[[list[Annotation], bool], None],
        failed: Callable[[], None],
    ) -> None:
        """Read the annotations after ``after`` on a worker thread, then hand them to
        ``take(step, last)`` ``ANNOTATIONS_STEP`` at a time, one step between two events, so
        the window never waits for all of them. The collector rests meanwhile: the many
        objects built are meant to last (``ui.garbage``)."""
        reading = self._reading = object()
        garbage.hold(self)

        def work() -> list[Annotation]:
            with self.library.on_worker() as library:
                return library.annotations(article_id, after=after)

        def done(result: object) -> None:
            if isinstance(result, list):
                self._take_in(reading, result, take)

        def read_failed(problem: Exception, trace: str) -> None:
            if self._still_wanted(reading):
                failed()  # read again on the GUI thread's connection, which says what is wrong

        run_task(work, done, read_failed)

    def _take_in(
        self,
        reading: object,
        rest: list[Annotation],
        take: Callable[[list[Annotation], bool], None],
    ) -> None:
        if not self._still_wanted(reading):
            return
        step, rest = rest[:ANNOTATIONS_STEP], rest[ANNOTATIONS_STEP:]
        if not rest:
            self._rest_read()
        take(step, not rest)
        if rest:
            QTimer.singleShot(0, lambda: self._take_in(reading, rest, take))

    def _still_wanted(self, reading: object) -> bool:
        """Is this read still wanted? Not once everything was read at once because the
        reader acted, nor once another read or another article replaced it."""
        return self._reading is reading and not self.ended

    def stop_reading(self) -> None:
        """Every annotation was read at once (the reader acted): the rest read in the
        background is not wanted."""
        self._rest_read()

    def _rest_read(self) -> None:
        self._reading = None
        garbage.release(self)
