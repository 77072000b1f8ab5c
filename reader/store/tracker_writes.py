"""The quotation tracker's rows as grouping writes them: members, clusters and the index.

Everything happens inside one transaction (``TrackerRoom.tracker_writing``); the index changes are
gathered and written together at its end.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from reader.store.connection import now_iso

CHUNK = 500
"""Values bound in one ``IN (…)``: well under SQLite's limit on parameters."""


@dataclass(frozen=True, slots=True)
class StoredQuotation:
    """A quotation as analysis stored it for an article."""

    start: int
    end: int
    text: str
    speaker: str


@dataclass(frozen=True, slots=True)
class Member:
    """A quotation as the tracker keeps it: in a cluster, with its words."""

    id: int
    cluster_id: int
    article_id: int | None
    """None once its article left the library (kept while a verdict needs it)."""
    start: int
    end: int
    text: str
    speaker: str
    words: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A member as a new quotation is compared with it."""

    id: int
    cluster_id: int
    article_id: int | None
    words: str


_MEMBER_COLUMNS = 'id, cluster_id, article_id, start, "end", text, speaker, words'


def quotes_fingerprint(quotes: Sequence[StoredQuotation]) -> str:
    """What the tracker remembers of an article's quotations, to tell when they changed."""
    return json.dumps(
        [len(quotes), sum(q.start for q in quotes), sum(q.end for q in quotes)],
        separators=(",", ":"),
    )


