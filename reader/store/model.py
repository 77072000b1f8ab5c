"""Records kept in the library: articles and the annotations on them."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from reader.anchoring import Status
from reader.text import valid_unicode


class Kind(StrEnum):
    """What was annotated: a free selection, a detected quotation, or an entity mention."""

    TEXT = "text"
    QUOTE = "quote"
    ENTITY = "entity"


DEFAULT_STYLE = "important"


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
