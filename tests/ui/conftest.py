"""GUI tests: Qt in test mode, and main windows on a temporary data directory."""

from __future__ import annotations

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
    # The closed windows and the Python objects around them are freed once the test is over
    # (tests/conftest.py, for every test that uses qtbot).


@pytest.fixture
def french() -> Iterator[QTranslator]:
    """The interface in French with its plural forms, as the app starts it for a French reader."""
    translator = i18n.install("fr")
    assert translator is not None
    yield translator
    QCoreApplication.removeTranslator(translator)
