"""What the app leaves unimported until after its first paint: the libraries only some actions
need (sqlite-utils for queries past the first screen, trafilatura for web pages, spaCy for the
entities, Pygments for the export's preview, rapidfuzz for comparing quotations) cost start-up
time nobody sees the use of."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NOT_BEFORE_FIRST_PAINT = ("sqlite_utils", "trafilatura", "spacy", "pygments", "rapidfuzz")

# The app as the ``glose`` command starts it (launcher first, Qt after), watched by the same
# first-paint filter as the start-up benchmarks; it leaves at its first paint.
FIRST_PAINT = """
import os, sys
from ui.launcher import main
from PySide6.QtWidgets import QApplication
from tests.benchmarks.probe import is_ready, watch_first_paint

app = QApplication(sys.argv[:1])

def painted(_widget):
    print("MODULES " + " ".join(sorted(sys.modules)), flush=True)
    os._exit(0)

watcher = watch_first_paint(app, is_ready("text"), painted)
sys.exit("glose exited (%s) before its first paint" % main(sys.argv[1:]))
"""


def modules_at_first_paint(data_dir: Path) -> set[str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", GLOSE_DATA_DIR=str(data_dir))
    finished = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in finished.stdout.splitlines() if line.startswith("MODULES ")]
    assert lines, f"the app did not paint: {finished.stderr[-2000:]}"
    return set(lines[-1].split()[1:])


def top_level(modules: set[str]) -> set[str]:
    return {name.partition(".")[0] for name in modules}


def test_heavy_libraries_wait_until_after_the_first_paint(data_dir: Path) -> None:
    modules = modules_at_first_paint(data_dir)
    assert "ui.main_window" in modules  # it is the app that painted
    assert not top_level(modules) & set(NOT_BEFORE_FIRST_PAINT)
