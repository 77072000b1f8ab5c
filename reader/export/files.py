"""Writing exports without ever leaving a half-written or clobbered file behind.

``write_export`` is the one way an export reaches the disk: it refuses what ``ProtectedFiles``
protects (the library, its backups, the articles' sources), writes *into* a pipe or a terminal
rather than replacing it, follows a symbolic link to the file it names (the link stays a link),
and replaces a regular file atomically.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import unicodedata
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.export.protected import ProtectedFiles


class ExportProblem(StrEnum):
    """Why an export failed; the interface words each one in its own language."""

    NO_FOLDER = "no-folder"
    IS_FOLDER = "is-folder"
    DISK_FULL = "disk-full"
    NOT_ALLOWED = "not-allowed"
    ENCODING = "encoding"
    LIBRARY_FILE = "library-file"
    """The target is the library, one of its companion files or a backup."""
    ARTICLE_SOURCE = "article-source"
    """The target is the file an article of the library was read from."""
    NOT_A_FILE = "not-a-file"
    """The target is a block device, a socket or another node that is no file to save to."""
    NO_READER = "no-reader"
    """The target is a pipe that no program reads from."""
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


NAME_MAX_BYTES = 255
"""The longest file name (in bytes, not characters) of Linux and macOS file systems."""
NAME_BUDGET_BYTES = 200
"""What ``safe_file_name`` may use of it: the rest leaves room for a ``-<id>`` that tells two
articles of the same title apart and for the ``.jsonld`` suffix."""


def write_export(
    path: str | os.PathLike[str],
    content: str,
    protected: ProtectedFiles,
    *,
    wait_for_reader: bool = True,
) -> Path:
    """Save an export at ``path``; returns where it was written.

    Refused when ``protected`` says no (whichever name or link leads there). A pipe or a
    character device (a terminal, ``/dev/null``, ``/dev/stdout``) is written into, never
    replaced; with ``wait_for_reader`` false, a pipe that nothing reads from is an error
    rather than a wait (a window must not freeze on it). A symbolic link is followed: the file
    it names is replaced atomically and the link stays. Block devices and sockets are refused.
    """
    target = Path(path).expanduser()
    protected.check(target)
    try:
        status = target.stat()
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise _explain(error, target) from error
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise _is_folder(target)
    if status is not None and not stat.S_ISREG(status.st_mode):
        if stat.S_ISFIFO(status.st_mode) or stat.S_ISCHR(status.st_mode):
            return _write_into(target, content, wait_for_reader)
        raise ExportError(
            f"{target} is not a file (a device or a socket): choose a file to save to.",
            ExportProblem.NOT_A_FILE,
            target,
        )
    # realpath, not resolve(): a dangling link names a file still to be created.
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    return write_atomically(real, content)


def _write_into(target: Path, content: str, wait_for_reader: bool) -> Path:
    """Write into a pipe or a character device: opened as it is (never created, truncated or
    renamed over), as a shell's ``>`` does."""
    data = _encoded(content, target)
    flags = os.O_WRONLY | os.O_NOCTTY | (0 if wait_for_reader else os.O_NONBLOCK)
    try:
        descriptor = os.open(target, flags)
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise ExportError(
                f"Nothing reads from the pipe {target}: start the program that reads it, "
                "then export again.",
                ExportProblem.NO_READER,
                target,
            ) from error
        raise _explain(error, target) from error
    try:
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "wb", closefd=True) as stream:
            stream.write(data)
    except OSError as error:
        if error.errno == errno.EPIPE:
            raise ExportError(
                f"The program reading {target} stopped before the end of the export.",
                ExportProblem.OTHER,
                target,
                os.strerror(errno.EPIPE),
            ) from error
        raise _explain(error, target) from error
    return target


def _encoded(content: str, target: Path) -> bytes:
    try:
        return content.encode("utf-8")
    except UnicodeError as error:
        raise _unencodable(error, target) from error


def write_atomically(path: str | os.PathLike[str], content: str) -> Path:
    """Write to a temporary file beside ``path``, then rename it over ``path``.

    If anything fails, an existing file at ``path`` is left exactly as it was. This is the
    last step of ``write_export``, which decides first whether ``path`` may be written.
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
        raise _is_folder(target)
    try:
        mode = target.stat().st_mode & 0o777 if target.is_file() else 0o644
        # The temporary name is the target's, cut so that it too fits in a file name.
        prefix = "." + cut_to_bytes(target.name, NAME_BUDGET_BYTES) + "."
        handle, temporary = tempfile.mkstemp(prefix=prefix, dir=folder)
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
        raise _unencodable(error, target) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _is_folder(target: Path) -> ExportError:
    return ExportError(
        f"{target} is a folder: give a file name to save to.", ExportProblem.IS_FOLDER, target
    )


def _unencodable(error: UnicodeError, target: Path) -> ExportError:
    return ExportError(
        f"{target} could not be saved: the text cannot be encoded ({error}).",
        ExportProblem.ENCODING,
        target,
        str(error),
    )


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


_KEPT_PUNCTUATION = "-_"
_NAME_CHARACTERS = 80
"""Past this a name stops being read; long titles are cut here even in few bytes."""


def safe_file_name(title: str, budget: int = NAME_BUDGET_BYTES) -> str:
    """A file name from a title: letters (with their accents), digits, ``-`` and ``_``, at most
    80 characters and ``budget`` bytes in UTF-8, never cut inside a character or between a
    letter and its accents."""
    kept = []
    for character in unicodedata.normalize("NFC", title):
        if character.isspace():
            kept.append(" ")
        elif (
            character.isalnum()
            or character in _KEPT_PUNCTUATION
            or unicodedata.category(character).startswith("M")
        ):
            kept.append(character)
    words = "-".join("".join(kept).split())
    name = cut_to_bytes(_cut_characters(words, _NAME_CHARACTERS), budget)
    # A leading mark has no letter to sit on; a leading dash reads as an option in a shell.
    name = name.lstrip("-").rstrip("-")
    while name and unicodedata.category(name[0]).startswith("M"):
        name = name[1:]
    return name or "glose-export"


def _cut_characters(text: str, limit: int) -> str:
    return text[: _before_marks(text, min(len(text), limit))]


def cut_to_bytes(text: str, budget: int) -> str:
    """The longest start of ``text`` that fits in ``budget`` bytes of UTF-8, ending between two
    characters, and not before a combining mark (an accent stays with its letter)."""
    if len(text.encode("utf-8", "surrogatepass")) <= budget:
        return text
    used = 0
    end = 0
    for index, character in enumerate(text):
        used += len(character.encode("utf-8", "surrogatepass"))
        if used > budget:
            break
        end = index + 1
    return text[: _before_marks(text, end)]


def _before_marks(text: str, end: int) -> int:
    """``end`` moved back while the character there is a combining mark: a cut at ``end``
    would part it from the letter before it."""
    while 0 < end < len(text) and unicodedata.category(text[end]).startswith("M"):
        end -= 1
    return end
