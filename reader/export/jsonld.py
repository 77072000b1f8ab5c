"""Annotations as W3C Web Annotation JSON-LD (for machines), and back (DESIGN.md §6).

The export is lossless: every annotation keeps its id, passage selectors, note, tags, style,
kind, dates; the articles' texts travel with them (``glose:articles``), so importing into an
empty library recreates everything. The W3C context is referred to by its address and never
fetched.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from reader import __version__
from reader.anchoring import Status, reanchor
from reader.store import Annotation, Article, Kind, Store
from reader.store.model import clean_tags

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
GLOSE_NAMESPACE = "https://glose.example.org/ns#"
CONTEXT: list[Any] = [ANNO_CONTEXT, {"glose": GLOSE_NAMESPACE}]
GENERATOR = {
    "id": "https://glose.example.org/",
    "type": "Software",
    "name": f"Glose {__version__}",
}


class AnnotationImportError(Exception):
    """A file that cannot be imported, with a message for the person importing it."""


def source_iri(source: str) -> str:
    """An article source as an IRI: addresses and ``glose:`` names as they are, paths as file
    URIs."""
    if "://" in source or source.startswith(("glose:", "urn:")):
        return source
    return Path(source).as_uri() if Path(source).is_absolute() else "urn:glose:source:" + source


def _annotation_id(annotation_id: str) -> str:
    return f"urn:uuid:{annotation_id}"


def annotation_to_jsonld(
    annotation: Annotation, article: Article, speaker: str | None = None
) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = []
    if annotation.note.strip():
        bodies.append(
            {
                "type": "TextualBody",
                "value": annotation.note,
                "format": "text/markdown",
                "language": "fr",
                "purpose": "commenting",
            }
        )
    bodies += [
        {"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in annotation.tags
    ]
    if annotation.note.strip():
        motivation = "commenting"
    elif annotation.tags:
        motivation = "tagging"
    else:
        motivation = "highlighting"
    document: dict[str, Any] = {
        "@context": CONTEXT,
        "id": _annotation_id(annotation.id),
        "type": "Annotation",
        "motivation": motivation,
        "created": annotation.created,
        "modified": annotation.updated,
        "generator": GENERATOR,
    }
    if bodies:
        document["body"] = bodies
    document["target"] = {
        "type": "SpecificResource",
        "source": source_iri(article.source),
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": annotation.exact,
                "prefix": annotation.prefix,
                "suffix": annotation.suffix,
            },
            {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end},
        ],
    }
    document["glose:style"] = annotation.style
    document["glose:kind"] = str(annotation.kind)
    document["glose:status"] = str(annotation.status)
    document["glose:textSha256"] = annotation.text_sha256 or article.sha256
    if annotation.ref:
        document["glose:ref"] = annotation.ref
    if speaker:
        document["glose:speaker"] = speaker
    return document


def export_jsonld(
    items: Sequence[tuple[Article, Sequence[Annotation]]],
    speakers: dict[str, str] | None = None,
) -> str:
    """One AnnotationCollection for the given articles' annotations, deterministic."""
    speakers = speakers or {}
    annotations = [
        annotation_to_jsonld(annotation, article, speakers.get(annotation.id))
        for article, article_annotations in items
        for annotation in sorted(article_annotations, key=lambda a: (a.start, a.end, a.id))
    ]
    collection_key = ",".join(str(item["id"]) for item in annotations) or "empty"
    collection = {
        "@context": CONTEXT,
        "id": "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "glose:" + collection_key)),
        "type": "AnnotationCollection",
        "label": items[0][0].title if len(items) == 1 else "Glose",
        "total": len(annotations),
        "generator": GENERATOR,
        "glose:articles": [
            {
                "source": article.source,
                "iri": source_iri(article.source),
                "title": article.title,
                "sha256": article.sha256,
                "metadata": article.metadata,
                "text": article.text,
            }
            for article, _annotations in items
        ],
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": annotations},
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    moved: int = 0
    orphaned: int = 0
    articles: list[int] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.moved} moved, {self.orphaned} orphaned"
        )


def _items(document: Any) -> list[dict[str, Any]]:
    if not isinstance(document, dict):
        raise AnnotationImportError(
            "This file is not a Web Annotation document (JSON object expected)."
        )
    kind = document.get("type")
    if kind == "Annotation":
        return [document]
    if kind == "AnnotationPage":
        return list(document.get("items", []))
    if kind == "AnnotationCollection":
        first = document.get("first", {})
        return list(first.get("items", [])) if isinstance(first, dict) else []
    raise AnnotationImportError(
        "This file is not a Web Annotation document (type Annotation, AnnotationPage or "
        "AnnotationCollection expected)."
    )


def _selectors(target: Any) -> tuple[str, str, dict[str, Any], dict[str, Any]]:
    if not isinstance(target, dict):
        raise AnnotationImportError("An annotation has no target with selectors.")
    selectors = target.get("selector", [])
    if isinstance(selectors, dict):
        selectors = [selectors]
    quote: dict[str, Any] = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), {})
    position: dict[str, Any] = next(
        (s for s in selectors if s.get("type") == "TextPositionSelector"), {}
    )
    if not quote and not position:
        raise AnnotationImportError("An annotation has neither a quote nor a position selector.")
    return str(target.get("source", "")), str(quote.get("exact", "")), quote, position


def _path_of(iri: str) -> str:
    parsed = urlparse(iri)
    return unquote(parsed.path) if parsed.scheme == "file" else iri


def import_annotations_file(store: Store, path: Path) -> ImportReport:
    """``import_annotations`` of the UTF-8 file at ``path``; ``SourceError`` when it cannot
    be read."""
    from reader.sources import unreadable

    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise unreadable(Path(path), error.strerror or str(error)) from None
    except UnicodeDecodeError:
        raise unreadable(Path(path), "not UTF-8 text") from None
    return import_annotations(store, text)


def import_annotations(store: Store, text: str) -> ImportReport:
    """Bring the annotations of a JSON-LD export (or any Web Annotation file with text
    selectors on an article of the library) into ``store``; importing twice changes nothing."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise AnnotationImportError(
            f"This file is not valid JSON ({error.msg}, line {error.lineno})."
        ) from None
    items = _items(document)
    report = ImportReport()
    by_iri: dict[str, Article] = {}
    for carried in document.get("glose:articles", []) if isinstance(document, dict) else []:
        article_text = carried.get("text")
        source = str(carried.get("source", ""))
        article = store.find_article(source)
        if article is None and isinstance(article_text, str) and article_text:
            article = store.add_or_update_article(
                source, str(carried.get("title", "")), article_text, carried.get("metadata") or {}
            )
        if article is not None:
            by_iri[str(carried.get("iri", source_iri(source)))] = article
    for item in items:
        source, exact, quote, position = _selectors(item.get("target"))
        article = (
            by_iri.get(source) or store.find_article(_path_of(source)) or store.find_article(source)
        )
        if article is None:
            raise AnnotationImportError(
                f"The article {source} is not in the library: open it in Glose first."
            )
        if article.id not in report.articles:
            report.articles.append(article.id)
        annotation = _annotation(item, article, exact, quote, position)
        if annotation.status is Status.MOVED:
            report.moved += 1
        elif annotation.status is Status.ORPHANED:
            report.orphaned += 1
        existing = store.annotation(annotation.id)
        if existing == annotation:
            report.unchanged += 1
            continue
        store.restore_annotation(annotation)
        if existing is None:
            report.created += 1
        else:
            report.updated += 1
    return report


def _annotation(
    item: dict[str, Any],
    article: Article,
    exact: str,
    quote: dict[str, Any],
    position: dict[str, Any],
) -> Annotation:
    identifier = str(item.get("id", ""))
    annotation_id = identifier.removeprefix("urn:uuid:")
    try:
        annotation_id = str(uuid.UUID(annotation_id))
    except ValueError:
        annotation_id = str(
            uuid.uuid5(uuid.NAMESPACE_URL, identifier or json.dumps(item, sort_keys=True))
        )
    start = int(position.get("start", 0))
    end = int(position.get("end", start + len(exact)))
    exact = exact or article.text[start:end]
    anchor = reanchor(
        article.text, start, end, exact, str(quote.get("prefix", "")), str(quote.get("suffix", ""))
    )
    bodies = item.get("body", [])
    if isinstance(bodies, dict):
        bodies = [bodies]
    note = next(
        (
            str(b.get("value", ""))
            for b in bodies
            if isinstance(b, dict) and b.get("purpose") != "tagging"
        ),
        str(item.get("bodyValue", "")),
    )
    tags = [
        str(b.get("value", ""))
        for b in bodies
        if isinstance(b, dict) and b.get("purpose") == "tagging"
    ]
    kind = str(item.get("glose:kind", "text"))
    status = anchor.status
    if anchor.status is Status.ANCHORED and item.get("glose:status") in ("moved", "orphaned"):
        status = Status(str(item["glose:status"]))
    return Annotation(
        id=annotation_id,
        article_id=article.id,
        start=anchor.start,
        end=anchor.end,
        exact=exact,
        prefix=str(quote.get("prefix", "")),
        suffix=str(quote.get("suffix", "")),
        note=note,
        tags=clean_tags(tags),
        style=str(item.get("glose:style", "important")),
        kind=Kind(kind) if kind in {k.value for k in Kind} else Kind.TEXT,
        ref=str(item.get("glose:ref", "")),
        status=status,
        text_sha256=article.sha256,
        created=str(item.get("created", "")),
        updated=str(item.get("modified", item.get("created", ""))),
    )
