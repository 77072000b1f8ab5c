"""W3C Web Annotation JSON-LD: conformance to the W3C test suite's MUST assertions, lossless
round trip, idempotent import, re-anchoring on changed text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reader.export.jsonld import AnnotationImportError, export_jsonld, import_annotations
from reader.store import Kind, Store

SUITE = Path(__file__).resolve().parents[2] / "shared" / "conformance" / "w3c-annotation-model"


def _library(data_dir: Path, text: str) -> tuple[Store, Any]:
    store = Store(data_dir)
    article = store.add_or_update_article("/articles/sommet.txt", "Sommet", text)
    start = text.index("pourparlers de paix")
    store.add_annotation(
        article,
        start,
        start + 19,
        note="Une *note* en Markdown",
        tags=["diplomatie", "à suivre"],
        style="verify",
        kind=Kind.QUOTE,
        ref="Vladimir Poutine",
    )
    emoji = text.index("Kiev")
    store.add_annotation(article, emoji, emoji + 4)
    store.add_annotation(article, 0, 12, tags=["personnes"])
    return store, article


@pytest.fixture
def exported(data_dir: Path, bundled_text: str) -> tuple[str, Store, Any]:
    store, article = _library(data_dir, bundled_text.replace("Kiev", "Kiev 🇺🇦", 1))
    document = export_jsonld([(article, store.annotations(article.id))], {})
    return document, store, article


def _assertions() -> list[tuple[str, dict[str, Any]]]:
    if not SUITE.is_dir():
        pytest.skip("the W3C annotation test suite is not beside the project (shared/conformance)")
    paths = []
    for manifest, base in (
        (SUITE / "annotations" / "annotationMusts.test", SUITE),
        (
            SUITE / "wpt-tests" / "specificResource" / "specificResourceMusts.test",
            SUITE / "annotations",
        ),
    ):
        for relative in json.loads(manifest.read_text(encoding="utf-8"))["assertions"]:
            paths.append(base / relative)
    return [(str(p.relative_to(SUITE)), json.loads(p.read_text(encoding="utf-8"))) for p in paths]


def test_every_annotation_passes_the_w3c_must_assertions(exported: tuple[str, Store, Any]) -> None:
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    document, _store, _article = exported
    registry: Registry = Registry()
    for definition in sorted((SUITE / "definitions").glob("*.json")):
        contents = json.loads(definition.read_text(encoding="utf-8"))
        registry = registry.with_resource(definition.name, Resource(contents, specification=DRAFT4))
    items = json.loads(document)["first"]["items"]
    assert len(items) == 3
    checked = 0
    for name, assertion in _assertions():
        expected = assertion.get("expectedResult", "valid")
        validator = jsonschema.Draft4Validator(
            assertion, registry=registry, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
        )
        for item in items:
            valid = validator.is_valid(item)
            assert valid == (expected == "valid"), (
                name,
                item["id"],
                list(validator.iter_errors(item))[:1],
            )
            checked += 1
    assert checked >= 60 * 3


def test_export_has_selectors_bodies_and_extras(exported: tuple[str, Store, Any]) -> None:
    document, _store, _article = exported
    collection = json.loads(document)
    assert collection["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection" and collection["total"] == 3
    by_motivation = {item["motivation"]: item for item in collection["first"]["items"]}
    noted = by_motivation["commenting"]
    assert noted["target"]["source"] == "file:///articles/sommet.txt"
    quote, position = noted["target"]["selector"]
    assert quote["exact"] == "pourparlers de paix" and position["end"] - position["start"] == 19
    assert noted["body"][0] == {
        "type": "TextualBody",
        "value": "Une *note* en Markdown",
        "format": "text/markdown",
        "language": "fr",
        "purpose": "commenting",
    }
    assert [b["value"] for b in noted["body"][1:]] == ["diplomatie", "à suivre"]
    assert noted["glose:style"] == "verify" and noted["glose:kind"] == "quote"
    assert "body" not in by_motivation["highlighting"]
    assert document == export_jsonld([(_article, _store.annotations(_article.id))], {})


def test_round_trip_into_an_empty_library_and_import_twice(
    exported: tuple[str, Store, Any], tmp_path: Path
) -> None:
    document, store, article = exported
    with Store(tmp_path / "other") as other:
        report = import_annotations(other, document)
        assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
        assert (report.moved, report.orphaned) == (0, 0)
        (copy,) = [other.article(i) for i in report.articles]
        assert copy is not None and copy.text == article.text
        assert other.annotations(copy.id) == [
            a.with_changes(article_id=copy.id) for a in store.annotations(article.id)
        ]
        again = import_annotations(other, document)
        assert (again.created, again.unchanged) == (0, 3)
        assert len(other.annotations(copy.id)) == 3
        assert export_jsonld([(copy, other.annotations(copy.id))], {}) == document.replace(
            f'"article_id": {article.id}', f'"article_id": {copy.id}'
        )


def test_import_onto_changed_text_reanchors(
    exported: tuple[str, Store, Any], tmp_path: Path
) -> None:
    document, _store, article = exported
    with Store(tmp_path / "edited") as other:
        changed = "Chapeau ajouté.\n" + article.text.replace(
            "Donald Trump et Vladimir", "Donald J. Trump et Vladimir", 1
        )
        other.add_or_update_article(article.source, article.title, changed)
        data = json.loads(document)
        data.pop("glose:articles")
        report = import_annotations(other, json.dumps(data))
        assert report.created == 3 and report.moved >= 1
        for annotation in other.annotations(report.articles[0]):
            if annotation.status.value != "orphaned":
                assert (
                    changed[annotation.start : annotation.end] == annotation.exact
                    or annotation.status.value == "moved"
                )


def test_bad_files_are_refused_clearly(data_dir: Path) -> None:
    with Store(data_dir) as store:
        with pytest.raises(AnnotationImportError, match="not valid JSON"):
            import_annotations(store, "{nope")
        with pytest.raises(AnnotationImportError, match="not a Web Annotation"):
            import_annotations(store, '{"type": "Recipe"}')
        orphan = {
            "type": "Annotation",
            "id": "urn:uuid:00000000-0000-4000-8000-000000000000",
            "target": {
                "source": "https://elsewhere.example/x",
                "selector": {"type": "TextQuoteSelector", "exact": "x"},
            },
        }
        with pytest.raises(AnnotationImportError, match="not in the library"):
            import_annotations(store, json.dumps(orphan))


def test_an_annotation_file_that_cannot_be_read_says_so(tmp_path: Path) -> None:
    from reader.export.jsonld import import_annotations_file
    from reader.sources import SourceError, SourceProblem
    from reader.store import Store

    latin = tmp_path / "notes.jsonld"
    latin.write_bytes('{"note": "été"}'.encode("latin-1"))
    with Store(tmp_path / "data") as store:
        for path, problem in (
            (latin, SourceProblem.UNREADABLE),
            (tmp_path / "missing.jsonld", SourceProblem.MISSING),
        ):
            with pytest.raises(SourceError) as raised:
                import_annotations_file(store, path)
            assert raised.value.problem is problem
            assert str(path) in str(raised.value)
