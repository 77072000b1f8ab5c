"""Annotation files (W3C JSON-LD) that are damaged, hostile or clash with the library: a file
is imported whole or not at all, with one sentence naming the file, the item and what is
wrong; an annotation of the library is never moved to another article nor overwritten."""

from __future__ import annotations

import copy
import json
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.export.jsonld import AnnotationImportError, export_jsonld, import_annotations_file
from reader.export.markdown import export_markdown
from reader.sources import SourceError, SourceProblem
from reader.store import Store
from tests.reliability.conftest import notes_in

TEXT = (
    "Sommet à Bruxelles\n"
    "Le ministre a déclaré : « Nous devons agir vite pour la paix », devant les journalistes.\n"
    "Les Européens craignent un accord conclu sans eux, selon plusieurs diplomates."
)


@pytest.fixture
def exported(tmp_path: Path) -> dict[str, Any]:
    """A Glose export of one article carrying three annotations, as parsed JSON."""
    with Store(tmp_path / "source-library") as store:
        article = store.add_or_update_article("/articles/sommet.txt", "Sommet à Bruxelles", TEXT)
        for word, note in (("ministre", "un"), ("paix", "deux"), ("diplomates", "trois")):
            start = TEXT.index(word)
            store.add_annotation(article, start, start + len(word), note=note, tags=["t"])
        document: dict[str, Any] = json.loads(
            export_jsonld([(article, store.annotations(article.id))])
        )
    return document


@pytest.fixture
def library(data_dir: Path) -> Iterator[Store]:
    with Store(data_dir) as store:
        yield store


