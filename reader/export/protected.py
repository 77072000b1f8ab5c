"""What an export may never write over: the library and every article's source.

An export is a file the reader names, often in a hurry, and the command line takes any name.
``-o glose.db`` or the article's own file given as the output would replace months of notes,
or the text they are anchored to, with Markdown. ``ProtectedFiles`` is the one place that
decides whether a path may receive an export, and both the ``export`` command and the app's
*Exporter…* dialog ask it before writing.

A path is compared three ways, so that no other name for a protected file gets through: as
written (made absolute), with its symbolic links resolved, and, when it exists, by its device
and inode, which also catches hard links and case-insensitive spellings.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from reader.export.files import ExportError, ExportProblem
from reader.resources import bundled_article_path
from reader.sources import BUNDLED_SOURCE
from reader.store.backups import BACKUP_FOLDER
from reader.store.paths import DATABASE_NAME

if TYPE_CHECKING:
    from reader.store import Store

_LIBRARY_FILE = re.compile(r"glose.*\.db(?:-wal|-shm|-journal)?", re.IGNORECASE)
"""Glose's own files in the data folder: ``glose.db`` and its ``-wal``/``-shm``/``-journal``
companions, and the libraries put aside (``glose-damaged-…``, ``glose-before-restore-…``)."""


@dataclass(frozen=True)
class ProtectedFiles:
    """The files of one library that no export may replace."""

    data_dir: Path | None = None
    """The library's folder: its ``glose*.db`` files and everything in ``backups/``."""
    sources: dict[Path, str] = field(default_factory=dict)
    """Each article's source file, with the article's title (to say which one)."""

    @classmethod
    def of_library(cls, store: Store) -> ProtectedFiles:
        sources: dict[Path, str] = {}
        for summary in store.articles():
            path = source_path(summary.source)
            if path is not None:
                sources.setdefault(path, summary.title)
        return cls(store.data_dir, sources)

    def check(self, target: str | os.PathLike[str]) -> None:
        """Raise the ``ExportError`` that says why ``target`` may not receive an export."""
        refusal = self.refusal(target)
        if refusal is not None:
            raise refusal

    def refusal(self, target: str | os.PathLike[str]) -> ExportError | None:
        """None when an export may write at ``target``; else the error to show."""
        shown = Path(target).expanduser()
        names = {Path(os.path.abspath(shown)), _resolved(shown)}
        identity = _identity(shown)
        for name in names:
            if self._is_library_file(name):
                return self._library_refusal(shown)
            if name in self._resolved_sources:
                return self._source_refusal(shown, self._resolved_sources[name])
        if identity is not None:
            if identity in self._library_identities:
                return self._library_refusal(shown)
            if identity in self._source_identities:
                return self._source_refusal(shown, self._source_identities[identity])
        return None

    def _library_refusal(self, shown: Path) -> ExportError:
        return ExportError(
            f"{shown} is a file of the Glose library in {self.data_dir}: an export never "
            "writes over it. Choose another name.",
            ExportProblem.LIBRARY_FILE,
            shown,
            str(self.data_dir),
        )

    def _source_refusal(self, shown: Path, title: str) -> ExportError:
        return ExportError(
            f"{shown} is the source of the article « {title} » in the library: an export "
            "never writes over it. Choose another name.",
            ExportProblem.ARTICLE_SOURCE,
            shown,
            title,
        )

    @cached_property
    def _folder(self) -> Path | None:
        return _resolved(self.data_dir) if self.data_dir is not None else None

    def _is_library_file(self, path: Path) -> bool:
        folder = self._folder
        if folder is None:
            return False
        if path.parent == folder and _LIBRARY_FILE.fullmatch(path.name):
            return True
        backups = folder / BACKUP_FOLDER
        return path == backups or backups in path.parents

    @cached_property
    def _resolved_sources(self) -> dict[Path, str]:
        resolved: dict[Path, str] = {}
        for path, title in self.sources.items():
            resolved.setdefault(path, title)
            resolved.setdefault(_resolved(path), title)
        return resolved

    @cached_property
    def _library_identities(self) -> set[tuple[int, int]]:
        return {
            identity for path in self._library_files() if (identity := _identity(path)) is not None
        }

    @cached_property
    def _source_identities(self) -> dict[tuple[int, int], str]:
        found: dict[tuple[int, int], str] = {}
        for path, title in self.sources.items():
            identity = _identity(path)
            if identity is not None:
                found.setdefault(identity, title)
        return found

    def _library_files(self) -> Iterator[Path]:
        folder = self._folder
        if folder is None:
            return
        yield folder / DATABASE_NAME
        try:
            yield from (path for path in folder.iterdir() if _LIBRARY_FILE.fullmatch(path.name))
            yield from (folder / BACKUP_FOLDER).rglob("*")
        except OSError:
            return


def source_path(source: str) -> Path | None:
    """The file an article was read from, or None for a web address."""
    if source == BUNDLED_SOURCE:
        return bundled_article_path()
    return Path(source) if os.path.isabs(source) else None


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except (OSError, ValueError):
        return None
    return (status.st_dev, status.st_ino)
