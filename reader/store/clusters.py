"""What the tracker keeps and shows: verdicts, the variants of a quotation, their cluster."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from reader.search import fold


class Verdict(StrEnum):
    """The reader's finding on a quotation; the values are the command line's words."""

    VERIFIED = "verifiee"
    """It matches a source the reader names (a URL or a reference)."""
    DISTORTED = "deformee"
    """This report changes the meaning of what was said."""
    MISATTRIBUTED = "mal-attribuee"
    """Someone else said it."""
    UNVERIFIED = "non-verifiee"

    @property
    def label(self) -> str:
        """The French word, as the reader reads it."""
        return _LABELS[self]

    @classmethod
    def parse(cls, text: str) -> Verdict:
        """A verdict from what a person types: « vérifiée », « mal attribuée », « deformee »,
        with or without accents, hyphens or a final « e »."""
        wanted = "-".join(fold(text).replace("_", " ").split()).removesuffix("s")
        for verdict in cls:
            if wanted in (verdict.value, verdict.value.removesuffix("e")):
                return verdict
        known = ", ".join(verdict.value for verdict in cls)
        raise ValueError(f"« {text} » is not a verdict; say one of {known}.")


_LABELS = {
    Verdict.VERIFIED: "vérifiée",
    Verdict.DISTORTED: "déformée",
    Verdict.MISATTRIBUTED: "mal attribuée",
    Verdict.UNVERIFIED: "non vérifiée",
}


@dataclass(frozen=True, slots=True)
class VerdictRecord:
    """A verdict as stored: on a whole cluster (``member_id`` None) or on one variant."""

    cluster_id: int
    member_id: int | None
    verdict: Verdict
    source: str = ""
    """A URL or a reference the reader checked against."""
    note: str = ""
    created: str = ""
    updated: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "verdict": str(self.verdict),
            "label": self.verdict.label,
            "source": self.source,
            "note": self.note,
            "created": self.created,
            "updated": self.updated,
        }


@dataclass(frozen=True, slots=True)
class Variant:
    """One report of the utterance: a quotation in one article."""

    id: int
    """The member's id: stable while the article keeps this quotation."""
    article_id: int
    title: str
    source: str
    start: int
    end: int
    text: str
    speaker: str
    carried: str
    """When the article carried it: its own date when known, else when it entered the
    library (ISO 8601)."""
    verdict: VerdictRecord | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article": {"id": self.article_id, "title": self.title, "source": self.source},
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "carried": self.carried,
            "verdict": self.verdict.to_json() if self.verdict else None,
        }


def same_person(first: str, second: str) -> bool:
    """« Macron » and « Emmanuel Macron » name one person: every word of one is in the other."""
    words_first, words_second = set(fold(first).split()), set(fold(second).split())
    return bool(words_first and words_second) and (
        words_first <= words_second or words_second <= words_first
    )


@dataclass(frozen=True, slots=True)
class Cluster:
    """Quotations across the library that report one utterance."""

    id: int
    """Stable: re-analysing an article or adding one never changes it."""
    variants: tuple[Variant, ...]
    """In the order the articles carried them, first carrier first."""
    verdict: VerdictRecord | None = None

    @property
    def speakers(self) -> list[str]:
        """Who the articles say said it, one name per person (the fullest), first carrier's
        first."""
        names: list[str] = []
        for variant in self.variants:
            name = variant.speaker.strip()
            if not name:
                continue
            for index, known in enumerate(names):
                if same_person(known, name):
                    if len(name) > len(known):
                        names[index] = name
                    break
            else:
                names.append(name)
        return names

    @property
    def speaker(self) -> str:
        """The name most articles give (the first carrier's on a tie); empty if none does."""
        speakers = self.speakers
        if not speakers:
            return ""
        votes: Counter[str] = Counter()
        for variant in self.variants:
            for name in speakers:
                if variant.speaker.strip() and same_person(name, variant.speaker):
                    votes[name] += 1
                    break
        return max(speakers, key=lambda name: (votes[name], -speakers.index(name)))

    @property
    def disputed(self) -> bool:
        """The articles disagree on who said it."""
        return len(self.speakers) > 1

    @property
    def article_ids(self) -> list[int]:
        return list(dict.fromkeys(variant.article_id for variant in self.variants))

    @property
    def first(self) -> Variant | None:
        """The variant of the article that carried the utterance first."""
        return self.variants[0] if self.variants else None

    def variant_at(self, article_id: int, start: int, end: int) -> Variant | None:
        """The variant of this article that overlaps ``start``–``end`` the most, if any does."""
        overlapping = [
            (min(end, variant.end) - max(start, variant.start), variant)
            for variant in self.variants
            if variant.article_id == article_id
        ]
        overlapping = [item for item in overlapping if item[0] > 0]
        return max(overlapping, key=lambda item: item[0])[1] if overlapping else None

    def to_json(self) -> dict[str, Any]:
        first = self.first
        return {
            "id": self.id,
            "speaker": self.speaker,
            "speakers": self.speakers,
            "disputed": self.disputed,
            "verdict": self.verdict.to_json() if self.verdict else None,
            "articles": len(self.article_ids),
            "first": {"article": first.article_id, "carried": first.carried} if first else None,
            "variants": [variant.to_json() for variant in self.variants],
        }
