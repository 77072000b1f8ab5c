"""Damaged, foreign, newer, read-only and locked libraries: diagnosed, never destroyed."""

from __future__ import annotations

import hashlib
import os
import random
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from reader.store import CorruptLibraryError, Store, StoreError
from reader.store.recovery import (
    LibraryUnavailable,
    ProblemKind,
    diagnose,
    open_library,
    quarantine,
    quarantined,
)
from reader.store.schema import SCHEMA_VERSION
from tests.reliability.conftest import (
    damaged_pages,
    make_library,
    read_only,
    set_user_version,
    write_locked,
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def truncate_half(database: Path) -> None:
    os.truncate(database, database.stat().st_size // 2)


def truncate_to_header(database: Path) -> None:
    os.truncate(database, 1000)


def random_bytes(database: Path) -> None:
    database.write_bytes(random.Random(1).randbytes(64 * 1024))


def not_sqlite(database: Path) -> None:
    database.write_text("# Mes notes\n\nCe fichier n’est pas une base SQLite.\n" * 50)


DAMAGES: dict[str, Callable[[Path], None]] = {
    "truncated by half": truncate_half,
    "truncated to its header": truncate_to_header,
    "random bytes": random_bytes,
    "not SQLite": not_sqlite,
    "garbage pages": damaged_pages,
}


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_a_damaged_library_is_diagnosed_and_renamed_aside_never_deleted(
    data_dir: Path, damage: str
) -> None:
    database = make_library(data_dir, padding=3000)
    DAMAGES[damage](database)
    before = digest(database)

    problem = diagnose(data_dir)
    assert problem is not None and problem.kind is ProblemKind.CORRUPT, problem
    assert problem.can_quarantine and not problem.can_retry
    assert digest(database) == before, "diagnosing must not change the file"

    kept = quarantine(problem, now=datetime(2026, 11, 30, 9, 15, 2))
    assert kept.name == "glose-damaged-20261130-091502.db"
    assert digest(kept) == before
    assert not database.exists()
    with open_library(data_dir) as fresh:
        assert fresh.articles() == []
    assert quarantined(data_dir) == [kept]
    assert digest(kept) == before


def test_two_quarantines_in_the_same_second_keep_both_files(data_dir: Path) -> None:
    moment = datetime(2026, 11, 30, 9, 15, 2)
    kept = []
    for content in (b"first damaged file" * 100, b"second damaged file" * 100):
        data_dir.mkdir(exist_ok=True)
        (data_dir / "glose.db").write_bytes(content)
        problem = diagnose(data_dir)
        assert problem is not None
        kept.append(quarantine(problem, now=moment))
    assert kept[0] != kept[1]
    assert [path.read_bytes()[:12] for path in kept] == [b"first damage", b"second damag"]


def test_the_write_ahead_log_moves_with_the_damaged_file(data_dir: Path) -> None:
    database = make_library(data_dir)
    (data_dir / "glose.db-wal").write_bytes(b"last changes")
    not_sqlite(database)
    problem = diagnose(data_dir)
    assert problem is not None
    kept = quarantine(problem)
    assert kept.with_name(kept.name + "-wal").read_bytes() == b"last changes"
    assert not (data_dir / "glose.db-wal").exists()


def test_opening_a_foreign_file_directly_never_deletes_its_write_ahead_log(
    data_dir: Path,
) -> None:
    """The command line and the analysis worker open the store directly, without the start-up
    checks: a foreign file is refused before SQLite touches it or its -wal file."""
    database = make_library(data_dir)
    random_bytes(database)
    (data_dir / "glose.db-wal").write_bytes(b"last changes")
    with pytest.raises(CorruptLibraryError, match="not a SQLite file"):
        Store(data_dir)
    assert (data_dir / "glose.db-wal").read_bytes() == b"last changes"


def test_a_library_from_a_newer_glose_is_refused_and_left_alone(data_dir: Path) -> None:
    database = make_library(data_dir)
    set_user_version(database, SCHEMA_VERSION + 3)
    before = digest(database)
    problem = diagnose(data_dir)
    assert problem is not None and problem.kind is ProblemKind.NEWER
    assert not problem.can_quarantine
    with pytest.raises(ValueError):
        quarantine(problem)
    assert digest(database) == before
    assert quarantined(data_dir) == []


def test_a_read_only_library_file_is_reported_before_any_save(data_dir: Path) -> None:
    database = make_library(data_dir)
    with read_only(database):
        problem = diagnose(data_dir)
        assert problem is not None and problem.kind is ProblemKind.READ_ONLY, problem
        assert problem.can_retry and not problem.can_quarantine
    assert diagnose(data_dir) is None


def test_a_read_only_data_folder_is_reported(data_dir: Path) -> None:
    make_library(data_dir)
    with read_only(data_dir):
        problem = diagnose(data_dir)
        assert problem is not None and problem.kind is ProblemKind.READ_ONLY, problem
    assert diagnose(data_dir) is None


def test_a_new_library_in_a_read_only_folder_is_reported(data_dir: Path) -> None:
    data_dir.mkdir()
    with read_only(data_dir):
        problem = diagnose(data_dir)
        assert problem is not None and problem.kind is ProblemKind.READ_ONLY, problem
    assert not (data_dir / "glose.db").exists()


def test_a_locked_library_is_reported_then_opens_once_released(data_dir: Path) -> None:
    database = make_library(data_dir)
    with write_locked(database):
        with pytest.raises(LibraryUnavailable) as raised:
            open_library(data_dir, busy_timeout_ms=200)
        assert raised.value.problem.kind is ProblemKind.LOCKED
        assert raised.value.problem.can_retry
    with open_library(data_dir, busy_timeout_ms=200) as store:
        assert len(store.annotations(1)) == 3


def test_a_lock_shorter_than_the_busy_timeout_is_waited_for(data_dir: Path) -> None:
    import threading

    database = make_library(data_dir)
    with write_locked(database) as holder:
        threading.Timer(0.2, lambda: holder.execute("ROLLBACK")).start()
        with open_library(data_dir, busy_timeout_ms=5000) as store:
            assert store.articles()


def test_a_full_disk_during_a_save_is_a_store_error_and_the_store_goes_on(
    data_dir: Path,
) -> None:
    make_library(data_dir)
    with open_library(data_dir) as store:
        article = store.articles()[0]
        full = store.article(article.id)
        assert full is not None
        # The disk fills up: SQLite's own « database or disk is full » path, after which it
        # has already rolled the transaction back itself.
        pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
        store.connection.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreError, match="disk is full"):
            store.add_annotation(full, 0, 5, note="x" * 200_000)
        # The failed transaction left nothing behind, and the store still works.
        assert not store.connection.in_transaction
        assert len(store.annotations(article.id)) == 3
        store.connection.execute(f"PRAGMA max_page_count = {pages * 100}")
        store.add_annotation(full, 0, 5, note="après")
        assert len(store.annotations(article.id)) == 4


@pytest.mark.parametrize("damage", ["not SQLite", "truncated by half"])
def test_the_command_line_reports_a_damaged_library_in_one_line_and_keeps_it(
    data_dir: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main

    database = make_library(data_dir, padding=3000)
    DAMAGES[damage](database)
    before = digest(database)
    assert main(["list", "--data-dir", str(data_dir)]) != 0
    error = capsys.readouterr().err
    assert error.startswith("glose: ") and error.count("\n") == 1
    assert "damaged" in error
    assert digest(database) == before
