"""The library: one SQLite file, ``glose.db``, read through sqlite-utils.

sqlite-utils is imported when a query first needs it, not when the library opens: its import
costs about 50 ms, a sixth of Glose's start-up. The reads on the way to the first paint (styles,
the article, its annotations, the analysis cache) and every write use the connection it wraps.

Every public method that changes something is one transaction, committed before it returns:
once a caller has the result, the change survives a crash.
"""

from __future__ import annotations

import importlib
import json
import os
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from reader.anchoring import attach, reanchor
from reader.store.integrity import BUSY_TIMEOUT_MS, file_damage, is_corruption, quick_check
from reader.store.model import (
    DEFAULT_STYLE,
    Annotation,
    Article,
    ArticleSummary,
    Kind,
    SearchHit,
    Status,
    StoredQuote,
    clean_tags,
    decoded_tags,
    json_object,
    json_value,
)
from reader.store.paths import DATABASE_NAME
from reader.store.schema import ForeignSchemaError, NewerSchemaError, checked_version, migrate
from reader.styles import HighlightStyle
from reader.text import sha256_text, valid_unicode


def _import_sqlite_utils() -> ModuleType:
    """sqlite-utils imports numpy and pandas when they are installed, only to map their number
    types, which Glose never stores. Hiding them for that one import keeps numpy (pulled in by
    spaCy) off the path to the first paint: about 50 ms here."""
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        return importlib.import_module("sqlite_utils")
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]


if TYPE_CHECKING:
    import sqlite_utils


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


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_annotation_id() -> str:
    # uuid imported here: with the platform module it loads, 3 ms of the app's start-up.
    import uuid

    return str(uuid.uuid4())


def _explain(error: sqlite3.Error, path: Path) -> StoreError:
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


