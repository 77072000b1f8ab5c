"""What can go wrong with the library, worded for the person using Glose.

Every SQLite error the store meets goes through ``explain``, so that the same failure is
always the same sentence and the same ``StoreProblem``, whichever method met it.
"""

from __future__ import annotations

import os
import sqlite3
from enum import StrEnum
from pathlib import Path

from reader.store.integrity import is_corruption


class StoreProblem(StrEnum):
    """Why the library failed; the interface words each one in its own language."""

    CORRUPT = "corrupt"
    NEWER = "newer"
    LOCKED = "locked"
    READ_ONLY = "read-only"
    NOT_FOUND = "not-found"
    DISK_FULL = "disk-full"
    DISK_ERROR = "disk-error"
    OTHER = "other"


class StoreError(Exception):
    """A library problem, worded (in English) for the person using Glose.

    ``reason`` and ``path`` let the app say the same in the interface language.
    """

    reason = StoreProblem.OTHER

    def __init__(
        self, message: str, reason: StoreProblem | None = None, path: Path | None = None
    ) -> None:
        super().__init__(message)
        if reason is not None:
            self.reason = reason
        self.path = path


class CorruptLibraryError(StoreError):
    reason = StoreProblem.CORRUPT


class NewerLibraryError(StoreError):
    reason = StoreProblem.NEWER


class LockedLibraryError(StoreError):
    reason = StoreProblem.LOCKED


class ReadOnlyLibraryError(StoreError):
    reason = StoreProblem.READ_ONLY


class NotFoundError(StoreError):
    reason = StoreProblem.NOT_FOUND


def explain(error: sqlite3.Error, path: Path) -> StoreError:
    """The ``StoreError`` that says what SQLite's ``error`` on the library at ``path`` means.

    SQLite tells its errors apart by their messages only (the Python module keeps no code for
    most of them), so they are read here, in one place.
    """
    message = str(error).lower()
    if "locked" in message or "busy" in message:
        return LockedLibraryError(
            f"The library {path} is in use by another program; close it and try again.",
            path=path,
        )
    if "readonly" in message or "read-only" in message:
        return ReadOnlyLibraryError(
            f"The library {path} cannot be written (read-only file or folder); "
            "check its permissions.",
            path=path,
        )
    if is_corruption(error):
        return CorruptLibraryError(
            f"The library {path} is damaged or is not a Glose library ({error}).", path=path
        )
    if "full" in message:
        return StoreError(
            f"The library {path} could not be written: the disk is full.",
            StoreProblem.DISK_FULL,
            path,
        )
    if "disk i/o" in message:
        return StoreError(
            f"The library {path} could not be read or written (disk error).",
            StoreProblem.DISK_ERROR,
            path,
        )
    if "unable to open" in message and not os.access(path.parent, os.W_OK | os.X_OK):
        return ReadOnlyLibraryError(
            f"The library {path} cannot be opened: its folder cannot be written; "
            "check its permissions.",
            path=path,
        )
    return StoreError(f"The library {path} could not be used: {error}.", path=path)
