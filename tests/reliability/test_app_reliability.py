"""The app when the library misbehaves: saves that fail, another window or process writing,
and restoring a backup from the menu."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from reader.sources import article_from_text
from reader.store.backups import daily_backup, list_backups
from tests.qt_support import WindowFactory, qt_test_mode, when_dialog_opens  # noqa: F401
from tests.reliability.conftest import notes_in, write_locked
from tests.reliability.harness import start_worker, worker_errors
from tests.reliability.worker import ARTICLE_SOURCE, ARTICLE_TEXTS
from ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("qt_test_mode")


@pytest.fixture
def windows(qtbot, data_dir: Path) -> Iterator[WindowFactory]:  # type: ignore[no-untyped-def]
    factory = WindowFactory(qtbot, data_dir, engine_preference="rules")
    yield factory
    factory.close_all()


def focus(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def restore_menu_action(window: MainWindow) -> QAction:
    """*Fichier → Restaurer une sauvegarde…*, found in the menu as a person would."""
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    (action,) = [a for a in file_menu.actions() if a.objectName() == "restoreBackupAction"]
    return action


def notes(window: MainWindow) -> list[str]:
    return sorted(a.note for a in window.session.annotations())


def listed(window: MainWindow) -> int:
    return window.annotations_panel.model.rowCount()


def test_a_save_on_a_full_library_shows_a_message_and_the_app_goes_on(
    qtbot,
    windows: WindowFactory,  # type: ignore[no-untyped-def]
) -> None:
    window = windows.open()
    session = window.session
    pages = session.library.store.connection.execute("PRAGMA page_count").fetchone()[0]
    session.library.store.connection.execute(f"PRAGMA max_page_count = {pages}")
    assert session.annotate(0, 5, note="x" * 300_000) is None
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None)
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and "full" in box.text()
    assert session.annotations() == [] and listed(window) == 0
    assert not session.undo_stack.canUndo()
    box.close()
    session.library.store.connection.execute(f"PRAGMA max_page_count = {pages * 1000}")
    assert session.annotate(0, 5, note="enfin") is not None
    assert notes(window) == ["enfin"] and listed(window) == 1


def test_a_save_while_another_program_holds_the_lock_is_reported_then_works(
    qtbot,
    windows: WindowFactory,  # type: ignore[no-untyped-def]
) -> None:
    window = windows.open(busy_timeout_ms=200)
    session = window.session
    with write_locked(session.library.store.path):
        assert session.annotate(0, 5, note="bloquée") is None
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None)
        assert session.annotations() == []
    assert session.annotate(0, 5, note="libre") is not None
    assert notes(window) == ["libre"]


def test_two_windows_see_each_others_annotations_when_focused(
    qtbot,
    windows: WindowFactory,  # type: ignore[no-untyped-def]
) -> None:
    left = windows.open()
    right = windows.open()
    focus(qtbot, left)
    added = left.session.annotate(10, 20, note="de gauche")
    assert added is not None
    assert notes(right) == [], "not re-read before the window is focused"
    focus(qtbot, right)
    qtbot.waitUntil(lambda: notes(right) == ["de gauche"])
    assert listed(right) == 1
    assert right.session.delete(added.id)
    assert right.session.annotate(30, 40, note="de droite") is not None
    focus(qtbot, left)
    qtbot.waitUntil(lambda: notes(left) == ["de droite"])
    assert listed(left) == 1


def test_a_window_sees_what_another_process_wrote_when_focused(
    qtbot,
    windows: WindowFactory,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    window = windows.open(loaded=article_from_text(ARTICLE_SOURCE, ARTICLE_TEXTS[0]))
    other = windows.open()
    focus(qtbot, other)
    log = tmp_path / "other.jsonl"
    process = start_worker(windows.data_dir, 7, "other", 20, log, "--no-rewrite")
    assert process.wait(timeout=60) == 0, worker_errors(log)
    expected = sorted(
        a.note
        for a in windows.stores[0].annotations(window.session.article.id)  # type: ignore[union-attr]
    )
    assert expected and notes(window) == []
    focus(qtbot, window)
    qtbot.waitUntil(lambda: notes(window) == expected)
    assert listed(window) == len(expected)


def test_restoring_a_backup_from_the_file_menu(
    qtbot,
    windows: WindowFactory,  # type: ignore[no-untyped-def]
) -> None:
    window = windows.open()
    session = window.session
    assert session.annotate(0, 5, note="sauvegardée") is not None
    daily_backup(windows.data_dir, today=date(2026, 11, 29))
    assert session.annotate(6, 12, note="plus récente") is not None
    action = restore_menu_action(window)
    assert action.text().replace("&", "") == "Restaurer une sauvegarde…"

    def confirm(dialog: object) -> None:
        assert isinstance(dialog, QMessageBox)
        yes = dialog.button(QMessageBox.StandardButton.Yes)
        assert yes is not None
        yes.click()

    def choose(dialog: object) -> None:
        assert isinstance(dialog, QInputDialog)
        assert "29/11/2026" in dialog.textValue()
        when_dialog_opens(confirm)
        dialog.accept()

    when_dialog_opens(choose)
    action.trigger()
    assert notes(window) == ["sauvegardée"]
    # The article is re-opened on the restored library, and analysed again.
    qtbot.waitUntil(lambda: session.analysis_complete, timeout=30_000)
    assert listed(window) == 1
    (aside,) = windows.data_dir.glob("glose-before-restore-*.db")
    assert notes_in(aside) == [
        "plus récente",
        "sauvegardée",
    ]


def test_restoring_without_any_backup_says_so(qtbot, windows: WindowFactory) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    seen: list[str] = []

    def read_and_close(dialog: object) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        dialog.accept()

    when_dialog_opens(read_and_close)
    action = restore_menu_action(window)
    action.trigger()
    assert seen and "pas encore de sauvegarde" in seen[0]


def test_the_daily_backup_runs_off_the_gui_thread_at_start_up(
    qtbot,
    windows: WindowFactory,  # type: ignore[no-untyped-def]
) -> None:
    from ui.backup_actions import start_daily_backup

    window = windows.open()
    assert window.session.annotate(0, 5, note="à sauvegarder") is not None
    start_daily_backup(window.session)
    qtbot.waitUntil(lambda: len(list_backups(windows.data_dir)) == 1, timeout=10_000)
    (backup,) = list_backups(windows.data_dir)
    assert notes_in(backup.path) == ["à sauvegarder"]


def test_a_damaged_library_found_by_the_daily_backup_is_reported(
    qtbot,
    windows: WindowFactory,  # type: ignore[no-untyped-def]
) -> None:
    from ui.backup_actions import start_daily_backup

    window = windows.open()
    session = window.session
    for number in range(40):
        assert session.annotate(0, 5, note=f"note {number} " + "n" * 2000) is not None
    # Damage deep inside the file, after the app opened it (a disk going bad).
    session.library.store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with open(session.library.store.path, "r+b") as stream:
        stream.seek(4096 * 3)
        stream.write(b"\xff" * 4096 * 4)
    errors: list[str] = []
    session.error.connect(errors.append)
    start_daily_backup(session)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert "endommagée" in errors[0]
    assert list_backups(windows.data_dir) == []


def long_text(words: str) -> str:
    paragraph = f"« {words} », a-t-il dit devant la presse réunie à Paris ce matin-là."
    return "\n\n".join([paragraph] * (250_000 // len(paragraph) + 1))


def test_a_long_text_is_shown_first_then_stored_and_can_be_annotated_at_once(
    qtbot,
    windows: WindowFactory,  # type: ignore[no-untyped-def]
) -> None:
    window = windows.open()
    session = window.session
    text = long_text("Rien ne presse")
    session.open_loaded(article_from_text("long.txt", text))
    assert window.view.text == text
    # An annotation asked before the window painted stores the text first.
    made = session.annotate(3, 17, note="tôt")
    assert made is not None and session.article is not None
    stored = session.library.store.article(session.article.id)
    assert stored is not None and stored.text == text
    assert notes(window) == ["tôt"] and listed(window) == 1
    qtbot.waitUntil(lambda: session.analysis_complete, timeout=60_000)
    assert len(session.analysis.quotes) > 1000

    other = long_text("Tout presse")
    session.open_loaded(article_from_text("autre.txt", other))
    qtbot.waitUntil(lambda: session.article is not None and session.article.text == other)
    assert session.library.store.find_article("autre.txt") is not None
    assert session.annotations() == [] and listed(window) == 0


def test_a_long_text_that_cannot_be_stored_stays_on_screen_and_says_why(
    qtbot,
    windows: WindowFactory,  # type: ignore[no-untyped-def]
) -> None:
    """Stored on a worker thread once painted: another program holds the library meanwhile,
    and the window goes on answering while the store waits for it."""
    window = windows.open(busy_timeout_ms=1000)
    session = window.session
    kept = session.annotate(0, 5, note="gardée")
    assert kept is not None
    text = long_text("Pas le temps")
    ticks: list[int] = []
    clock = QTimer()
    clock.timeout.connect(lambda: ticks.append(1))
    with write_locked(session.library.store.path):
        session.open_loaded(article_from_text("bloqué.txt", text))
        clock.start(20)
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None)
        clock.stop()
    assert len(ticks) > 10  # a second of waiting, and the event loop ran all along
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and "annoté" in box.text() and "occupée" in box.text()
    box.close()
    assert window.view.text == text and session.article is None
    assert len(session.analysis.quotes) > 1000  # its quotations are found all the same
    assert session.annotate(0, 5, note="perdue") is None
    assert session.library.store.find_article("bloqué.txt") is None
    assert [a.note for a in session.library.store.annotations(kept.article_id)] == ["gardée"]


def test_a_long_text_annotated_at_once_on_a_full_library_says_why(
    qtbot,
    windows: WindowFactory,  # type: ignore[no-untyped-def]
) -> None:
    """Annotated before the window painted it: stored there and then, and the disk is full."""
    window = windows.open()
    session = window.session
    kept = session.annotate(0, 5, note="gardée")
    assert kept is not None
    pages = session.library.store.connection.execute("PRAGMA page_count").fetchone()[0]
    session.library.store.connection.execute(f"PRAGMA max_page_count = {pages}")
    text = long_text("Plus de place")
    session.open_loaded(article_from_text("plein.txt", text))
    assert session.annotate(0, 5, note="perdue") is None
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None)
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and "annoté" in box.text()
    assert "plein" in box.text() or "full" in box.text()
    box.close()
    assert window.view.text == text and session.article is None
    session.library.store.connection.execute(f"PRAGMA max_page_count = {pages * 1000}")
    assert session.library.store.find_article("plein.txt") is None
    assert [a.note for a in session.library.store.annotations(kept.article_id)] == ["gardée"]