class Store:
    """Articles and annotations in ``<data_dir>/glose.db``."""

    def __init__(self, data_dir: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DATABASE_NAME
        self.busy_timeout_ms = busy_timeout_ms
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            raise ReadOnlyLibraryError(
                f"The data folder {self.data_dir} cannot be created ({error.strerror})."
            ) from error
        new_file = not self.path.exists()
        damage = None if new_file else file_damage(self.path)
        if damage is not None:
            # Not even opened: closing a connection to a foreign file can delete a -wal file
            # lying next to it, which may hold the library's last changes.
            raise CorruptLibraryError(
                f"The library {self.path} is damaged or is not a Glose library ({damage})."
            )
        try:
            # Autocommit mode: transactions are opened explicitly, one per user action.
            self._conn = sqlite3.connect(
                self.path,
                isolation_level=None,
                timeout=busy_timeout_ms / 1000,
                check_same_thread=False,
            )
            if new_file:
                os.chmod(self.path, 0o600)
            self._conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms):d}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            # Before the switch to WAL, which writes the file's header: a newer Glose's
            # library, or another program's database, is left exactly as it was.
            checked_version(self._conn)
            self._enable_wal(busy_timeout_ms / 1000)
            self._conn.execute("PRAGMA synchronous = NORMAL")
            migrate(self._conn)
        except NewerSchemaError as error:
            self._conn.close()
            raise NewerLibraryError(
                f"The library {self.path} cannot be opened: {error}."
            ) from error
        except ForeignSchemaError as error:
            self._conn.close()
            raise CorruptLibraryError(
                f"The library {self.path} is not a Glose library: {error}."
            ) from error
        except sqlite3.Error as error:
            if hasattr(self, "_conn"):
                self._conn.close()
            raise _explain(error, self.path) from error

    def _enable_wal(self, timeout_s: float) -> None:
        """WAL mode, waiting for other processes: SQLite answers « locked » at once, without
        its busy handler, when several processes switch a new library's journal together."""
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                if self._conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self._conn.execute("PRAGMA journal_mode = wal")
                return
            except sqlite3.OperationalError as error:
                message = str(error).lower()
                if ("locked" not in message and "busy" not in message) or (
                    time.monotonic() > deadline
                ):
                    raise
                time.sleep(0.02)

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the store's connection. Third-party sqlite-utils plugins are not
        loaded: they could change how Glose's connection behaves (and finding them reads every
        installed package's metadata)."""
        module = _import_sqlite_utils()
        database: sqlite_utils.Database = module.Database(self._conn, execute_plugins=False)
        return database

    def close(self) -> None:
        self._conn.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The store's own connection, for whole-database operations (backup, checks)."""
        return self._conn

    def problems(self) -> list[str]:
        """What ``PRAGMA quick_check`` finds wrong with the file; empty when it is sound."""
        try:
            return quick_check(self._conn)
        except sqlite3.Error as error:
            raise _explain(error, self.path) from error

    def check_writable(self) -> None:
        """Raise the ``StoreError`` a save would meet (read-only file, lock held elsewhere).

        It takes the write lock and writes the schema version over itself, then rolls back:
        nothing changes in the file.
        """
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
                self._conn.execute(f"PRAGMA user_version = {version:d}")
            finally:
                self._rollback()
        except sqlite3.Error as error:
            raise _explain(error, self.path) from error

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the library."""
        try:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as error:
            raise _explain(error, self.path) from error

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise _explain(error, self.path) from error
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except sqlite3.Error as error:
            self._rollback()
            raise _explain(error, self.path) from error
        except UnicodeEncodeError as error:
            self._rollback()
            raise StoreError(
                f"The library {self.path} could not be written: the text contains an invalid "
                f"character ({error.reason})."
            ) from error
        except OverflowError as error:
            self._rollback()
            raise StoreError(
                f"The library {self.path} could not be written: a number is too large to store."
            ) from error
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        """Roll back what is left of a failed transaction.

        SQLite may already have rolled it back itself (a full disk, an I/O error): then there
        is nothing to do, and trying would raise over the error that matters.
        """
        if self._conn.in_transaction:
            with suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")

    def _query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        with self._reading():
            return list(self.db.query(sql, params))

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Plain tuples from the connection itself: for the reads before the first paint, and
        for rows counted in the hundred thousands."""
        with self._reading():
            return self._conn.execute(sql, params).fetchall()

    @contextmanager
    def _reading(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise _explain(error, self.path) from error
        except UnicodeEncodeError as error:
            raise StoreError(
                f"The request contains an invalid character ({error.reason})."
            ) from error
        except OverflowError as error:
            raise StoreError("The request holds a number too large for the library.") from error

    # Articles -------------------------------------------------------------------------------

    def add_or_update_article(
        self, source: str, title: str, text: str, metadata: dict[str, Any] | None = None
    ) -> Article:
        """The article for ``source`` with this text, adding it to the library if new.

        When the source is known but its text changed, the text is replaced and every
        annotation on it is re-anchored (anchored, moved or orphaned, never dropped).
        """
        if metadata is not None and not isinstance(metadata, dict):
            raise StoreError(
                f"The details of the article {source} must be a JSON object, "
                f"not {type(metadata).__name__}."
            )
        digest = sha256_text(text)
        stamp = now_iso()
        existing = self.find_article(source)
        if existing is not None and existing.sha256 == digest and existing.title == title:
            return existing
        with self._transaction() as conn:
            # Looked up again under the write lock, without the text: another window or
            # process may have added or changed this article since.
            row = conn.execute(
                "SELECT id, sha256, title, created, updated, metadata FROM articles"
                " WHERE source = ?",
                (source,),
            ).fetchone()
            if row is None:
                stored_metadata = json.dumps(metadata or {})
                cursor = conn.execute(
                    "INSERT INTO articles (source, title, text, sha256, metadata, created, updated)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (source, title, text, digest, stored_metadata, stamp, stamp),
                )
                article_id, created, updated = int(cursor.lastrowid or 0), stamp, stamp
            else:
                article_id, stored_digest, stored_title, created, updated, stored_metadata = row
                if stored_digest != digest or stored_title != title:
                    updated = stamp
                    conn.execute(
                        "UPDATE articles SET title = ?, text = ?, sha256 = ?, updated = ?"
                        " WHERE id = ?",
                        (title, text, digest, stamp, article_id),
                    )
                    if stored_digest != digest:
                        self._reanchor_in(conn, article_id, text, digest)
        # Built from what is stored, without reading back a text that may weigh megabytes.
        return Article(
            article_id,
            source,
            title,
            text,
            digest,
            created,
            updated,
            json_object(stored_metadata),
        )

    def _reanchor_in(
        self, conn: sqlite3.Connection, article_id: int, text: str, digest: str
    ) -> None:
        rows = conn.execute(
            'SELECT id, start, "end", exact, prefix, suffix FROM annotations WHERE article_id = ?',
            (article_id,),
        ).fetchall()
        for annotation_id, start, end, exact, prefix, suffix in rows:
            result = reanchor(text, start, end, exact, prefix, suffix)
            conn.execute(
                'UPDATE annotations SET start = ?, "end" = ?, status = ?, text_sha256 = ?'
                " WHERE id = ?",
                (result.start, result.end, str(result.status), digest, annotation_id),
            )

    def article(self, article_id: int) -> Article | None:
        rows = self._rows(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", [article_id])
        return _article(rows[0]) if rows else None

    def find_article(self, source: str) -> Article | None:
        rows = self._rows(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE source = ?", [source])
        return _article(rows[0]) if rows else None

    def articles(self) -> list[ArticleSummary]:
        rows = self._query(
            """
            SELECT articles.id, source, title, articles.updated,
                   COUNT(annotations.id) AS annotation_count
            FROM articles LEFT JOIN annotations ON annotations.article_id = articles.id
            GROUP BY articles.id ORDER BY articles.updated DESC, articles.id DESC
            """
        )
        return [ArticleSummary(**row) for row in rows]

    # Annotations ----------------------------------------------------------------------------

    def add_annotation(
        self,
        article: Article,
        start: int,
        end: int,
        *,
        note: str = "",
        tags: Iterable[str] = (),
        style: str = DEFAULT_STYLE,
        kind: Kind = Kind.TEXT,
        ref: str = "",
    ) -> Annotation:
        annotation = self.new_annotation(
            article, start, end, note=note, tags=tags, style=style, kind=kind, ref=ref
        )
        self.restore_annotation(annotation)
        return annotation

    def new_annotation(
        self,
        article: Article,
        start: int,
        end: int,
        *,
        note: str = "",
        tags: Iterable[str] = (),
        style: str = DEFAULT_STYLE,
        kind: Kind = Kind.TEXT,
        ref: str = "",
    ) -> Annotation:
        """An annotation ready to be saved with ``restore_annotation`` (not saved yet)."""
        if not 0 <= start < end <= len(article.text):
            raise StoreError(
                f"The passage {start}–{end} is outside the article (0–{len(article.text)})."
            )
        placed = attach(article.text, start, end)
        stamp = now_iso()
        return Annotation(
            id=new_annotation_id(),
            article_id=article.id,
            start=placed.anchor.start,
            end=placed.anchor.end,
            exact=placed.selector.exact,
            prefix=placed.selector.prefix,
            suffix=placed.selector.suffix,
            note=valid_unicode(note),
            tags=clean_tags(tags),
            style=style,
            kind=kind,
            ref=ref,
            status=placed.anchor.status,
            text_sha256=article.sha256,
            created=stamp,
            updated=stamp,
        )

    def restore_annotation(self, annotation: Annotation) -> None:
        """Insert ``annotation`` as it is, with its id and dates (undo of a delete, import)."""
        with self._transaction() as conn:
            _insert_annotation(conn, annotation)

    def update_annotation(
        self,
        annotation_id: str,
        *,
        note: str | None = None,
        tags: Iterable[str] | None = None,
        style: str | None = None,
    ) -> Annotation:
        with self._transaction() as conn:
            # Read under the write lock, so that a change made meanwhile by another window
            # is neither lost nor resurrected.
            current = self.annotation(annotation_id)
            if current is None:
                raise NotFoundError("This annotation no longer exists.")
            changed = current.with_changes(
                note=current.note if note is None else valid_unicode(note),
                tags=current.tags if tags is None else clean_tags(tags),
                style=current.style if style is None else style,
                updated=now_iso(),
            )
            conn.execute(
                "UPDATE annotations SET note = ?, tags = ?, style = ?, updated = ? WHERE id = ?",
                (
                    changed.note,
                    json.dumps(list(changed.tags), ensure_ascii=False),
                    changed.style,
                    changed.updated,
                    annotation_id,
                ),
            )
        return changed

    def delete_annotation(self, annotation_id: str) -> Annotation:
        with self._transaction() as conn:
            current = self.annotation(annotation_id)
            if current is None:
                raise NotFoundError("This annotation no longer exists.")
            conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        return current

    def annotation(self, annotation_id: str) -> Annotation | None:
        found = self._annotation_rows("WHERE id = ?", annotation_id)
        return found[0] if found else None

    def annotations(
        self, article_id: int, *, after: Annotation | None = None, limit: int = -1
    ) -> list[Annotation]:
        """The article's annotations in reading order (``Annotation.reading_order``); with
        ``after``, those that come after it; with ``limit``, that many at most."""
        if after is None:
            return self._annotation_rows(
                f"WHERE article_id = ? {_READING_ORDER} LIMIT ?", article_id, limit
            )
        return self._annotation_rows(
            f'WHERE article_id = ? AND (start, "end", created, id) > (?, ?, ?, ?) {_READING_ORDER}'
            " LIMIT ?",
            article_id,
            *after.reading_order,
            limit,
        )

    def _annotation_rows(self, where: str, *values: object) -> list[Annotation]:
        rows = self._rows(f"SELECT {_ANNOTATION_COLUMNS} FROM annotations {where}", values)
        tags_of: dict[str, tuple[str, ...]] = {}
        return [_annotation_from_tuple(row, tags_of) for row in rows]

    def all_tags(self) -> list[str]:
        """Every tag in use, sorted; read as each annotation's tags are (``decoded_tags``)."""
        rows = self._rows("SELECT DISTINCT tags FROM annotations")
        return sorted({tag for (tags,) in rows for tag in decoded_tags(tags)})

    def delete_article(self, article_id: int) -> tuple[Article, list[Annotation]]:
        """Remove an article and its annotations; returns them so that it can be undone."""
        with self._transaction() as conn:
            # Read under the write lock: an annotation added meanwhile by another window or
            # process is returned too, so that undoing brings it back as well.
            article = self.article(article_id)
            if article is None:
                raise NotFoundError("This article is no longer in the library.")
            annotations = self.annotations(article_id)
            conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        return article, annotations

    def restore_article(self, article: Article, annotations: Sequence[Annotation]) -> None:
        """Put back an article deleted by ``delete_article``, with the same id and its
        annotations, in one transaction: all of it comes back, or none."""
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO articles (id, source, title, text, sha256, metadata, created, updated)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    article.source,
                    article.title,
                    article.text,
                    article.sha256,
                    json.dumps(article.metadata),
                    article.created,
                    article.updated,
                ),
            )
            for annotation in annotations:
                _insert_annotation(conn, annotation)

    # Analysis results and search -------------------------------------------------------------

    def replace_analysis(
        self,
        article_id: int,
        quotes: Sequence[tuple[int, int, str, str, str]],
        entities: Sequence[tuple[int, int, str, str, str]],
    ) -> None:
        """Keep what analysis found in an article, for searches across the library.

        ``quotes`` are (start, end, text, speaker, cue); ``entities`` (start, end, text, label,
        canonical).
        """
        with self._transaction() as conn:
            conn.execute("DELETE FROM article_quotes WHERE article_id = ?", (article_id,))
            conn.execute("DELETE FROM article_entities WHERE article_id = ?", (article_id,))
            conn.executemany(
                'INSERT INTO article_quotes (article_id, start, "end", text, speaker, cue)'
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(article_id, *quote) for quote in quotes],
            )
            conn.executemany(
                'INSERT INTO article_entities (article_id, start, "end", text, label, canonical)'
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(article_id, *entity) for entity in entities],
            )

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Articles, annotations and quotations matching every word of ``query``, best first."""
        match = fts_query(query)
        if not match:
            return []
        hits: list[SearchHit] = []
        for row in self._query(
            """
            SELECT articles.id AS article_id, articles.title,
                   snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet,
                   bm25(articles_fts) AS rank
            FROM articles_fts JOIN articles ON articles.id = articles_fts.rowid
            WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?
            """,
            [match, limit],
        ):
            hits.append(
                SearchHit(
                    "article", row["article_id"], row["title"], row["snippet"], rank=row["rank"]
                )
            )
        for row in self._query(
            """
            SELECT annotations.id, annotations.article_id, articles.title, annotations.start,
                   annotations."end", annotations.note,
                   snippet(annotations_fts, -1, '[', ']', '…', 12) AS snippet,
                   bm25(annotations_fts) AS rank
            FROM annotations_fts
            JOIN annotations ON annotations.rowid = annotations_fts.rowid
            JOIN articles ON articles.id = annotations.article_id
            WHERE annotations_fts MATCH ? ORDER BY rank LIMIT ?
            """,
            [match, limit],
        ):
            hits.append(
                SearchHit(
                    "annotation",
                    row["article_id"],
                    row["title"],
                    row["snippet"],
                    row["start"],
                    row["end"],
                    row["id"],
                    row["rank"],
                )
            )
        for row in self._query(
            """
            SELECT article_quotes.article_id, articles.title, article_quotes.start,
                   article_quotes."end", article_quotes.speaker,
                   snippet(article_quotes_fts, 0, '[', ']', '…', 12) AS snippet,
                   bm25(article_quotes_fts) AS rank
            FROM article_quotes_fts
            JOIN article_quotes ON article_quotes.id = article_quotes_fts.rowid
            JOIN articles ON articles.id = article_quotes.article_id
            WHERE article_quotes_fts MATCH ? ORDER BY rank LIMIT ?
            """,
            [match, limit],
        ):
            hits.append(
                SearchHit(
                    "quote",
                    row["article_id"],
                    row["title"],
                    row["snippet"],
                    row["start"],
                    row["end"],
                    row["speaker"],
                    row["rank"],
                )
            )
        hits.sort(key=lambda hit: hit.rank)
        return hits[:limit]

    def stored_analysis(self, article_id: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """What the last analysis of an article found: (quotes, entities) rows."""
        quotes = self._query(
            'SELECT start, "end", text, speaker, cue FROM article_quotes'
            " WHERE article_id = ? ORDER BY start",
            [article_id],
        )
        entities = self._query(
            'SELECT start, "end", text, label, canonical FROM article_entities'
            " WHERE article_id = ? ORDER BY start",
            [article_id],
        )
        return quotes, entities

    def quotes_by_speaker(self, speaker: str) -> list[StoredQuote]:
        rows = self._query(
            """
            SELECT article_id, articles.title, start, "end", article_quotes.text, speaker, cue
            FROM article_quotes JOIN articles ON articles.id = article_quotes.article_id
            WHERE speaker = ? COLLATE NOCASE ORDER BY article_id, start
            """,
            [speaker],
        )
        return [StoredQuote(**row) for row in rows]

    def articles_mentioning(self, canonical: str) -> list[tuple[ArticleSummary, int]]:
        """Articles where an entity group appears, with its number of mentions there."""
        rows = self._query(
            """
            SELECT articles.id, source, title, articles.updated,
                   (SELECT COUNT(*) FROM annotations WHERE article_id = articles.id)
                       AS annotation_count,
                   COUNT(article_entities.id) AS mentions
            FROM article_entities JOIN articles ON articles.id = article_entities.article_id
            WHERE canonical = ? COLLATE NOCASE
            GROUP BY articles.id ORDER BY mentions DESC, articles.id
            """,
            [canonical],
        )
        return [
            (ArticleSummary(**{k: v for k, v in row.items() if k != "mentions"}), row["mentions"])
            for row in rows
        ]

    # Named styles -------------------------------------------------------------------------

    def styles(self) -> list[HighlightStyle]:
        rows = self._rows(
            "SELECT name, label_fr, label_en, light, dark FROM styles ORDER BY position, name"
        )
        return [HighlightStyle(*row) for row in rows]

    def save_styles(self, styles: Sequence[HighlightStyle]) -> None:
        """Replace the set of styles; annotations in a removed style move to the first one."""
        if not styles:
            raise StoreError("At least one style is needed.")
        with self._transaction() as conn:
            conn.execute("DELETE FROM styles")
            conn.executemany(
                "INSERT INTO styles (name, label_fr, label_en, light, dark, position)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (s.name, s.label_fr, s.label_en, s.light, s.dark, position)
                    for position, s in enumerate(styles)
                ],
            )
            placeholders = ", ".join("?" for _ in styles)
            conn.execute(
                f"UPDATE annotations SET style = ? WHERE style NOT IN ({placeholders})",
                [styles[0].name, *(s.name for s in styles)],
            )

    # Analysis cache and corrections --------------------------------------------------------

    def cache_get(self, key: str) -> Any | None:
        """The cached value, or None when there is none or it is not JSON (damaged or edited
        by hand): a cache entry that cannot be read is computed again."""
        rows = self._rows("SELECT value FROM analysis_cache WHERE key = ?", [key])
        return json_value(rows[0][0], None) if rows else None

    def cache_has_all(self, keys: Sequence[str]) -> bool:
        """True when every one of ``keys`` is in the analysis cache."""
        wanted = set(keys)
        found = 0
        listed = list(wanted)
        for start in range(0, len(listed), 500):
            chunk = listed[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self._rows(f"SELECT COUNT(*) FROM analysis_cache WHERE key IN ({marks})", chunk)
            found += int(rows[0][0])
        return found == len(wanted)

    def cache_put(self, key: str, value: Any) -> None:
        with self._transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO analysis_cache (key, value, created) VALUES (?, ?, ?)",
                (key, json.dumps(value, ensure_ascii=False), now_iso()),
            )

    def add_correction(self, article_id: int | None, kind: str, data: dict[str, Any]) -> int:
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO corrections (article_id, kind, data, created) VALUES (?, ?, ?, ?)",
                (article_id, kind, json.dumps(data, ensure_ascii=False), now_iso()),
            )
            return int(cursor.lastrowid or 0)

    def remove_correction(self, correction_id: int) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM corrections WHERE id = ?", (correction_id,))

    def corrections(self, article_id: int | None, kind: str | None = None) -> list[dict[str, Any]]:
        """Corrections for one article (``None``: those meant for every article)."""
        sql = "SELECT id, article_id, kind, data FROM corrections WHERE article_id IS ?"
        params: list[Any] = [article_id]
        if kind is not None:
            sql += " AND kind = ?"
            params.append(kind)
        rows = self._query(sql + " ORDER BY id", params)
        # A row whose data is not a JSON object (edited by hand, written by another tool) is
        # left in the library, unused: it cannot say what it corrects.
        decoded = [{**row, "data": json_value(row["data"], None)} for row in rows]
        return [row for row in decoded if isinstance(row["data"], dict)]


_ARTICLE_COLUMNS = "id, source, title, text, sha256, created, updated, metadata"


def _article(row: Sequence[Any]) -> Article:
    article_id, source, title, text, sha256, created, updated, metadata = row
    return Article(article_id, source, title, text, sha256, created, updated, json_object(metadata))


_READING_ORDER = 'ORDER BY start, "end", created, id'
_ANNOTATION_COLUMNS = (
    'id, article_id, start, "end", exact, prefix, suffix, note, tags, style, kind, ref, status,'
    " text_sha256, created, updated"
)
_KINDS = {kind.value: kind for kind in Kind}
_STATUSES = {status.value: status for status in Status}


def _annotation_from_tuple(row: Sequence[Any], tags_of: dict[str, tuple[str, ...]]) -> Annotation:
    """An annotation from a row of ``_ANNOTATION_COLUMNS``. ``tags_of`` keeps the tag lists
    already decoded: a library repeats a few, and decoding each row's took a third of the time
    of reading 100,000 annotations."""
    tags = row[8] or "[]"
    decoded = tags_of.get(tags)
    if decoded is None:
        decoded = tags_of[tags] = decoded_tags(tags) if tags != "[]" else ()
    # Positional, in the order of the fields: keywords cost a tenth more on 100,000 rows.
    return Annotation(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        decoded,
        row[9],
        # A kind or status this Glose does not know (edited by hand, or a newer one's) is
        # read as a plain, anchored annotation rather than failing the whole article.
        _KINDS.get(row[10], Kind.TEXT),
        row[11],
        _STATUSES.get(row[12], Status.ANCHORED),
        row[13],
        row[14],
        row[15],
    )


def _insert_annotation(conn: sqlite3.Connection, annotation: Annotation) -> None:
    """Write ``annotation`` as it is (new, or over the one with its id), inside the caller's
    transaction.

    One written again under its id (an import, an undo) is updated in place rather than
    replaced: REPLACE would delete the row without telling the full-text index, which would go
    on finding the old words at a row number a later annotation may reuse.
    """
    conn.execute(
        f"""
        INSERT INTO annotations ({_ANNOTATION_COLUMNS})
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET article_id = excluded.article_id,
            start = excluded.start, "end" = excluded."end", exact = excluded.exact,
            prefix = excluded.prefix, suffix = excluded.suffix, note = excluded.note,
            tags = excluded.tags, style = excluded.style, kind = excluded.kind,
            ref = excluded.ref, status = excluded.status, text_sha256 = excluded.text_sha256,
            created = excluded.created, updated = excluded.updated
        """,
        (
            annotation.id,
            annotation.article_id,
            annotation.start,
            annotation.end,
            annotation.exact,
            annotation.prefix,
            annotation.suffix,
            valid_unicode(annotation.note),
            json.dumps(list(annotation.tags), ensure_ascii=False),
            annotation.style,
            str(annotation.kind),
            annotation.ref,
            str(annotation.status),
            annotation.text_sha256,
            annotation.created,
            annotation.updated,
        ),
    )


def reattached(annotation: Annotation, article: Article, start: int, end: int) -> Annotation:
    """``annotation`` moved onto ``article.text[start:end]``, with fresh selectors."""
    placed = attach(article.text, start, end)
    return annotation.with_changes(
        start=placed.anchor.start,
        end=placed.anchor.end,
        exact=placed.selector.exact,
        prefix=placed.selector.prefix,
        suffix=placed.selector.suffix,
        status=placed.anchor.status,
        text_sha256=article.sha256,
    )


def fts_query(query: str) -> str:
    """A free-text query as an FTS5 expression: every word must match, the last as a prefix.

    Quoting each word means that nothing a person types (quotes, stars, NEAR, colons) is read
    as FTS5 syntax.
    """
    words = ["".join(c if c.isalnum() else " " for c in word).split() for word in query.split()]
    flat = [part for parts in words for part in parts]
    if not flat:
        return ""
    quoted = ['"' + word.replace('"', '""') + '"' for word in flat]
    quoted[-1] += "*"
    return " ".join(quoted)
