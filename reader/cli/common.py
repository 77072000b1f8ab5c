"""What the commands share: their error, their library, the article they are given."""

from __future__ import annotations

import argparse
import os
import re
from typing import TYPE_CHECKING

from reader.sources import LoadedArticle, is_address, load_bundled, load_file
from reader.store import Store, data_dir
from reader.store.recovery import (
    LibraryUnavailable,
    ProblemKind,
    open_existing_library,
    open_library,
)

if TYPE_CHECKING:
    from reader.analysis.model import Analysis
    from reader.library import Library
    from reader.store import Article

EXIT_FAILURE = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A failure to report as one line."""


def add_library_options(parser: argparse.ArgumentParser) -> None:
    """``--data-dir`` and ``--debug``, which every command takes."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=folder_argument,
        help="folder of the library (default: $GLOSE_DATA_DIR, else the user data folder)",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")


def folder_argument(value: str) -> str:
    """A ``--data-dir`` as given. An empty one is a mistake (a variable that was not set, in a
    script), not a way to ask for the default library: that one is the reader's real notes."""
    if not value.strip():
        raise argparse.ArgumentTypeError(
            "the folder is empty; give the library's folder, or leave --data-dir out to use"
            " the default one"
        )
    return value


def count_argument(value: str) -> int:
    """A number of results: a whole number from 1 to ``MAX_COUNT``."""
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 1 <= count <= MAX_COUNT:
        raise argparse.ArgumentTypeError(f"give a number from 1 to {MAX_COUNT}, not {count}")
    return count


MAX_COUNT = 100_000
EMPTY_PATH = "the article path is empty; give a file or a web address"


def article_argument(value: str) -> str:
    """An article's PATH or URL as given. An empty one is refused: it must not quietly mean
    the bundled article (that is what leaving it out means, where it may be left out)."""
    if not value.strip():
        raise argparse.ArgumentTypeError(EMPTY_PATH)
    return value


def load_source(path: str | None) -> LoadedArticle:
    """The article at ``path`` (a file or a web address), or the bundled one for None."""
    if path is None:
        return load_bundled()
    if not path.strip():
        raise CommandError(EMPTY_PATH + ".")
    if is_address(path):
        from reader.web import fetch_article  # urllib and trafilatura only when needed

        return fetch_article(path)
    return load_file(path)


def typed_text(value: str) -> str:
    """Words typed on the command line (a search, a quotation, a note), as the person typed
    them. Under a locale that is not UTF-8 (``LC_ALL=C``), Python reads the bytes of an
    accented word as escapes (lone surrogates): they are read again as UTF-8, which terminals
    send, or else as Windows-1252, as an article file would be. File names are not given
    to this: their bytes must stay as they are to open the file."""
    if not _ESCAPED_BYTE.search(value):
        return value
    raw = os.fsencode(value)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def open_store(args: argparse.Namespace) -> Store:
    """The library for a command that writes, created if there is none yet.

    It is checked as the app checks it at start-up (a SQLite file, whole, sound inside, of a
    schema this Glose knows, writable, not locked): a library that fails is refused before a
    byte of it, or of its ``-wal`` and ``-shm`` files, is written.
    """
    try:
        return open_library(data_dir(args.data_dir))
    except LibraryUnavailable as error:
        raise _refusal(error) from error


def existing_store(args: argparse.Namespace) -> Store | None:
    """The library for a command that only reads, or None if there is none (none is created);
    refused, as ``open_store`` refuses it, when damaged."""
    try:
        return open_existing_library(data_dir(args.data_dir))
    except LibraryUnavailable as error:
        raise _refusal(error) from error


def _refusal(error: LibraryUnavailable) -> CommandError:
    """The problem, and what the person can do about a damaged library from the command line
    (the app offers to set it aside or restore a backup)."""
    message = error.problem.detail
    if error.problem.kind is ProblemKind.CORRUPT:
        message += (
            " Nothing was written to it: start Glose to restore a backup or set the damaged"
            " file aside."
        )
    return CommandError(message)


def analysis_of(
    library: Library | None, loaded: LoadedArticle, article: Article | None, engine_name: str
) -> Analysis:
    """The article analysed with the named engine, with the library's corrections if any."""
    from reader.analysis.entities import load_engine

    engine = load_engine(engine_name)
    if library is None:
        from reader.analysis.pipeline import analyse

        return analyse(loaded.text, loaded.layout, engine)
    return library.analyse(
        loaded.text, loaded.layout, engine, article_id=article.id if article else None
    )
