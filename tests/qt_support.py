"""Qt test support shared by the GUI and reliability tests: Qt in test mode (QStandardPaths
and QSettings under the temporary HOME), main windows on a data directory, modal dialogs answered
as a person would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from reader.library import Library
from reader.sources import LoadedArticle, load_bundled
from reader.store import Store
from reader.store.store import BUSY_TIMEOUT_MS
from ui import theme as themes
from ui.article_view import ArticleView
from ui.main_window import MainWindow
from ui.session import ArticleSession
from ui.settings import Settings


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

    def __init__(  # type: ignore[no-untyped-def]
        self, qtbot, data_dir: Path, engine_preference: str = "auto"
    ) -> None:
        self.qtbot = qtbot
        self.data_dir = data_dir
        self.engine_preference = engine_preference
        self.stores: list[Store] = []

    def open(
        self,
        wait_for_analysis: bool = True,
        loaded: LoadedArticle | None = None,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> MainWindow:
        store = Store(self.data_dir, busy_timeout_ms=busy_timeout_ms)
        self.stores.append(store)
        session = ArticleSession(Library(store), engine_preference=self.engine_preference)
        window = MainWindow(session, themes.LIGHT, Settings())
        self.qtbot.addWidget(window)
        window.resize(1280, 800)
        session.open_loaded(loaded or load_bundled())
        window.show()
        self.qtbot.waitExposed(window)
        if wait_for_analysis:
            self.qtbot.waitUntil(lambda: session.analysis_complete, timeout=60_000)
        return window

    def close_all(self) -> None:
        for store in self.stores:
            store.close()


@contextmanager
def one_window(  # type: ignore[no-untyped-def]
    qtbot, data_dir: Path, loaded: LoadedArticle, engine_preference: str = "rules"
) -> Iterator[MainWindow]:
    """One window on ``loaded``, analysed, its library closed afterwards."""
    factory = WindowFactory(qtbot, data_dir, engine_preference)
    try:
        yield factory.open(loaded=loaded)
    finally:
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


def painted_formats(view: ArticleView, offset: int) -> list[QTextCharFormat]:
    """The highlight formats Qt paints at ``offset``, scrolled into view as a reader would
    (the view paints the highlights of what is on screen)."""
    position = view.to_qt(offset)
    view.scroll_to(offset)
    view.viewport().repaint()
    formats = []
    for selection in view.extraSelections():
        if selection.cursor.selectionStart() <= position < selection.cursor.selectionEnd():
            formats.append(QTextCharFormat(selection.format))
    return formats
