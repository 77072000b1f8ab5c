"""Reading an annotation file (W3C Web Annotation JSON-LD) into checked records, before any
of it is written: the file is read only if it is a regular file of sensible size, parsed,
and each article it carries and each annotation is checked field by field
(``annotation_schema``). The first fault stops everything with one sentence naming the file,
the item and what is wrong."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.export.annotation_schema import ANNOTATION_SCHEMA, ARTICLE_SCHEMA, as_lists, problem
from reader.sources import SourceError, SourceProblem, path_text, read_regular_file, unreadable
from reader.store.model import DEFAULT_STYLE, Kind, clean_tags
from reader.store.store import now_iso
from reader.text import normalise_text, sha256_text, valid_unicode

MAX_ANNOTATION_FILE_MB = 200
"""An export of a whole library carries its articles' texts: far above any real one, low
enough to parse without exhausting memory."""


class AnnotationImportError(Exception):
    """A file that cannot be imported, with a message for the person importing it."""


@dataclass(frozen=True, slots=True)
class CarriedArticle:
    """An article whose text travels with the annotations (``glose:articles``)."""

    source: str
    iri: str | None
    """Its address as the annotations name it (their target source), when the file says."""
    title: str
    text: str | None
    metadata: dict[str, str]


@dataclass(frozen=True, slots=True)
class Item:
    """One annotation of the file, checked, not yet placed on an article's text."""

    label: str
    """How messages name it: « annotation 3 (urn:uuid:…) »."""
    id: str
    target: str
    exact: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    note: str
    tags: tuple[str, ...]
    style: str
    kind: Kind
    ref: str
    status: str | None
    text_sha256: str | None
    created: str
    modified: str
    modified_at: datetime


@dataclass(frozen=True, slots=True)
class AnnotationFile:
    name: str
    articles: list[CarriedArticle]
    items: list[Item]

    def fault(self, where: str, what: str) -> AnnotationImportError:
        return fault(self.name, where, what)


def fault(name: str, where: str, what: str) -> AnnotationImportError:
    """The one sentence for a file refused whole."""
    place = f"{where} cannot be imported: " if where else ""
    return AnnotationImportError(f"{name}: {place}{what}. Nothing was imported.")


