"""``python -m tests.benchmarks [P1 P2 …]``: run benchmarks, print the table, write the JSON."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from tests.benchmarks.core import (
    RESULTS_PATH,
    BenchError,
    Result,
    Workspace,
    skipped,
    table,
    write_results,
)
from tests.benchmarks.startup import Startup

BENCHMARKS: dict[str, str] = {
    "P1": "first paint of the bundled article",
    "P2": "reopen with the analysis cached",
    "P3": "GUI heartbeat while the model loads and runs",
    "P4": "5 MB text: first screen, scrolling, memory",
    "P5": "10,000 annotations: edits; 100,000: the list",
    "P6": "Markdown export of 10,000 annotations",
    "P7": "analysis throughput against spaCy",
    "P8": "adding an article to a tracked library of 10,000",
}


def parser() -> argparse.ArgumentParser:
    described = "; ".join(f"{key} {text}" for key, text in BENCHMARKS.items())
    result = argparse.ArgumentParser(
        prog="python -m tests.benchmarks",
        description=f"Glose's benchmarks: {described}.",
    )
    result.add_argument("names", nargs="*", metavar="P1", help="benchmarks to run (default: all)")
    result.add_argument("--repeat", type=int, default=11, help="launches per start-up median")
    result.add_argument(
        "--quick", action="store_true", help="small inputs, to check that everything runs"
    )
    result.add_argument(
        "--watch",
        type=float,
        default=60.0,
        help="P4: seconds of heartbeat during the background analysis",
    )
    result.add_argument(
        "--strict", action="store_true", help="exit with status 1 when a target is missed"
    )
    result.add_argument(
        "--p7-chars",
        type=int,
        default=None,
        help="P7: analyse only the first N characters of the corpus (default: all of it)",
    )
    result.add_argument("--output", type=Path, default=RESULTS_PATH, help="JSON results file")
    result.add_argument(
        "--work-dir",
        type=Path,
        default=None,
        help="keep the temporary libraries and texts here (default: a removed temporary folder)",
    )
    return result


def select(names: Sequence[str]) -> list[str]:
    chosen = [name.upper() for name in names] or list(BENCHMARKS)
    unknown = [name for name in chosen if name not in BENCHMARKS]
    if unknown:
        raise SystemExit(
            f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}"
        )
    return [name for name in BENCHMARKS if name in chosen]


def runners(
    startup: Startup, quick: bool, p7_chars: int | None = None
) -> dict[str, Callable[[], list[Result]]]:
    from tests.benchmarks import startup as launches

    workspace = startup.workspace

    def p5() -> list[Result]:
        from tests.benchmarks.annotations import FULL, QUICK, p5_many_annotations

        return p5_many_annotations(workspace, QUICK if quick else FULL)

    def p6() -> list[Result]:
        from tests.benchmarks.annotations import FULL, QUICK, p6_export

        return p6_export(workspace, QUICK if quick else FULL)

    def p7() -> list[Result]:
        from tests.benchmarks.analysis import p7_throughput

        return p7_throughput(workspace, quick, p7_chars)

    def p8() -> list[Result]:
        from tests.benchmarks.tracker import FULL, QUICK, p8_tracker

        return p8_tracker(workspace, QUICK if quick else FULL)

    return {
        "P1": lambda: launches.p1_first_paint(startup),
        "P2": lambda: launches.p2_reopen(startup),
        "P3": lambda: launches.p3_responsiveness(startup),
        "P4": lambda: launches.p4_big_text(startup),
        "P5": p5,
        "P6": p6,
        "P7": p7,
        "P8": p8,
    }


def run(
    names: Sequence[str],
    startup: Startup,
    save: Callable[[list[Result]], object],
    p7_chars: int | None = None,
) -> list[Result]:
    """Run the benchmarks in order; ``save`` gets the results so far after each one."""
    results: list[Result] = []
    available = runners(startup, startup.quick, p7_chars)
    for name in names:
        print(f"{name}: {BENCHMARKS[name]}…", file=sys.stderr, flush=True)
        started = time.perf_counter()
        try:
            found = available[name]()
        except BenchError as error:
            found = [skipped(name, BENCHMARKS[name], f"could not run: {error}")]
        except Exception as error:  # one broken benchmark must not lose the others' numbers
            traceback.print_exc()
            found = [skipped(name, BENCHMARKS[name], f"failed: {type(error).__name__}: {error}")]
        results.extend(found)
        for result in found:
            print(f"  {result.what}: {_short(result)}", file=sys.stderr, flush=True)
        print(f"  ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
        save(results)
    return results


def _short(result: Result) -> str:
    if result.skipped:
        return "skipped, " + result.skipped
    value = f"{result.measured:.4g} {result.unit}" if result.measured is not None else "—"
    return f"{value} (floor {result.floor:.4g})" if result.floor else value


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    names = select(args.names)
    root = args.work_dir or Path(tempfile.mkdtemp(prefix="glose-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    workspace = Workspace(root.resolve())
    workspace.isolate()
    startup = Startup(
        workspace, repeat=max(1, args.repeat), quick=args.quick, watch_seconds=args.watch
    )
    options = {
        "names": names,
        "repeat": args.repeat,
        "quick": args.quick,
        "watch": args.watch,
        "p7_chars": args.p7_chars,
    }

    def save(results: list[Result]) -> Path:
        return write_results(results, args.output, options)

    try:
        results = run(names, startup, save, args.p7_chars)
    finally:
        if args.work_dir is None:
            shutil.rmtree(root, ignore_errors=True)
    print()
    print(table(results))
    print(f"\nResults written to {save(results)}")
    missed = [r for r in results if r.passed is False]
    if missed:
        print(f"{len(missed)} target(s) missed.")
    return 1 if args.strict and missed else 0
