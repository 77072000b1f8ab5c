"""The quotation tracker's tables (schema version 4), over the store's own connection.

The tracker decides what belongs together (``reader.tracker``); this module only reads and
writes its rows. Every change is one transaction, committed before the call returns.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

from reader.store.model import SearchHit
from reader.store.store import Store, _explain, fts_query, now_iso
from reader.store.tracker_writes import StoredQuotation, TrackerWriter, chunks
from reader.text import valid_unicode
from reader.tracker.model import Cluster, Variant, Verdict, VerdictRecord


class TrackerTables:
    """The tracker's rows in the library."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._conn = store.connection

    @contextmanager
    def writing(self) -> Iterator[TrackerWriter]:
        """One transaction: everything written inside is committed together, or nothing."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise _explain(error, self._store.path) from error
        try:
            writer = TrackerWriter(self._conn)
            yield writer
            writer.flush()
            self._conn.execute("COMMIT")
        except sqlite3.Error as error:
            self._rollback()
            raise _explain(error, self._store.path) from error
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        # SQLite may have rolled it back itself already (a full disk, an I/O error).
        if self._conn.in_transaction:
            with suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")

    def _rows(self, sql: str, values: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, values).fetchall()
        except sqlite3.Error as error:
            raise _explain(error, self._store.path) from error

    # Quotations and articles -----------------------------------------------------------------

    def article_quotes(self, article_id: int) -> list[StoredQuotation]:
        rows = self._rows(
            'SELECT start, "end", text, speaker FROM article_quotes WHERE article_id = ?'
            ' ORDER BY start, "end"',
            (article_id,),
        )
        return [StoredQuotation(*row) for row in rows]

    def untracked_articles(self) -> list[int]:
        """Articles whose stored quotations the tracker has not seen as they are now: never
        tracked (a library from before the tracker), or analysed again since."""
        rows = self._rows(
            """
            SELECT articles.id, found.n, found.starts, found.ends, tracker_articles.quotes
            FROM articles
            LEFT JOIN (SELECT article_id, COUNT(*) AS n, SUM(start) AS starts,
                              SUM("end") AS ends
                       FROM article_quotes GROUP BY article_id) AS found
                   ON found.article_id = articles.id
            LEFT JOIN tracker_articles ON tracker_articles.article_id = articles.id
            WHERE found.n IS NOT NULL OR tracker_articles.quotes IS NOT NULL
            ORDER BY articles.id
            """
        )
        stale = []
        for article_id, count, starts, ends, seen in rows:
            now = json.dumps([count or 0, starts or 0, ends or 0], separators=(",", ":"))
            if seen != now:
                stale.append(article_id)
        return stale

    # Clusters --------------------------------------------------------------------------------

    def clusters(
        self, cluster_ids: Iterable[int] | None = None, min_articles: int = 1
    ) -> list[Cluster]:
        """Clusters with their variants (the articles still in the library) and verdicts:
        the ones given, else every cluster carried by at least ``min_articles`` articles."""
        if cluster_ids is None:
            rows = self._rows(
                "SELECT cluster_id FROM tracker_members WHERE article_id IS NOT NULL"
                " GROUP BY cluster_id HAVING COUNT(DISTINCT article_id) >= ?",
                (max(1, min_articles),),
            )
            wanted = [row[0] for row in rows]
        else:
            wanted = sorted(set(cluster_ids))
        verdicts = self._verdicts(wanted)
        variants: dict[int, list[Variant]] = {cluster_id: [] for cluster_id in wanted}
        for chunk in chunks(wanted):
            marks = ", ".join("?" * len(chunk))
            for row in self._rows(
                f"""
                SELECT m.id, m.cluster_id, m.article_id, a.title, a.source, m.start, m."end",
                       m.text, m.speaker,
                       COALESCE(NULLIF(json_extract(a.metadata, '$.date'), ''), a.created)
                FROM tracker_members m JOIN articles a ON a.id = m.article_id
                WHERE m.cluster_id IN ({marks})
                """,
                chunk,
            ):
                cluster_id = row[1]
                member_id, _, article_id, title, source, start, end, text, speaker, carried = row
                verdict = verdicts.get((cluster_id, member_id))
                variants[cluster_id].append(
                    Variant(
                        member_id,
                        article_id,
                        title,
                        source,
                        start,
                        end,
                        text,
                        speaker,
                        carried,
                        verdict,
                    )
                )
        return [
            Cluster(
                cluster_id,
                tuple(
                    sorted(variants[cluster_id], key=lambda v: (v.carried, v.article_id, v.start))
                ),
                verdicts.get((cluster_id, None)),
            )
            for cluster_id in wanted
            if cluster_id in variants and self._exists(cluster_id, variants, verdicts)
        ]

    @staticmethod
    def _exists(
        cluster_id: int,
        variants: dict[int, list[Variant]],
        verdicts: dict[tuple[int, int | None], VerdictRecord],
    ) -> bool:
        return bool(variants[cluster_id]) or (cluster_id, None) in verdicts

    def cluster_ids_at(self, article_id: int, start: int, end: int) -> list[int]:
        """Clusters of the article's tracked quotations overlapping ``start``–``end``, the
        most overlapping first."""
        rows = self._rows(
            'SELECT cluster_id, MIN("end", ?) - MAX(start, ?) AS overlap FROM tracker_members'
            ' WHERE article_id = ? AND start < ? AND "end" > ? ORDER BY overlap DESC, start',
            (end, start, article_id, end, start),
        )
        return list(dict.fromkeys(row[0] for row in rows))

    def cluster_exists(self, cluster_id: int) -> bool:
        return bool(self._rows("SELECT 1 FROM tracker_clusters WHERE id = ?", (cluster_id,)))

    def member_cluster(self, member_id: int) -> int | None:
        rows = self._rows("SELECT cluster_id FROM tracker_members WHERE id = ?", (member_id,))
        return int(rows[0][0]) if rows else None

    # Verdicts --------------------------------------------------------------------------------

    def _verdicts(self, cluster_ids: Sequence[int]) -> dict[tuple[int, int | None], VerdictRecord]:
        found: dict[tuple[int, int | None], VerdictRecord] = {}
        for chunk in chunks(list(cluster_ids)):
            marks = ", ".join("?" * len(chunk))
            for row in self._rows(
                "SELECT cluster_id, member_id, verdict, source, note, created, updated"
                f" FROM tracker_verdicts WHERE cluster_id IN ({marks})",
                chunk,
            ):
                record = _verdict(row)
                found[(record.cluster_id, record.member_id)] = record
        return found

    def verdict(self, cluster_id: int, member_id: int | None = None) -> VerdictRecord | None:
        rows = self._rows(
            "SELECT cluster_id, member_id, verdict, source, note, created, updated"
            " FROM tracker_verdicts WHERE cluster_id = ? AND member_id IS ?",
            (cluster_id, member_id),
        )
        return _verdict(rows[0]) if rows else None

    def put_verdict(
        self, cluster_id: int, member_id: int | None, record: VerdictRecord | None
    ) -> VerdictRecord | None:
        """Make the verdict on the cluster (or on its member) ``record``, or none; returns
        the one it replaces, so that the change can be undone by putting that back."""
        with self.writing():
            previous = self.verdict(cluster_id, member_id)
            if record is None:
                self._conn.execute(
                    "DELETE FROM tracker_verdicts WHERE cluster_id = ? AND member_id IS ?",
                    (cluster_id, member_id),
                )
                return previous
            values = (
                str(record.verdict),
                valid_unicode(record.source),
                valid_unicode(record.note),
                record.created,
                record.updated,
            )
            if previous is None:
                self._conn.execute(
                    "INSERT INTO tracker_verdicts (verdict, source, note, created, updated,"
                    " cluster_id, member_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (*values, cluster_id, member_id),
                )
            else:
                self._conn.execute(
                    "UPDATE tracker_verdicts SET verdict = ?, source = ?, note = ?, created = ?,"
                    " updated = ? WHERE cluster_id = ? AND member_id IS ?",
                    (*values, cluster_id, member_id),
                )
        return previous

    def search_verdicts(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Verdicts whose note or source match every word of ``query``, best first; each hit
        points at the first article still carrying the quotation (the snippet is the note)."""
        match = fts_query(query)
        if not match:
            return []
        hits = []
        for row in self._rows(
            """
            SELECT v.cluster_id, COALESCE(member.article_id, first.article_id) AS article_id,
                   articles.title,
                   COALESCE(member.start, first.start), COALESCE(member."end", first."end"),
                   snippet(tracker_verdicts_fts, -1, '[', ']', '…', 12),
                   bm25(tracker_verdicts_fts) AS rank
            FROM tracker_verdicts_fts
            JOIN tracker_verdicts v ON v.id = tracker_verdicts_fts.rowid
            LEFT JOIN tracker_members member ON member.id = v.member_id
            LEFT JOIN tracker_members first ON first.id = (
                SELECT id FROM tracker_members WHERE cluster_id = v.cluster_id
                AND article_id IS NOT NULL ORDER BY id LIMIT 1)
            JOIN articles ON articles.id = COALESCE(member.article_id, first.article_id)
            WHERE tracker_verdicts_fts MATCH ? ORDER BY rank LIMIT ?
            """,
            (match, limit),
        ):
            cluster_id, article_id, title, start, end, snippet, rank = row
            hits.append(
                SearchHit("verdict", article_id, title, snippet, start, end, str(cluster_id), rank)
            )
        return hits


def new_verdict_record(
    cluster_id: int,
    member_id: int | None,
    verdict: Verdict,
    source: str,
    note: str,
    previous: VerdictRecord | None,
) -> VerdictRecord:
    """A verdict given now; it keeps the creation date of the one it replaces."""
    stamp = now_iso()
    return VerdictRecord(
        cluster_id,
        member_id,
        verdict,
        source.strip(),
        note,
        previous.created if previous else stamp,
        stamp,
    )


def _verdict(row: Sequence[Any]) -> VerdictRecord:
    cluster_id, member_id, verdict, source, note, created, updated = row
    return VerdictRecord(cluster_id, member_id, Verdict(verdict), source, note, created, updated)