def write(tmp_path: Path, document: Any, name: str = "notes.jsonld") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def items(document: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = document["first"]["items"]
    return found


def content(store: Store) -> tuple[list[tuple[str, str]], list[tuple[str, int, str]]]:
    """Everything an import could change: articles and annotations."""
    articles = [(a.source, a.title) for a in store.articles()]
    annotations = [
        (a.id, a.article_id, a.note) for s in store.articles() for a in store.annotations(s.id)
    ]
    return sorted(articles), sorted(annotations)


# One file, one transaction ---------------------------------------------------------------------


def test_a_bad_third_item_leaves_nothing_imported(
    tmp_path: Path, library: Store, exported: dict[str, Any]
) -> None:
    items(exported)[2]["target"]["selector"][1]["start"] = "12"
    path = write(tmp_path, exported)
    with pytest.raises(AnnotationImportError) as raised:
        import_annotations_file(library, path)
    message = str(raised.value)
    assert "notes.jsonld" in message and "annotation 3" in message
    assert items(exported)[2]["id"] in message
    assert "whole number" in message and "Nothing was imported" in message
    assert content(library) == ([], [])


def test_an_item_on_an_article_not_in_the_library_leaves_nothing_imported(
    tmp_path: Path, library: Store, exported: dict[str, Any]
) -> None:
    items(exported)[1]["target"]["source"] = "https://ailleurs.example/article"
    with pytest.raises(AnnotationImportError, match=r"annotation 2 .*not in the library"):
        import_annotations_file(library, write(tmp_path, exported))
    assert content(library) == ([], [])


def test_a_failed_write_leaves_nothing_imported(
    tmp_path: Path, library: Store, exported: dict[str, Any]
) -> None:
    """The store itself refusing the last row (here, a trigger that SQLite runs) rolls the
    whole file back, the carried article with it."""
    library.connection.execute(
        "CREATE TEMP TRIGGER refuse_third BEFORE INSERT ON main.annotations"
        " WHEN NEW.note = 'trois' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
    )
    with pytest.raises(Exception, match="disk"):
        import_annotations_file(library, write(tmp_path, exported))
    assert content(library) == ([], [])


# Ids that clash with the library ----------------------------------------------------------------


def test_an_id_taken_on_another_article_is_imported_as_new(
    tmp_path: Path, library: Store, exported: dict[str, Any]
) -> None:
    mine = library.add_or_update_article("/articles/autre.txt", "Autre", "Autre\nMon texte à moi.")
    taken = items(exported)[0]["id"].removeprefix("urn:uuid:")
    from reader.store import Annotation

    library.restore_annotation(
        Annotation(taken, mine.id, 6, 9, "Mon", "Autre\n", " texte", note="ma note à moi")
    )
    path = write(tmp_path, exported)

    report = import_annotations_file(library, path)

    kept = library.annotation(taken)
    assert kept is not None and kept.article_id == mine.id and kept.note == "ma note à moi"
    assert report.created == 3 and report.renamed == 1
    assert "1 imported as new: its id was taken by another article's annotation" in (
        report.summary()
    )
    (imported,) = [a for a in library.annotations(report.articles[0]) if a.note == "un"]
    assert imported.id != taken
    again = import_annotations_file(library, path)
    assert (again.created, again.unchanged) == (0, 3)


def test_the_same_id_on_the_same_article_keeps_the_newer(
    tmp_path: Path, library: Store, exported: dict[str, Any]
) -> None:
    import_annotations_file(library, write(tmp_path, exported))
    older, newer = copy.deepcopy(exported), copy.deepcopy(exported)
    items(older)[0]["body"][0]["value"] = "plus ancienne"
    items(older)[0]["modified"] = "2000-01-01T00:00:00.000Z"
    items(newer)[1]["body"][0]["value"] = "plus récente"
    items(newer)[1]["modified"] = "2999-01-01T00:00:00.000Z"

    kept = import_annotations_file(library, write(tmp_path, older, "older.jsonld"))
    updated = import_annotations_file(library, write(tmp_path, newer, "newer.jsonld"))

    assert (kept.kept, kept.unchanged, kept.updated) == (1, 2, 0)
    assert "1 kept (the library's copy is newer)" in kept.summary()
    assert (updated.updated, updated.unchanged) == (1, 2)
    assert sorted(notes_in(library.path)) == ["plus récente", "trois", "un"]


def test_one_id_twice_in_a_file_is_refused(
    tmp_path: Path, library: Store, exported: dict[str, Any]
) -> None:
    items(exported)[2]["id"] = items(exported)[0]["id"]
    with pytest.raises(AnnotationImportError, match=r"annotation 3 .*same id as annotation 1"):
        import_annotations_file(library, write(tmp_path, exported))
    assert content(library) == ([], [])


# Every field checked on the way in ------------------------------------------------------------

Change = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Change:
    """A change that puts ``value`` at ``path`` (keys and indexes separated by dots)."""

    def change(document: dict[str, Any]) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        node: Any = document
        for key in parents:
            node = node[key]
        node[last] = value

    return change


def _both(first: Change, second: Change) -> Change:
    def change(document: dict[str, Any]) -> None:
        first(document)
        second(document)

    return change


ITEM = "first.items.1"
SELECTORS = f"{ITEM}.target.selector"
HOSTILE: dict[str, tuple[Change, str]] = {
    "metadata a list": (_set("glose:articles.0.metadata", [1, 2]), "metadata"),
    "metadata a string": (_set("glose:articles.0.metadata", "auteur"), "metadata"),
    "metadata value a list": (_set("glose:articles.0.metadata.author", ["a"]), "metadata"),
    "title a number": (_set("glose:articles.0.title", 5), "title"),
    "title on two lines": (_set("glose:articles.0.title", "Titre\n# Piège"), "title"),
    "text a number": (_set("glose:articles.0.text", 3), "text"),
    "text changed": (_set("glose:articles.0.text", TEXT + " Ajout."), "fingerprint"),
    "articles an object": (_set("glose:articles", {"source": "x"}), "glose:articles"),
    "start a string": (_set(f"{SELECTORS}.1.start", "12"), "whole number"),
    "start negative": (_set(f"{SELECTORS}.1.start", -4), "start"),
    "start past the text": (
        _both(_set(f"{SELECTORS}.1.end", 10_004), _set(f"{SELECTORS}.1.start", 10_000)),
        "past the end",
    ),
    "end before start": (_set(f"{SELECTORS}.1.end", 1), "end"),
    "start a float": (_set(f"{SELECTORS}.1.start", 1.5), "whole number"),
    "start huge": (_set(f"{SELECTORS}.1.start", 10**30), "start"),
    "exact elsewhere": (_set(f"{SELECTORS}.0.exact", "Bruxelles"), "does not match"),
    "exact a list": (_set(f"{SELECTORS}.0.exact", ["paix"]), "exact"),
    "selector a string": (_set(SELECTORS, "paix"), "selector"),
    "no selector": (_set(SELECTORS, []), "selector"),
    "target missing": (_set(f"{ITEM}.target", None), "target"),
    "note a number": (_set(f"{ITEM}.body.0.value", 7), "value"),
    "body a number": (_set(f"{ITEM}.body", 7), "body"),
    "kind unknown": (_set(f"{ITEM}.glose:kind", "rumeur"), "kind"),
    "status unknown": (_set(f"{ITEM}.glose:status", "perdu"), "status"),
    "style a dict": (_set(f"{ITEM}.glose:style", {"a": 1}), "style"),
    "style on two lines": (_set(f"{ITEM}.glose:style", "a\n# b"), "style"),
    "date not a date": (_set(f"{ITEM}.created", "hier"), "date"),
    "id a number": (_set(f"{ITEM}.id", 12), "id"),
    "items an object": (_set("first.items", {"a": 1}), "items"),
    "item a string": (_set(ITEM, "annotation"), "annotation 2"),
    "first an address": (_set("first", "https://exemple.fr/page2"), "first"),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_a_type_confused_file_is_refused_whole_with_a_sentence(
    tmp_path: Path, library: Store, exported: dict[str, Any], case: str
) -> None:
    change, words = HOSTILE[case]
    change(exported)
    path = write(tmp_path, exported)
    with pytest.raises(AnnotationImportError) as raised:
        import_annotations_file(library, path)
    message = str(raised.value)
    assert message.startswith(str(path)) and words in message, message
    assert "\n" not in message and "Traceback" not in message
    for jargon in ("is not of type", "does not match '^", "Failed validating", "{'"):
        assert jargon not in message, message
    assert content(library) == ([], [])
    # The library still exports: nothing half-valid got in to break it later.
    assert library.articles() == []


def test_what_the_check_lets_in_exports_as_markdown(
    tmp_path: Path, library: Store, exported: dict[str, Any]
) -> None:
    items(exported)[0]["target"]["selector"][0]["exact"] = "ministre"
    items(exported)[1].pop("glose:kind")
    items(exported)[2]["target"]["selector"] = items(exported)[2]["target"]["selector"][0]
    report = import_annotations_file(library, write(tmp_path, exported))
    assert report.created == 3
    article = library.article(report.articles[0])
    assert article is not None
    markdown = export_markdown(article, library.annotations(article.id))
    assert markdown.count("## Annotation") == 3


# Reading the file ------------------------------------------------------------------------------


def test_devices_and_pipes_are_refused_without_reading(tmp_path: Path, library: Store) -> None:
    fifo = tmp_path / "notes.jsonld"
    os.mkfifo(fifo)
    outcomes: list[str] = []

    def try_all() -> None:
        for path in (fifo, Path("/dev/zero"), tmp_path):
            try:
                import_annotations_file(library, path)
                outcomes.append("imported")
            except SourceError as error:
                outcomes.append(error.problem.value)

    worker = threading.Thread(target=try_all, daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive(), "reading a pipe or a device never ended"
    assert outcomes == ["not-a-file", "not-a-file", "folder"]


def test_a_huge_file_is_refused_by_its_size(tmp_path: Path, library: Store) -> None:
    path = tmp_path / "huge.jsonld"
    with open(path, "wb") as stream:
        stream.truncate(10 * 1000 * 1000 * 1000)  # sparse: no disk used
    with pytest.raises(SourceError) as raised:
        import_annotations_file(library, path)
    assert raised.value.problem is SourceProblem.TOO_BIG and "MB" in str(raised.value)


BAD_CONTENT: dict[str, tuple[bytes, str]] = {
    "invalid UTF-8": (b'{"type": "Annotation", "id": "caf\xe9"}', "not UTF-8"),
    "invalid JSON": (b'{"type": "Annotation",', "not valid JSON"),
    "empty": (b"  \n", "empty"),
    "nested 100,000 deep": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "objects nested deep": (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "nested too deeply"),
    "a number of 10,000 digits": (
        b'{"type": "Annotation", "id": ' + b"9" * 10_000 + b"}",
        "number",
    ),
    "NaN": (b'{"type": "Annotation", "glose:x": NaN}', "number"),
    "not an object": (b"[1, 2, 3]", "not a Web Annotation"),
}


@pytest.mark.parametrize("case", BAD_CONTENT, ids=list(BAD_CONTENT))
def test_unreadable_content_gets_a_sentence(tmp_path: Path, library: Store, case: str) -> None:
    data, words = BAD_CONTENT[case]
    path = tmp_path / "notes.jsonld"
    path.write_bytes(data)
    with pytest.raises((SourceError, AnnotationImportError)) as raised:
        import_annotations_file(library, path)
    message = str(raised.value)
    assert words in message and str(path) in message, message
    assert content(library) == ([], [])


def test_the_command_says_one_line_and_imports_nothing(
    tmp_path: Path, data_dir: Path, exported: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main

    _set("glose:articles.0.metadata", [1, 2])(exported)
    path = write(tmp_path, exported)
    assert main(["import-annotations", str(path), "--data-dir", str(data_dir)]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and str(path) in error and "metadata" in error
    assert "unexpected" not in error
    with Store(data_dir) as store:
        assert content(store) == ([], [])
