"""Writing exports without ever leaving a half-written or clobbered file behind."""

from __future__ import annotations

import errno
import os
import re
import tempfile
from enum import StrEnum
from pathlib import Path


class ExportProblem(StrEnum):
    """Why an export failed; the interface words each one in its own language."""

    NO_FOLDER = "no-folder"
    IS_FOLDER = "is-folder"
    DISK_FULL = "disk-full"
    NOT_ALLOWED = "not-allowed"
    ENCODING = "encoding"
    OTHER = "other"


class ExportError(Exception):
    """An export that could not be written, with a message (English) for the person who asked;
    ``problem``, ``target`` and ``detail`` let the app say it in the interface language."""

    def __init__(
        self, message: str, problem: ExportProblem, target: Path, detail: str = ""
    ) -> None:
        super().__init__(message)
        self.problem = problem
        self.target = target
        self.detail = detail


def write_atomically(path: str | os.PathLike[str], content: str) -> Path:
    """Write to a temporary file beside ``path``, then rename it over ``path``.

    If anything fails, an existing file at ``path`` is left exactly as it was.
    """
    target = Path(path).expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(
            f"The folder {folder} does not exist: choose another place to save.",
            ExportProblem.NO_FOLDER,
            target,
        )
    if target.is_dir():
        raise ExportError(
            f"{target} is a folder: give a file name to save to.", ExportProblem.IS_FOLDER, target
        )
    try:
        mode = target.stat().st_mode & 0o777 if target.is_file() else 0o644
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as error:
        raise _explain(error, target) from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        # An existing file keeps its permissions (a private export stays private).
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise _explain(error, target) from error
    except UnicodeError as error:
        Path(temporary).unlink(missing_ok=True)
        raise ExportError(
            f"{target} could not be saved: the text cannot be encoded ({error}).",
            ExportProblem.ENCODING,
            target,
            str(error),
        ) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _explain(error: OSError, target: Path) -> ExportError:
    if error.errno == errno.ENOSPC:
        return ExportError(
            f"{target} could not be saved: the disk is full. Free some space and try again.",
            ExportProblem.DISK_FULL,
            target,
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportError(
            f"{target} could not be saved: you may not write in {target.parent}.",
            ExportProblem.NOT_ALLOWED,
            target,
        )
    reason = str(error.strerror or error)
    return ExportError(
        f"{target} could not be saved ({reason}).", ExportProblem.OTHER, target, reason
    )


def safe_file_name(title: str) -> str:
    """A file name from a title: letters, digits and dashes, at most 80 characters."""
    cleaned = re.sub(r"[^\w\- ]+", "", title).strip()
    cleaned = re.sub(r"\s+", "-", cleaned)
    return cleaned[:80].rstrip("-") or "glose-export"
