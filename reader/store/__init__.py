"""The library of articles and annotations (SQLite, through sqlite-utils)."""

from reader.store.model import Annotation, Article, ArticleSummary, Kind, Status
from reader.store.paths import data_dir
from reader.store.store import (
    CorruptLibraryError,
    LockedLibraryError,
    NewerLibraryError,
    NotFoundError,
    ReadOnlyLibraryError,
    Store,
    StoreError,
)

__all__ = [
    "Annotation",
    "Article",
    "ArticleSummary",
    "CorruptLibraryError",
    "Kind",
    "LockedLibraryError",
    "NewerLibraryError",
    "NotFoundError",
    "ReadOnlyLibraryError",
    "Status",
    "Store",
    "StoreError",
    "data_dir",
]
