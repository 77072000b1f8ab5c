"""Whether a database file can be trusted, found without writing a byte of it.

A normal connection is not harmless to a damaged file: closing it may delete the ``-wal``
file, which can hold the last changes, and switching it to WAL rewrites its header. So these
checks read the file itself, or go through a read-only connection.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100
"""SQLite's database header: the magic string, then the page size at bytes 16–17."""
SMALLEST_PAGE, LARGEST_PAGE = 512, 65536


def is_corruption(error: sqlite3.Error) -> bool:
    """Does SQLite's ``error`` say the file is damaged or is no database at all?"""
    message = str(error).lower()
    return "not a database" in message or "malformed" in message or "corrupt" in message


def file_damage(path: Path) -> str | None:
    """What the first bytes and the size of the file at ``path`` show is wrong, as the end
    of a sentence (« it is not a SQLite file »); None when they look sound, and for an empty or
    unreadable file (SQLite says more about those).

    SQLite only ever writes whole pages, so a file whose size is not a whole number of pages
    was cut short. SQLite itself does not see it: it reads the missing end of the last page as
    zeros, and ``quick_check`` passes as long as those bytes were unused.
    """
    try:
        with path.open("rb") as stream:
            header = stream.read(HEADER_SIZE)
            stream.seek(0, 2)
            size = stream.tell()
    except OSError:
        return None
    if not header:
        return None
    if not header.startswith(SQLITE_HEADER):
        return "it is not a SQLite file"
    if len(header) < HEADER_SIZE:
        return f"it is cut short ({size} bytes, less than its header)"
    page_size = int.from_bytes(header[16:18], "big")
    if page_size == 1:  # how the header writes the largest size, which needs 17 bits
        page_size = LARGEST_PAGE
    if not SMALLEST_PAGE <= page_size <= LARGEST_PAGE or page_size & (page_size - 1):
        return "its header is damaged (no valid page size)"
    if size % page_size:
        return f"it is cut short ({size} bytes, not a whole number of its {page_size}-byte pages)"
    return None


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """What ``PRAGMA quick_check`` finds wrong, empty when the file is sound. Damage bad enough
    to stop the check is reported as found; any other error is raised."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        if is_corruption(error):
            return [str(error)]
        raise
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found


def open_read_only(path: Path, timeout_s: float = BUSY_TIMEOUT_MS / 1000) -> sqlite3.Connection:
    """A connection that can neither write ``path`` nor delete its ``-wal`` on closing: for a
    library that may be damaged, and for backups. The address is a proper ``file:`` URI, so a
    ``#`` or ``?`` in a folder name cannot cut the path or drop the read-only mode."""
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=timeout_s)


def open_untouched(path: Path, timeout_s: float = BUSY_TIMEOUT_MS / 1000) -> sqlite3.Connection:
    """A read-only connection that creates no file beside ``path``: for a library that may be
    damaged, which is to be left exactly as it was found.

    A read-only connection to a WAL library still creates its ``-wal`` and ``-shm`` files when
    they are missing, and cannot delete them. With no ``-wal`` file, no connection has the
    library open (the last one to close deletes it), so the file is read as immutable, which
    needs neither. With one (another Glose running, or one that crashed), the connection joins
    it read-only, and reads the last changes it holds.
    """
    resolved = Path(path).resolve()
    address = resolved.as_uri() + "?mode=ro"
    if not resolved.with_name(resolved.name + "-wal").exists():
        address += "&immutable=1"
    return sqlite3.connect(address, uri=True, timeout=timeout_s)
