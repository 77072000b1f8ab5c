"""Run a function off the GUI thread and get its result back on it (never touch a widget
from a worker)."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Lives on the GUI thread: the worker emits its signals, Qt queues them to its slots."""

    finished = Signal(object)
    failed = Signal(object, str)
    progressed = Signal(int, int)

    def __init__(
        self,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception, str], None],
        on_progress: Callable[[int, int], None] | None,
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        queued = Qt.ConnectionType.QueuedConnection
        self.finished.connect(self._deliver_result, queued)
        self.failed.connect(self._deliver_error, queued)
        self.progressed.connect(self._deliver_progress, queued)

    @Slot(object)
    def _deliver_result(self, result: object) -> None:
        _running.discard(self)
        self._on_done(result)

    @Slot(object, str)
    def _deliver_error(self, error: object, trace: str) -> None:
        _running.discard(self)
        self._on_error(error if isinstance(error, Exception) else RuntimeError(str(error)), trace)

    @Slot(int, int)
    def _deliver_progress(self, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)


class _Job(QRunnable):
    def __init__(self, function: Callable[..., Any], relay: _Relay, with_progress: bool) -> None:
        super().__init__()
        self._function = function
        self._relay = relay
        self._with_progress = with_progress

    @Slot()
    def run(self) -> None:
        try:
            if self._with_progress:
                result = self._function(self._relay.progressed.emit)
            else:
                result = self._function()
        except Exception as error:
            self._deliver(self._relay.failed.emit, error, traceback.format_exc())
        else:
            self._deliver(self._relay.finished.emit, result)

    @staticmethod
    def _deliver(emit: Callable[..., None], *values: object) -> None:
        # A task can outlive the application object, whose end deletes the relay: nobody is
        # left to tell.
        with suppress(RuntimeError):
            emit(*values)


_running: set[_Relay] = set()


def run_task(
    function: Callable[..., Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception, str], None],
    on_progress: Callable[[int, int], None] | None = None,
    pool: QThreadPool | None = None,
) -> None:
    """Call ``function`` on a worker thread; ``on_done(result)`` or ``on_error(error, trace)``
    then run on the GUI thread. With ``on_progress``, ``function`` receives a
    ``progress(done, total)`` callable as its only argument."""
    relay = _Relay(on_done, on_error, on_progress)
    _running.add(relay)
    (pool or QThreadPool.globalInstance()).start(_Job(function, relay, on_progress is not None))
