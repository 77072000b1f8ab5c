"""What analysis finds in an article: quotations with their speakers, and named entities.

All offsets are Python ``str`` indices into the normalised article text; ``end`` is exclusive.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Label(StrEnum):
    PER = "PER"
    LOC = "LOC"
    ORG = "ORG"
    MISC = "MISC"
    DATE = "DATE"


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    text: str
    label: Label
    canonical: str
    source: str = "model"
    """Who found it: "model" (spaCy), "rules" (dates, fallback), "user" (a correction)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": str(self.label),
            "canonical": self.canonical,
        }


@dataclass(frozen=True, slots=True)
class EntityGroup:
    canonical: str
    label: Label
    mentions: tuple[Entity, ...]

    @property
    def forms(self) -> list[str]:
        """The distinct ways the text names this group, most frequent first."""
        counts: dict[str, int] = {}
        for mention in self.mentions:
            counts[mention.text] = counts.get(mention.text, 0) + 1
        return sorted(counts, key=lambda form: (-counts[form], form))


def group_entities(entities: Sequence[Entity]) -> list[EntityGroup]:
    """Mentions gathered under their canonical name and kind, most mentioned first."""
    groups: dict[tuple[str, Label], list[Entity]] = {}
    for entity in entities:
        groups.setdefault((entity.canonical, entity.label), []).append(entity)
    ordered = sorted(
        groups.items(), key=lambda item: (-len(item[1]), item[0][0].casefold(), item[0][1])
    )
    return [
        EntityGroup(canonical, label, tuple(mentions)) for (canonical, label), mentions in ordered
    ]


class SpeakerKind(StrEnum):
    """Who a speaker is: a named person, an organisation, a newspaper or broadcaster, someone
    described but not named (« un ancien guide »), the narrator of a story told in the first
    person (« je dis »), or a source the text leaves unclear."""

    PERSON = "person"
    NARRATOR = "narrator"
    ORGANISATION = "organisation"
    MEDIA = "media"
    DESCRIBED = "described"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text naming someone: the speaker of a quotation."""

    name: str
    start: int
    end: int
    kind: SpeakerKind = SpeakerKind.PERSON

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "start": self.start, "end": self.end, "kind": str(self.kind)}


@dataclass(frozen=True, slots=True)
class Cue:
    """The words that introduce a quotation: « a déclaré », « selon »."""

    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


class QuoteKind(StrEnum):
    """What a pair of quotation marks holds."""

    SPEECH = "speech"
    """Someone's words: the only kind that has a speaker."""
    TERM = "term"
    """A word, a title or a scare-quoted term (« changement », a programme's name): shown, but
    nobody's words."""
    UNCLOSED = "unclosed"
    """An opening mark never closed: a problem in the text, credited to nobody."""


DOUBTFUL_BELOW = 0.6
"""A speaker attributed with less confidence than this is shown as doubtful: above it, the
attribution is right nearly every time on the evaluation sets (see the README's analysis
quality section)."""


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    """Offset of the opening mark."""
    end: int
    """Offset just after the closing mark (or the end of the last paragraph when unclosed)."""
    text: str
    """The quotation with its marks, exactly ``article_text[start:end]``."""
    marks: str = "«»"
    """The opening and closing marks used."""
    parent: int | None = None
    """Index, in the quote list, of the quotation this one is nested in."""
    closed: bool = True
    """False when the closing mark was never found (the quote stops at its paragraph's end)."""
    speaker: Mention | None = None
    cue: Cue | None = None
    confidence: float = 0.0
    """How sure the speaker attribution is, from 0 (no idea) to 1."""
    kind: QuoteKind = QuoteKind.SPEECH

    @property
    def doubtful(self) -> bool:
        """Is the speaker a guess to show as such?"""
        return self.speaker is not None and self.confidence < DOUBTFUL_BELOW

    @property
    def inner(self) -> str:
        """The quoted words without their marks."""
        inner = self.text[1:-1] if self.closed and len(self.marks) > 1 else self.text[1:]
        return inner.strip(" \u00a0\u202f")

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker.to_json() if self.speaker else None,
            "cue": self.cue.to_json() if self.cue else None,
            "confidence": round(self.confidence, 3),
            "nested_in": self.parent,
            "closed": self.closed,
            "kind": str(self.kind),
        }


@dataclass(frozen=True, slots=True)
class SpeakerFix:
    """The reader's answer to « who said this? » (``name`` None: nobody)."""

    quote_start: int
    quote_end: int
    quote_text: str
    name: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "quote_start": self.quote_start,
            "quote_end": self.quote_end,
            "quote_text": self.quote_text,
            "name": self.name,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SpeakerFix:
        name = data.get("name")
        return cls(
            int(data["quote_start"]),
            int(data["quote_end"]),
            str(data["quote_text"]),
            str(name) if name else None,
        )


@dataclass(frozen=True, slots=True)
class Problem:
    """Something odd the analysis met and reported instead of guessing: an unbalanced mark."""

    kind: str
    start: int
    end: int
    message: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Analysis:
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    engine: str = ""
    """Which entity engine produced ``entities``, e.g. "spacy/fr_core_news_md-3.8.0" or "rules"."""
