"""Rolling backups of the library, made with SQLite's online backup API.

One backup a day, ``backups/glose-YYYY-MM-DD.db`` next to ``glose.db``, the last ``KEEP``
days kept. A backup is written under a temporary name and renamed when complete, so a crash
never leaves a half-written backup under a real name, and a damaged library is never backed
up (it would push a good backup out of the rotation).

Restoring copies the backup into the open library through the same API, after keeping the
current library aside (``glose-before-restore-<timestamp>.db``): other connections, in this
process or another, see the restored library on their next read.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reader.store.errors import CorruptLibraryError, NewerLibraryError, StoreError
from reader.store.integrity import file_damage, open_read_only, quick_check
from reader.store.paths import DATABASE_NAME
from reader.store.recovery import free_name, timestamp
from reader.store.schema import ForeignSchemaError, NewerSchemaError, checked_version, migrate
from reader.store.store import Store

BACKUP_FOLDER = "backups"
KEEP = 7
BEFORE_RESTORE_PREFIX = "glose-before-restore-"
_NAME = re.compile(r"^glose-(\d{4})-(\d{2})-(\d{2})\.db$")


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    day: date
    """The day it was made; each front end writes it in its own way."""
    size: int


def backups_dir(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUP_FOLDER


def backup_name(day: date) -> str:
    return f"glose-{day.isoformat()}.db"


def list_backups(data_dir: Path) -> list[Backup]:
    """The backups of the library in ``data_dir``, newest first."""
    folder = backups_dir(data_dir)
    found: list[Backup] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match or not path.is_file():
            continue
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(Backup(path, day, size))
    return sorted(found, key=lambda backup: backup.day, reverse=True)


def copy_database(source: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy of ``source`` at ``target``, written whole or not at all."""
    temporary = target.with_name(f".{target.name}.partial")
    temporary.unlink(missing_ok=True)
    try:
        destination = sqlite3.connect(temporary)
        try:
            os.chmod(temporary, 0o600)
            source.backup(destination)
            # A plain rollback-journal file: opening a backup never creates -wal/-shm files.
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


def daily_backup(data_dir: Path, today: date | None = None, keep: int = KEEP) -> Path | None:
    """Back up ``data_dir/glose.db`` unless today's backup exists; keep the last ``keep``.

    Returns the new backup, or None when there was nothing to do. A damaged library raises
    ``CorruptLibraryError`` and is not backed up.
    """
    data_dir = Path(data_dir)
    library = data_dir / DATABASE_NAME
    if not library.is_file():
        return None
    day = today or date.today()
    folder = backups_dir(data_dir)
    target = folder / backup_name(day)
    if target.exists():
        prune(data_dir, keep)
        return None
    with _failing_as(f"The library {library} could not be backed up in {folder}"):
        folder.mkdir(mode=0o700, exist_ok=True)
        cut = file_damage(library)
        if cut is not None:
            raise CorruptLibraryError(
                f"The library {library} is damaged ({cut}); it was not backed up."
            )
        source = open_read_only(library)
        try:
            damage = quick_check(source)
            if damage:
                raise CorruptLibraryError(
                    f"The library {library} is damaged ({'; '.join(damage)[:200]}); "
                    "it was not backed up."
                )
            copy_database(source, target)
        finally:
            source.close()
    prune(data_dir, keep)
    return target


def prune(data_dir: Path, keep: int = KEEP) -> list[Path]:
    """Delete the backups older than the ``keep`` newest; returns what was deleted."""
    removed = []
    for backup in list_backups(data_dir)[keep:]:
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
    return removed


def check_backup(path: Path) -> None:
    """Raise ``StoreError`` unless ``path`` is a sound library this Glose can open."""
    cut = file_damage(path)
    if cut is not None:
        raise CorruptLibraryError(f"The backup {path} is damaged ({cut}).")
    try:
        conn = open_read_only(path)
        try:
            damage = quick_check(conn)
            checked_version(conn)
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise CorruptLibraryError(f"The backup {path} cannot be read ({error}).") from error
    except NewerSchemaError as error:
        raise NewerLibraryError(f"The backup {path} was written by a newer Glose.") from error
    except ForeignSchemaError as error:
        raise CorruptLibraryError(f"The backup {path} is not a Glose library: {error}.") from error
    if damage:
        raise CorruptLibraryError(f"The backup {path} is damaged ({'; '.join(damage)[:200]}).")


def restore_backup(store: Store, backup: Path, now: datetime | None = None) -> Path:
    """Replace the content of ``store`` by ``backup``; returns where the current one was kept.

    The backup is checked first, then the current library is copied aside, then the backup
    is copied in: if any step fails, the library is left as it was.
    """
    check_backup(backup)
    aside = free_name(store.data_dir, f"{BEFORE_RESTORE_PREFIX}{timestamp(now)}", ".db")
    with _failing_as(f"The backup {backup} could not be restored"):
        copy_database(store.connection, aside)
        source = open_read_only(backup)
        try:
            source.backup(store.connection)
        finally:
            source.close()
        migrate(store.connection)
    return aside


def restore_as_library(data_dir: Path, backup: Path) -> Path:
    """Make ``backup`` the library of ``data_dir``, which has none (the damaged one was put
    aside): nothing is kept aside, as there is nothing to keep. Opening it migrates it."""
    check_backup(backup)
    target = Path(data_dir) / DATABASE_NAME
    if target.exists():
        raise StoreError(f"{data_dir} already has a library; restore into it instead.")
    with _failing_as(f"The backup {backup} could not be restored"):
        source = open_read_only(backup)
        try:
            copy_database(source, target)
        finally:
            source.close()
    return target


@contextmanager
def _failing_as(what: str) -> Iterator[None]:
    """SQLite and file-system failures inside, as a ``StoreError`` that starts with ``what``;
    a ``StoreError`` raised inside passes as it is."""
    try:
        yield
    except StoreError:
        raise
    except sqlite3.Error as error:
        raise StoreError(f"{what}: {error}.") from error
    except OSError as error:
        raise StoreError(f"{what} ({error.strerror}).") from error
