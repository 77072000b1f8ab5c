"""The analysis worker process: same answers as in-process analysis, progress, clean ends."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.analysis.entities import load_engine
from reader.analysis.pipeline import analyse
from reader.analysis.worker import AnalysisFailed, AnalysisWorker
from reader.sources import load_bundled


def test_the_worker_answers_like_the_app_and_ends_cleanly(tmp_path: Path) -> None:
    article = load_bundled()
    worker = AnalysisWorker()
    try:
        steps: list[tuple[int, int]] = []
        found = worker.analyse(
            tmp_path,
            article.text,
            article.layout,
            "rules",
            None,
            lambda done, total: steps.append((done, total)),
        )
        process = worker._process
        assert process is not None and process.is_alive() and process.pid is not None
        here = analyse(article.text, article.layout, load_engine("rules"))
        assert [(q.start, q.end) for q in found.quotes] == [(q.start, q.end) for q in here.quotes]
        assert {e.canonical for e in found.entities} == {e.canonical for e in here.entities}
        assert steps and steps[-1][0] == steps[-1][1]
        again = worker.analyse(tmp_path, article.text, article.layout, "rules", None)
        assert worker._process is process  # one process, reused
        assert len(again.quotes) == 11
    finally:
        worker.stop()
    assert not process.is_alive()


def test_a_failed_analysis_is_reported_and_the_worker_stays_usable(tmp_path: Path) -> None:
    article = load_bundled()
    worker = AnalysisWorker()
    try:
        blocked = tmp_path / "file-not-folder"
        blocked.write_text("x")
        with pytest.raises(AnalysisFailed):
            worker.analyse(blocked, article.text, article.layout, "rules", None)
        found = worker.analyse(tmp_path, article.text, article.layout, "rules", None)
        assert len(found.quotes) == 11
    finally:
        worker.stop()


def test_the_worker_ends_quietly_when_the_app_goes_away_mid_analysis(tmp_path: Path) -> None:
    """An app killed while its worker analyses: the worker stops without a traceback."""
    script = """
import multiprocessing, sys, time
from reader.analysis.worker import _serve
from reader.sources import load_bundled

if __name__ == "__main__":
    article = load_bundled()
    text = (article.text + "\\n\\n") * 400
    from reader.text import layout
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    process = context.Process(target=_serve, args=(theirs,), daemon=True)
    process.start()
    theirs.close()
    ours.send(("analyse", sys.argv[1], text, layout(text), "rules", None))
    ours.recv()  # the first progress report: the analysis is under way
    ours.close()
    process.join(60)
    print("exit", process.exitcode)
"""
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert done.stdout.strip() == "exit 0", done.stderr
    assert "Traceback" not in done.stderr
