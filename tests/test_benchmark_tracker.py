"""P8, the quotation tracker's benchmark, on a tiny library: it measures what it says.

Nothing here checks a time (see tests/test_benchmarks_smoke.py)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from reader.store import Store
from tests.benchmarks import core
from tests.benchmarks.core import Workspace
from tests.benchmarks.tracker import LibraryMaker, Sizes, p8_tracker

TINY = Sizes(articles=30, pairs=2, popular=5)
VOCABULARY = (
    "gouvernement réforme retraites syndicats mobilisation salaires hôpital école budget "
    "agriculteurs ministre région habitants entreprise emplois usine justice enquête police "
    "élus maire commune territoire Europe sécurité énergie climat logement santé transports"
)


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """A corpus of plain sentences built from a few words, each sentence different."""
    sentences = []
    for number, words in enumerate(itertools.permutations(VOCABULARY.split(), 9)):
        if number == 600:
            break
        sentences.append(f"Les {' et les '.join(words[:3])} parlent de {' '.join(words[3:])}.")
    corpus = tmp_path / "corpus.txt"
    corpus.write_text("\n".join(sentences), encoding="utf-8")
    monkeypatch.setenv(core.CORPUS_VARIABLE, str(corpus))
    return Workspace(tmp_path / "bench")


def test_p8_adds_articles_to_a_tracked_library(workspace: Workspace) -> None:
    added, written, grouped = p8_tracker(workspace, TINY)
    assert added.benchmark == written.benchmark == grouped.benchmark == "P8"
    assert added.measured and added.floor and added.measured > added.floor
    assert added.ratio is not None and added.ratio > 1
    assert "as glose import adds it" in added.details["floor"]
    # The writes alone are fewer than the whole addition, and grouping comes on top of them.
    assert written.floor and written.measured and written.floor < added.floor
    assert written.measured > written.floor and written.passed is None
    assert grouped.measured and grouped.max_value == 1000.0
    assert "30 articles" in added.details["library"]
    # The articles it added (the one that warms up too) are taken away: a kept library is
    # measured as it was built, and the next run measures the same articles.
    assert library_size(workspace) == (30, 30)
    again, _, _ = p8_tracker(workspace, TINY)
    assert library_size(workspace) == (30, 30)
    for detail in (
        "measured_quotations_tracked",
        "measured_quotations_in_a_cluster_with_other_articles",
    ):
        assert again.details[detail] == added.details[detail]


def library_size(workspace: Workspace) -> tuple[int, int]:
    """The articles of P8's library, and those the tracker has grouped."""
    with Store(workspace.data_dir("p8")) as store:
        articles = store.connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        tracked = store.connection.execute("SELECT COUNT(*) FROM tracker_articles").fetchone()[0]
    return articles, tracked


def test_p8_library_reports_statements_again(workspace: Workspace) -> None:
    maker = LibraryMaker(TINY, core.corpus_text() or "")
    texts = [maker.article(number)[2] for number in range(20)]
    quotes = [text for quotes in texts for (_, _, text, _, _) in quotes]
    assert len(quotes) == 20 * 20
    assert all(text.startswith("« ") and text.endswith(" »") for text in quotes)


def test_p8_is_skipped_without_the_corpus(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(core.CORPUS_VARIABLE, str(workspace.root / "absent.txt"))
    (result,) = p8_tracker(workspace, TINY)
    assert result.skipped and "GLOSE_CORPUS" in result.skipped
