"""The evaluation sets, read from ``tests/evaluation/data`` (see DATA.md for their sources).

Every set gives documents with their text as Glose normalises it and gold offsets into that
text: entities (start, end, label), quotations (one or more segments, an incise being left
out of a quotation by the annotators), and each quotation's speaker.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.sources import article_from_text

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
    """"tune" (looked at while fixing the rules), "heldout" (kept aside, then seen once) or
    "fresh" (texts added at the end of a round, scored blind: their errors never listed)."""
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
    items = [*_jsonl("fiction_quotes.jsonl"), *_jsonl("fiction_quotes_fresh.jsonl")]
    for item in items:
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
                    mention
                    for s, e in spans
                    if (mention := text[s:e].strip())
                    and mention.casefold().replace("’", "'") not in _PRONOUNS
                )
                speaker = GoldSpeaker(tuple(spans), names)
            quotes.append(GoldQuote(tuple((s, e) for s, e in quote["segments"]), speaker))
        documents.append(Document(str(item["id"]), str(item["split"]), text, quotes=quotes))
    return EvaluationSet("Romans (fr-litbank)", "quotes", documents)


_PRONOUNS = frozenset(
    [
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "je",
        "j'",
        "me",
        "m'",
        "moi",
        "tu",
        "te",
        "t'",
        "toi",
        "nous",
        "vous",
        "lui",
        "leur",
        "leurs",
        "eux",
        "se",
        "s'",
        "son",
        "sa",
        "ses",
        "mon",
        "ma",
        "mes",
        "ton",
        "ta",
        "tes",
        "notre",
        "votre",
        "nos",
        "vos",
        "qui",
        "que",
        "qu'",
        "dont",
        "lequel",
        "laquelle",
        "celui",
        "celle",
        "ceux",
        "celles",
        "le",
        "la",
        "les",
        "l'",
        "en",
        "y",
    ]
)
"""Mentions of a chain that name nobody by themselves: a speaker is never compared by name
with them (only by position, when Glose's mention is one of them)."""


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
    searched_from = 0
    for line in annotations:
        what, _, rest = line.partition(": ")
        quoted, _, who = rest.partition(" => ")
        span = _find_quoted(text, quoted.strip(), searched_from)
        if span is None:
            raise ValueError(f"{header['id']}: {quoted!r} is not in the text")
        searched_from = span[0] + 1
        if what == "term":
            terms.append(span)
            continue
        names, _, kind = who.partition(" | ")
        speaker = None
        if names.strip() == "?":
            speaker = GoldSpeaker((), (), "unknown")
        elif names.strip() not in ("", "-"):
            given = tuple(name.strip() for name in names.split(" / ") if name.strip())
            speaker = GoldSpeaker((), given, kind.strip() or "person")
        quotes.append(GoldQuote((span,), speaker))
    return Document(header["id"], header.get("split", "tune"), text, quotes=quotes, terms=terms)


def _find_quoted(text: str, quoted: str, start: int) -> tuple[int, int] | None:
    """Where an annotated quotation is, from ``start`` on. The annotation gives its opening
    mark and its first words (« Je crois que) or all of it; spaces and apostrophes need not
    be typed exactly. A quotation given by its first words runs to the mark that closes it,
    quotations nested inside it included."""
    opening = quoted[0]
    closing = {"«": "»", "“": "”"}.get(opening, opening)
    words = quoted[1:].removesuffix(closing).strip()
    pattern = re.escape(opening) + r"\s*" + _loose(words)
    if quoted.endswith(closing):
        pattern += r"\s*" + re.escape(closing)
    found = re.compile(pattern).search(text, start)
    if found is None:
        return None
    if quoted.endswith(closing):
        return found.span()
    depth = 0
    for position in range(found.start(), len(text)):
        if text[position] == opening:
            depth += 1
        elif text[position] == closing:
            depth -= 1
            if depth == 0:
                return found.start(), position + 1
    return None


def _loose(words: str) -> str:
    """A pattern for ``words`` in which any run of spaces matches any other, and ' matches ’."""
    parts = [re.escape(word) for word in words.split()]
    return "".join("['’]" if char in "'’" else char for char in r"\s+".join(parts))


def news_entities(quoted: EvaluationSet) -> EvaluationSet:
    """Wikinews articles of the quotation set with PER/LOC/ORG annotated by hand; offsets
    point into the text as Glose normalises it."""
    texts = {document.id: document.text for document in quoted.documents}
    documents = []
    for item in _jsonl("news_entities.jsonl"):
        identifier = str(item["id"])
        text = article_from_text(identifier, texts[identifier]).text
        entities = [GoldEntity(int(s), int(e), str(label)) for s, e, label in item["entities"]]  # type: ignore[attr-defined]
        documents.append(Document(identifier, str(item["split"]), text, entities=entities))
    return EvaluationSet("Actualités (Wikinews)", "entities", documents)


def every_set() -> list[EvaluationSet]:
    quoted = news()
    return [europeana(), news_entities(quoted), quoted, fiction()]
