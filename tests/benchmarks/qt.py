"""Qt helpers for measuring: waiting without busy loops, a heartbeat, and paint detection.

Waits run a ``QEventLoop`` with timers; a loop of ``processEvents()`` calls leaks in this
PySide6 version and would also disturb what is measured.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QSettings, Qt, QTimer
from PySide6.QtCore import QStandardPaths as Paths
from PySide6.QtWidgets import QApplication, QWidget

HEARTBEAT_MS = 10


def application() -> QApplication:
    """The QApplication of this process, in test mode (settings under the temporary home)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    Paths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("GloseBench")
    QCoreApplication.setApplicationName("GloseBench")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    return QApplication(["glose-bench"])


def wait(milliseconds: int) -> None:
    """Let the event loop run for ``milliseconds``."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], timeout_ms: int, poll_ms: int = 5) -> bool:
    """Run the event loop until ``condition()`` holds (True) or the time is up (False)."""
    if condition():
        return True
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_ms / 1000
    poll = QTimer()
    poll.setInterval(poll_ms)

    def check() -> None:
        if condition() or time.perf_counter() >= deadline:
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    return condition()


class Heartbeat(QObject):
    """A 10 ms timer on the GUI thread that records when it fires: a long gap between two
    beats is a time the window could not answer."""

    def __init__(self, interval_ms: int = HEARTBEAT_MS) -> None:
        super().__init__()
        self.interval_ms = interval_ms
        self.beats: list[float] = []
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        self.beats.append(time.perf_counter())

    def start(self) -> None:
        self.beats = [time.perf_counter()]
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.beats.append(time.perf_counter())

    def gaps(self, since: float = 0.0, until: float = float("inf")) -> list[tuple[float, float]]:
        """(gap in ms, when it ended) for the beats that came between ``since`` and ``until``."""
        return [
            ((later - earlier) * 1000, later)
            for earlier, later in zip(self.beats, self.beats[1:], strict=False)
            if since <= later <= until
        ]

    def stats(self, since: float = 0.0, until: float = float("inf")) -> dict[str, Any]:
        """Largest gap (and when it ended, in seconds after ``since`` or the first beat), 99th
        percentile, and how many gaps exceeded 50 ms."""
        found = self.gaps(since, until)
        if not found:
            return {"beats": 0, "max_ms": 0.0, "p99_ms": 0.0, "over_50ms": 0}
        gaps = sorted(gap for gap, _end in found)
        worst, ended = max(found)
        origin = since if since > 0 else self.beats[0]
        return {
            "beats": len(gaps),
            "max_ms": round(worst, 1),
            "max_ended_at_s": round(ended - origin, 3),
            "p99_ms": round(gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))], 1),
            "over_50ms": sum(1 for gap in gaps if gap > 50),
        }


class PaintWatch(QObject):
    """Notices the paint events of one widget."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.widget = widget
        self.paints = 0
        self.last_paint = 0.0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Paint:
            self.paints += 1
            self.last_paint = time.perf_counter()
        return False

    def remove(self) -> None:
        self.widget.removeEventFilter(self)


@dataclass
class Timed:
    seconds: float
    painted: bool
    value: Any = None
    """What the action returned."""


def until_painted(widget: QWidget, action: Callable[[], object], timeout_ms: int = 2000) -> Timed:
    """Seconds from calling ``action`` until ``widget`` has painted once more.

    When the action leads to no paint at all, the time of the action alone is returned with
    ``painted`` False.
    """
    watch = PaintWatch(widget)
    try:
        before = watch.paints
        started = time.perf_counter()
        value = action()
        acted = time.perf_counter()
        if not wait_until(lambda: watch.paints > before, timeout_ms, poll_ms=1):
            return Timed(acted - started, False, value)
        # The poll runs once the paint is over: this includes drawing, within a millisecond.
        return Timed(time.perf_counter() - started, True, value)
    finally:
        watch.remove()