class TrackerWriter:
    """The tracker's writes inside one transaction (see ``TrackerRoom.tracker_writing``)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._stamp = now_iso()
        self._indexed: list[tuple[int, int]] = []
        self._unindexed: list[tuple[int, int]] = []

    # Reads that must see the transaction's own writes -------------------------------------

    def members_of_article(self, article_id: int) -> list[Member]:
        """The article's members, with those it had when it was deleted (put back since)."""
        rows = self._conn.execute(
            f"SELECT {_MEMBER_COLUMNS} FROM tracker_members WHERE article_id = ?"
            f" UNION ALL SELECT {_MEMBER_COLUMNS} FROM tracker_members"
            " WHERE article_id IS NULL"
            " AND left_from = (SELECT source FROM articles WHERE id = ?)",
            (article_id, article_id),
        ).fetchall()
        return [Member(*row) for row in rows]

    def candidates(self, member_ids: Iterable[int]) -> list[Candidate]:
        """What comparing needs of these members: their cluster, article and words."""
        found: list[Candidate] = []
        for chunk in padded_chunks(sorted(member_ids), IDS_PER_READ):
            rows = self._conn.execute(_CANDIDATES, chunk).fetchall()
            found.extend(Candidate(*row) for row in rows)
        return found

    def members_with_keys(self, keys: Sequence[int], per_key: int) -> list[tuple[int, int]]:
        """(key, member id) for each of ``keys``, at most ``per_key`` members per key (as
        the index stood when the transaction began)."""
        found: list[tuple[int, int]] = []
        for chunk in padded_chunks(list(keys), KEYS_PER_READ):
            values: list[int | None] = []
            for key in chunk:
                values += [key, per_key]
            found.extend(self._conn.execute(_POSTINGS, values).fetchall())
        return found

    def has_verdict(self, member: Member) -> bool:
        """Does a verdict hang on this member, or on its cluster?"""
        row = self._conn.execute(
            "SELECT 1 FROM tracker_verdicts WHERE member_id = ?"
            " OR (cluster_id = ? AND member_id IS NULL) LIMIT 1",
            (member.id, member.cluster_id),
        ).fetchone()
        return row is not None

    # Writes -------------------------------------------------------------------------------

    def new_cluster(self) -> int:
        cursor = self._conn.execute(
            "INSERT INTO tracker_clusters (created) VALUES (?)", (self._stamp,)
        )
        return int(cursor.lastrowid or 0)

    def add_member(
        self,
        cluster_id: int,
        article_id: int,
        quote: StoredQuotation,
        words: str,
        keys: Iterable[int],
    ) -> int:
        cursor = self._conn.execute(
            'INSERT INTO tracker_members (cluster_id, article_id, start, "end", text, speaker,'
            " words, joined) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                cluster_id,
                article_id,
                quote.start,
                quote.end,
                quote.text,
                quote.speaker,
                words,
                self._stamp,
            ),
        )
        member_id = int(cursor.lastrowid or 0)
        self._index(member_id, keys)
        return member_id

    def move_member(
        self,
        member: Member | Candidate,
        article_id: int,
        quote: StoredQuotation,
        words: str,
        old_keys: Iterable[int],
        keys: Iterable[int],
    ) -> None:
        """The member now stands for ``quote`` (same cluster, same id, so its verdicts stay)."""
        self._conn.execute(
            'UPDATE tracker_members SET article_id = ?, start = ?, "end" = ?, text = ?,'
            " speaker = ?, words = ?, left_from = NULL WHERE id = ?",
            (article_id, quote.start, quote.end, quote.text, quote.speaker, words, member.id),
        )
        if words != member.words:
            self._unindex(member.id, old_keys)
            self._index(member.id, keys)

    def depart_member(self, member_id: int) -> None:
        """Keep the member without its article: a verdict hangs on it or on its cluster."""
        self._conn.execute(
            "UPDATE tracker_members SET article_id = NULL, left_from = NULL WHERE id = ?",
            (member_id,),
        )

    def delete_member(self, member: Member, keys: Iterable[int]) -> None:
        self._unindex(member.id, keys)
        self._conn.execute("DELETE FROM tracker_members WHERE id = ?", (member.id,))

    def departed_without_verdict(self) -> list[Member]:
        """Members whose article is gone and on which, and on whose cluster, no verdict hangs."""
        rows = self._conn.execute(
            f"SELECT {_MEMBER_COLUMNS} FROM tracker_members m WHERE article_id IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM tracker_verdicts v WHERE v.member_id = m.id"
            " OR (v.cluster_id = m.cluster_id AND v.member_id IS NULL))"
        ).fetchall()
        return [Member(*row) for row in rows]

    def drop_empty_clusters(self, cluster_ids: Iterable[int]) -> None:
        """Remove those of ``cluster_ids`` left without members and without verdicts."""
        for chunk in chunks(sorted(set(cluster_ids))):
            marks = ", ".join("?" * len(chunk))
            self._conn.execute(
                f"DELETE FROM tracker_clusters WHERE id IN ({marks})"
                " AND NOT EXISTS (SELECT 1 FROM tracker_members m"
                " WHERE m.cluster_id = tracker_clusters.id)"
                " AND NOT EXISTS (SELECT 1 FROM tracker_verdicts v"
                " WHERE v.cluster_id = tracker_clusters.id)",
                chunk,
            )

    def mark_tracked(self, article_id: int, fingerprint: str) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO tracker_articles (article_id, quotes) VALUES (?, ?)",
            (article_id, fingerprint),
        )

    def _index(self, member_id: int, keys: Iterable[int]) -> None:
        self._indexed.extend((key, member_id) for key in set(keys))

    def _unindex(self, member_id: int, keys: Iterable[int]) -> None:
        self._unindexed.extend((key, member_id) for key in set(keys))

    def flush(self) -> None:
        """Write the index changes gathered meanwhile, in a few statements: they are read
        at the start of the next grouping, not during this one."""
        self._conn.executemany(
            "DELETE FROM tracker_keys WHERE key = ? AND member_id = ?", self._unindexed
        )
        self._conn.executemany(
            "INSERT OR IGNORE INTO tracker_keys (key, member_id) VALUES (?, ?)", self._indexed
        )
        self._indexed.clear()
        self._unindexed.clear()


def chunks(values: list[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def padded_chunks(values: list[Any], size: int) -> Iterator[list[Any]]:
    """``values`` by ``size``, the last chunk filled up with NULLs (which match nothing): the
    statement is then the same every time, and SQLite prepares it once per connection
    rather than for every article (preparing a read of hundreds of keys took longer than
    running it)."""
    for chunk in chunks(values, size):
        yield chunk + [None] * (size - len(chunk))


KEYS_PER_READ = 64
"""Index keys looked up by one statement."""
IDS_PER_READ = 128
"""Members read by one statement."""
_POSTINGS = " UNION ALL ".join(
    ["SELECT * FROM (SELECT key, member_id FROM tracker_keys WHERE key = ? LIMIT ?)"]
    * KEYS_PER_READ
)
_CANDIDATES = (
    "SELECT id, cluster_id, article_id, words FROM tracker_members WHERE id IN ("
    + ", ".join("?" * IDS_PER_READ)
    + ")"
)
