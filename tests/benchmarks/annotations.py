"""P5 many annotations and P6 export, in this process, with the real store and widgets.

P5 opens an article carrying 10,000 annotations in the real main window and times adding,
editing, deleting and undoing one annotation, from the call until the article view has
painted, less the time spent committing to the database; then it loads the annotation list
of an article carrying 100,000. P6 times the Markdown export of 10,000 annotations against
``json.dumps`` of the same rows.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import partial
from typing import Any

from reader.sources import LoadedArticle, article_from_text
from reader.store import Annotation, Article, Store
from reader.styles import DEFAULT_STYLES
from tests.benchmarks.core import (
    BenchError,
    Result,
    Workspace,
    article_text,
    median,
    summary,
    to_ms,
)

FRAME_MS = 16.0
LIST_MAX_S = 0.3
HEARTBEAT_MS = 10.0
EXPORT_MAX_RATIO = 2.0
EXPORT_DATE = date(2026, 1, 1)


@dataclass(frozen=True)
class Sizes:
    annotations: int
    """Annotations on the article that is edited (P5) and exported (P6)."""
    library: int
    """Annotations on the article whose list is loaded (P5)."""
    cycles: int
    """Add, edit, delete and undo cycles timed (P5)."""
    text_chars: int
    list_text_chars: int


FULL = Sizes(10_000, 100_000, 15, 400_000, 1_000_000)
QUICK = Sizes(300, 2_000, 5, 50_000, 125_000)


def spread_ranges(text: str, count: int) -> list[tuple[int, int]]:
    """``count`` passages of 12 to 31 characters spread evenly over ``text``."""
    usable = max(1, len(text) - 40)
    stride = max(1, usable // max(1, count))
    ranges = []
    for number in range(count):
        start = (number * stride) % usable
        ranges.append((start, start + 12 + number % 20))
    return ranges


@dataclass
class Annotated:
    store: Store
    loaded: LoadedArticle
    article: Article
    origin: str
    setup_seconds: float = 0.0


def annotated_article(store: Store, source: str, characters: int, count: int) -> Annotated:
    """An article of ``characters`` characters with ``count`` annotations, saved one by one
    through the store as the app saves them (reused when already there)."""
    text, origin = article_text(characters)
    loaded = article_from_text(source, text)
    article = store.add_or_update_article(loaded.source, loaded.title, loaded.text)
    started = time.perf_counter()
    existing = len(store.annotations(article.id))
    styles = [style.name for style in DEFAULT_STYLES]
    for number, (start, end) in enumerate(spread_ranges(loaded.text, count)[existing:], existing):
        store.restore_annotation(
            store.new_annotation(
                article,
                start,
                min(end, len(loaded.text)),
                note=f"Note **{number}**" if number % 3 == 0 else "",
                tags=[f"tag{number % 7}"] if number % 2 else [],
                style=styles[number % len(styles)],
            )
        )
    return Annotated(store, loaded, article, origin, time.perf_counter() - started)


class StoreWriteTimer:
    """Wraps the store's writes on one ``Store`` object to add up the time spent in them."""

    WRITES = ("restore_annotation", "delete_annotation", "update_annotation")

    def __init__(self, store: Store) -> None:
        self.store = store
        self.seconds = 0.0
        for name in self.WRITES:
            setattr(store, name, self._timed(getattr(store, name)))

    def _timed(self, method: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started

        return timed

    def remove(self) -> None:
        for name in self.WRITES:
            vars(self.store).pop(name, None)


@dataclass
class OperationTimes:
    """Per operation: seconds to the view's repaint, less the commit; action-only seconds."""

    to_paint: dict[str, list[float]] = field(default_factory=dict)
    action: dict[str, list[float]] = field(default_factory=dict)
    unpainted: int = 0


def p5_many_annotations(workspace: Workspace, sizes: Sizes = FULL) -> list[Result]:
    count, cycles = sizes.annotations, sizes.cycles
    from reader.library import Library
    from tests.benchmarks.qt import application, until_painted, wait, wait_until
    from ui import theme as themes
    from ui.main_window import MainWindow
    from ui.session import ArticleSession
    from ui.settings import Settings

    application()
    store = Store(workspace.data_dir("p5"))
    try:
        many = annotated_article(store, "bench:p5-many", sizes.text_chars, count)
        session = ArticleSession(Library(store), engine_preference="rules")
        window = MainWindow(session, themes.LIGHT, Settings())
        window.resize(1280, 800)
        window.show()
        opened = time.perf_counter()
        session.open_loaded(many.loaded)
        wait_until(lambda: session.analysis_complete, 600_000, poll_ms=20)
        open_seconds = time.perf_counter() - opened
        wait(300)
        viewport = window.view.viewport()
        floor_samples = [until_painted(viewport, viewport.update).seconds for _ in range(cycles)]

        timer = StoreWriteTimer(store)
        times = OperationTimes()
        free = spread_ranges(many.loaded.text, cycles * 7)[3::7]

        def measure(name: str, action: Callable[[], object]) -> object:
            timer.seconds = 0.0
            started = time.perf_counter()
            timed = until_painted(viewport, action, 1000)
            times.action.setdefault(name, []).append(time.perf_counter() - started)
            times.to_paint.setdefault(name, []).append(timed.seconds - timer.seconds)
            times.unpainted += 0 if timed.painted else 1
            wait(30)
            return timed.value

        for number, (start, end) in enumerate(free[:cycles]):
            added = measure("add", partial(session.annotate, start, end))
            if not isinstance(added, Annotation):
                raise BenchError("the session did not add the annotation")
            measure("edit", partial(session.edit, added.id, note=f"edit {number}"))
            measure("delete", partial(session.delete, added.id))
            measure("undo", session.undo_stack.undo)
        timer.remove()

        floor = median(floor_samples)
        results = []
        for name, what in (
            ("add", "add one"),
            ("edit", "edit one"),
            ("delete", "delete one"),
            ("undo", "undo (delete)"),
        ):
            samples = times.to_paint[name]
            results.append(
                Result(
                    "P5",
                    f"{what}, {count:,} annotations",
                    "ms",
                    to_ms(median(samples)),
                    floor=to_ms(floor),
                    max_value=FRAME_MS,
                    details={
                        "to_paint_ms": summary([to_ms(s) for s in samples], 2),
                        "with_commit_ms": summary([to_ms(s) for s in times.action[name]], 2),
                        "floor": "a repaint of the article view with nothing changed",
                    },
                )
            )
        results[0].details.update(
            open_with_analysis_s=round(open_seconds, 3),
            setup_s=round(many.setup_seconds, 2),
            text=f"{len(many.loaded.text):,} characters ({many.origin})",
            unpainted_operations=times.unpainted,
        )
        results.extend(list_load(store, window, sizes))
        window.close()
        window.deleteLater()
        wait(50)
        return results
    finally:
        store.close()


def list_load(store: Store, window: Any, sizes: Sizes) -> list[Result]:
    """Opening, as a reader does from the library, an article that carries the whole
    library's ``sizes.library`` annotations: until its annotation list has painted its first
    cards; then until every annotation is listed (the rest is read in the background), with
    the window's longest stall meanwhile."""
    from reader.sources import load_bundled
    from tests.benchmarks.qt import wait, wait_until

    library_size = sizes.library
    big = annotated_article(store, "bench:p5-library", sizes.list_text_chars, library_size)
    session = window.session
    panel = window.annotations_panel
    model = panel.model
    window.annotations_dock.raise_()
    shown: list[float] = []
    complete: list[float] = []
    stalls: list[float] = []
    for _ in range(3):
        session.open_loaded(load_bundled())
        wait_until(lambda: len(model) == 0, 30_000)
        wait(300)
        timed = _open_until_listed(session, panel, big.article.id, library_size)
        shown.append(timed[0])
        complete.append(timed[1])
        stalls.append(timed[2])

    def bare_query() -> None:
        with sqlite3.connect(store.path) as connection:
            connection.execute(
                'SELECT * FROM annotations WHERE article_id = ? ORDER BY start, "end"',
                (big.article.id,),
            ).fetchall()

    floor = median(_samples(bare_query, 3))
    what = f"{library_size:,} annotations"
    return [
        Result(
            "P5",
            f"annotation list shown, {what}",
            "s",
            median(shown),
            floor=floor,
            max_value=LIST_MAX_S,
            details={
                "shown_s": summary(shown),
                "floor": "sqlite3 SELECT of every row",
                "setup_s": round(big.setup_seconds, 2),
                "text": f"{len(big.loaded.text):,} characters",
            },
        ),
        Result(
            "P5",
            f"annotation list complete, {what}",
            "s",
            median(complete),
            floor=floor,
            details={"complete_s": summary(complete), "note": "reported, no target"},
        ),
        Result(
            "P5",
            f"heartbeat gap while the list fills, {what}",
            "ms",
            median(stalls),
            floor=float(HEARTBEAT_MS),
            details={
                "max_ms": summary(stalls),
                "note": "reported, no target: the whole article opens in it, and its analysis",
            },
        ),
    ]


def _open_until_listed(
    session: Any, panel: Any, article_id: int, count: int
) -> tuple[float, float, float]:
    """Seconds until the list painted its first card, seconds until it holds all ``count``
    annotations, and the longest heartbeat gap (ms) meanwhile."""
    from PySide6.QtCore import QEvent, QObject

    from tests.benchmarks.qt import Heartbeat, wait_until

    view = panel.view
    card_painted: list[float] = []

    class FirstCard(QObject):
        """The end of the first paint of the list with a card at its top."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                not card_painted
                and event.type() == QEvent.Type.Paint
                and view.indexAt(view.viewport().rect().topLeft()).isValid()
            ):
                card_painted.append(time.perf_counter())
            return False

    watch = FirstCard()
    view.viewport().installEventFilter(watch)
    heartbeat = Heartbeat()
    heartbeat.start()
    started = time.perf_counter()
    try:
        session.open_article(article_id)
        if not wait_until(lambda: bool(card_painted), 30_000, poll_ms=1):
            raise BenchError("the annotation list never showed the article's annotations")
        shown = card_painted[0] - started
        if not wait_until(lambda: len(panel.model) == count, 300_000):
            raise BenchError("the annotation list never held every annotation")
        complete = time.perf_counter() - started
        heartbeat.stop()
        return shown, complete, float(heartbeat.stats(started)["max_ms"])
    finally:
        view.viewport().removeEventFilter(watch)


def p6_export(workspace: Workspace, sizes: Sizes = FULL) -> list[Result]:
    """Markdown of 10,000 annotations (with the article's analysis) against ``json.dumps``
    of the same rows."""
    from reader.analysis.entities import RulesEngine
    from reader.analysis.pipeline import analyse
    from reader.export.markdown import MarkdownOptions, export_markdown

    count = sizes.annotations
    with Store(workspace.data_dir("p5")) as store:
        many = annotated_article(store, "bench:p5-many", sizes.text_chars, count)
        annotations = store.annotations(many.article.id)[:count]
    analysis = analyse(many.loaded.text, many.loaded.layout, RulesEngine())
    rows = [asdict(annotation) for annotation in annotations]
    options = MarkdownOptions(on=EXPORT_DATE)
    dumps = _samples(lambda: json.dumps(rows, ensure_ascii=False), 5)
    markdown = _samples(lambda: export_markdown(many.article, annotations, analysis, options), 3)
    plain = _samples(lambda: export_markdown(many.article, annotations, None, options), 3)
    return [
        Result(
            "P6",
            f"Markdown export, {len(annotations):,} annotations",
            "s",
            median(markdown),
            floor=median(dumps),
            max_ratio=EXPORT_MAX_RATIO,
            details={
                "markdown_s": summary(markdown),
                "markdown_without_analysis_s": summary(plain),
                "json_dumps_s": summary(dumps),
                "quotes": len(analysis.quotes),
                "entities": len(analysis.entities),
                "floor": "json.dumps of the same annotation rows",
            },
        )
    ]


def _samples(action: Callable[[], object], times: int) -> list[float]:
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples
