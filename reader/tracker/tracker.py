"""The quotation tracker's API, for the app and the command line.

    tracker = QuotationTracker(store)
    tracker.cluster_for_quote(article_id, start, end)   # a quotation's cluster, its variants
    tracker.clusters(speaker="Macron", min_articles=2)  # the clusters, most carried first
    previous = tracker.set_verdict(cluster_id, Verdict.DISTORTED, note="…")
    tracker.restore_verdict(cluster_id, None, previous)  # undoes it

``reader.tracker.diff.word_diff`` says which words two variants do not share.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from reader.store import NotFoundError, Store, StoreError
from reader.store.clusters import Cluster, Verdict, VerdictRecord, same_person
from reader.store.connection import now_iso
from reader.store.model import SearchHit
from reader.store.search import fts_query
from reader.tracker.clustering import TrackResult, track_article
from reader.tracker.words import quote_words


class QuotationTracker:
    def __init__(self, store: Store) -> None:
        self.store = store

    # Keeping up with the library -------------------------------------------------------------

    def track_article(self, article_id: int) -> TrackResult:
        """Group the quotations stored for ``article_id`` with the library's."""
        return track_article(self.store, article_id)

    def pending_articles(self) -> list[int]:
        """Articles whose quotations the tracker has not grouped as they are now: a library
        from before the tracker, or one whose last grouping was interrupted."""
        return self.store.untracked_articles()

    def catch_up(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Group the quotations of every pending article; returns how many there were.
        ``progress(done, total)`` is called after each one."""
        pending = self.pending_articles()
        for done, article_id in enumerate(pending, 1):
            track_article(self.store, article_id)
            if progress is not None:
                progress(done, len(pending))
        return len(pending)

    # Reading -----------------------------------------------------------------------------------

    @staticmethod
    def trackable(text: str) -> bool:
        """Has a quotation words enough to stand for an utterance the tracker follows (« en
        même temps » has not)?"""
        return quote_words(text).trackable

    def cluster(self, cluster_id: int) -> Cluster | None:
        found = self.store.quote_clusters([cluster_id])
        return found[0] if found else None

    def cluster_for_quote(self, article_id: int, start: int, end: int) -> Cluster | None:
        """The cluster of the article's quotation at ``start``–``end`` (the one overlapping it
        most), with every variant across the library; None for a quotation too short to
        track or not grouped yet."""
        ids = self.store.quote_cluster_ids_at(article_id, start, end)
        return self.cluster(ids[0]) if ids else None

    def clusters(self, speaker: str | None = None, min_articles: int = 2) -> list[Cluster]:
        """Clusters carried by at least ``min_articles`` articles (and, with ``speaker``,
        attributed to that person by at least one), the most carried first, then the most
        recently first carried."""
        found = self.store.quote_clusters(min_articles=min_articles)
        if speaker:
            found = [
                cluster
                for cluster in found
                if any(same_person(speaker, variant.speaker) for variant in cluster.variants)
            ]
        found.sort(key=lambda cluster: cluster.first.carried if cluster.first else "", reverse=True)
        found.sort(key=lambda cluster: len(cluster.article_ids), reverse=True)
        return found

    def followed_in(self, article_ids: Iterable[int]) -> list[Cluster]:
        """The clusters worth following among the quotations these articles carry: those
        other articles report too, and those the reader gave a verdict (on the cluster or on
        one variant). In the order the articles carry them."""
        ids = self.store.quote_cluster_ids_of_articles(article_ids)
        order = {cluster_id: rank for rank, cluster_id in enumerate(ids)}
        kept = [
            cluster
            for cluster in self.store.quote_clusters(ids)
            if len(cluster.article_ids) >= 2
            or cluster.verdict is not None
            or any(variant.verdict is not None for variant in cluster.variants)
        ]
        return sorted(kept, key=lambda cluster: order[cluster.id])

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Verdicts whose note or source match every word of ``query`` (accents aside)."""
        match = fts_query(query)
        return self.store.search_verdicts(match, limit) if match else []

    # Verdicts ----------------------------------------------------------------------------------

    def set_verdict(
        self,
        cluster_id: int,
        verdict: Verdict,
        *,
        source: str | None = None,
        note: str | None = None,
        member_id: int | None = None,
    ) -> VerdictRecord | None:
        """Give the cluster (or its variant ``member_id``) a verdict; returns the verdict it
        replaces (None if there was none), for ``restore_verdict`` to undo the change. A
        ``source`` or ``note`` left out stays what it was."""
        self._check(cluster_id, member_id)
        previous = self.store.quote_verdict(cluster_id, member_id)
        if source is None:
            source = previous.source if previous else ""
        if note is None:
            note = previous.note if previous else ""
        if verdict is Verdict.VERIFIED and not source.strip():
            raise StoreError(
                "A verified quotation needs the source it was checked against: give its "
                "address or a reference."
            )
        stamp = now_iso()
        record = VerdictRecord(
            cluster_id,
            member_id,
            verdict,
            source.strip(),
            note,
            # A verdict changed keeps the date it was first given.
            previous.created if previous else stamp,
            stamp,
        )
        return self.store.put_quote_verdict(cluster_id, member_id, record)

    def clear_verdict(self, cluster_id: int, member_id: int | None = None) -> VerdictRecord | None:
        """Remove the verdict on the cluster (or on its variant); returns it, for
        ``restore_verdict`` to undo the change."""
        self._check(cluster_id, member_id)
        return self.store.put_quote_verdict(cluster_id, member_id, None)

    def restore_verdict(
        self, cluster_id: int, member_id: int | None, record: VerdictRecord | None
    ) -> VerdictRecord | None:
        """Put back a verdict exactly as it was (dates included), or none: what undo and redo
        do with what ``set_verdict`` and ``clear_verdict`` returned."""
        self._check(cluster_id, member_id)
        return self.store.put_quote_verdict(cluster_id, member_id, record)

    def verdict(self, cluster_id: int, member_id: int | None = None) -> VerdictRecord | None:
        return self.store.quote_verdict(cluster_id, member_id)

    def _check(self, cluster_id: int, member_id: int | None) -> None:
        if not self.store.quote_cluster_exists(cluster_id):
            raise NotFoundError(
                f"There is no quotation cluster {cluster_id} in this library; "
                "`glose quotes --min-articles 1` lists them."
            )
        if member_id is not None and self.store.quote_member_cluster(member_id) != cluster_id:
            raise NotFoundError(
                f"Quotation cluster {cluster_id} has no variant {member_id}; "
                "`glose quotes --json` lists each cluster's variants with their ids."
            )
