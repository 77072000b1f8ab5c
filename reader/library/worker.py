"""Article analysis in a separate process, through the library (its cache, corrections and
stored results).

Loading the French model is seconds of work that holds Python's global lock: on a thread of the
app's own process it stalls the window. A worker process loads the model and analyses; the app
waits for the answer on a thread, blocked on a pipe, which leaves the lock to the window. The
worker ends with the app, or on its own when the app's end of the pipe closes.

The worker is started as ``python -m reader.library.worker FD``, not with ``multiprocessing``:
its "spawn" start method also starts a resource tracker process, and makes the worker import the
app's main module again. Those two interpreters starting at once held the window up on two
cores; the one started here imports only what the analysis needs.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

from reader.analysis.model import Analysis
from reader.analysis.pipeline import AnalysisFailed
from reader.text import Layout

__all__ = ["WORKER", "AnalysisFailed", "AnalysisWorker"]


def _serve(connection: Connection) -> None:
    """The worker's loop: one request at a time, until the app goes away."""
    from reader.analysis.engines import EntityEngine
    from reader.analysis.entities import load_engine
    from reader.library import Library

    engines: dict[str, EntityEngine] = {}
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        if request[0] == "stop":
            return
        _, data_dir, text, layout, preference, article_id = request
        try:
            engine = engines.get(preference)
            if engine is None:
                engine = engines[preference] = load_engine(preference)
            with Library.connect(Path(data_dir)) as library:
                result = library.analyse(
                    text,
                    layout,
                    engine,
                    article_id,
                    lambda done, total: connection.send(("progress", done, total)),
                )
            connection.send(("done", result))
        except (BrokenPipeError, EOFError):
            return  # the app went away mid-analysis: nobody is left to tell
        except Exception as error:  # reported to the app, which stays up
            message = str(error) if isinstance(error, AnalysisFailed) else describe(error)
            try:
                connection.send(("error", message))
            except OSError:
                return


def describe(error: Exception) -> str:
    """An error of the analysis, for the app to show: never an empty message."""
    if isinstance(error, MemoryError):
        return "The analysis stopped: not enough memory."
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


class AnalysisWorker:
    """The app's end of the worker process; started on the first analysis."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._connection: Connection | None = None
        self.requests = 0
        """Analyses asked of the worker so far."""
        atexit.register(self._end_with_the_app)

    @property
    def process(self) -> subprocess.Popen[bytes] | None:
        return self._process

    def _ensure(self) -> Connection:
        if self._connection is None or self._process is None or self._process.poll() is not None:
            # A fresh interpreter rather than a fork: the app's threads and Qt stay behind.
            ours, theirs = multiprocessing.Pipe()  # a socket pair: no process is started
            path = os.pathsep.join(entry for entry in sys.path if entry)
            self._process = subprocess.Popen(
                [sys.executable, "-m", __name__, str(theirs.fileno())],
                pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL,
                env={**os.environ, "PYTHONPATH": path},  # the app's own import path
            )
            theirs.close()
            self._connection = ours
        return self._connection

    def analyse(
        self,
        data_dir: Path,
        text: str,
        layout: Layout,
        preference: str,
        article_id: int | None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Analysis:
        """Analyse in the worker and wait for the answer; call it off the GUI thread."""
        with self._lock:
            self.requests += 1
            connection = self._ensure()
            connection.send(("analyse", str(data_dir), text, layout, preference, article_id))
            while True:
                try:
                    kind, *payload = connection.recv()
                except (EOFError, OSError) as error:
                    self._connection = None
                    raise AnalysisFailed(f"the analysis process ended ({error})") from error
                if kind == "progress":
                    if progress is not None:
                        progress(int(payload[0]), int(payload[1]))
                elif kind == "done":
                    result = payload[0]
                    assert isinstance(result, Analysis)
                    return result
                else:
                    raise AnalysisFailed(str(payload[0]))

    def stop(self) -> None:
        """End the worker and give its memory back; the next analysis starts another."""
        with self._lock:
            if self._connection is not None:
                with contextlib.suppress(OSError):
                    self._connection.send(("stop",))
                self._connection.close()
            if self._process is not None:
                try:
                    self._process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    self._process.terminate()
                    self._process.wait()
            self._process, self._connection = None, None

    def _end_with_the_app(self) -> None:
        """The app is leaving: a worker still loading a model or analysing is stopped now
        rather than left to notice the closed pipe when it next writes."""
        process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)


WORKER = AnalysisWorker()


if __name__ == "__main__":
    _serve(Connection(int(sys.argv[1])))
