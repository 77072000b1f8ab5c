"""Reading an article from a file: size and content checks, encodings, normalisation.

Every failure is a ``SourceError`` whose message says what happened and what to do.
"""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from reader.resources import bundled_article_path
from reader.text import Layout, layout, normalise_text

MAX_FILE_MB = 20
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024
"""The largest article file opened: far above any article, even a saved page with its
images inlined, and small enough to read, normalise and show without exhausting memory."""
BUNDLED_SOURCE = "glose:bundled/article-fr.txt"
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


class SourceProblem(StrEnum):
    """Why an article cannot be opened; the interface words each one in its own language."""

    MISSING = "missing"
    UNREADABLE = "unreadable"
    FOLDER = "folder"
    NOT_A_FILE = "not-a-file"
    TOO_BIG = "too-big"
    EMPTY = "empty"
    BINARY = "binary"
    NO_ARTICLE = "no-article"
    NOT_AN_ADDRESS = "not-an-address"
    HTTP_ERROR = "http-error"
    UNREACHABLE = "unreachable"
    TOO_SLOW = "too-slow"
    OTHER = "other"


class SourceError(Exception):
    """An article that cannot be opened, with a message for the person who tried.

    The message is English (the command line's language); ``problem``, ``subject`` (the path or
    address) and ``detail`` let the app say the same in the interface language.
    """

    def __init__(
        self,
        message: str,
        problem: SourceProblem = SourceProblem.OTHER,
        subject: str = "",
        detail: str = "",
    ) -> None:
        super().__init__(message)
        self.problem = problem
        self.subject = subject
        self.detail = detail


@dataclass(frozen=True, slots=True)
class LoadedArticle:
    source: str
    """Where it came from: an absolute path, a URL, or ``glose:bundled/...``."""
    text: str
    """Normalised text; every offset in Glose indexes into it."""
    encoding: str
    layout: Layout
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.layout.title


def is_address(text: str) -> bool:
    """A web address Glose can fetch (the rest of the web lives in ``reader.web``)."""
    return text.startswith(("http://", "https://"))


def decode(data: bytes) -> tuple[str, str]:
    """Text and the name of its encoding: UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "UTF-8 (BOM)"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # A lone surrogate or an odd last byte becomes U+FFFD rather than an exception.
        return data.decode("utf-16", errors="replace"), "UTF-16"
    if b"\x00" in data[:8192]:
        raise SourceError(
            "This file is binary, not text: open a .txt, .md or .html article.",
            SourceProblem.BINARY,
        )
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    return text, "Windows-1252"


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\n\r\t\f")
    return controls / len(sample)


def article_from_text(source: str, raw: str, encoding: str = "UTF-8") -> LoadedArticle:
    text = normalise_text(raw)
    if not text.strip():
        raise SourceError(
            f"{source} is empty: there is no article text to show.", SourceProblem.EMPTY, source
        )
    return LoadedArticle(source=source, text=text, encoding=encoding, layout=layout(text))


def path_text(path: str | Path) -> str:
    """A path as text that can be shown and stored. A file name that is not valid UTF-8
    reaches Python with its odd bytes as lone surrogates, which no message or SQLite text can
    hold: each such byte becomes a visible ``\\xe9``. Opening still uses the path itself."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


def unreadable(file_path: str | Path, reason: str) -> SourceError:
    """The error for a file that cannot be read, with the system's reason."""
    shown = path_text(file_path)
    return SourceError(
        f"{shown} cannot be read ({reason}).", SourceProblem.UNREADABLE, shown, reason
    )


def _too_big(shown: str, what: str, max_bytes: int, kind: str) -> SourceError:
    max_mb = f"{max_bytes / 1024 / 1024:.0f}"
    return SourceError(
        f"{shown} {what}; Glose reads {kind} of up to {max_mb} MB.",
        SourceProblem.TOO_BIG,
        shown,
        max_mb,
    )


def read_regular_file(path: str | Path, kind: str, max_bytes: int) -> tuple[Path, bytes]:
    """The resolved path and the bytes of the file at ``path``, or a ``SourceError`` unless
    it is a regular file of at most ``max_bytes``: a device (``/dev/zero``) is read forever
    and a pipe blocks. The checks look at the file as opened, not at its name beforehand, so
    a file swapped in meanwhile cannot slip past them. ``kind`` is what the file should be,
    for the messages: "an article file", "an annotation file"."""
    file_path = Path(path).expanduser()
    shown = path_text(file_path)
    try:
        resolved = file_path.resolve()
        # Non-blocking: opening a pipe would otherwise wait for a writer.
        descriptor = os.open(resolved, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise SourceError(
            f"{shown} does not exist: check the name and the folder.",
            SourceProblem.MISSING,
            shown,
        ) from None
    except OSError as error:
        raise unreadable(file_path, error.strerror or str(error)) from None
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise SourceError(
                f"{shown} is a folder: choose {kind} inside it.", SourceProblem.FOLDER, shown
            )
        if not stat.S_ISREG(status.st_mode):
            raise SourceError(
                f"{shown} is not a regular file: choose {kind}.", SourceProblem.NOT_A_FILE, shown
            )
        if status.st_size > max_bytes:
            raise _too_big(shown, f"is {status.st_size / 1024 / 1024:.0f} MB", max_bytes, kind)
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            # Never more than the limit, even if the file grew since it was measured.
            data = stream.read(max_bytes + 1)
    except OSError as error:
        raise unreadable(file_path, error.strerror or str(error)) from None
    finally:
        os.close(descriptor)
    if len(data) > max_bytes:
        raise _too_big(shown, "grew past the limit while it was read", max_bytes, kind)
    return resolved, data


def load_file(path: str | Path) -> LoadedArticle:
    """Read the article at ``path``."""
    resolved, data = read_regular_file(path, "an article file", MAX_FILE_BYTES)
    shown = path_text(Path(path).expanduser())
    if not data.strip():
        raise SourceError(
            f"{shown} is empty: there is no article text to show.", SourceProblem.EMPTY, shown
        )
    text, encoding = decode(data)
    if _control_ratio(text) > 0.05:
        raise SourceError(
            f"{shown} is binary, not text: open a .txt, .md or .html article.",
            SourceProblem.BINARY,
            shown,
        )
    bundled = resolved == bundled_article_path().resolve()
    source = BUNDLED_SOURCE if bundled else path_text(resolved)
    if resolved.suffix.lower() in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(
        ("<!doctype html", "<html")
    ):
        from reader.web import article_from_html

        return article_from_html(text, source)
    return article_from_text(source, text, encoding)


def load_bundled() -> LoadedArticle:
    return load_file(bundled_article_path())
