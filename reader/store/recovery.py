"""Opening the library at start-up, and what to do when it cannot be opened.

``open_library`` opens the store and checks it the way a save would use it: the file is read
(a damaged, cut or foreign file fails here), ``PRAGMA quick_check`` finds damage deeper inside,
the schema version tells a newer Glose's library and another program's database, and a write
probe finds a read-only file or folder and a lock held by another program. Each failure
becomes a ``LibraryProblem`` that says what is wrong and what can be offered. The app's
start-up and every command that writes open the library through it; the commands that only
read use ``open_existing_library``, which makes the same checks but neither creates a library
nor needs to write it.

The damage checks run on a read-only connection first, so that a damaged file and its
``-wal`` companion are left exactly as they were. A damaged library is never deleted:
``quarantine`` renames it aside with a timestamp (with its ``-wal`` and ``-shm`` companions,
which may hold its last changes), so that a new library can be started in its place and the
old file can still be examined or rescued.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from reader.store.errors import ReadOnlyLibraryError, StoreError, StoreProblem
from reader.store.integrity import (
    BUSY_TIMEOUT_MS,
    file_damage,
    is_corruption,
    open_untouched,
    quick_check,
)
from reader.store.paths import DATABASE_NAME
from reader.store.schema import ForeignSchemaError, NewerSchemaError, checked_version
from reader.store.store import Store

COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
QUARANTINE_PREFIX = "glose-damaged-"


class ProblemKind(StrEnum):
    CORRUPT = "corrupt"
    """Damaged, truncated, or not a SQLite file at all."""
    NEWER = "newer"
    """Written by a newer Glose: left alone, never migrated down nor renamed."""
    READ_ONLY = "read-only"
    """The file or its folder cannot be written."""
    LOCKED = "locked"
    """Another program holds the write lock for longer than the busy timeout."""
    UNUSABLE = "unusable"
    """Anything else SQLite or the file system refused."""


@dataclass(frozen=True, slots=True)
class LibraryProblem:
    kind: ProblemKind
    data_dir: Path
    detail: str
    """The technical reason, in English, for logs and bug reports."""

    @property
    def path(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def can_quarantine(self) -> bool:
        """A new library may replace this one once it is renamed aside."""
        return self.kind is ProblemKind.CORRUPT and self.path.exists()

    @property
    def can_retry(self) -> bool:
        """Trying again may work once the person has acted (closed a program, fixed rights)."""
        return self.kind in (ProblemKind.LOCKED, ProblemKind.READ_ONLY, ProblemKind.UNUSABLE)


class LibraryUnavailable(StoreError):
    """The library cannot be used; ``problem`` says why and what may be offered."""

    def __init__(self, problem: LibraryProblem) -> None:
        super().__init__(problem.detail)
        self.problem = problem


_KIND_OF_REASON = {
    StoreProblem.CORRUPT: ProblemKind.CORRUPT,
    StoreProblem.NEWER: ProblemKind.NEWER,
    StoreProblem.READ_ONLY: ProblemKind.READ_ONLY,
    StoreProblem.LOCKED: ProblemKind.LOCKED,
}
"""What start-up can offer, by why the library failed; for any other reason, nothing but
another folder or trying again."""


def classify(error: StoreError, data_dir: Path) -> LibraryProblem:
    if isinstance(error, LibraryUnavailable):
        return error.problem
    kind = _KIND_OF_REASON.get(error.reason, ProblemKind.UNUSABLE)
    return LibraryProblem(kind, Path(data_dir), str(error))


def open_library(data_dir: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Store:
    """The store in ``data_dir``, checked for damage and for writing; else ``LibraryUnavailable``.

    A missing library is created. Nothing is renamed or changed when there is a problem.
    """
    data_dir = Path(data_dir)
    inspect_library(data_dir, busy_timeout_ms)
    try:
        store = Store(data_dir, busy_timeout_ms=busy_timeout_ms)
    except StoreError as error:
        raise LibraryUnavailable(classify(error, data_dir)) from error
    try:
        store.check_writable()
    except StoreError as error:
        store.close()
        raise LibraryUnavailable(classify(error, data_dir)) from error
    return store


def open_existing_library(data_dir: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Store | None:
    """The store in ``data_dir`` for reading, or None when there is no library there (none is
    created). Damage is found as ``open_library`` finds it; a read-only library is no problem."""
    data_dir = Path(data_dir)
    if not (data_dir / DATABASE_NAME).exists():
        return None
    inspect_library(data_dir, busy_timeout_ms)
    try:
        return Store(data_dir, busy_timeout_ms=busy_timeout_ms)
    except StoreError as error:
        raise LibraryUnavailable(classify(error, data_dir)) from error


def inspect_library(data_dir: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
    """Raise ``LibraryUnavailable`` if the library in ``data_dir`` is damaged, another
    program's, or a newer Glose's; nothing is written, and no file is created."""
    database = Path(data_dir) / DATABASE_NAME
    if database.is_file():
        problem = _inspect_read_only(database, busy_timeout_ms)
        if problem is not None:
            raise LibraryUnavailable(problem)


def _inspect_read_only(database: Path, busy_timeout_ms: int) -> LibraryProblem | None:
    """Damage or a schema this Glose must not open, found through a read-only connection.

    A normal connection to a damaged file is not harmless: closing it may delete the
    ``-wal`` file, which can hold the last changes. Only damage is decided here; anything
    else (a lock, rights) is left to the normal opening, which says it better.
    """
    data_dir = database.parent
    damage = file_damage(database)
    if damage is not None:
        return LibraryProblem(
            ProblemKind.CORRUPT, data_dir, f"The library {database} is damaged: {damage}."
        )
    try:
        conn = open_untouched(database, busy_timeout_ms / 1000)
    except sqlite3.Error:
        return None
    schema_error: NewerSchemaError | ForeignSchemaError | None = None
    try:
        try:
            checked_version(conn)
        except (NewerSchemaError, ForeignSchemaError) as error:
            schema_error = error
        damage_found = quick_check(conn)
    except sqlite3.Error as error:
        if is_corruption(error):
            return LibraryProblem(
                ProblemKind.CORRUPT, data_dir, f"The library {database} is damaged ({error})."
            )
        return None
    finally:
        conn.close()
    if isinstance(schema_error, NewerSchemaError):
        return LibraryProblem(
            ProblemKind.NEWER, data_dir, f"The library {database} cannot be opened: {schema_error}."
        )
    if damage_found:
        return LibraryProblem(
            ProblemKind.CORRUPT,
            data_dir,
            f"The library {database} is damaged: {' '.join(' '.join(damage_found).split())[:300]}",
        )
    if schema_error is not None:
        return LibraryProblem(
            ProblemKind.CORRUPT,
            data_dir,
            f"The library {database} is not a Glose library: {schema_error}.",
        )
    return None


def diagnose(data_dir: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> LibraryProblem | None:
    """What is wrong with the library in ``data_dir``, or None if it can be used."""
    try:
        open_library(data_dir, busy_timeout_ms).close()
    except LibraryUnavailable as unavailable:
        return unavailable.problem
    return None


def timestamp(now: datetime | None = None) -> str:
    return (now or datetime.now()).strftime("%Y%m%d-%H%M%S")


def free_name(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem+suffix``, numbered when it or one of its companion files exists."""
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists() or any(
        (folder / f"{candidate.name}{extra}").exists() for extra in COMPANION_SUFFIXES
    ):
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def set_aside(path: Path, prefix: str, now: datetime | None = None) -> Path:
    """Rename the database at ``path`` and its companions to ``<prefix><timestamp>.db``.

    Nothing is copied and nothing is deleted; returns the new name of the database.
    """
    target = free_name(path.parent, f"{prefix}{timestamp(now)}", path.suffix or ".db")
    for extra in COMPANION_SUFFIXES:
        companion = path.with_name(path.name + extra)
        if companion.exists():
            companion.rename(target.with_name(target.name + extra))
    path.rename(target)
    return target


def quarantine(problem: LibraryProblem, now: datetime | None = None) -> Path:
    """Put a damaged library aside so that a new one can be started; returns its new name."""
    if not problem.can_quarantine:
        raise ValueError(f"{problem.path} is not a damaged library that may be renamed aside.")
    try:
        return set_aside(problem.path, QUARANTINE_PREFIX, now)
    except OSError as error:
        raise ReadOnlyLibraryError(
            f"The damaged library {problem.path} could not be renamed aside ({error.strerror})."
        ) from error


def quarantined(data_dir: Path) -> list[Path]:
    """Libraries put aside in ``data_dir``, oldest first."""
    return sorted(Path(data_dir).glob(f"{QUARANTINE_PREFIX}*.db"))
