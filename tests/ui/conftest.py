"""GUI tests: Qt in test mode, and main windows on a temporary data directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.qt_support import WindowFactory, qt_test_mode, when_dialog_opens

__all__ = ["WindowFactory", "qt_test_mode", "when_dialog_opens"]


@pytest.fixture
def windows(qtbot, data_dir: Path) -> Iterator[WindowFactory]:  # type: ignore[no-untyped-def]
    factory = WindowFactory(qtbot, data_dir)
    yield factory
    factory.close_all()
