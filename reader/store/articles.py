"""Articles in the library: added, replaced (their annotations re-anchored), listed, deleted,
put back, imported with their annotations.

An article's annotations come and go with it, so this room builds on the annotations' one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from reader.anchoring import reanchor
from reader.store.annotations import AnnotationRoom
from reader.store.connection import now_iso
from reader.store.errors import NotFoundError, StoreError
from reader.store.model import Annotation, Article, ArticleSummary, json_object
from reader.text import sha256_text

_COLUMNS = "id, source, title, text, sha256, created, updated, metadata"
_INSERT = (
    "INSERT INTO articles (source, title, text, sha256, metadata, created, updated)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def _article(row: Sequence[Any]) -> Article:
    article_id, source, title, text, sha256, created, updated, metadata = row
    return Article(article_id, source, title, text, sha256, created, updated, json_object(metadata))


class ArticleRoom(AnnotationRoom):
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
                    _INSERT, (source, title, text, digest, stored_metadata, stamp, stamp)
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
                        _reanchor_annotations(conn, article_id, text, digest)
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

    def article(self, article_id: int) -> Article | None:
        rows = self._rows(f"SELECT {_COLUMNS} FROM articles WHERE id = ?", [article_id])
        return _article(rows[0]) if rows else None

    def find_article(self, source: str) -> Article | None:
        rows = self._rows(f"SELECT {_COLUMNS} FROM articles WHERE source = ?", [source])
        return _article(rows[0]) if rows else None

    def articles(self) -> list[ArticleSummary]:
        rows = self._rows(
            """
            SELECT articles.id, source, title, articles.updated, COUNT(annotations.id)
            FROM articles LEFT JOIN annotations ON annotations.article_id = articles.id
            GROUP BY articles.id ORDER BY articles.updated DESC, articles.id DESC
            """
        )
        return [ArticleSummary(*row) for row in rows]

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
            self._write_annotations(annotations)

    def import_records(
        self,
        new_articles: Sequence[tuple[Article, Sequence[Annotation]]],
        annotations: Sequence[Annotation],
    ) -> list[int]:
        """Add each new article (its ``id`` is not used) with the annotations on it, and put
        ``annotations`` in as they are (new, or replacing the same id), in one transaction:
        an imported file lands whole or not at all. Returns the new articles' ids."""
        rows: list[Annotation] = list(annotations)
        added: list[int] = []
        with self._transaction() as conn:
            for article, on_it in new_articles:
                cursor = conn.execute(
                    _INSERT,
                    (
                        article.source,
                        article.title,
                        article.text,
                        article.sha256,
                        json.dumps(article.metadata),
                        article.created,
                        article.updated,
                    ),
                )
                added.append(int(cursor.lastrowid or 0))
                rows += [annotation.with_changes(article_id=added[-1]) for annotation in on_it]
            self._write_annotations(rows)
        return added


def _reanchor_annotations(
    conn: sqlite3.Connection, article_id: int, text: str, digest: str
) -> None:
    """Write where ``reanchor`` finds each annotation of the article in its new ``text``,
    inside the caller's transaction."""
    rows = conn.execute(
        'SELECT id, start, "end", exact, prefix, suffix FROM annotations WHERE article_id = ?',
        (article_id,),
    ).fetchall()
    for annotation_id, start, end, exact, prefix, suffix in rows:
        found = reanchor(text, start, end, exact, prefix, suffix)
        conn.execute(
            'UPDATE annotations SET start = ?, "end" = ?, status = ?, text_sha256 = ? WHERE id = ?',
            (found.start, found.end, str(found.status), digest, annotation_id),
        )
