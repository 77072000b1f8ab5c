"""The analysis worker process: same answers as in-process analysis, progress, clean ends."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.analysis.entities import load_engine
from reader.analysis.pipeline import analyse
from reader.library.worker import AnalysisFailed, AnalysisWorker
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
        process = worker.process
        assert process is not None and process.poll() is None and process.pid
        here = analyse(article.text, article.layout, load_engine("rules"))
        assert [(q.start, q.end) for q in found.quotes] == [(q.start, q.end) for q in here.quotes]
        assert {e.canonical for e in found.entities} == {e.canonical for e in here.entities}
        assert steps and steps[-1][0] == steps[-1][1]
        again = worker.analyse(tmp_path, article.text, article.layout, "rules", None)
        assert worker.process is process  # one process, reused
        assert len(again.quotes) == 11
    finally:
        worker.stop()
    assert process.returncode == 0


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
import os, sys
from reader.library.worker import WORKER
from reader.sources import load_bundled
from reader.text import layout

article = load_bundled()
text = (article.text + "\\n\\n") * 400
connection = WORKER._ensure()
connection.send(("analyse", sys.argv[1], text, layout(text), "rules", None))
connection.recv()  # the first progress report: the analysis is under way
print("worker", WORKER.process.pid, flush=True)
os._exit(0)  # killed: no goodbye to the worker
"""
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[1],
    )
    # The worker shares the error stream: the run returns once the worker has ended too.
    assert done.stdout.startswith("worker "), done.stderr
    assert "Traceback" not in done.stderr
