"""GUI tests: Qt in test mode (QStandardPaths and QSettings under the temporary HOME)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from reader.library import Library
from reader.sources import load_bundled
from reader.store import Store
from ui import theme as themes
from ui.main_window import MainWindow
from ui.none_guard import make_none_immortal
from ui.session import ArticleSession
from ui.settings import Settings

# As the app does at start-up (ui.none_guard): a long test session makes thousands of Qt calls.
make_none_immortal()


@pytest.fixture(autouse=True)
def qt_test_mode(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("GloseTests")
    QCoreApplication.setApplicationName("GloseTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield


class WindowFactory:
    """Opens main windows on one data directory, as successive launches of the app would."""

    def __init__(self, qtbot, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.data_dir = data_dir
        self.stores: list[Store] = []

    def open(self, wait_for_analysis: bool = True) -> MainWindow:
        store = Store(self.data_dir)
        self.stores.append(store)
        session = ArticleSession(Library(store), engine_preference="auto")
        window = MainWindow(session, themes.LIGHT, Settings())
        self.qtbot.addWidget(window)
        window.resize(1280, 800)
        session.open_loaded(load_bundled())
        window.show()
        self.qtbot.waitExposed(window)
        if wait_for_analysis:
            self.qtbot.waitUntil(lambda: session.analysis_complete, timeout=60_000)
        return window

    def close_all(self) -> None:
        for store in self.stores:
            store.close()


@pytest.fixture
def windows(qtbot, data_dir: Path) -> Iterator[WindowFactory]:  # type: ignore[no-untyped-def]
    factory = WindowFactory(qtbot, data_dir)
    yield factory
    factory.close_all()


def when_dialog_opens(act: Callable[[QDialog], None], timeout_ms: int = 5000) -> None:
    """Run ``act`` on the next modal dialog, as a person would once it appears."""
    waited = 0

    def poll() -> None:
        nonlocal waited
        widget: QWidget | None = QApplication.activeModalWidget()
        if isinstance(widget, QDialog) and widget.isVisible():
            act(widget)
            return
        waited += 20
        if waited < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
