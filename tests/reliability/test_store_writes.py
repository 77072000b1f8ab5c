"""Every write of the store is one transaction that either happens whole or not at all, and
fails with a sentence (``StoreError``), whatever the values it is given."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.store import Store, StoreError
from tests.reliability.conftest import make_library, notes_in


def test_restoring_a_deleted_article_brings_all_of_it_back_or_nothing(data_dir: Path) -> None:
    database = make_library(data_dir, notes=3)
    with Store(data_dir) as store:
        article, annotations = store.delete_article(1)
        broken = [*annotations[:2], annotations[2].with_changes(start=10, end=5)]
        with pytest.raises(StoreError):
            store.restore_article(article, broken)
        assert store.articles() == [], "half an article was put back"
        store.restore_article(article, annotations)
        assert len(store.annotations(1)) == 3
    assert len(notes_in(database)) == 3


@pytest.mark.parametrize("field", ["start", "end"])
def test_a_number_too_large_for_sqlite_is_a_store_error(data_dir: Path, field: str) -> None:
    make_library(data_dir, notes=1)
    with Store(data_dir) as store:
        (annotation,) = store.annotations(1)
        huge = annotation.with_changes(id="huge", **{field: 10**30})
        with pytest.raises(StoreError, match="too large"):
            store.restore_annotation(huge)
        with pytest.raises(StoreError, match="too large"):
            store.annotations(10**30)
        assert [a.id for a in store.annotations(1)] == [annotation.id]


@pytest.mark.parametrize("limit", ["0", "-3", "100000000000000000000", "trois"])
def test_a_search_limit_out_of_range_is_refused_with_a_sentence(
    data_dir: Path, limit: str, capsys: pytest.CaptureFixture[str]
) -> None:
    make_library(data_dir)
    with pytest.raises(SystemExit) as stopped:
        main(["search", "président", "--limit", limit])
    assert stopped.value.code == 2
    assert "--limit" in capsys.readouterr().err
