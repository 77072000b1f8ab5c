"""The library as a whole: opening it, a second connection for a worker, its backups."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.store import Store, data_dir
from reader.store.recovery import LibraryProblem, open_library
from reader.store.store import BUSY_TIMEOUT_MS

if TYPE_CHECKING:
    from typing import Self

    from reader.store.backups import Backup


class LibraryBase:
    """What every part of ``Library`` stands on: the store it is the door to."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @classmethod
    def open(cls, data_dir: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Self:
        """The library in ``data_dir``, checked for damage and for writing (created when
        missing); ``LibraryUnavailable`` says what is wrong, with nothing changed."""
        return cls(open_library(Path(data_dir), busy_timeout_ms))

    @classmethod
    def connect(cls, data_dir: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Self:
        """A connection of its own to a library already opened (and checked) elsewhere: for
        a worker thread or process, as one connection is never shared between threads."""
        return cls(Store(Path(data_dir), busy_timeout_ms))

    @staticmethod
    def folder(chosen: str | Path | None = None) -> Path:
        """Where the library lives: ``chosen``, else ``GLOSE_DATA_DIR``, else the user's data
        folder."""
        return data_dir(chosen)

    def on_worker(self) -> Self:
        """The same library on a connection of its own, for a worker thread; close it when
        done, e.g. ``with``."""
        return self.connect(self.store.data_dir, self.store.busy_timeout_ms)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def data_dir(self) -> Path:
        return self.store.data_dir

    def data_version(self) -> int:
        """Changes whenever another connection (window, process) commits to the library."""
        return self.store.data_version()

    def daily_backup(self) -> Path | None:
        """Today's backup, unless it exists (see ``reader.store.backups``); safe on any
        thread, as it opens its own connection."""
        from reader.store.backups import daily_backup

        return daily_backup(self.data_dir)

    def backups(self) -> list[Backup]:
        """The backups of this library, newest first."""
        return LibraryBase.backups_in(self.data_dir)

    def restore_backup(self, backup: Backup) -> Path:
        """Replace this library's content by ``backup``; returns where the current library
        was kept."""
        from reader.store.backups import restore_backup

        return restore_backup(self.store, backup.path)

    @staticmethod
    def backups_in(data_dir: Path) -> list[Backup]:
        from reader.store.backups import list_backups

        return list_backups(data_dir)

    @staticmethod
    def set_aside(problem: LibraryProblem) -> Path:
        """Rename a library that cannot be used (never delete it); returns its new path."""
        from reader.store.recovery import quarantine

        return quarantine(problem)

    @staticmethod
    def restore_as_library(data_dir: Path, backup: Backup) -> Path:
        """Make ``backup`` the library of ``data_dir``, which has none."""
        from reader.store.backups import restore_as_library

        return restore_as_library(data_dir, backup.path)
