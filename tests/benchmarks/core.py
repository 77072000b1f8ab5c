"""What every benchmark shares: results and their table, child processes, texts, statistics.

Nothing here imports Qt: the parent process starts children for start-up measurements and
must not warm anything up for them.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.benchmarks.probe import PROBE_MARK

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = Path("..") / "shared" / "corpus" / "romans-fr.txt"
"""Relative to the repository root; ``GLOSE_CORPUS`` overrides it."""
CORPUS_VARIABLE = "GLOSE_CORPUS"
RESULTS_PATH = REPO / "build" / "bench" / "results.json"


class BenchError(Exception):
    """A benchmark that could not run (a child failed, a file is missing)."""


@dataclass
class Result:
    """One row of the table: a measurement, its floor and its target."""

    benchmark: str
    what: str
    unit: str
    measured: float | None
    floor: float | None = None
    max_ratio: float | None = None
    """Target as a multiple of the floor."""
    max_value: float | None = None
    """Target as an absolute value, in ``unit``."""
    details: dict[str, Any] = field(default_factory=dict)
    skipped: str = ""
    """Why the measurement was not made (a missing corpus…)."""
    paired_ratio: float | None = None
    """The median of measured / floor over launches paired with floor launches; when given,
    it is the ratio (the medians' ratio mixes launches made minutes apart)."""

    @property
    def ratio(self) -> float | None:
        if self.paired_ratio is not None:
            return self.paired_ratio
        if self.measured is None or not self.floor:
            return None
        return self.measured / self.floor

    @property
    def passed(self) -> bool | None:
        """True or False against the target; None when skipped or reported only."""
        if self.skipped or self.measured is None:
            return None
        if self.max_ratio is not None:
            ratio = self.ratio
            return ratio is not None and ratio <= self.max_ratio
        if self.max_value is not None:
            return self.measured <= self.max_value
        return None

    def target_text(self) -> str:
        if self.max_ratio is not None:
            return f"≤ {self.max_ratio:g}× floor"
        if self.max_value is not None:
            return f"≤ {format_value(self.max_value, self.unit)}"
        return "report"

    def to_json(self) -> dict[str, Any]:
        return {
            "benchmark": self.benchmark,
            "what": self.what,
            "unit": self.unit,
            "measured": self.measured,
            "floor": self.floor,
            "ratio": None if self.ratio is None else round(self.ratio, 3),
            "target": self.target_text(),
            "max_ratio": self.max_ratio,
            "max_value": self.max_value,
            "passed": self.passed,
            "skipped": self.skipped,
            "details": self.details,
        }


def skipped(benchmark: str, what: str, reason: str) -> Result:
    return Result(benchmark, what, "", None, skipped=reason)


# Statistics ---------------------------------------------------------------------------------


def median(samples: Sequence[float]) -> float:
    return float(statistics.median(samples))


def summary(samples: Sequence[float], digits: int = 4) -> dict[str, Any]:
    """Median, spread and the samples themselves, rounded for the JSON file."""
    ordered = sorted(samples)
    return {
        "median": round(median(ordered), digits),
        "min": round(ordered[0], digits),
        "max": round(ordered[-1], digits),
        "n": len(ordered),
        "samples": [round(value, digits) for value in samples],
    }


def to_ms(seconds: float) -> float:
    return seconds * 1000.0


# Table and JSON -----------------------------------------------------------------------------


def format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    return f"{value:g} {unit}".strip()


def _verdict(result: Result) -> str:
    if result.skipped:
        return "skipped"
    passed = result.passed
    return "info" if passed is None else ("pass" if passed else "FAIL")


def table(results: Sequence[Result]) -> str:
    """The results as a plain-text table, one row per measurement."""
    header = ("benchmark", "what", "measured", "floor", "ratio", "target", "result")
    rows = [header]
    for result in results:
        ratio = result.ratio
        rows.append(
            (
                result.benchmark,
                result.what,
                format_value(result.measured, result.unit),
                format_value(result.floor, result.unit),
                "—" if ratio is None else f"{ratio:.2f}×" + ("ᵖ" if result.paired_ratio else ""),
                result.target_text(),
                _verdict(result),
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    rule = line(["-" * width for width in widths])
    lines = [line(rows[0]), rule, *(line(row) for row in rows[1:])]
    notes = [f"  {r.benchmark} {r.what}: {r.skipped}" for r in results if r.skipped]
    paired = (
        ["", "ᵖ median of the ratios of launches each paired with a floor launch next to it"]
        if any(r.paired_ratio for r in results)
        else []
    )
    return "\n".join(lines + paired + (["", "Skipped:", *notes] if notes else []))


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    info: dict[str, Any] = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "qt_platform": os.environ.get("QT_QPA_PLATFORM", ""),
    }
    try:
        from importlib.metadata import version

        info["pyside6"] = version("PySide6-Essentials")
    except Exception:
        info["pyside6"] = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                info["processor"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return info


def write_results(results: Sequence[Result], path: Path, options: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "date": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "machine": machine(),
        "options": options,
        "results": [result.to_json() for result in results],
    }
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")
    temporary.replace(path)
    return path


# Texts --------------------------------------------------------------------------------------


def corpus_path() -> Path:
    """The French novels used for big texts: ``GLOSE_CORPUS``, else ``../shared/corpus``."""
    configured = os.environ.get(CORPUS_VARIABLE)
    path = Path(configured) if configured else REPO / DEFAULT_CORPUS
    return path.expanduser().resolve()


def corpus_text(limit: int | None = None) -> str | None:
    """The corpus (its first ``limit`` characters, cut at a line end), or None when absent."""
    path = corpus_path()
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    return text if limit is None else cut_at_line(text, limit)


def article_text(characters: int) -> tuple[str, str]:
    """French text of about ``characters`` characters and where it comes from: the corpus,
    else the bundled article repeated."""
    text = corpus_text(characters)
    if text is not None:
        return text, "corpus"
    bundled = bundled_article().read_text(encoding="utf-8")
    return repeated_text(bundled, characters), "bundled article repeated"


def cut_at_line(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    end = text.rfind("\n", 0, limit)
    return text[: end if end > 0 else limit]


def repeated_text(source: str, size_bytes: int) -> str:
    """``source`` repeated until the UTF-8 text is ``size_bytes`` long, cut at a line end."""
    if not source.strip():
        raise BenchError("cannot build a big text from an empty one")
    pieces: list[str] = []
    total = 0
    while total < size_bytes:
        pieces.append(source.rstrip("\n") + "\n\n")
        total += len(pieces[-1].encode("utf-8"))
    data = "".join(pieces).encode("utf-8")[:size_bytes]
    text = data.decode("utf-8", errors="ignore")
    end = text.rfind("\n")
    return (text[:end] if end > 0 else text).rstrip("\n")


def write_text(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def bundled_article() -> Path:
    from reader.resources import bundled_article_path

    return bundled_article_path()


# Child processes ----------------------------------------------------------------------------


@dataclass
class Workspace:
    """A temporary home and data folders, so nothing touches the real ones."""

    root: Path

    @property
    def home(self) -> Path:
        return self.root / "home"

    def data_dir(self, name: str) -> Path:
        return self.root / "data" / name

    def texts(self) -> Path:
        return self.root / "texts"

    def environment(self) -> dict[str, str]:
        """The environment for children: offscreen Qt, temporary home and library.

        Bytecode caches stay on (``PYTHONDONTWRITEBYTECODE`` removed) so that start-up is
        measured as a person starts Glose, not as a first run after an install.
        """
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["HOME"] = str(self.home)
        env["XDG_CONFIG_HOME"] = str(self.home / ".config")
        env["XDG_DATA_HOME"] = str(self.home / ".local" / "share")
        env["XDG_CACHE_HOME"] = str(self.home / ".cache")
        env["GLOSE_DATA_DIR"] = str(self.data_dir("default"))
        env["SOURCE_DATE_EPOCH"] = env.get("SOURCE_DATE_EPOCH", "1764000000")
        return env

    def isolate(self) -> None:
        """Point this process at the temporary home too (for in-process benchmarks)."""
        self.home.mkdir(parents=True, exist_ok=True)
        for key in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "GLOSE_DATA_DIR"):
            os.environ[key] = self.environment()[key]


@dataclass
class ProbeRun:
    wall: float
    """Seconds from starting the child to its exit."""
    data: dict[str, Any]
    started_at: float = 0.0
    """When the child was started (``time.time()``)."""

    @property
    def to_first_paint(self) -> float:
        """Seconds from starting the child to the end of the paint it waited for."""
        return float(self.data["painted_at"]) - self.started_at


def run_probe(workspace: Workspace, arguments: Sequence[str], timeout: float = 120.0) -> ProbeRun:
    """Run ``python -m tests.benchmarks.probe ARGUMENTS`` in a fresh interpreter."""
    command = [sys.executable, "-m", "tests.benchmarks.probe", *arguments]
    workspace.home.mkdir(parents=True, exist_ok=True)
    started_at = time.time()
    started = time.perf_counter()
    try:
        completed = subprocess.run(
            command,
            cwd=REPO,
            env=workspace.environment(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise BenchError(f"{' '.join(arguments)}: no answer after {timeout:.0f} s") from error
    wall = time.perf_counter() - started
    lines = [line for line in completed.stdout.splitlines() if line.startswith(PROBE_MARK)]
    if completed.returncode != 0 or not lines:
        tail = (completed.stderr or completed.stdout).strip().splitlines()[-8:]
        raise BenchError(
            f"probe {' '.join(arguments)} failed (exit {completed.returncode}): " + " | ".join(tail)
        )
    return ProbeRun(wall, json.loads(lines[-1][len(PROBE_MARK) :]), started_at)
