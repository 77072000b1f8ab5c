"""Rolling daily backups with SQLite's backup API, and restoring one."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from reader.store import CorruptLibraryError, NewerLibraryError, Store
from reader.store.backups import (
    KEEP,
    backup_name,
    check_backup,
    daily_backup,
    list_backups,
    restore_backup,
)
from reader.store.schema import SCHEMA_VERSION
from tests.reliability.conftest import damaged_pages, make_library, notes_in, set_user_version

DAY = date(2026, 11, 30)


def test_one_backup_a_day_the_last_seven_kept(data_dir: Path) -> None:
    make_library(data_dir, notes=1)
    made = [daily_backup(data_dir, today=DAY + timedelta(days=n)) for n in range(10)]
    assert all(path is not None for path in made)
    assert daily_backup(data_dir, today=DAY + timedelta(days=9)) is None, "once a day"
    backups = list_backups(data_dir)
    assert len(backups) == KEEP
    assert [b.day for b in backups] == [DAY + timedelta(days=n) for n in range(9, 2, -1)]
    folder = data_dir / "backups"
    assert folder.stat().st_mode & 0o077 == 0
    assert all(b.path.stat().st_mode & 0o077 == 0 for b in backups)
    assert sorted(p.name for p in folder.iterdir()) == sorted(b.path.name for b in backups)


def test_a_backup_is_a_sound_copy_taken_while_the_library_is_open(data_dir: Path) -> None:
    make_library(data_dir, notes=2)
    with Store(data_dir) as store:
        article = store.articles()[0]
        full = store.article(article.id)
        assert full is not None
        store.add_annotation(full, 0, 5, note="pas encore écrite dans glose.db")
        # The last change is still in the write-ahead log: the backup must include it.
        path = daily_backup(data_dir, today=DAY)
        assert path is not None and path.name == backup_name(DAY)
        check_backup(path)
        assert "pas encore écrite dans glose.db" in notes_in(path)
    assert not path.with_name(path.name + "-wal").exists()


def test_a_damaged_library_is_not_backed_up(data_dir: Path) -> None:
    database = make_library(data_dir, notes=1, padding=3000)
    daily_backup(data_dir, today=DAY)
    damaged_pages(database)
    with pytest.raises(CorruptLibraryError):
        daily_backup(data_dir, today=DAY + timedelta(days=1))
    assert [b.day for b in list_backups(data_dir)] == [DAY]


def test_restoring_keeps_the_current_library_aside_first(data_dir: Path) -> None:
    make_library(data_dir, notes=1)
    backup = daily_backup(data_dir, today=DAY)
    assert backup is not None
    with Store(data_dir) as store, Store(data_dir) as other_window:
        article = store.article(store.articles()[0].id)
        assert article is not None
        store.add_annotation(article, 0, 5, note="après la sauvegarde")
        aside = restore_backup(store, backup, now=datetime(2026, 12, 1, 8, 0, 0))
        assert aside.name == "glose-before-restore-20261201-080000.db"
        assert [a.note[:6] for a in store.annotations(article.id)] == ["note 0"]
        # Another connection (another window) sees the restored library too.
        assert [a.note[:6] for a in other_window.annotations(article.id)] == ["note 0"]
        store.add_annotation(article, 0, 5, note="écrite après la restauration")
        assert store.problems() == []
    assert "après la sauvegarde" in notes_in(aside)
    assert "écrite après la restauration" in notes_in(data_dir / "glose.db")


def test_a_damaged_or_newer_backup_is_refused_and_the_library_left_alone(
    data_dir: Path, tmp_path: Path
) -> None:
    make_library(data_dir, notes=1)
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a backup" * 1000)
    newer = tmp_path / "newer.db"
    set_user_version(newer, SCHEMA_VERSION + 1)
    with Store(data_dir) as store:
        with pytest.raises(CorruptLibraryError):
            restore_backup(store, damaged)
        with pytest.raises(NewerLibraryError):
            restore_backup(store, newer)
        assert len(store.annotations(1)) == 1
    assert not list(data_dir.glob("glose-before-restore-*"))


def test_an_older_backup_is_migrated_when_restored(data_dir: Path, tmp_path: Path) -> None:
    dump = (Path(__file__).parents[1] / "data" / "library-v1.sql").read_text(encoding="utf-8")
    old = tmp_path / "v1.db"
    conn = sqlite3.connect(old)
    conn.executescript(dump)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    make_library(data_dir)
    with Store(data_dir) as store:
        restore_backup(store, old)
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        (annotation,) = store.annotations(1)
        assert annotation.note == "note v1"
        assert store.styles()


def test_backups_in_a_folder_named_with_a_hash_are_read_where_they_are(tmp_path: Path) -> None:
    """A ``#`` in a path ends a URI's path: the backup must still be read read-only, where it
    is, and a missing one must not be created empty in its parent folder."""
    data_dir = tmp_path / "notes #2" / "glose"
    make_library(data_dir, notes=2)
    made = daily_backup(data_dir, today=DAY)
    assert made is not None
    check_backup(made)
    missing = data_dir / "backups" / "glose-2020-01-01.db"
    with pytest.raises(CorruptLibraryError):
        check_backup(missing)
    assert not (tmp_path / "notes ").exists()
    with Store(data_dir) as store:
        store.connection.execute("DELETE FROM annotations")
        restore_backup(store, made, now=datetime(2026, 11, 30, 12))
    assert len(notes_in(data_dir / "glose.db")) == 2
