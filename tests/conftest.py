"""Every test runs with a temporary data directory and a temporary HOME: the real library,
settings and caches of the person running the tests are never touched."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.resources import bundled_article_path
from reader.sources import load_bundled
from reader.text import normalise_text

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SOURCE_DATE_EPOCH", "1764000000")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    home.mkdir()
    data = tmp_path / "data"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("GLOSE_DATA_DIR", str(data))
    yield data


@pytest.fixture
def data_dir(isolated_environment: Path) -> Path:
    return isolated_environment


@pytest.fixture(scope="session")
def bundled_text() -> str:
    return normalise_text(bundled_article_path().read_text(encoding="utf-8"))


@pytest.fixture
def bundled():  # type: ignore[no-untyped-def]
    return load_bundled()


def _free_qt_objects() -> None:
    """Delete the widgets closed with ``deleteLater`` and free the Python objects around them,
    now. Qt deletes such widgets only when an event loop next runs: in a later test, amid its
    work, or never (the last test's), leaving their Python halves to the collector at exit.
    A collection meeting a window half torn down crashed the run, rarely; here nothing else
    runs meanwhile."""
    qt_core = sys.modules.get("PySide6.QtCore")
    if qt_core is None or qt_core.QCoreApplication.instance() is None:
        return
    qt_core.QCoreApplication.sendPostedEvents(None, qt_core.QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    # Outside pytest-qt's own teardown, which closes the test's widgets.
    result = yield
    if "qtbot" in getattr(item, "fixturenames", ()):
        _free_qt_objects()
    return result


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Let every background task end and free every widget before the interpreter exits, as
    the app does when its window closes."""
    qt_core = sys.modules.get("PySide6.QtCore")
    if qt_core is None or qt_core.QCoreApplication.instance() is None:
        return
    qt_core.QThreadPool.globalInstance().waitForDone()
    qt_widgets = sys.modules.get("PySide6.QtWidgets")
    if qt_widgets is not None:
        for widget in qt_widgets.QApplication.topLevelWidgets():
            widget.close()
            widget.deleteLater()
    _free_qt_objects()
