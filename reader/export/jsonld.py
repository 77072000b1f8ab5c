"""Annotations as W3C Web Annotation JSON-LD (for machines), and back.

The export is lossless: every annotation keeps its id, passage selectors, note, tags, style,
kind, dates; the articles' texts travel with them (``glose:articles``), so importing into an
empty library recreates everything. The W3C context is referred to by its address and never
fetched.

An import is all or nothing: the file is read and checked whole (``annotation_file``), then
everything it brings is written in one transaction. It never changes an article already in
the library, nor moves or overwrites an annotation of another article: an annotation whose id
is taken there comes in under a new id. The same id on the same article is updated when the
file's copy was modified later, and otherwise left as the library has it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

from reader import __version__
from reader.anchoring import Anchor, Status, reanchor
from reader.export.annotation_file import (
    AnnotationFile,
    AnnotationImportError,
    Item,
    parse_annotations,
    parse_moment,
    read_annotation_file,
)
from reader.store import Annotation, Article, Store
from reader.store.store import now_iso
from reader.text import layout, sha256_text

if TYPE_CHECKING:
    from reader.store.clusters import Cluster

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
GLOSE_NAMESPACE = "https://glose.example.org/ns#"
CONTEXT: list[Any] = [ANNO_CONTEXT, {"glose": GLOSE_NAMESPACE}]
CLAIM_REVIEWS = "glose:claimReviews"
"""The collection's key for the verdicts on quotations, each a schema.org ClaimReview."""
GENERATOR = {
    "id": "https://glose.example.org/",
    "type": "Software",
    "name": f"Glose {__version__}",
}


__all__ = [
    "AnnotationImportError",
    "export_jsonld",
    "import_annotations",
    "import_annotations_file",
]


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
    followed: Sequence[Cluster] = (),
) -> str:
    """One AnnotationCollection for the given articles' annotations, deterministic; the
    verdicts on ``followed`` quotation clusters beside them as schema.org ClaimReviews
    (``glose:claimReviews``, see ``reader.export.claim_review``)."""
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
    if followed:
        from reader.export.claim_review import claim_reviews

        reviews = claim_reviews(followed, source_iri)
        if reviews:
            collection[CLAIM_REVIEWS] = reviews
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0
    """On the same article as an annotation of the library with the same id, which is as new
    or newer: the library's copy stays."""
    renamed: int = 0
    """Created (and counted there) under a new id: theirs belongs to another article's
    annotation, which stays as it is."""
    moved: int = 0
    orphaned: int = 0
    articles: list[int] = field(default_factory=list)

    def summary(self) -> str:
        counts = [f"{self.created} created", f"{self.updated} updated"]
        counts.append(f"{self.unchanged} unchanged")
        if self.kept:
            copies = "copy is" if self.kept == 1 else "copies are"
            counts.append(f"{self.kept} kept (the library's {copies} newer)")
        counts += [f"{self.moved} moved", f"{self.orphaned} orphaned"]
        text = ", ".join(counts)
        if self.renamed == 1:
            text += "; 1 imported as new: its id was taken by another article's annotation"
        elif self.renamed:
            text += (
                f"; {self.renamed} imported as new: their ids were taken by other articles' "
                "annotations"
            )
        return text


def _path_of(iri: str) -> str:
    parsed = urlparse(iri)
    return unquote(parsed.path) if parsed.scheme == "file" else iri


def import_annotations_file(store: Store, path: Path) -> ImportReport:
    """``import_annotations`` of the file at ``path``: ``SourceError`` when it cannot be read
    (not a regular file, too big, not UTF-8), ``AnnotationImportError`` when it is not a
    sound annotation file; then nothing is imported."""
    return _import(store, read_annotation_file(path))


def import_annotations(store: Store, text: str, name: str = "This file") -> ImportReport:
    """Bring the annotations of a JSON-LD export (or any Web Annotation file with text
    selectors on an article of the library) into ``store``, whole or not at all; importing
    twice changes nothing. Messages call the file ``name``."""
    return _import(store, parse_annotations(text, name))


