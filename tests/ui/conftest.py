"""GUI tests: Qt in test mode, and main windows on a temporary data directory."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from tests.qt_support import WindowFactory, qt_test_mode, when_dialog_opens
from ui import i18n

__all__ = ["WindowFactory", "qt_test_mode", "when_dialog_opens"]


@pytest.fixture
def windows(qtbot, data_dir: Path) -> Iterator[WindowFactory]:  # type: ignore[no-untyped-def]
    factory = WindowFactory(qtbot, data_dir)
    yield factory
    factory.close_all()
    # pytest-qt has closed the test's windows by now; their sessions, views and the Python
    # objects around them are left in reference cycles. They are freed here, between two
    # tests, rather than in whatever a later test is doing when a collection happens to start
    # (one starting amid a later test's work crashed the run, rarely).
    gc.collect()


@pytest.fixture
def french() -> Iterator[QTranslator]:
    """The interface in French with its plural forms, as the app starts it for a French reader."""
    translator = i18n.install("fr")
    assert translator is not None
    yield translator
    QCoreApplication.removeTranslator(translator)
