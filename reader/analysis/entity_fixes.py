"""The reader's corrections of entities, as data, and their application after every analysis.

A correction applies to every mention with the same text in the article (or in every article,
when it was saved as « apply everywhere »). Kinds:

- ``relabel``: mentions of ``text`` get ``label``;
- ``remove``: mentions of ``text`` are not entities;
- ``add``: every occurrence of ``text`` is an entity of ``label`` (group ``canonical``);
- ``merge``: the group ``canonical`` joins the group ``target``;
- ``split``: mentions of ``text`` leave their group and form their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from reader.analysis.model import Entity, Label
from reader.text import Layout

KINDS = ("relabel", "remove", "add", "merge", "split")


@dataclass(frozen=True, slots=True)
class Correction:
    kind: str
    text: str = ""
    label: str = ""
    canonical: str = ""
    target: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown correction {self.kind!r}")

    def to_json(self) -> dict[str, Any]:
        return {key: value for key, value in asdict(self).items() if value}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Correction:
        return cls(
            **{
                key: str(data.get(key, ""))
                for key in ("kind", "text", "label", "canonical", "target")
            }
        )


def _occurrences(text: str, layout: Layout, needle: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"(?<![\w-]){re.escape(needle)}(?![\w-])")
    found: list[tuple[int, int]] = []
    for paragraph in layout.paragraphs:
        if paragraph.analysed:
            found += [m.span() for m in pattern.finditer(text, paragraph.start, paragraph.end)]
    return found


def apply_corrections(
    text: str, layout: Layout, entities: Sequence[Entity], corrections: Sequence[Correction]
) -> list[Entity]:
    """``entities`` as the reader corrected them, in text order."""
    result = list(entities)
    for correction in corrections:
        if correction.kind == "relabel" and correction.label in Label.__members__:
            result = [
                replace(e, label=Label(correction.label), source="user")
                if e.text == correction.text
                else e
                for e in result
            ]
        elif correction.kind == "remove":
            result = [e for e in result if e.text != correction.text]
        elif correction.kind == "add" and correction.text and correction.label in Label.__members__:
            spans = _occurrences(text, layout, correction.text)
            result = [e for e in result if not any(e.start < b and a < e.end for a, b in spans)]
            result += [
                Entity(
                    a,
                    b,
                    text[a:b],
                    Label(correction.label),
                    correction.canonical or correction.text,
                    "user",
                )
                for a, b in spans
            ]
        elif correction.kind == "merge" and correction.target:
            result = [
                replace(e, canonical=correction.target, source="user")
                if e.canonical == correction.canonical
                else e
                for e in result
            ]
        elif correction.kind == "split":
            result = [
                replace(e, canonical=correction.canonical or e.text, source="user")
                if e.text == correction.text
                else e
                for e in result
            ]
    return sorted(result, key=lambda e: (e.start, e.end))
