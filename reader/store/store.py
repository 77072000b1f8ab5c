"""The library, ``Store``: one SQLite file, ``glose.db``, assembled from its rooms.

Each room is a class over the one shared connection (``LibraryConnection``) and holds the
methods of its job: articles (with their annotations), search (built on the quotation
tracker's room), styles, the analysis cache, corrections. ``Store`` inherits them all, so
every method is written once, in its room, and ``Store`` adds none. Owning room objects and
delegating to them would have meant writing each public method a second time, as a
forwarder in ``Store``.

The names other modules import from here are re-exported below, so ``reader.store.store``
keeps working as an address for them.
"""

from __future__ import annotations

from reader.store.annotations import new_annotation_id, reattached
from reader.store.articles import ArticleRoom
from reader.store.cache import CacheRoom
from reader.store.connection import now_iso
from reader.store.corrections import CorrectionRoom
from reader.store.errors import (
    CorruptLibraryError,
    LockedLibraryError,
    NewerLibraryError,
    NotFoundError,
    ReadOnlyLibraryError,
    StoreError,
    StoreProblem,
)
from reader.store.errors import explain as _explain
from reader.store.integrity import (
    BUSY_TIMEOUT_MS,
    is_corruption,
    open_read_only,
    quick_check,
)
from reader.store.search import SearchRoom, fts_query
from reader.store.styles import StyleRoom


class Store(ArticleRoom, SearchRoom, StyleRoom, CacheRoom, CorrectionRoom):
    """Articles and annotations in ``<data_dir>/glose.db``."""


__all__ = [
    "BUSY_TIMEOUT_MS",
    "CorruptLibraryError",
    "LockedLibraryError",
    "NewerLibraryError",
    "NotFoundError",
    "ReadOnlyLibraryError",
    "Store",
    "StoreError",
    "StoreProblem",
    "_explain",
    "fts_query",
    "is_corruption",
    "new_annotation_id",
    "now_iso",
    "open_read_only",
    "quick_check",
    "reattached",
]
