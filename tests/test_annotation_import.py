"""An import that can be undone (``Library.import_annotations`` and its undo and redo)."""

from __future__ import annotations

from pathlib import Path

from reader.library import JSONLD, ExportRequest, Library
from reader.sources import load_bundled
from reader.store import Store


def test_undo_takes_back_the_articles_an_import_brought_and_redo_brings_them_again(
    data_dir: Path, tmp_path: Path
) -> None:
    bundled = load_bundled()
    with Library(Store(tmp_path / "elsewhere")) as elsewhere:
        article = elsewhere.add(bundled)
        annotation = elsewhere.new_annotation(article, 0, 10, note="venue d’ailleurs")
        elsewhere.put_annotation(annotation)
        exported = tmp_path / "export.jsonld"
        exported.write_text(
            elsewhere.export(ExportRequest((article.id,), JSONLD)), encoding="utf-8"
        )

    with Library(Store(data_dir)) as library:
        imported = library.import_annotations(exported)
        assert [a.note for a in imported.added] == ["venue d’ailleurs"]
        assert [a.title for a in imported.articles] == [bundled.title]
        assert imported.changed_ids == {annotation.id}

        library.undo_import(imported)
        assert library.articles() == []
        library.redo_import(imported)
        (summary,) = library.articles()
        assert [a.note for a in library.annotations(summary.id)] == ["venue d’ailleurs"]
        assert library.import_annotations(exported).changed_ids == frozenset()  # twice: nothing
