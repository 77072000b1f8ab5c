"""The quotation tracker in the library: clusters, stable ids, verdicts, search, migration."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest

from reader.store import NotFoundError, Store, StoreError, Verdict
from reader.store.schema import SCHEMA_VERSION
from reader.tracker.tracker import QuotationTracker

DATA = Path(__file__).parent / "data" / "tracker"

STATEMENT = (
    "« Nous ne lâcherons rien sur les retraites, la mobilisation continue jeudi dans toute la "
    "France, et nous serons encore plus nombreux »"
)
CUT = "« Nous ne lâcherons rien sur les retraites […] nous serons encore plus nombreux »"
CHANGED = (
    "« nous ne céderons rien sur les retraites, la mobilisation continue jeudi dans toute la "
    "France »"
)
OTHER = "« Nous ne lâcherons rien sur les salaires des fonctionnaires, ni sur le point d’indice »"


def add(
    store: Store,
    source: str,
    quotes: Sequence[tuple[str, str]],
    metadata: dict[str, str] | None = None,
    lead: str = "",
) -> int:
    """An article carrying ``quotes`` (text, speaker), analysed as the library keeps it."""
    body = lead
    found = []
    for text, speaker in quotes:
        body += "\n\n"
        found.append((len(body), len(body) + len(text), text, speaker, "a déclaré"))
        body += text + f", a déclaré {speaker}."
    article = store.add_or_update_article(source, f"Article {source}", body, metadata)
    store.replace_analysis(article.id, found, [])
    QuotationTracker(store).track_article(article.id)
    return article.id


def test_three_reports_with_cuts_and_a_changed_word_form_one_cluster(data_dir: Path) -> None:
    with Store(data_dir) as store:
        first = add(store, "a", [(STATEMENT, "Sophie Binet")])
        second = add(store, "b", [(CUT, "Sophie Binet"), (OTHER, "Sophie Binet")])
        third = add(store, "c", [(CHANGED, "Binet")])
        tracker = QuotationTracker(store)
        clusters = tracker.clusters()
        assert len(clusters) == 1
        (cluster,) = clusters
        assert [v.article_id for v in cluster.variants] == [first, second, third]
        assert [v.text for v in cluster.variants] == [STATEMENT, CUT, CHANGED]
        assert cluster.speakers == ["Sophie Binet"] and not cluster.disputed
        other = tracker.cluster_for_quote(second, *_span(store, second, OTHER))
        assert other is not None and other.id != cluster.id
        assert [v.text for v in other.variants] == [OTHER]
        assert tracker.clusters(min_articles=1) == [cluster, other]


def _span(store: Store, article_id: int, text: str) -> tuple[int, int]:
    article = store.article(article_id)
    assert article is not None
    start = article.text.index(text)
    return start, start + len(text)


def test_articles_that_disagree_on_the_speaker_flag_the_cluster(data_dir: Path) -> None:
    with Store(data_dir) as store:
        add(store, "a", [(STATEMENT, "Sophie Binet")])
        add(store, "b", [(CUT, "Laurent Berger")])
        add(store, "c", [(CHANGED, "Binet")])
        (cluster,) = QuotationTracker(store).clusters()
        assert cluster.disputed
        assert cluster.speakers == ["Sophie Binet", "Laurent Berger"]
        assert cluster.speaker == "Sophie Binet"
        assert QuotationTracker(store).clusters(speaker="berger") == [cluster]
        assert QuotationTracker(store).clusters(speaker="Martinez") == []


def test_the_first_carrier_is_the_earliest_dated_article(data_dir: Path) -> None:
    with Store(data_dir) as store:
        undated = add(store, "a", [(STATEMENT, "Sophie Binet")])
        dated = add(store, "b", [(CUT, "Sophie Binet")], metadata={"date": "2024-05-02"})
        (cluster,) = QuotationTracker(store).clusters()
        assert cluster.first is not None and cluster.first.article_id == dated
        assert [v.article_id for v in cluster.variants] == [dated, undated]
        assert cluster.to_json()["first"] == {"article": dated, "carried": "2024-05-02"}


def test_ids_survive_reanalysis_and_new_articles(data_dir: Path) -> None:
    with Store(data_dir) as store:
        first = add(store, "a", [(STATEMENT, "Sophie Binet")])
        tracker = QuotationTracker(store)
        (alone,) = tracker.clusters(min_articles=1)
        tracker.set_verdict(alone.id, Verdict.DISTORTED, note="Coupée")
        add(store, "b", [(CUT, "Sophie Binet")])
        # The same article analysed again, its quotation moved by an edit, then reworded.
        add(store, "a", [(STATEMENT, "Sophie Binet")], lead="Un chapeau ajouté.")
        (cluster,) = tracker.clusters()
        assert cluster.id == alone.id and cluster.variants[0].id == alone.variants[0].id
        assert cluster.verdict is not None and cluster.verdict.note == "Coupée"
        reworded = STATEMENT.replace("plus nombreux", "plus nombreux encore")
        add(store, "a", [(reworded, "Sophie Binet")])
        (cluster,) = tracker.clusters()
        assert cluster.id == alone.id
        assert [(v.id, v.text) for v in cluster.variants if v.article_id == first] == [
            (alone.variants[0].id, reworded)
        ]


def test_a_quotation_gone_from_its_article_leaves_its_cluster(data_dir: Path) -> None:
    with Store(data_dir) as store:
        add(store, "a", [(STATEMENT, "Sophie Binet")])
        second = add(store, "b", [(CUT, "Sophie Binet"), (OTHER, "Sophie Binet")])
        add(store, "b", [(OTHER, "Sophie Binet")])
        tracker = QuotationTracker(store)
        assert tracker.clusters() == []
        assert [len(c.variants) for c in tracker.clusters(min_articles=1)] == [1, 1]
        assert tracker.cluster_for_quote(second, *_span(store, second, OTHER)) is not None
        count = store.connection.execute("SELECT COUNT(*) FROM tracker_members").fetchone()[0]
        assert count == 2


def test_a_verdict_survives_deleting_the_article_and_its_undo(data_dir: Path) -> None:
    with Store(data_dir) as store:
        first = add(store, "a", [(STATEMENT, "Sophie Binet")])
        add(store, "b", [(OTHER, "Sophie Binet")])
        tracker = QuotationTracker(store)
        (cluster,) = [c for c in tracker.clusters(min_articles=1) if c.variants[0].id == 1]
        tracker.set_verdict(cluster.id, Verdict.MISATTRIBUTED, note="C'était Berger")
        article, annotations = store.delete_article(first)
        assert [c.variants[0].text for c in tracker.clusters(min_articles=1)] == [OTHER]
        third = add(store, "c", [(CUT, "Sophie Binet")])
        (joined,) = tracker.clusters(min_articles=1, speaker="Binet")[:1]
        assert joined.id == cluster.id and [v.article_id for v in joined.variants] == [third]
        store.restore_article(article, annotations)
        add(store, "a", [(STATEMENT, "Sophie Binet")])
        (back,) = tracker.clusters()
        assert back.id == cluster.id and back.verdict is not None
        assert back.verdict.verdict is Verdict.MISATTRIBUTED
        assert [(v.id, v.article_id) for v in back.variants] == [
            (1, first),
            (joined.variants[0].id, third),
        ]


def test_what_no_verdict_needs_goes_with_its_article(data_dir: Path) -> None:
    with Store(data_dir) as store:
        first = add(store, "a", [(STATEMENT, "Sophie Binet")])
        add(store, "b", [(OTHER, "Sophie Binet")])
        store.delete_article(first)
        add(store, "c", [(CUT, "Sophie Binet")])
        members = store.connection.execute("SELECT article_id FROM tracker_members").fetchall()
        assert sorted(row[0] for row in members) == [2, 3]
        clusters = store.connection.execute("SELECT COUNT(*) FROM tracker_clusters").fetchone()
        assert clusters[0] == 2


def test_verdicts_are_set_cleared_restored_and_survive_a_restart(data_dir: Path) -> None:
    with Store(data_dir) as store:
        add(store, "a", [(STATEMENT, "Sophie Binet")])
        add(store, "b", [(CUT, "Sophie Binet")])
        tracker = QuotationTracker(store)
        (cluster,) = tracker.clusters()
        assert tracker.set_verdict(cluster.id, Verdict.DISTORTED, note="Sens changé") is None
        first = tracker.verdict(cluster.id)
        assert first is not None and first.verdict is Verdict.DISTORTED
        with pytest.raises(StoreError, match="source"):
            tracker.set_verdict(cluster.id, Verdict.VERIFIED)
        previous = tracker.set_verdict(
            cluster.id, Verdict.VERIFIED, source="https://example.org/discours"
        )
        assert previous == first
        now = tracker.verdict(cluster.id)
        assert now is not None and now.note == "Sens changé" and now.created == first.created
        variant = cluster.variants[1]
        tracker.set_verdict(cluster.id, Verdict.DISTORTED, member_id=variant.id, note="Coupe")
        assert tracker.clear_verdict(cluster.id) == now
        assert tracker.verdict(cluster.id) is None
        tracker.restore_verdict(cluster.id, None, now)  # undo of the clear
        with pytest.raises(NotFoundError):
            tracker.set_verdict(cluster.id + 100, Verdict.UNVERIFIED)
        with pytest.raises(NotFoundError):
            tracker.set_verdict(cluster.id, Verdict.UNVERIFIED, member_id=variant.id + 100)
    with Store(data_dir) as store:
        (cluster,) = QuotationTracker(store).clusters()
        assert cluster.verdict == now
        assert cluster.variants[1].verdict is not None
        assert cluster.variants[1].verdict.note == "Coupe"


def test_verdict_notes_are_found_by_search(data_dir: Path) -> None:
    with Store(data_dir) as store:
        first = add(store, "a", [(STATEMENT, "Sophie Binet")])
        tracker = QuotationTracker(store)
        (cluster,) = tracker.clusters(min_articles=1)
        tracker.set_verdict(cluster.id, Verdict.DISTORTED, note="Déformée par l’éditorialiste")
        (hit,) = tracker.search("editorialiste")
        assert (hit.kind, hit.article_id, hit.ref) == ("verdict", first, str(cluster.id))
        assert "[éditorialiste]" in hit.snippet
        assert hit.start == store.article(first).text.index("«")  # type: ignore[union-attr]
        # The library's own search, which the app and ``glose search`` use, finds it too.
        assert [h for h in store.search("editorialiste") if h.kind == "verdict"] == [hit]
        tracker.clear_verdict(cluster.id)
        assert tracker.search("editorialiste") == []
        assert store.search("editorialiste") == []


def test_analysing_an_article_tracks_its_quotations(data_dir: Path) -> None:
    from reader.analysis.entities import load_engine
    from reader.library import Library
    from reader.sources import article_from_text

    with Store(data_dir) as store:
        library = Library(store)
        for source, text in (("a", STATEMENT), ("b", CUT)):
            loaded = article_from_text(
                f"test:{source}", f"Titre {source}\n\n{text}, a déclaré Sophie Binet."
            )
            article = library.add(loaded)
            library.analyse(loaded.text, loaded.layout, load_engine("rules"), article.id)
        (cluster,) = QuotationTracker(store).clusters()
        assert [v.text for v in cluster.variants] == [STATEMENT, CUT]
        assert QuotationTracker(store).pending_articles() == []


def test_a_version_3_library_migrates_and_groups_its_quotations(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / "glose.db")
    conn.executescript((DATA / "library-v3.sql").read_text(encoding="utf-8"))
    conn.execute("PRAGMA user_version = 3")
    conn.close()
    with Store(data_dir) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [hit.article_id for hit in store.search("mobilisation") if hit.kind == "quote"] == [
            1
        ]
        tracker = QuotationTracker(store)
        assert tracker.clusters() == []
        assert tracker.pending_articles() == [1, 2]
        assert tracker.catch_up() == 2
        (cluster,) = tracker.clusters()
        # Article 1 entered the library last, but its page is dated before.
        assert [v.article_id for v in cluster.variants] == [1, 2]
        assert tracker.pending_articles() == []
