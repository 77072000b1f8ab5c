"""Records kept in the library: articles and the annotations on them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from reader.anchoring import Status
from reader.styles import DEFAULT_STYLE
from reader.text import valid_unicode


class Kind(StrEnum):
    """What was annotated: a free selection, a detected quotation, or an entity mention."""

    TEXT = "text"
    QUOTE = "quote"
    ENTITY = "entity"


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    source: str
    title: str
    text: str
    sha256: str
    created: str
    updated: str
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: int
    source: str
    title: str
    updated: str
    annotation_count: int


@dataclass(frozen=True, slots=True)
class Annotation:
    id: str
    article_id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    note: str = ""
    tags: tuple[str, ...] = ()
    style: str = DEFAULT_STYLE
    kind: Kind = Kind.TEXT
    ref: str = ""
    """For quotes and entities, what was annotated, e.g. the speaker's name or the entity group."""
    status: Status = Status.ANCHORED
    text_sha256: str = ""
    created: str = ""
    updated: str = ""

    def with_changes(self, **changes: Any) -> Annotation:
        return replace(self, **changes)

    @property
    def reading_order(self) -> tuple[int, int, str, str]:
        """Sort key: by passage, then oldest first (the store lists them in this order)."""
        return (self.start, self.end, self.created, self.id)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: where it is, and a snippet with the matched words in [brackets]."""

    kind: str
    """"article", "annotation" or "quote"."""
    article_id: int
    title: str
    snippet: str
    start: int | None = None
    end: int | None = None
    ref: str = ""
    """The annotation id, or the quotation's speaker."""
    rank: float = 0.0


@dataclass(frozen=True, slots=True)
class StoredQuote:
    article_id: int
    title: str
    start: int
    end: int
    text: str
    speaker: str
    cue: str


def clean_tags(tags: Any) -> tuple[str, ...]:
    """Tags as typed by a person: trimmed, without a leading #, without duplicates, in order."""
    seen: dict[str, None] = {}
    for tag in tags:
        cleaned = " ".join(valid_unicode(str(tag)).strip().lstrip("#").split())
        if cleaned and cleaned.casefold() not in {t.casefold() for t in seen}:
            seen[cleaned] = None
    return tuple(seen)


_NOT_JSON = object()


def json_value(raw: object, default: Any) -> Any:
    """``raw`` decoded from JSON, or ``default`` when it is not JSON text."""
    if not isinstance(raw, str | bytes):
        return default
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        return default


def json_object(raw: object) -> dict[str, Any]:
    """A JSON column that holds an object (an article's metadata), read from a library that
    may have been edited by hand: anything else is read as an empty object."""
    value = json_value(raw, None)
    return value if isinstance(value, dict) else {}


def decoded_tags(raw: object) -> tuple[str, ...]:
    """An annotation's ``tags`` column, read from a library that may have been edited by hand
    or written by another tool: a JSON list of words as Glose writes it, but also one JSON
    word or number, or plain text with commas (« a, b »). Whatever it holds, a tag is text."""
    value = json_value(raw, _NOT_JSON)
    if value is _NOT_JSON:
        return clean_tags(str(raw or "").split(","))
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list):
        return ()
    return clean_tags(
        item for item in value if isinstance(item, str | int | float) and not isinstance(item, bool)
    )
