"""P1 first paint, P2 reopen, P3 responsiveness, P4 big text: fresh processes, medians.

Each run starts ``python -m tests.benchmarks.probe`` and measures from the start of the child
to its exit right after the first paint that shows what is asked; the floor is the bare
QMainWindow + QTextBrowser script showing the bundled article, run the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.benchmarks.core import (
    BenchError,
    ProbeRun,
    Result,
    Workspace,
    article_text,
    bundled_article,
    corpus_path,
    corpus_text,
    median,
    repeated_text,
    run_probe,
    skipped,
    summary,
    write_text,
)

P1_MAX_RATIO = 2.0
P2_MAX_RATIO = 3.0
P4_MAX_RATIO = 4.0
HEARTBEAT_MAX_MS = 50.0
BIG_TEXT_BYTES = 5_000_000
LONG_TEXT_CHARS = 200_000
"""P3's "long text": enough for the model to run for several seconds."""
ANALYSIS_TIMEOUT_S = 600.0


@dataclass
class Paired:
    """Launches of Glose and of the floor, made in turn."""

    runs: list[ProbeRun]
    floors: list[ProbeRun]


@dataclass
class Startup:
    """Start-up measurements of one benchmark run.

    Each measured launch of Glose is paired with a launch of the floor made next to it, in
    alternating order: this machine's speed drifts by 10–20 % over a minute, and a floor
    measured in one block before all the launches it is compared with carries that drift
    into the ratio (P1 came out between 1.55× and 2.09× over eight runs of the same code).
    """

    workspace: Workspace
    repeat: int = 7
    quick: bool = False
    watch_seconds: float = 60.0
    _floor: list[ProbeRun] = field(default_factory=list)
    _run_number: int = 0
    _floor_warm: bool = False

    def fresh_data_dir(self, name: str) -> Path:
        self._run_number += 1
        return self.workspace.data_dir(f"{name}-{self._run_number}")

    def floor_run(self) -> ProbeRun:
        """One launch of the bare window script (after one uncounted launch per run)."""
        arguments = ["floor", str(bundled_article())]
        if not self._floor_warm:
            run_probe(self.workspace, arguments)
            self._floor_warm = True
        run = run_probe(self.workspace, arguments)
        self._floor.append(run)
        return run

    def floor(self) -> tuple[float, dict[str, Any]]:
        """Median wall time and memory of every floor launch so far."""
        if not self._floor:
            for _ in range(self.repeat):
                self.floor_run()
        return _floor_figures(self._floor)

    def paired(self, launch: Callable[[], ProbeRun], repeat: int) -> Paired:
        """``repeat`` launches of ``launch``, each next to a launch of the floor."""
        runs: list[ProbeRun] = []
        floors: list[ProbeRun] = []
        for number in range(repeat):
            if number % 2:
                runs.append(launch())
                floors.append(self.floor_run())
            else:
                floors.append(self.floor_run())
                runs.append(launch())
        return Paired(runs, floors)

    def glose_runs(
        self, name: str, until: str, arguments: list[str], repeat: int, timeout: float = 120.0
    ) -> Paired:
        """``repeat`` measured launches, each on a new library, after one uncounted launch."""

        def launch() -> ProbeRun:
            data_dir = self.fresh_data_dir(name)
            return run_probe(
                self.workspace,
                ["app", "--until", until, "--", "--data-dir", str(data_dir), *arguments],
                timeout,
            )

        launch()
        return self.paired(launch, repeat)


def _floor_figures(floors: list[ProbeRun]) -> tuple[float, dict[str, Any]]:
    walls = [run.wall for run in floors]
    rss = median([run.data["peak_rss_mib"] for run in floors])
    return median(walls), {"wall_s": summary(walls), "peak_rss_mib": rss}


def _startup_result(benchmark: str, what: str, paired: Paired, max_ratio: float) -> Result:
    floor, floor_details = _floor_figures(paired.floors)
    walls = [run.wall for run in paired.runs]
    pair_ratios = [
        run.wall / bare.wall for run, bare in zip(paired.runs, paired.floors, strict=True)
    ]
    return Result(
        benchmark,
        what,
        "s",
        median(walls),
        floor=floor,
        max_ratio=max_ratio,
        paired_ratio=median(pair_ratios),
        details={
            "wall_s": summary(walls),
            "peak_rss_mib": median([run.data["peak_rss_mib"] for run in paired.runs]),
            "floor": floor_details,
            "pair_ratios": summary(pair_ratios),
            "ratio_of_medians": round(median(walls) / floor, 3),
        },
    )


def p1_first_paint(startup: Startup) -> list[Result]:
    """``glose`` on the bundled article until the text and the quotation layer are painted,
    on a new library each time (the first launch)."""
    paired = startup.glose_runs("p1", "quotes", [], startup.repeat)
    return [_startup_result("P1", "first paint (bundled article)", paired, P1_MAX_RATIO)]


def prepare_reopen_library(data_dir: Path, annotations: int = 12) -> None:
    """A library where the bundled article is stored with a few annotations."""
    from reader.library import Library
    from reader.sources import load_bundled
    from reader.store import Store

    loaded = load_bundled()
    with Store(data_dir) as store:
        article = Library(store).add(loaded)
        if store.annotations(article.id):
            return
        ranges = [(p.start, p.end) for p in loaded.layout.paragraphs if p.end - p.start > 40]
        for number, (start, _end) in enumerate(ranges[:annotations]):
            store.add_annotation(
                article,
                start,
                start + 30,
                note=f"Note {number}" if number % 2 else "",
                tags=["bench"],
            )


