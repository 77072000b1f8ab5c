"""The start-up flow when the library cannot be opened, driven by clicking the dialog."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reader.store.backups import daily_backup
from reader.store.recovery import LibraryProblem, ProblemKind, quarantined
from reader.store.schema import SCHEMA_VERSION
from tests.qt_support import (
    qt_test_mode,  # noqa: F401
    when_dialog_opens,
)
from tests.reliability.conftest import make_library, read_only, set_user_version, write_locked
from ui.recovery_dialog import Choice, RecoveryDialog, open_library_interactively

pytestmark = pytest.mark.usefixtures("qt_test_mode")


def click(choice: Choice, seen: list[RecoveryDialog]) -> None:
    def act(dialog: object) -> None:
        assert isinstance(dialog, RecoveryDialog)
        seen.append(dialog)
        assert choice in dialog.buttons, f"no {choice} button in {list(dialog.buttons)}"
        dialog.buttons[choice].click()

    when_dialog_opens(act)


def corrupt(database: Path) -> bytes:
    content = b"PK\x03\x04 this is a zip file, not a library" * 200
    database.write_bytes(content)
    return content


def test_a_damaged_library_is_renamed_aside_and_a_new_one_started(data_dir: Path) -> None:
    content = corrupt(make_library(data_dir))
    seen: list[RecoveryDialog] = []
    click(Choice.NEW_LIBRARY, seen)
    store = open_library_interactively(data_dir, choose_folder=lambda _current: None)
    assert store is not None
    with store:
        assert store.articles() == []
    (dialog,) = seen
    assert "endommagée" in dialog.message.text()
    assert str(data_dir / "glose.db") in dialog.message.text()
    assert dialog.message.text().count(".") <= 2, "one sentence (the path has one dot)"
    assert set(dialog.buttons) == {Choice.NEW_LIBRARY, Choice.OTHER_FOLDER, Choice.QUIT}
    (kept,) = quarantined(data_dir)
    assert kept.read_bytes() == content


def test_a_damaged_library_can_be_replaced_by_its_latest_backup(data_dir: Path) -> None:
    database = make_library(data_dir, notes=2)
    daily_backup(data_dir, today=date(2026, 11, 28))
    content = corrupt(database)
    seen: list[RecoveryDialog] = []
    click(Choice.RESTORE_BACKUP, seen)
    store = open_library_interactively(data_dir)
    assert store is not None
    with store:
        assert len(store.annotations(1)) == 2
    assert "28/11/2026" in seen[0].buttons[Choice.RESTORE_BACKUP].text()
    (kept,) = quarantined(data_dir)
    assert kept.read_bytes() == content


def test_quitting_leaves_the_damaged_library_where_it_was(data_dir: Path) -> None:
    content = corrupt(make_library(data_dir))
    seen: list[RecoveryDialog] = []
    click(Choice.QUIT, seen)
    assert open_library_interactively(data_dir) is None
    assert (data_dir / "glose.db").read_bytes() == content
    assert quarantined(data_dir) == []


def test_a_newer_library_is_refused_untouched_and_another_folder_can_be_opened(
    data_dir: Path, tmp_path: Path
) -> None:
    database = make_library(data_dir)
    set_user_version(database, SCHEMA_VERSION + 1)
    before = database.read_bytes()
    elsewhere = tmp_path / "elsewhere"
    seen: list[RecoveryDialog] = []
    click(Choice.OTHER_FOLDER, seen)
    store = open_library_interactively(data_dir, choose_folder=lambda _current: elsewhere)
    assert store is not None
    with store:
        assert store.data_dir == elsewhere
    assert "plus récente" in seen[0].message.text()
    assert Choice.NEW_LIBRARY not in seen[0].buttons
    assert database.read_bytes() == before
    assert quarantined(data_dir) == []


def test_a_locked_library_can_be_retried_once_the_other_program_lets_go(
    data_dir: Path,
) -> None:
    database = make_library(data_dir)
    seen: list[RecoveryDialog] = []
    with write_locked(database) as holder:

        def release_then_retry(dialog: object) -> None:
            assert isinstance(dialog, RecoveryDialog)
            seen.append(dialog)
            holder.execute("ROLLBACK")
            dialog.buttons[Choice.RETRY].click()

        when_dialog_opens(release_then_retry)
        store = open_library_interactively(data_dir, busy_timeout_ms=200)
    assert store is not None
    with store:
        assert len(store.annotations(1)) == 3
    assert "bloquée" in seen[0].message.text()


def test_a_read_only_library_says_so_and_quitting_changes_nothing(data_dir: Path) -> None:
    database = make_library(data_dir)
    before = database.read_bytes()
    seen: list[RecoveryDialog] = []
    with read_only(database):
        click(Choice.QUIT, seen)
        assert open_library_interactively(data_dir) is None
    assert "lecture seule" in seen[0].message.text()
    assert Choice.RETRY in seen[0].buttons
    assert database.read_bytes() == before


def test_every_problem_has_a_sentence_and_a_way_out(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for kind in ProblemKind:
        dialog = RecoveryDialog(LibraryProblem(kind, tmp_path, "detail"))
        qtbot.addWidget(dialog)
        assert dialog.message.text().strip()
        assert Choice.QUIT in dialog.buttons and Choice.OTHER_FOLDER in dialog.buttons
        assert all(button.accessibleName() for button in dialog.buttons.values())


def test_the_app_starts_on_a_damaged_library_and_quits_cleanly(
    data_dir: Path, qapp: QApplication
) -> None:
    from ui import app
    from ui.launcher import app_parser

    content = corrupt(make_library(data_dir))
    seen: list[RecoveryDialog] = []
    click(Choice.QUIT, seen)
    style, palette = qapp.style().name(), qapp.palette()
    try:
        code = app.run(app_parser().parse_args(["--data-dir", str(data_dir), "--language", "fr"]))
    finally:
        # The start-up applies its theme to the application the other tests share.
        qapp.setStyle(style)
        qapp.setPalette(palette)
    assert code == 1
    assert seen and "endommagée" in seen[0].message.text()
    assert (data_dir / "glose.db").read_bytes() == content


def test_restoring_in_place_of_a_damaged_library_leaves_no_empty_copy_aside(
    data_dir: Path,
) -> None:
    database = make_library(data_dir, notes=2)
    daily_backup(data_dir, today=date(2026, 11, 28))
    corrupt(database)
    offered: list[object] = []

    def ask(problem: object, backup: object) -> Choice:
        offered.append(backup)
        return Choice.RESTORE_BACKUP

    store = open_library_interactively(data_dir, ask=ask)  # type: ignore[arg-type]
    assert store is not None
    with store:
        assert len(store.annotations(1)) == 2
    assert [getattr(b, "day", None) for b in offered] == [date(2026, 11, 28)]
    assert sorted(p.name for p in data_dir.glob("glose-before-restore-*")) == []


def test_no_button_of_the_dialog_is_cut(qtbot, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from reader.store.backups import list_backups

    make_library(data_dir)
    daily_backup(data_dir, today=date(2026, 11, 28))
    problem = LibraryProblem(ProblemKind.CORRUPT, data_dir, "The library is damaged.")
    dialog = RecoveryDialog(problem, list_backups(data_dir)[0])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert len(dialog.buttons) == 4
    for button in dialog.buttons.values():
        assert button.width() >= button.sizeHint().width(), button.text()


def test_the_app_asks_before_opening_a_damaged_library_and_can_quit(data_dir: Path) -> None:
    from ui import app as glose
    from ui.launcher import app_parser

    content = corrupt(make_library(data_dir))
    palette = QApplication.palette()
    seen: list[RecoveryDialog] = []
    click(Choice.QUIT, seen)
    try:
        arguments = ["--language", "fr", "--data-dir", str(data_dir)]
        code = glose.run(app_parser().parse_args(arguments))
    finally:
        QApplication.setPalette(palette)
    assert code == 1
    (dialog,) = seen
    assert "endommagée" in dialog.message.text()
    assert (data_dir / "glose.db").read_bytes() == content
