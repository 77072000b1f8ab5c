"""Verdicts on quotations in both exports: the Markdown « Citations suivies » section, and
schema.org ClaimReviews beside the W3C annotations of the JSON-LD, after a restart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from reader.export.claim_review import SCHEMA_CONTEXT, author_of
from reader.export.jsonld import CLAIM_REVIEWS, CONTEXT, import_annotations, source_iri
from reader.library import JSONLD, ExportRequest, Library
from reader.store import Store, Verdict
from tests.test_cli import glose
from tests.test_tracker_store import CHANGED, CUT, OTHER, STATEMENT, add

# The schema.org terms a ClaimReview export may use, by the type of the node that holds them
# (https://schema.org/ClaimReview, Claim, Rating, CreativeWork, Person, Organization).
TERMS = {
    "ClaimReview": {
        "@context", "@type", "@id", "claimReviewed", "itemReviewed", "reviewRating",
        "reviewBody", "citation", "inLanguage", "dateCreated", "dateModified", "datePublished",
    },
    "Claim": {"@type", "author", "appearance", "firstAppearance"},
    "Rating": {"@type", "alternateName"},
    "CreativeWork": {"@type", "url", "name", "headline", "text", "datePublished"},
    "Person": {"@type", "name"},
    "Organization": {"@type", "name"},
}  # fmt: skip


def _library(data_dir: Path) -> dict[str, int]:
    """Three articles reporting one statement (cut, a word changed), one of them another
    statement too; a verdict on the cluster and one on a report; then the library closed."""
    with Store(data_dir) as store:
        ids = {
            "a": add(store, "a", [(STATEMENT, "Sophie Binet")], metadata={"date": "2025-03-01"}),
            "b": add(store, "b", [(CUT, "Sophie Binet"), (OTHER, "Sophie Binet")]),
            "c": add(store, "c", [(CHANGED, "la CGT")], metadata={"date": "2025-03-03"}),
        }
        tracker = Library(store).tracker
        (cluster,) = tracker.clusters()
        tracker.set_verdict(
            cluster.id,
            Verdict.DISTORTED,
            source="https://example.org/discours-du-2-mars",
            note="Le mot « céderons » n’a *jamais* été prononcé.",
        )
        changed = next(v for v in cluster.variants if v.text == CHANGED)
        tracker.set_verdict(
            cluster.id, Verdict.MISATTRIBUTED, note="Binet, pas la CGT", member_id=changed.id
        )
        ids["cluster"] = cluster.id
        return ids


def _walk(node: Any, review_type: str) -> list[tuple[str, dict[str, Any]]]:
    """Every node under a ClaimReview, with its type."""
    found = [(review_type, node)]
    for key, value in node.items():
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, dict) and key != "@context":
                found += _walk(child, child["@type"])
    return found


def test_a_verdict_survives_a_restart_and_is_in_the_markdown_export(data_dir: Path) -> None:
    ids = _library(data_dir)
    with Library.open(data_dir) as library:  # a new session on the same library
        article = library.article(ids["b"])
        assert article is not None
        markdown = library.export(ExportRequest((article.id,)))
    section = markdown[markdown.index("## Citations suivies") :]
    assert f"### Citation {ids['cluster']} — Sophie Binet" in section
    assert "Locuteurs en désaccord : Sophie Binet / la CGT" in section
    assert "Verdict : **déformée** · Source : https://example.org/discours-du-2-mars" in section
    assert "- Le mot « céderons » n’a *jamais* été prononcé." in section
    assert "Rapportée par 3 articles :" in section
    assert "Verdict sur cette version : **mal attribuée** — Binet, pas la CGT" in section
    # Every report, first carrier first, each as a passage under its article.
    assert (
        section.index("*Article a*") < section.index("*Article c*") < section.index("*Article b*")
    )
    tokens = MarkdownIt("commonmark").parse(section)
    passages = [t for t in tokens if t.type == "blockquote_open" and t.level == 0]
    assert len(passages) == 3
    # The other statement, carried by this article alone and without a verdict, is not followed.
    assert "salaires des fonctionnaires" not in section


def test_each_verdict_is_a_claim_review_beside_the_annotations(data_dir: Path) -> None:
    ids = _library(data_dir)
    with Library.open(data_dir) as library:
        article = library.article(ids["c"])
        assert article is not None
        library.store.add_annotation(article, 0, 5, note="Titre à revoir")
        document = json.loads(library.export(ExportRequest((article.id,), JSONLD)))
        sources = {
            key: library.article(ids[key]).source  # type: ignore[union-attr]
            for key in ("a", "b", "c")
        }
    assert document["@context"] == CONTEXT and document["type"] == "AnnotationCollection"
    assert document["total"] == 1
    whole, one = document[CLAIM_REVIEWS]
    for review in (whole, one):
        assert review["@context"] == SCHEMA_CONTEXT == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        for node_type, node in _walk(review, "ClaimReview"):
            assert set(node) <= TERMS[node_type], (node_type, set(node) - TERMS[node_type])
            assert node_type == "ClaimReview" or node["@type"] == node_type
    assert whole["@id"] == f"urn:glose:quotation:{ids['cluster']}"
    assert whole["claimReviewed"] == STATEMENT  # as the first carrier reported it
    assert whole["reviewRating"] == {"@type": "Rating", "alternateName": "déformée"}
    assert whole["reviewBody"] == "Le mot « céderons » n’a *jamais* été prononcé."
    assert whole["citation"] == {
        "@type": "CreativeWork",
        "url": "https://example.org/discours-du-2-mars",
    }
    claim = whole["itemReviewed"]
    assert claim["author"] == {"@type": "Person", "name": "Sophie Binet"}
    assert [a["url"] for a in claim["appearance"]] == [
        source_iri(sources[key]) for key in ("a", "c", "b")
    ]
    assert claim["firstAppearance"]["datePublished"] == "2025-03-01"
    assert one["reviewRating"]["alternateName"] == "mal attribuée"
    assert one["claimReviewed"] == CHANGED and one["reviewBody"] == "Binet, pas la CGT"
    assert one["itemReviewed"]["author"] == {"@type": "Organization", "name": "la CGT"}
    assert [a["headline"] for a in one["itemReviewed"]["appearance"]] == ["Article c"]
    assert "citation" not in one


def test_an_export_with_claim_reviews_imports_back(data_dir: Path, tmp_path: Path) -> None:
    ids = _library(data_dir)
    with Library.open(data_dir) as library:
        article = library.article(ids["a"])
        assert article is not None
        library.store.add_annotation(article, 0, 5, note="Titre")
        text = library.export(ExportRequest((article.id,), JSONLD))
    assert CLAIM_REVIEWS in json.loads(text)
    with Store(tmp_path / "other") as store:
        report = import_annotations(store, text)
        assert report.created == 1 and len(report.articles) == 1


def test_the_command_line_exports_carry_the_verdicts(data_dir: Path) -> None:
    _library(data_dir)
    markdown = glose("export", "--all", "--format", "markdown", data_dir=data_dir).stdout
    assert markdown.count("## Citations suivies") == 3  # each article carries the statement
    exported = json.loads(glose("export", "--all", "--format", "jsonld", data_dir=data_dir).stdout)
    assert [r["reviewRating"]["alternateName"] for r in exported[CLAIM_REVIEWS]] == [
        "déformée",
        "mal attribuée",
    ]


def test_who_a_claim_is_attributed_to() -> None:
    assert author_of("Emmanuel Macron")["@type"] == "Person"
    for institution in ("le Kremlin", "la CGT", "l’Élysée", "CGT", "les syndicats"):
        assert author_of(institution)["@type"] == "Organization", institution
