"""Child processes for start-up and responsiveness measurements: one fresh interpreter each.

    python -m tests.benchmarks.probe floor ARTICLE [--heartbeat S]
        the floor: a bare QMainWindow + QTextBrowser showing ARTICLE; exits after its first
        paint, or after S seconds of heartbeat on its idle event loop
    python -m tests.benchmarks.probe app --until quotes|full|text [--watch S] [--scroll] -- ARGS
        Glose as the ``glose ARGS`` command starts it; exits once the article view has painted
        with what ``--until`` asks for, or, with ``--watch``, after recording a heartbeat on
        the GUI thread while the background analysis runs (at most S seconds)

The last line of standard output is ``GLOSE-BENCH {json}``. Both modes watch paint events in
the same way (an application-wide event filter), so their overheads match,.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

PROBE_MARK = "GLOSE-BENCH "
"""A child prints its measurements on one line starting with this mark."""
SCROLL_LIMIT_S = 30.0
ENTITY_LAYERS = ("PER", "LOC", "ORG", "MISC", "DATE")


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(data: dict[str, Any]) -> None:
    """Print the measurements and leave at once (no teardown: it is not what is measured)."""
    data.setdefault("peak_rss_mib", round(peak_rss_mib(), 1))
    sys.stdout.write(PROBE_MARK + json.dumps(data) + "\n")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def watch_first_paint(
    app: Any, is_ready: Callable[[Any], bool], then: Callable[[Any], None]
) -> Any:
    """Call ``then(widget)`` once a paint of a widget satisfying ``is_ready`` is over."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.done and event.type() == QEvent.Type.Paint and is_ready(watched):
                self.done = True
                app.removeEventFilter(self)
                QTimer.singleShot(0, lambda: then(watched))
            return False

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    return watcher


# The floor ----------------------------------------------------------------------------------


def run_floor(article: str, heartbeat_seconds: float = 0.0) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    browser = QTextBrowser()
    with open(article, encoding="utf-8") as stream:
        browser.setPlainText(stream.read())
    window.setCentralWidget(browser)
    window.resize(1280, 800)
    viewport = browser.viewport()

    def painted(_widget: Any) -> None:
        painted_at = time.time()
        if heartbeat_seconds <= 0:
            report({"painted_at": painted_at})
        from tests.benchmarks.qt import Heartbeat, wait

        heartbeat = Heartbeat()
        heartbeat.start()
        wait(int(heartbeat_seconds * 1000))
        heartbeat.stop()
        report({"painted_at": painted_at, "heartbeat": heartbeat.stats()})

    watcher = watch_first_paint(app, lambda widget: widget is viewport, painted)
    window.show()
    app.exec()
    del watcher


# Glose --------------------------------------------------------------------------------------


def article_view_of(widget: Any) -> Any:
    parent = widget.parentWidget() if hasattr(widget, "parentWidget") else None
    return parent if parent is not None and parent.objectName() == "articleView" else None


def is_ready(until: str) -> Callable[[Any], bool]:
    def ready(widget: Any) -> bool:
        view = article_view_of(widget)
        if view is None or not view.text:
            return False
        if until == "text":
            return True
        highlighter = view.highlighter
        if not highlighter.spans("quotes"):
            return False
        if until == "quotes":
            return True
        session = view.window().session
        return bool(
            session.analysis_complete
            and highlighter.spans("annotations")
            and any(highlighter.spans(name) for name in ENTITY_LAYERS)
        )

    return ready


def run_app(until: str, watch: float, scroll: bool, glose_arguments: Sequence[str]) -> None:
    # As the ``glose`` command does: its launcher first, Qt after (PySide6 inspects every module
    # imported after it, which the app makes cheaper only once it starts).
    from ui.launcher import main

    # isort: split
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])

    def painted(widget: Any) -> None:
        painted_at = time.time()
        if watch <= 0:
            report({"painted_at": painted_at})
        view = article_view_of(widget)
        watch_session(view, painted_at, watch, scroll)

    watcher = watch_first_paint(app, is_ready(until), painted)
    code = main(list(glose_arguments))
    del watcher
    raise SystemExit(f"glose exited ({code}) before the article was painted")


def watch_session(view: Any, painted_at: float, seconds: float, scroll: bool) -> None:
    """Heartbeat while scrolling and while the background analysis runs, then report."""
    from tests.benchmarks.qt import Heartbeat, wait, wait_until

    session = view.window().session
    progress: list[tuple[float, int, int]] = []
    session.analysis_progress.connect(
        lambda done, total: progress.append((time.perf_counter(), done, total))
    )
    heartbeat = Heartbeat()
    heartbeat.start()
    started = time.perf_counter()
    phases: dict[str, Any] = {}
    if scroll:
        bar = view.verticalScrollBar()
        wait(200)
        scroll_start = time.perf_counter()
        # The moments just after the first paint: the text is stored and its quotations found.
        phases["settle"] = heartbeat.stats(started, scroll_start)
        # A long rich text may be laid out lazily: going to the end lays out more of it and
        # moves the end further, so go on until the end stays put.
        previous = -1
        while bar.maximum() != previous and time.perf_counter() < scroll_start + SCROLL_LIMIT_S:
            previous = bar.maximum()
            bar.setValue(previous)
            wait(150)
        for value in (0, bar.maximum() // 2, 0):
            bar.setValue(value)
            wait(250)
        phases["scroll"] = heartbeat.stats(scroll_start, time.perf_counter())
        phases["scroll"]["range_px"] = bar.maximum()
        phases["scroll"]["seconds"] = round(time.perf_counter() - scroll_start, 2)
    watching = time.perf_counter()
    complete = wait_until(lambda: session.analysis_complete, int(seconds * 1000), poll_ms=20)
    completed_after = time.perf_counter() - started
    wait(300)  # what the window does with the result is part of the measurement
    phases["analysis"] = heartbeat.stats(watching, time.perf_counter())
    heartbeat.stop()
    report(
        {
            "painted_at": painted_at,
            "analysis_complete": complete,
            "analysis_seconds_after_paint": round(completed_after, 3) if complete else None,
            "progress_reports": len(progress),
            "progress_last": list(progress[-1][1:]) if progress else None,
            "entities": len(session.analysis.entities),
            "quotes": len(session.analysis.quotes),
            "engine": session.analysis.engine,
            "phases": phases,
        }
    )


def main(argv: Sequence[str] | None = None) -> None:
    arguments = list(sys.argv[1:] if argv is None else argv)
    glose_arguments: list[str] = []
    if "--" in arguments:
        split = arguments.index("--")
        arguments, glose_arguments = arguments[:split], arguments[split + 1 :]
    parser = argparse.ArgumentParser(prog="probe")
    sub = parser.add_subparsers(dest="mode", required=True)
    floor = sub.add_parser("floor")
    floor.add_argument("article")
    floor.add_argument("--heartbeat", type=float, default=0.0, help="idle heartbeat seconds")
    app = sub.add_parser("app")
    app.add_argument("--until", choices=("text", "quotes", "full"), default="quotes")
    app.add_argument("--watch", type=float, default=0.0, help="seconds of heartbeat at most")
    app.add_argument("--scroll", action="store_true")
    args = parser.parse_args(arguments)
    if args.mode == "floor":
        run_floor(args.article, args.heartbeat)
    else:
        run_app(args.until, args.watch, args.scroll, glose_arguments)


if __name__ == "__main__":
    main()
