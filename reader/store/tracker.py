"""The quotation tracker's room of the library (schema version 4): its clusters, their
members and index, and the reader's verdicts, over the store's one connection.

The tracker decides what belongs together (``reader.tracker``); this room only reads and
writes its rows, each change one transaction of the store's (``_transaction``). The records
it builds (``reader.store.clusters``, ``reader.store.tracker_writes``) are imported when first
needed: opening the library before the first paint has no use for them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from reader.store.connection import LibraryConnection
from reader.store.model import SearchHit
from reader.text import valid_unicode

if TYPE_CHECKING:
    from reader.store.clusters import Cluster, Variant, VerdictRecord
    from reader.store.tracker_writes import StoredQuotation, TrackerWriter

_VERDICT_COLUMNS = "cluster_id, member_id, verdict, source, note, created, updated"


class TrackerRoom(LibraryConnection):
    @contextmanager
    def tracker_writing(self) -> Iterator[TrackerWriter]:
        """One transaction for grouping an article: everything written inside is committed
        together, with the index changes gathered meanwhile, or nothing is."""
        from reader.store.tracker_writes import TrackerWriter

        with self._transaction() as conn:
            writer = TrackerWriter(conn)
            yield writer
            writer.flush()

    # Quotations and articles -----------------------------------------------------------------

    def quotes_to_track(self, article_id: int) -> list[StoredQuotation]:
        """The quotations analysis stored for the article, in reading order."""
        from reader.store.tracker_writes import StoredQuotation

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

    def quote_clusters(
        self, cluster_ids: Iterable[int] | None = None, min_articles: int = 1
    ) -> list[Cluster]:
        """Clusters with their variants (the articles still in the library) and verdicts:
        the ones given, else every cluster carried by at least ``min_articles`` articles."""
        from reader.store.clusters import Cluster, Variant
        from reader.store.tracker_writes import chunks

        if cluster_ids is None:
            rows = self._rows(
                "SELECT cluster_id FROM tracker_members WHERE article_id IS NOT NULL"
                " GROUP BY cluster_id HAVING COUNT(DISTINCT article_id) >= ?",
                (max(1, min_articles),),
            )
            wanted = [row[0] for row in rows]
        else:
            wanted = sorted(set(cluster_ids))
        verdicts = self._quote_verdicts(wanted)
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
                member_id, cluster_id, article_id, title, source, start, end, text = row[:8]
                speaker, carried = row[8:]
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
                        verdicts.get((cluster_id, member_id)),
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
            # A cluster whose articles are all gone is kept only for its verdict.
            if variants[cluster_id] or (cluster_id, None) in verdicts
        ]

    def quote_cluster_ids_at(self, article_id: int, start: int, end: int) -> list[int]:
        """Clusters of the article's tracked quotations overlapping ``start``–``end``, the
        most overlapping first."""
        rows = self._rows(
            'SELECT cluster_id, MIN("end", ?) - MAX(start, ?) AS overlap FROM tracker_members'
            ' WHERE article_id = ? AND start < ? AND "end" > ? ORDER BY overlap DESC, start',
            (end, start, article_id, end, start),
        )
        return list(dict.fromkeys(row[0] for row in rows))

    def quote_cluster_ids_of_articles(self, article_ids: Iterable[int]) -> list[int]:
        """Clusters of the quotations the articles carry, in the order they first appear
        in them (article after article, in reading order)."""
        found: dict[int, None] = {}
        for article_id in article_ids:
            for (cluster_id,) in self._rows(
                'SELECT cluster_id FROM tracker_members WHERE article_id = ? ORDER BY start, "end"',
                (article_id,),
            ):
                found.setdefault(cluster_id, None)
        return list(found)

    def quote_cluster_exists(self, cluster_id: int) -> bool:
        return bool(self._rows("SELECT 1 FROM tracker_clusters WHERE id = ?", (cluster_id,)))

    def quote_member_cluster(self, member_id: int) -> int | None:
        """The cluster of a variant (a member), None if there is no such member."""
        rows = self._rows("SELECT cluster_id FROM tracker_members WHERE id = ?", (member_id,))
        return int(rows[0][0]) if rows else None

    # Verdicts --------------------------------------------------------------------------------

    def _quote_verdicts(
        self, cluster_ids: Sequence[int]
    ) -> dict[tuple[int, int | None], VerdictRecord]:
        from reader.store.tracker_writes import chunks

        found: dict[tuple[int, int | None], VerdictRecord] = {}
        for chunk in chunks(list(cluster_ids)):
            marks = ", ".join("?" * len(chunk))
            for row in self._rows(
                f"SELECT {_VERDICT_COLUMNS} FROM tracker_verdicts WHERE cluster_id IN ({marks})",
                chunk,
            ):
                record = _verdict(row)
                found[(record.cluster_id, record.member_id)] = record
        return found

    def quote_verdict(self, cluster_id: int, member_id: int | None = None) -> VerdictRecord | None:
        """The verdict on the cluster (``member_id`` None) or on one of its variants."""
        rows = self._rows(
            f"SELECT {_VERDICT_COLUMNS} FROM tracker_verdicts"
            " WHERE cluster_id = ? AND member_id IS ?",
            (cluster_id, member_id),
        )
        return _verdict(rows[0]) if rows else None

    def put_quote_verdict(
        self, cluster_id: int, member_id: int | None, record: VerdictRecord | None
    ) -> VerdictRecord | None:
        """Make the verdict on the cluster (or on its member) ``record``, or none; returns
        the one it replaces, so that the change can be undone by putting that back."""
        with self._transaction() as conn:
            previous = self.quote_verdict(cluster_id, member_id)
            if record is None:
                conn.execute(
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
                conn.execute(
                    "INSERT INTO tracker_verdicts (verdict, source, note, created, updated,"
                    " cluster_id, member_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (*values, cluster_id, member_id),
                )
            else:
                conn.execute(
                    "UPDATE tracker_verdicts SET verdict = ?, source = ?, note = ?, created = ?,"
                    " updated = ? WHERE cluster_id = ? AND member_id IS ?",
                    (*values, cluster_id, member_id),
                )
        return previous

    def search_verdicts(self, match: str, limit: int = 50) -> list[SearchHit]:
        """Verdicts whose note or source match the FTS5 expression ``match`` (see
        ``fts_query``), best first; each hit points at the variant judged, or at the first
        article still carrying the quotation, and its ``ref`` is the cluster's id."""
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


def _verdict(row: Sequence[Any]) -> VerdictRecord:
    from reader.store.clusters import Verdict, VerdictRecord

    cluster_id, member_id, verdict, source, note, created, updated = row
    return VerdictRecord(cluster_id, member_id, Verdict(verdict), source, note, created, updated)
