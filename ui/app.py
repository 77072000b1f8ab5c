"""Starting the desktop app: application object, theme, library, window, screenshot mode."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader import APP_ID, APP_NAME, __version__

if TYPE_CHECKING:
    from reader.sources import LoadedArticle

SCREENSHOT_TIMEOUT_MS = 120_000
BACKUP_DELAY_MS = 3000
"""The daily backup starts this long after the window is built."""


def _parse_size(text: str) -> tuple[int, int]:
    # At most an 8K screen: Qt allocates the whole image at once, and far larger sizes
    # exhaust the memory or overflow its sizes, crashing the process instead of failing.
    largest_width, largest_height = 7680, 4320
    try:
        width, height = (int(part) for part in text.lower().split("x", 1))
    except ValueError:
        raise SystemExit(f"glose: --size must look like 1280x800, not {text!r}") from None
    if width > largest_width or height > largest_height:
        raise SystemExit(
            f"glose: --size {width}x{height} is too large; screenshots are at most "
            f"{largest_width}x{largest_height}."
        )
    return max(320, width), max(240, height)


def run(args: argparse.Namespace) -> int:
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    # The core first: PySide6 looks into the source of every module imported after it (for
    # its ``__feature__`` switches), and none of the core's needs that.
    from reader.library import Library, LibraryUnavailable
    from reader.resources import resource_path
    from reader.sources import SourceError, is_address, load_bundled, load_file
    from reader.store import StoreError

    # isort: split
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from ui import garbage, i18n
    from ui import theme as themes
    from ui.backup_actions import start_daily_backup
    from ui.errors import describe
    from ui.main_window import MainWindow
    from ui.session import ArticleSession
    from ui.settings import Settings

    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setDesktopFileName(APP_ID)
    icon_path = resource_path("icons/org.glose.Glose.svg")
    if icon_path.is_file():
        app.setWindowIcon(QIcon(str(icon_path)))

    settings = Settings()
    i18n.install(args.language or settings.language)
    theme = themes.resolve(args.theme or settings.theme)
    themes.apply_palette(app, theme)

    folder = Library.folder(args.data_dir)
    if args.screenshot:
        try:
            library = Library.open(folder)
        except StoreError as error:
            print(f"glose: {error}", file=sys.stderr)
            return 1
    else:
        try:
            library = Library.open(folder)
        except LibraryUnavailable:
            # The dialogs are built only for a library that cannot be opened.
            from ui.recovery_dialog import open_library_interactively

            opened = open_library_interactively(folder)
            if opened is None:
                return 1
            library = opened

    session = ArticleSession(library)
    window = MainWindow(session, theme, settings)
    garbage.release_after_first_paint(window.view)
    if not args.screenshot:
        # Later than the first paint: the copy's Python parts would hold the GIL meanwhile.
        QTimer.singleShot(BACKUP_DELAY_MS, lambda: start_daily_backup(session))
    if args.path and is_address(args.path) and not args.screenshot:
        session.open_loaded(load_bundled())
        session.open_address(args.path)
        window.show()
        return _run(app, library)
    try:
        loaded = (
            (_fetch(args.path) if is_address(args.path) else load_file(args.path))
            if args.path
            else load_bundled()
        )
    except SourceError as error:
        if args.screenshot:
            print(f"glose: {error}", file=sys.stderr)
            return 1
        window.show_error(
            describe(error)
            + " "
            + QCoreApplication.translate(
                "App", "L’article fourni avec Glose est ouvert à la place."
            )
        )
        loaded = load_bundled()
    session.open_loaded(loaded)
    if args.panel:
        window.raise_panel(args.panel)

    if args.screenshot:
        width, height = _parse_size(args.size)
        window.resize(width, height)
        window.show()
        return _screenshot(app, window, session, Path(args.screenshot))

    window.show()
    return _run(app, library)


def _fetch(address: str) -> LoadedArticle:
    from reader.web import fetch_article

    return fetch_article(address)


def _run(app: object, library: object) -> int:
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from reader.library import Library

    assert isinstance(app, QApplication) and isinstance(library, Library)
    code = app.exec()
    # An analysis or an import still running writes its results through its own connection:
    # it ends before the interpreter does, rather than calling into one already torn down.
    QThreadPool.globalInstance().waitForDone()
    library.close()
    return int(code)


def _screenshot(app: object, window: object, session: object, out: Path) -> int:
    """Wait until the analysis is painted, then save the window as a PNG.

    The wait is an event loop that sleeps until something happens, rather than a loop of
    processEvents() calls that would keep a core busy while the analysis needs it.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    from ui.main_window import MainWindow
    from ui.session import ArticleSession

    assert isinstance(window, MainWindow) and isinstance(session, ArticleSession)
    loop = QEventLoop()

    def finished() -> None:
        if session.analysis_complete:
            loop.quit()

    session.analysis_changed.connect(finished)
    if not session.analysis_complete:
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, loop.quit)
        loop.exec()
    QTimer.singleShot(150, loop.quit)
    loop.exec()
    pixmap = window.grab()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not pixmap.save(str(out), "PNG"):
        print(f"glose: could not write the screenshot to {out}", file=sys.stderr)
        return 1
    print(f"Screenshot written to {out}", file=sys.stderr)
    window.close()
    session.library.close()
    return 0
