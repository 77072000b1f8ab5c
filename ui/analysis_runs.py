"""Where and when an article's entities and speakers are found: a worker process for the
French model, a thread for the rules or for an article already in the analysis cache.

The result comes back on the GUI thread, to whoever asked, unless the article was replaced
meanwhile (``ArticleLoad.ended``).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QTimer

from reader.analysis.engines import EntityEngine, engine_available, engine_id
from reader.analysis.model import Analysis
from reader.library import Library
from reader.store import StoreError
from ui.article_load import ArticleLoad
from ui.tasks import run_task

WORKER_START_DELAY_MS = 150
WORKER_START_AT_THE_LATEST_MS = 3000
"""The analysis worker starts once the window has laid the text out (``ArticleLoad.laid_out``),
or after this long without a window."""
CACHED_ON_THREAD_CHARS = 200_000
"""Up to this size, an article whose entities are all in the library's cache is analysed on a
thread at once: there is no model to load, and starting the worker process would cost more than
the analysis itself."""

_engine_lock = threading.Lock()
_engines: dict[str, EntityEngine] = {}


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


def analysed_before(library: Library, load: ArticleLoad, preference: str) -> bool:
    """Are the entities of every paragraph of ``load``'s text in the library's cache?"""
    loaded = load.loaded
    if len(loaded.text) > CACHED_ON_THREAD_CHARS:
        return False
    try:
        return library.analysis_cached(loaded.text, loaded.layout, engine_id(preference))
    except StoreError:
        return False


def analyse(
    library: Library,
    load: ArticleLoad,
    article_id: int,
    preference: str,
    done: Callable[[Analysis], None],
    failed: Callable[[Exception], None],
    progress: Callable[[int, int], None],
) -> None:
    """Find the entities and speakers of ``load``'s text, stored as ``article_id``, off the
    GUI thread; ``done`` or ``failed`` is called unless the article was replaced meanwhile."""
    loaded = load.loaded
    in_worker = use_worker_process(preference) and not analysed_before(library, load, preference)

    def work(report: Callable[[int, int], None]) -> Analysis:
        if in_worker:
            # Imported here, off the GUI thread: the worker's process machinery is not
            # needed before the first paint.
            from reader.library.worker import WORKER

            return WORKER.analyse(
                library.data_dir, loaded.text, loaded.layout, preference, article_id, report
            )
        engine = shared_engine(preference)
        with library.on_worker() as own:
            return own.analyse(loaded.text, loaded.layout, engine, article_id, report)

    def finished(result: object) -> None:
        if not load.ended and isinstance(result, Analysis):
            done(result)

    def broke(problem: Exception, trace: str) -> None:
        if not load.ended:
            failed(problem)

    def start() -> None:
        if not load.ended:
            run_task(work, finished, broke, on_progress=progress)

    if not in_worker:
        start()
    elif load.laid_out:
        QTimer.singleShot(WORKER_START_DELAY_MS, start)
    else:
        # A process starting competes for the CPU with the window laying the text out (a long
        # one is laid out in the background, and scrolling it stalled while the worker
        # started): it starts once the text is laid out, or after a while without a window.
        load.waiting_analysis = start
        QTimer.singleShot(WORKER_START_AT_THE_LATEST_MS, lambda: start_waiting_analysis(load))


def text_laid_out(load: ArticleLoad) -> None:
    """The window laid ``load``'s whole text out: an analysis waiting for that can start."""
    load.laid_out = True
    QTimer.singleShot(WORKER_START_DELAY_MS, lambda: start_waiting_analysis(load))


def start_waiting_analysis(load: ArticleLoad) -> None:
    waiting, load.waiting_analysis = load.waiting_analysis, None
    if waiting is not None and not load.ended:
        waiting()
