"""The one connection to ``glose.db``: opening it safely, transactions, reads, error mapping.

Reads and writes go through ``sqlite3`` itself: the store's queries are each one statement,
which sqlite-utils would only pass on, and importing it (with the numpy it loads when
installed) would weigh on every start. It is there, as ``db``, imported when first used, for
the work it does better: writing thousands of rows at once.

Every public method that changes something is one transaction (``_transaction``), committed
before it returns: once a caller has the result, the change survives a crash. Every SQLite
error leaves as the ``StoreError`` that ``explain`` words for it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from reader.store.errors import (
    CorruptLibraryError,
    NewerLibraryError,
    ReadOnlyLibraryError,
    StoreError,
    explain,
)
from reader.store.integrity import BUSY_TIMEOUT_MS, file_damage, quick_check
from reader.store.paths import DATABASE_NAME
from reader.store.schema import ForeignSchemaError, NewerSchemaError, checked_version, migrate

if TYPE_CHECKING:
    import sqlite_utils


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class LibraryConnection:
    """``<data_dir>/glose.db``, opened, checked and migrated; the rooms of the store share it."""

    def __init__(self, data_dir: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DATABASE_NAME
        self.busy_timeout_ms = busy_timeout_ms
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            raise ReadOnlyLibraryError(
                f"The data folder {self.data_dir} cannot be created ({error.strerror})."
            ) from error
        new_file = not self.path.exists()
        damage = None if new_file else file_damage(self.path)
        if damage is not None:
            # Not even opened: closing a connection to a foreign file can delete a -wal file
            # lying next to it, which may hold the library's last changes.
            raise CorruptLibraryError(
                f"The library {self.path} is damaged or is not a Glose library ({damage})."
            )
        try:
            # Autocommit mode: transactions are opened explicitly, one per user action.
            self._conn = sqlite3.connect(
                self.path,
                isolation_level=None,
                timeout=busy_timeout_ms / 1000,
                check_same_thread=False,
            )
            if new_file:
                os.chmod(self.path, 0o600)
            self._conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms):d}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            # Before the switch to WAL, which writes the file's header: a newer Glose's
            # library, or another program's database, is left exactly as it was.
            checked_version(self._conn)
            self._enable_wal(busy_timeout_ms / 1000)
            self._conn.execute("PRAGMA synchronous = NORMAL")
            migrate(self._conn)
        except NewerSchemaError as error:
            self._conn.close()
            raise NewerLibraryError(
                f"The library {self.path} cannot be opened: {error}."
            ) from error
        except ForeignSchemaError as error:
            self._conn.close()
            raise CorruptLibraryError(
                f"The library {self.path} is not a Glose library: {error}."
            ) from error
        except sqlite3.Error as error:
            if hasattr(self, "_conn"):
                self._conn.close()
            raise explain(error, self.path) from error

    def _enable_wal(self, timeout_s: float) -> None:
        """WAL mode, waiting for other processes: SQLite answers « locked » at once, without
        its busy handler, when several processes switch a new library's journal together."""
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                if self._conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self._conn.execute("PRAGMA journal_mode = wal")
                return
            except sqlite3.OperationalError as error:
                message = str(error).lower()
                if ("locked" not in message and "busy" not in message) or (
                    time.monotonic() > deadline
                ):
                    raise
                time.sleep(0.02)

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the store's connection, imported when first asked for. Third-party
        sqlite-utils plugins are not loaded: they could change how Glose's connection behaves
        (and finding them reads every installed package's metadata)."""
        import sqlite_utils

        return sqlite_utils.Database(self._conn, execute_plugins=False)

    def close(self) -> None:
        self._conn.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The store's own connection, for whole-database operations (backup, checks)."""
        return self._conn

    def problems(self) -> list[str]:
        """What ``PRAGMA quick_check`` finds wrong with the file; empty when it is sound."""
        try:
            return quick_check(self._conn)
        except sqlite3.Error as error:
            raise explain(error, self.path) from error

    def check_writable(self) -> None:
        """Raise the ``StoreError`` a save would meet (read-only file, lock held elsewhere).

        It takes the write lock and writes the schema version over itself, then rolls back:
        nothing changes in the file.
        """
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
                self._conn.execute(f"PRAGMA user_version = {version:d}")
            finally:
                self._rollback()
        except sqlite3.Error as error:
            raise explain(error, self.path) from error

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the library."""
        try:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as error:
            raise explain(error, self.path) from error

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise explain(error, self.path) from error
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except sqlite3.Error as error:
            self._rollback()
            raise explain(error, self.path) from error
        except UnicodeEncodeError as error:
            self._rollback()
            raise StoreError(
                f"The library {self.path} could not be written: the text contains an invalid "
                f"character ({error.reason})."
            ) from error
        except OverflowError as error:
            self._rollback()
            raise StoreError(
                f"The library {self.path} could not be written: a number is too large to store."
            ) from error
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        """Roll back what is left of a failed transaction.

        SQLite may already have rolled it back itself (a full disk, an I/O error): then there
        is nothing to do, and trying would raise over the error that matters.
        """
        if self._conn.in_transaction:
            with suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dictionaries keyed by column name, for results read by name."""
        with self._reading():
            cursor = self._conn.execute(sql, params)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Plain tuples: for the reads before the first paint, and for rows counted in the
        hundred thousands."""
        with self._reading():
            return self._conn.execute(sql, params).fetchall()

    @contextmanager
    def _reading(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise explain(error, self.path) from error
        except UnicodeEncodeError as error:
            raise StoreError(
                f"The request contains an invalid character ({error.reason})."
            ) from error
        except OverflowError as error:
            raise StoreError("The request holds a number too large for the library.") from error