def _import(store: Store, parsed: AnnotationFile) -> ImportReport:
    """Every check first, then one transaction for everything the file brings."""
    report = ImportReport()
    stamp = now_iso()
    by_iri: dict[str, Article] = {}
    new_articles: list[tuple[Article, list[Annotation]]] = []
    for carried in parsed.articles:
        article = store.find_article(carried.source)
        if article is None and carried.text:
            title = carried.title or layout(carried.text).title
            digest = sha256_text(carried.text)
            # Id 0: not in the library yet, the transaction below adds it.
            article = Article(
                0, carried.source, title, carried.text, digest, stamp, stamp, carried.metadata
            )
            new_articles.append((article, []))
        if article is not None:
            by_iri[carried.iri or source_iri(carried.source)] = article
    on_new = {id(article): annotations for article, annotations in new_articles}
    writes: list[Annotation] = []
    touched: list[Article] = []
    taken: set[str] = set()
    for item in parsed.items:
        article = (
            by_iri.get(item.target)
            or store.find_article(_path_of(item.target))
            or store.find_article(item.target)
        )
        if article is None:
            raise parsed.fault(
                item.label,
                f"its article {item.target} is not in the library and the file does not carry "
                "its text: open the article in Glose first",
            )
        if all(article is not seen for seen in touched):
            touched.append(article)
        annotation = _placed(item, article, parsed)
        if annotation.status is Status.MOVED:
            report.moved += 1
        elif annotation.status is Status.ORPHANED:
            report.orphaned += 1
        existing = store.annotation(annotation.id)
        if existing is not None and existing.article_id != article.id:
            # Never moved off its article nor overwritten: this one comes in beside it.
            annotation = annotation.with_changes(id=_free_id(store, annotation, article, taken))
            existing = store.annotation(annotation.id)
            if existing is None:
                report.renamed += 1
        taken.add(annotation.id)
        if existing == annotation:
            report.unchanged += 1
            continue
        if existing is not None and item.modified_at <= _moment_of(existing.updated):
            report.kept += 1
            continue
        if existing is None:
            report.created += 1
        else:
            report.updated += 1
        on_new.get(id(article), writes).append(annotation)
    added = store.import_records(new_articles, writes)
    new_ids = {id(article): added[n] for n, (article, _on_it) in enumerate(new_articles)}
    report.articles = [new_ids.get(id(article), article.id) for article in touched]
    return report


def _free_id(store: Store, annotation: Annotation, article: Article, taken: set[str]) -> str:
    """An id for ``annotation``, whose own belongs to another article's annotation: the same
    each time this file is imported onto this article (so a second import finds it), unless
    that one is taken too."""
    derived = str(uuid.uuid5(uuid.NAMESPACE_URL, f"glose:{annotation.id}@{article.source}"))
    holder = store.annotation(derived)
    if derived not in taken and (holder is None or holder.article_id == article.id):
        return derived
    return str(uuid.uuid4())


def _moment_of(stamp: str) -> datetime:
    """A date of the library's, comparable with the file's; the oldest if it is unreadable."""
    return parse_moment(stamp) or datetime.min.replace(tzinfo=UTC)


def _placed(item: Item, article: Article, parsed: AnnotationFile) -> Annotation:
    """The annotation ``item`` describes, placed on ``article``'s text. On the very text it was
    made on (same fingerprint), its position and its quote must agree with that text; on
    another text, they lead the re-anchoring, and an orphan keeps a position inside it."""
    text = article.text
    start, end, exact = item.start, item.end, item.exact
    if start is not None and end is not None and item.text_sha256 == article.sha256:
        if end > len(text):
            raise parsed.fault(
                item.label,
                f"its passage ({start}–{end}) runs past the end of the article's text "
                f"({len(text)} characters)",
            )
        if exact and text[start:end] != exact:
            raise parsed.fault(
                item.label, f"its quoted passage does not match the article's text at {start}–{end}"
            )
    if start is None or end is None:
        # A quote alone: found in the text, it is where it belongs, not moved.
        found = reanchor(text, 0, len(exact), exact, item.prefix, item.suffix)
        anchor = (
            Anchor(found.start, found.end, Status.ANCHORED)
            if found.status is Status.MOVED
            else found
        )
    else:
        exact = exact or text[start:end]
        anchor = reanchor(text, start, end, exact, item.prefix, item.suffix)
    status = anchor.status
    if status is Status.ANCHORED and item.status in ("moved", "orphaned"):
        status = Status(item.status)
    start = min(anchor.start, len(text))
    return Annotation(
        id=item.id,
        article_id=article.id,
        start=start,
        end=min(max(anchor.end, start), len(text)),
        exact=exact,
        prefix=item.prefix,
        suffix=item.suffix,
        note=item.note,
        tags=item.tags,
        style=item.style,
        kind=item.kind,
        ref=item.ref,
        status=status,
        text_sha256=article.sha256,
        created=item.created,
        updated=item.modified,
    )
