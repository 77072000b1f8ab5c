"""Annotations in the library: made, read a page at a time, edited, deleted, put back.

Where an annotation is attached is ``reader.anchoring``'s decision; this room only stores it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from reader.anchoring import attach
from reader.store.connection import LibraryConnection, now_iso
from reader.store.errors import NotFoundError, StoreError
from reader.store.model import (
    DEFAULT_STYLE,
    Annotation,
    Article,
    Kind,
    Status,
    clean_tags,
    decoded_tags,
)
from reader.text import valid_unicode

_READING_ORDER = 'ORDER BY start, "end", created, id'
_FIELDS = (
    "id",
    "article_id",
    "start",
    "end",
    "exact",
    "prefix",
    "suffix",
    "note",
    "tags",
    "style",
    "kind",
    "ref",
    "status",
    "text_sha256",
    "created",
    "updated",
)
"""The columns of an annotation, in the order of ``Annotation``'s fields."""
_COLUMNS = ", ".join(f'"{field}"' for field in _FIELDS)
_KINDS = {kind.value: kind for kind in Kind}
_STATUSES = {status.value: status for status in Status}
# An annotation written again under its id (an import, an undo) is updated in place rather
# than replaced: REPLACE would delete the row without telling the full-text index, which would
# go on finding the old words at a row number a later annotation may reuse.
_UPSERT = (
    f"INSERT INTO annotations ({_COLUMNS}) VALUES ({', '.join('?' * len(_FIELDS))})"
    " ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f'"{field}" = excluded."{field}"' for field in _FIELDS[1:])
)
_MANY_ANNOTATIONS = 1000
"""From this many annotations written together, batching them saves more than importing
sqlite-utils costs."""


def new_annotation_id() -> str:
    # uuid imported here: with the platform module it loads, it weighs on the app's start-up.
    import uuid

    return str(uuid.uuid4())


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


def _row(annotation: Annotation) -> tuple[Any, ...]:
    return (
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
    )


def _annotation(row: Sequence[Any], tags_of: dict[str, tuple[str, ...]]) -> Annotation:
    """An annotation from a row of ``_COLUMNS``. ``tags_of`` keeps the tag lists already
    decoded: a library repeats a few, and decoding each row's took a third of the time of
    reading 100,000 annotations."""
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


class AnnotationRoom(LibraryConnection):
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
            conn.execute(_UPSERT, _row(annotation))

    def _write_annotations(self, annotations: Iterable[Annotation]) -> None:
        """Write each annotation as it is (new, or over the one with its id), inside the
        caller's transaction.

        Many go through sqlite-utils, which writes them many rows to a statement, in batches
        that fit SQLite's limit on parameters: the full-text index is brought up to date once
        per statement instead of once per annotation, about three times quicker for thousands
        of them. Its writes join the transaction already open (sqlite-utils 4). A few are
        written one statement each, which is as quick and spares importing it.
        """
        rows = [_row(annotation) for annotation in annotations]
        if len(rows) < _MANY_ANNOTATIONS:
            self._conn.executemany(_UPSERT, rows)
            return
        records = (dict(zip(_FIELDS, row, strict=True)) for row in rows)
        self.db.table("annotations").upsert_all(records, pk="id")

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
        rows = self._rows(f"SELECT {_COLUMNS} FROM annotations {where}", values)
        tags_of: dict[str, tuple[str, ...]] = {}
        return [_annotation(row, tags_of) for row in rows]

    def all_tags(self) -> list[str]:
        """Every tag in use, sorted; read as each annotation's tags are (``decoded_tags``)."""
        rows = self._rows("SELECT DISTINCT tags FROM annotations")
        return sorted({tag for (tags,) in rows for tag in decoded_tags(tags)})