def read_annotation_file(path: str | Path) -> AnnotationFile:
    """The checked contents of the annotation file at ``path``: ``SourceError`` when it cannot
    be read, ``AnnotationImportError`` when it is not a sound annotation file."""
    _resolved, data = read_regular_file(
        path, "an annotation file", MAX_ANNOTATION_FILE_MB * 1024 * 1024
    )
    name = path_text(Path(path).expanduser())
    if not data.strip():
        raise SourceError(
            f"{name} is empty: there are no annotations in it.", SourceProblem.EMPTY, name
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise unreadable(name, f"not UTF-8 text: an invalid byte at {error.start}") from None
    return parse_annotations(text, name)


def _refuse_constant(constant: str) -> Any:
    raise ValueError(f"it holds {constant}, which is not a number JSON allows")


def parse_annotations(text: str, name: str = "This file") -> AnnotationFile:
    """The checked contents of an annotation file's ``text``; messages call it ``name``."""
    try:
        document = json.loads(text, parse_constant=_refuse_constant)
        return _checked(document, name)
    except json.JSONDecodeError as error:
        raise fault(name, "", f"it is not valid JSON ({error.msg}, line {error.lineno})") from None
    except RecursionError:
        raise fault(name, "", "it is nested too deeply to be an annotation file") from None
    except ValueError as error:  # a number too long to convert, NaN, Infinity
        words = str(error) if "JSON allows" in str(error) else "a number in it is too long"
        raise fault(name, "", words) from None


def _repaired(value: Any) -> Any:
    """Every string of ``value`` storable as UTF-8: a lone surrogate (``"\\ud800"`` in JSON)
    becomes U+FFFD."""
    if isinstance(value, str):
        return valid_unicode(value)
    if isinstance(value, list):
        return [_repaired(element) for element in value]
    if isinstance(value, dict):
        return {valid_unicode(key): _repaired(element) for key, element in value.items()}
    return value


def _raw_items(document: Any, name: str) -> list[Any]:
    not_annotations = fault(
        name,
        "",
        "it is not a Web Annotation document (an object of type Annotation, AnnotationPage "
        "or AnnotationCollection)",
    )
    if not isinstance(document, dict):
        raise not_annotations
    kinds = document.get("type")
    kinds = set(kinds) if isinstance(kinds, list) else {kinds}
    if "Annotation" in kinds:
        return [document]
    page = document
    if "AnnotationCollection" in kinds:
        page = document.get("first", {"items": []})
        if not isinstance(page, dict):
            raise fault(
                name,
                "",
                "its first page (first) is given by address only: Glose imports files that "
                "hold their annotations",
            )
    elif "AnnotationPage" not in kinds:
        raise not_annotations
    found = page.get("items", [])
    if not isinstance(found, list):
        raise fault(name, "", "its list of annotations (items) is not a list")
    return found


def _shown(raw: Any, key: str) -> str:
    """A name from the file (an id, a source) for a message, « (urn:uuid:…) », as far as it
    can be shown: shortened, with no character that would upset a terminal."""
    value = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(value, str) or not value:
        return ""
    shown = "".join(char if char.isprintable() else "?" for char in value[:80])
    return f" ({shown}{'…' if len(value) > 80 else ''})"


def _checked(document: Any, name: str) -> AnnotationFile:
    document = _repaired(document)
    raw_items = _raw_items(document, name)
    carried = document.get("glose:articles", []) if isinstance(document, dict) else []
    if not isinstance(carried, list):
        raise fault(name, "", "its articles (glose:articles) are not a list")
    articles: list[CarriedArticle] = []
    for number, raw in enumerate(carried, start=1):
        where = f"article {number}" + _shown(raw, "source")
        wrong = problem(raw, ARTICLE_SCHEMA)
        if wrong:
            raise fault(name, where, wrong)
        articles.append(_carried(raw, name, where, articles))
    items: list[Item] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(raw_items, start=1):
        label = f"annotation {number}" + _shown(raw, "id")
        if not isinstance(raw, dict):
            raise fault(name, label, "it is not an annotation (a JSON object)")
        wrong = problem(as_lists(raw), ANNOTATION_SCHEMA)
        if wrong:
            raise fault(name, label, wrong)
        item = _item(as_lists(raw), label, name)
        if item.id in seen:
            raise fault(name, label, f"it has the same id as annotation {seen[item.id]}")
        seen[item.id] = number
        items.append(item)
    return AnnotationFile(name, articles, items)


def _carried(
    raw: dict[str, Any], name: str, where: str, before: list[CarriedArticle]
) -> CarriedArticle:
    text = raw.get("text")
    if text is not None and raw.get("sha256") and sha256_text(text) != raw["sha256"]:
        raise fault(
            name,
            where,
            "its text does not match its fingerprint (sha256): the file was changed or cut short",
        )
    source = raw["source"]
    if any(article.source == source for article in before):
        raise fault(name, where, "another article of the file has the same source")
    normalised = normalise_text(text) if text is not None else None
    return CarriedArticle(
        source=source,
        iri=raw.get("iri"),
        title=raw.get("title", ""),
        text=normalised or None,
        metadata=dict(raw.get("metadata", {})),
    )


def parse_moment(stamp: str) -> datetime | None:
    """An ISO 8601 date and time, comparable with any other (UTC when it names no zone);
    ``None`` when it is none."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _moment(stamp: str, name: str, label: str, what: str) -> datetime:
    moment = parse_moment(stamp)
    if moment is None:
        raise fault(name, label, f"{what} is not a date and time ({stamp[:40]!r})")
    return moment


def _item(raw: dict[str, Any], label: str, name: str) -> Item:
    target = raw["target"]
    selectors = [s for s in target["selector"] if isinstance(s, dict)]
    quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
    position = next((s for s in selectors if s.get("type") == "TextPositionSelector"), None)
    if quote is None and position is None:
        raise fault(
            name,
            label,
            "its target has neither a quote (TextQuoteSelector) nor a position "
            "(TextPositionSelector) of its passage",
        )
    # int(): JSON Schema counts 12.0 as a whole number, and a slice would not.
    start = int(position["start"]) if position else None
    end = int(position["end"]) if position else None
    if start is not None and end is not None and end < start:
        raise fault(name, label, f"its passage ends ({end}) before it starts ({start})")
    exact = quote["exact"] if quote else ""
    if not exact and start == end:
        raise fault(name, label, "its passage is empty")
    identifier = raw.get("id", "")
    try:
        annotation_id = str(uuid.UUID(identifier.removeprefix("urn:uuid:")))
    except ValueError:
        # Not a UUID: one derived from it (or from the whole annotation), so that importing
        # the same file twice finds the same annotation.
        basis = identifier or json.dumps(raw, sort_keys=True)
        annotation_id = str(uuid.uuid5(uuid.NAMESPACE_URL, basis))
    created = raw.get("created") or now_iso()
    modified = raw.get("modified") or created
    _moment(created, name, label, "its creation date")
    bodies = [b for b in raw.get("body", []) if isinstance(b, dict)]
    note = next(
        (b.get("value", "") for b in bodies if b.get("purpose") != "tagging"),
        raw.get("bodyValue", ""),
    )
    kind = raw.get("glose:kind", "text")
    return Item(
        label=label,
        id=annotation_id,
        target=target["source"],
        exact=exact,
        prefix=quote.get("prefix", "") if quote else "",
        suffix=quote.get("suffix", "") if quote else "",
        start=start,
        end=end,
        note=note,
        tags=clean_tags(b.get("value", "") for b in bodies if b.get("purpose") == "tagging"),
        style=raw.get("glose:style", DEFAULT_STYLE),
        kind=Kind(kind),
        ref=raw.get("glose:ref", ""),
        status=raw.get("glose:status"),
        text_sha256=raw.get("glose:textSha256"),
        created=created,
        modified=modified,
        modified_at=_moment(modified, name, label, "its modification date"),
    )