def p2_reopen(startup: Startup) -> list[Result]:
    """The bundled article again, its analysis cached: every layer and the annotations."""
    data_dir = startup.workspace.data_dir("p2")
    prepare_reopen_library(data_dir)
    arguments = ["app", "--until", "full", "--", "--data-dir", str(data_dir)]
    first = run_probe(startup.workspace, arguments, ANALYSIS_TIMEOUT_S)  # analyses and caches
    paired = startup.paired(lambda: run_probe(startup.workspace, arguments), startup.repeat)
    result = _startup_result("P2", "reopen, every layer painted", paired, P2_MAX_RATIO)
    result.details["first_open_with_analysis_s"] = round(first.wall, 3)
    return [result]


def long_text(workspace: Workspace, characters: int = LONG_TEXT_CHARS) -> tuple[Path, str]:
    """P3's text: the start of the corpus, else the bundled article repeated."""
    text, origin = article_text(characters)
    return write_text(workspace.texts(), f"long-{characters}.txt", text), origin


def _heartbeat_result(benchmark: str, what: str, stats: dict[str, Any], idle: float) -> Result:
    return Result(
        benchmark,
        what,
        "ms",
        float(stats["max_ms"]),
        floor=idle,
        max_value=HEARTBEAT_MAX_MS,
        details=stats,
    )


def idle_heartbeat(workspace: Workspace, seconds: float = 2.0) -> float:
    """The largest heartbeat gap of a bare window doing nothing: this machine's timer jitter."""
    run = run_probe(workspace, ["floor", str(bundled_article()), "--heartbeat", str(seconds)])
    return float(run.data["heartbeat"]["max_ms"])


def p3_responsiveness(startup: Startup) -> list[Result]:
    """A 10 ms heartbeat on the GUI thread from the first paint of a long text until its
    analysis (model loading included) is done and shown."""
    characters = 30_000 if startup.quick else LONG_TEXT_CHARS
    path, origin = long_text(startup.workspace, characters)
    run = run_probe(
        startup.workspace,
        [
            "app",
            "--until",
            "quotes",
            "--watch",
            str(ANALYSIS_TIMEOUT_S),
            "--",
            "--data-dir",
            str(startup.fresh_data_dir("p3")),
            str(path),
        ],
        ANALYSIS_TIMEOUT_S + 60,
    )
    stats = dict(run.data["phases"]["analysis"])
    stats.update(
        text=f"{characters} characters ({origin})",
        engine=run.data["engine"],
        analysis_complete=run.data["analysis_complete"],
        analysis_seconds_after_paint=run.data["analysis_seconds_after_paint"],
        entities=run.data["entities"],
        peak_rss_mib=run.data["peak_rss_mib"],
    )
    result = _heartbeat_result(
        "P3", "heartbeat gap, model load + analysis", stats, idle_heartbeat(startup.workspace)
    )
    if not run.data["analysis_complete"]:
        result.details["warning"] = "the analysis did not finish in time"
    return [result]


def big_text(workspace: Workspace, size_bytes: int = BIG_TEXT_BYTES) -> Path | None:
    """A French text of ``size_bytes`` built from the corpus (None when the corpus is absent)."""
    source = corpus_text()
    if source is None:
        return None
    path = workspace.texts() / f"big-{size_bytes}.txt"
    if not path.is_file():
        write_text(workspace.texts(), path.name, repeated_text(source, size_bytes))
    return path


def p4_big_text(startup: Startup) -> list[Result]:
    """A 5 MB text: its first screen, then scrolling and background analysis (heartbeat)."""
    size = 1_000_000 if startup.quick else BIG_TEXT_BYTES
    what = f"first screen, {size / 1e6:g} MB text"
    path = big_text(startup.workspace, size)
    if path is None:
        reason = f"corpus not found at {corpus_path()} (set GLOSE_CORPUS)"
        return [skipped("P4", what, reason)]
    repeat = max(1, min(startup.repeat, 3))
    paired = startup.glose_runs("p4", "text", [str(path)], repeat, timeout=300)
    first_screen = _startup_result("P4", what, paired, P4_MAX_RATIO)
    first_screen.details["to_first_paint_s"] = summary([run.to_first_paint for run in paired.runs])
    try:
        watched = run_probe(
            startup.workspace,
            [
                "app",
                "--until",
                "text",
                "--watch",
                str(startup.watch_seconds),
                "--scroll",
                "--",
                "--data-dir",
                str(startup.fresh_data_dir("p4-watch")),
                str(path),
            ],
            startup.watch_seconds + 300,
        )
    except BenchError as error:
        return [first_screen, skipped("P4", "heartbeat while scrolling", str(error))]
    idle = idle_heartbeat(startup.workspace)
    phases = watched.data["phases"]
    settle = _heartbeat_result(
        "P4", "heartbeat gap, storing after the first screen", phases["settle"], idle
    )
    scroll = _heartbeat_result(
        "P4", "heartbeat gap, scroll to end and back", phases["scroll"], idle
    )
    analysis_stats = dict(phases["analysis"])
    analysis_stats.update(
        watched_seconds=startup.watch_seconds,
        analysis_complete=watched.data["analysis_complete"],
        progress_reports=watched.data["progress_reports"],
        progress_last=watched.data["progress_last"],
    )
    analysis = _heartbeat_result("P4", "heartbeat gap, background analysis", analysis_stats, idle)
    memory = Result(
        "P4",
        "peak memory (RSS)",
        "MiB",
        float(watched.data["peak_rss_mib"]),
        floor=float(startup.floor()[1]["peak_rss_mib"]),
        details={"note": "reported, no target"},
    )
    return [first_screen, settle, scroll, analysis, memory]
