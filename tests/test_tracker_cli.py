"""``glose quotes`` and ``glose verdict``: the command line contract of the quotation tracker."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reader.store import Store
from tests.test_cli import glose
from tests.test_tracker_store import CHANGED, CUT, OTHER, STATEMENT, add


def _library(data_dir: Path) -> dict[str, int]:
    with Store(data_dir) as store:
        return {
            "a": add(store, "a", [(STATEMENT, "Sophie Binet")], metadata={"date": "2025-03-04"}),
            "b": add(store, "b", [(CUT, "Laurent Berger"), (OTHER, "Sophie Binet")]),
            "c": add(store, "c", [(CHANGED, "Binet")], metadata={"date": "2025-03-01"}),
        }


def test_quotes_lists_clusters_as_json_in_first_carried_order(data_dir: Path) -> None:
    ids = _library(data_dir)
    clusters = json.loads(glose("quotes", "--json", data_dir=data_dir).stdout)
    assert len(clusters) == 1
    (cluster,) = clusters
    assert set(cluster) >= {"id", "speaker", "speakers", "verdict", "variants"}
    assert cluster["speaker"] == "Sophie Binet" and cluster["verdict"] is None
    assert cluster["speakers"] == ["Sophie Binet", "Laurent Berger"] and cluster["disputed"]
    variants = cluster["variants"]
    assert [v["article"]["id"] for v in variants] == [ids["c"], ids["a"], ids["b"]]
    assert [v["text"] for v in variants] == [CHANGED, STATEMENT, CUT]
    first = variants[0]
    assert set(first["article"]) == {"id", "title", "source"}
    assert first["article"] == {"id": ids["c"], "title": "Article c", "source": "c"}
    assert set(first) >= {"article", "text", "start", "end", "speaker"}
    assert first["speaker"] == "Binet" and first["end"] - first["start"] == len(CHANGED)
    every = json.loads(glose("quotes", "--json", "--min-articles", "1", data_dir=data_dir).stdout)
    assert [len(c["variants"]) for c in every] == [3, 1]
    berger = glose("quotes", "--json", "--speaker", "Laurent Berger", data_dir=data_dir).stdout
    assert [c["id"] for c in json.loads(berger)] == [cluster["id"]]
    assert (
        json.loads(glose("quotes", "--json", "--speaker", "Nobody", data_dir=data_dir).stdout) == []
    )


def test_verdicts_are_given_shown_and_cleared(data_dir: Path) -> None:
    _library(data_dir)
    (cluster,) = json.loads(glose("quotes", "--json", data_dir=data_dir).stdout)
    number = str(cluster["id"])
    given = glose("verdict", number, "mal attribuée", "--note", "Dite par Binet", data_dir=data_dir)
    assert "mal attribuée" in given.stdout
    refused = glose("verdict", number, "verifiee", data_dir=data_dir, check=False)
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert "source" in refused.stderr
    glose("verdict", number, "verifiee", "--source", "https://example.org/a", data_dir=data_dir)
    variant = str(cluster["variants"][2]["id"])
    glose("verdict", number, "deformee", "--variant", variant, data_dir=data_dir)
    (shown,) = json.loads(glose("quotes", "--json", data_dir=data_dir).stdout)
    assert shown["verdict"]["verdict"] == "verifiee"
    assert shown["verdict"]["source"] == "https://example.org/a"
    assert shown["verdict"]["note"] == "Dite par Binet"
    assert shown["variants"][2]["verdict"]["verdict"] == "deformee"
    text = glose("quotes", data_dir=data_dir).stdout
    assert "vérifiée (https://example.org/a)" in text and "speakers disagree" in text
    cleared = glose("verdict", number, "--clear", data_dir=data_dir)
    assert "no verdict (was vérifiée" in cleared.stdout
    (after,) = json.loads(glose("quotes", "--json", data_dir=data_dir).stdout)
    assert after["verdict"] is None and after["variants"][2]["verdict"] is not None


def test_search_finds_verdict_notes_and_names_their_cluster(data_dir: Path) -> None:
    ids = _library(data_dir)
    (cluster,) = json.loads(glose("quotes", "--json", data_dir=data_dir).stdout)
    glose(
        "verdict", str(cluster["id"]), "deformee", "--note", "Coupée au montage", data_dir=data_dir
    )
    (hit,) = json.loads(glose("search", "montage", "--json", data_dir=data_dir).stdout)
    assert (hit["kind"], hit["ref"]) == ("verdict", str(cluster["id"]))
    assert hit["article_id"] == ids["a"] and "[montage]" in hit["snippet"]
    line = glose("search", "montage", data_dir=data_dir).stdout
    assert line.startswith("verdict") and f"quotation #{cluster['id']}" in line


def test_bad_verdict_requests_fail_with_one_line(data_dir: Path) -> None:
    _library(data_dir)
    for arguments in (["999", "deformee"], ["1", "fausse"], ["1"], ["1", "deformee", "--clear"]):
        result = glose("verdict", *arguments, data_dir=data_dir, check=False)
        assert result.returncode != 0
        assert result.stderr.strip().count("\n") == 0 and result.stderr.startswith("glose: ")
    bad = glose("quotes", "--min-articles", "0", data_dir=data_dir, check=False)
    assert bad.returncode == 1 and "--min-articles" in bad.stderr


def test_content_is_printed_without_control_characters(data_dir: Path) -> None:
    with Store(data_dir) as store:
        for source in ("a", "b"):
            article_id = add(store, source, [(STATEMENT, "Sophie\x1b[2J Binet")])
            store.connection.execute(
                "UPDATE articles SET title = ? WHERE id = ?", ("Titre\x1b]0;piégé\x07", article_id)
            )
    text = glose("quotes", data_dir=data_dir).stdout
    assert "\x1b" not in text and "\x07" not in text
    assert "Titre\\x1b]0;piégé\\x07" in text and "Sophie\\x1b[2J Binet" in text


def test_an_empty_library_has_no_clusters(data_dir: Path) -> None:
    assert json.loads(glose("quotes", "--json", data_dir=data_dir).stdout) == []
    assert "No quotation" in glose("quotes", data_dir=data_dir).stdout
    assert not (data_dir / "glose.db").exists()


def test_a_reader_that_stops_early_ends_quotes_quietly(data_dir: Path) -> None:
    """``glose quotes | head``: the reader going away is nothing to report."""
    _library(data_dir)
    for arguments in (["quotes"], ["quotes", "--json"]):
        listing = subprocess.Popen(
            [sys.executable, "-m", "reader", *arguments, "--data-dir", str(data_dir)],
            cwd=Path(__file__).resolve().parents[1],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert listing.stdout is not None
        listing.stdout.close()  # before the command has even started: its first write fails
        _, errors = listing.communicate(timeout=120)
        assert errors == b"" and listing.returncode != 0
