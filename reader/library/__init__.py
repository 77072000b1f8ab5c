"""The one door the app and the command line share into the library: open it, add articles,
annotate, analyse, search, export. Each part is a small module over the same store:

- ``base``: the library as a whole (opening, a worker's connection, backups);
- ``articles``: articles, searches across them;
- ``annotations``: annotations and styles, imports that can be undone;
- ``analysis``: analyses run with the reader's corrections, stored and read back;
- ``exports``: Markdown and JSON-LD, made from the stored analysis for both front ends.

The front ends never reach the store's modules; the types they need from there (a search
hit, a backup, why a library cannot be opened) are named here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.library.analysis import ENTITY_CORRECTION, SPEAKER_FIX, StoreParagraphCache
from reader.library.annotations import Annotations
from reader.library.exports import (
    EVERY_ANNOTATION,
    FORMATS,
    JSONLD,
    MARKDOWN,
    AnnotationFilter,
    ExportRequest,
    Exports,
)
from reader.store.errors import StoreProblem
from reader.store.model import SearchHit
from reader.store.recovery import LibraryProblem, LibraryUnavailable, ProblemKind
from reader.store.store import BUSY_TIMEOUT_MS

if TYPE_CHECKING:
    from reader.store.backups import Backup

__all__ = [
    "BUSY_TIMEOUT_MS",
    "ENTITY_CORRECTION",
    "EVERY_ANNOTATION",
    "FORMATS",
    "JSONLD",
    "MARKDOWN",
    "SPEAKER_FIX",
    "AnnotationFilter",
    "Backup",
    "ExportRequest",
    "Library",
    "LibraryProblem",
    "LibraryUnavailable",
    "ProblemKind",
    "SearchHit",
    "StoreParagraphCache",
    "StoreProblem",
]


class Library(Exports, Annotations):
    """The library of ``store``: every operation the front ends may ask of it."""
