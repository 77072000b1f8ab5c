"""The library of articles and annotations, in one SQLite file."""

from reader.store.clusters import Cluster, Variant, Verdict, VerdictRecord
from reader.store.errors import (
    CorruptLibraryError,
    LockedLibraryError,
    NewerLibraryError,
    NotFoundError,
    ReadOnlyLibraryError,
    StoreError,
)
from reader.store.model import Annotation, Article, ArticleSummary, Kind, Status
from reader.store.paths import data_dir
from reader.store.store import Store

__all__ = [
    "Annotation",
    "Article",
    "ArticleSummary",
    "Cluster",
    "CorruptLibraryError",
    "Kind",
    "LockedLibraryError",
    "NewerLibraryError",
    "NotFoundError",
    "ReadOnlyLibraryError",
    "Status",
    "Store",
    "StoreError",
    "Variant",
    "Verdict",
    "VerdictRecord",
    "data_dir",
]
