"""The evaluation sets, read from ``tests/evaluation/data`` (see DATA.md for their sources).

Every set gives documents with their text as Glose normalises it and gold offsets into that
text: entities (start, end, label), quotations (one or more segments, an incise being left
out of a quotation by the annotators), and each quotation's speaker.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class GoldEntity:
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class GoldSpeaker:
    """Who said a quotation: the annotated mention and, when known, every mention of the same
    person in the text (a coreference chain), or a name written by the annotator."""

    spans: tuple[tuple[int, int], ...] = ()
    names: tuple[str, ...] = ()
    kind: str = "person"


@dataclass(frozen=True, slots=True)
class GoldQuote:
    segments: tuple[tuple[int, int], ...]
    speaker: GoldSpeaker | None

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]


@dataclass(slots=True)
class Document:
    id: str
    split: str
    """"tune" (looked at while fixing the rules) or "heldout" (never looked at)."""
    text: str
    entities: list[GoldEntity] | None = None
    quotes: list[GoldQuote] | None = None
    terms: list[tuple[int, int]] = field(default_factory=list)
    """Quotation marks around a term or title: not a quotation (news set only)."""


@dataclass(slots=True)
class EvaluationSet:
    name: str
    kind: str
    """"entities" or "quotes"."""
    documents: list[Document]


def _jsonl(name: str) -> Iterator[dict[str, object]]:
    with (DATA / name).open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def europeana() -> EvaluationSet:
    """Historic French newspapers (OCR), PER/LOC/ORG."""
    documents = [
        Document(
            str(item["id"]),
            str(item["split"]),
            str(item["text"]),
            entities=[GoldEntity(int(s), int(e), str(label)) for s, e, label in item["entities"]],  # type: ignore[attr-defined]
        )
        for item in _jsonl("europeana_fr.jsonl")
    ]
    return EvaluationSet("Europeana presse ancienne", "entities", documents)


def fiction() -> EvaluationSet:
    """French novels and tales (fr-litbank): quotations, their speaker and its mentions."""
    documents = []
    for item in _jsonl("fiction_quotes.jsonl"):
        text = str(item["text"])
        chains: list[list[list[int]]] = item["chains"]  # type: ignore[assignment]
        quotes = []
        for quote in item["quotes"]:  # type: ignore[attr-defined]
            speaker = None
            if quote["speaker"] is not None:
                start, end = quote["speaker"]
                spans = [(start, end)]
                if quote["chain"] is not None:
                    spans += [(s, e) for s, e in chains[quote["chain"]]]
                names = tuple(
                    text[s:e].strip() for s, e in spans if text[s:e].strip()[:1].isupper()
                )
                speaker = GoldSpeaker(tuple(spans), names)
            quotes.append(GoldQuote(tuple((s, e) for s, e in quote["segments"]), speaker))
        documents.append(Document(str(item["id"]), str(item["split"]), text, quotes=quotes))
    return EvaluationSet("Romans (fr-litbank)", "quotes", documents)


def news() -> EvaluationSet:
    """French news articles annotated here by hand (``news_quotes.txt``)."""
    documents: list[Document] = []
    header: dict[str, str] = {}
    annotations: list[str] = []
    lines: list[str] | None = None

    def close() -> None:
        if lines is None:
            return
        text = "\n".join(lines).strip("\n")
        documents.append(_news_document(header, annotations, text))

    for line in (DATA / "news_quotes.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            close()
            header, annotations, lines = {"id": line[3:].strip()}, [], None
        elif lines is not None:
            lines.append(line)
        elif line.startswith(("quote: ", "term: ")):
            annotations.append(line)
        elif line == "text:":
            lines = []
        elif ": " in line and not line.startswith("#"):
            key, _, value = line.partition(": ")
            header[key] = value
    close()
    return EvaluationSet("Actualités (Wikinews)", "quotes", documents)


def _news_document(header: dict[str, str], annotations: list[str], text: str) -> Document:
    quotes: list[GoldQuote] = []
    terms: list[tuple[int, int]] = []
    searched_from: dict[str, int] = {}
    for line in annotations:
        what, _, rest = line.partition(": ")
        quoted, _, who = rest.partition(" => ")
        start = text.find(quoted, searched_from.get(quoted, 0))
        if start == -1:
            raise ValueError(f"{header['id']}: {quoted!r} is not in the text")
        searched_from[quoted] = start + 1
        span = (start, start + len(quoted))
        if what == "term":
            terms.append(span)
            continue
        name, _, kind = who.partition(" | ")
        speaker = (
            None
            if name.strip() in ("", "-")
            else GoldSpeaker((), (name.strip(),), kind or "person")
        )
        quotes.append(GoldQuote((span,), speaker))
    return Document(header["id"], header.get("split", "tune"), text, quotes=quotes, terms=terms)


def every_set() -> list[EvaluationSet]:
    sets = [europeana(), fiction()]
    if (DATA / "news_quotes.txt").exists():
        sets.insert(1, news())
    return sets
