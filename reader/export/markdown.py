"""Annotations as Markdown for people (DESIGN.md §6): deterministic, valid CommonMark.

Passages are blockquotes with every line quoted, so a passage over several paragraphs stays
inside; whatever a person typed in a note keeps its inline Markdown but cannot open a heading,
a code fence, an HTML block or a blockquote that would swallow what follows.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from reader import __version__
from reader.analysis.model import Analysis, Entity, Label, Quote, group_entities
from reader.analysis.quotes import QuoteIndex
from reader.store.model import Annotation, Article, Kind, Status
from reader.styles import style_label

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&~|^])")
_LINE_START_BLOCK = re.compile(r"^(\s{0,3})([#>+=\-]|\d{1,9}[.)]|~~~|```|\*\*\*|___)")
_NOTE_LINE_START = re.compile(r"^(\s{0,3})([#>=<\[]|-{3,}|_{3,}|\*{3,}|~{3,}|`{3,}|\+\s|-\s*-\s*-)")
_NOTE_ANYWHERE = re.compile(r"([<^])")


def escape_inline(text: str) -> str:
    """Text that CommonMark renders exactly as written, as one paragraph line.

    Each substitution runs only when a search says it has work: most passages have nothing
    to escape, and an export of 10,000 annotations spent a third of its time in them."""
    escaped = _INLINE_SPECIAL.sub(r"\\\1", text) if _INLINE_SPECIAL.search(text) else text
    if not _LINE_START_BLOCK.match(escaped):
        return escaped
    return _LINE_START_BLOCK.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def quote_block(passage: str) -> list[str]:
    """The passage as a blockquote; its paragraphs stay inside, separated by ``>`` lines."""
    lines: list[str] = []
    for paragraph in passage.split("\n"):
        if lines:
            lines.append(">")
        if paragraph.strip():
            lines.append("> " + escape_inline(paragraph.strip()))
    return lines or ["> …"]


def neutralise_note(note: str) -> list[str]:
    """The note's lines, inline Markdown kept, block-level openers made literal."""
    lines: list[str] = []
    for line in note.strip().split("\n"):
        line = line.rstrip()
        if "<" in line or "^" in line:
            line = _NOTE_ANYWHERE.sub(r"\\\1", line)
        if _NOTE_LINE_START.match(line):
            line = _NOTE_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        if line.startswith("    ") and line.strip():
            line = line.strip()
        lines.append(line)
    # Blank lines inside a note keep its paragraphs; several in a row collapse to one.
    cleaned: list[str] = []
    for line in lines:
        if not line and cleaned and not cleaned[-1]:
            continue
        cleaned.append(line)
    return cleaned


def block_id(annotation: Annotation) -> str:
    return "^glose-" + annotation.id.replace("-", "")[:12]


def _yaml(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def export_date() -> date:
    """Today, or ``SOURCE_DATE_EPOCH`` when set, so that builds and tests are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return datetime.now(UTC).date()


@dataclass(frozen=True)
class MarkdownOptions:
    with_quotes: bool = False
    """Add a *Citations* section listing every quotation with its speaker."""
    with_entities: bool = False
    """Add an *Entités* section indexing people, places and organisations."""
    on: date | None = None
    labels: dict[str, str] = field(default_factory=dict)
    """Style names as the reader calls them; built-in labels for the rest."""


def _speaker_line(quote: Quote) -> str | None:
    if quote.speaker is None:
        return None
    line = "— " + escape_inline(quote.speaker.name)
    if quote.cue is not None:
        line += ", " + escape_inline(quote.cue.text)
    return line


# The entity types as a reader says them, in the order the index lists them.
ENTITY_KINDS: dict[Label, tuple[str, str]] = {
    Label.PER: ("personne", "Personnes"),
    Label.ORG: ("organisation", "Organisations"),
    Label.LOC: ("lieu", "Lieux"),
    Label.MISC: ("autre nom", "Autres noms"),
    Label.DATE: ("date", "Dates"),
}


def _entity_line(annotation: Annotation, entities: dict[tuple[int, int], Entity]) -> str | None:
    entity = entities.get((annotation.start, annotation.end))
    if entity is None:
        return None
    kind = ENTITY_KINDS[entity.label][0]
    return f"Entité : {kind} · {escape_inline(entity.canonical)}"


def export_markdown(
    article: Article,
    annotations: Sequence[Annotation],
    analysis: Analysis | None = None,
    options: MarkdownOptions | None = None,
) -> str:
    """The Markdown document for one article's annotations, in reading order."""
    options = options or MarkdownOptions()
    ordered = sorted(annotations, key=lambda a: a.reading_order)
    quotes = analysis.quotes if analysis else []
    index = QuoteIndex(quotes)
    quote_of = {a.id: index.quote_for(a.start, a.end) for a in ordered}
    entities: dict[tuple[int, int], Entity] = {}
    for entity in analysis.entities if analysis else []:
        entities.setdefault((entity.start, entity.end), entity)
    tags = sorted({tag for a in ordered for tag in a.tags}, key=str.casefold)
    quoted = [a for a in ordered if quote_of[a.id] is not None or a.kind is Kind.QUOTE]
    on = options.on or export_date()

    out = [
        "---",
        f"title: {_yaml(article.title)}",
        f"source: {_yaml(article.source)}",
    ]
    for key in ("site", "author", "date", "url"):
        if article.metadata.get(key):
            out.append(f"{key}: {_yaml(str(article.metadata[key]))}")
    out += [
        f"sha256: {article.sha256}",
        f"exported: {on.isoformat()}",
        f"generator: {_yaml('Glose ' + __version__)}",
        "counts:",
        f"  annotations: {len(ordered)}",
        f"  quotations_annotated: {len(quoted)}",
        f"  tags: {len(tags)}",
        f"tags: [{', '.join(_yaml(t) for t in tags)}]",
        "---",
        "",
        "# " + escape_inline(article.title or "Sans titre"),
        "",
    ]
    if not ordered:
        out += ["*Aucune annotation.*", ""]
    for number, annotation in enumerate(ordered, start=1):
        out += [f"## Annotation {number}", ""]
        out += quote_block(article.text[annotation.start : annotation.end] or annotation.exact)
        out.append("")
        quote = quote_of[annotation.id]
        speaker = _speaker_line(quote) if quote else None
        if speaker is None and annotation.kind is Kind.QUOTE and annotation.ref:
            speaker = "— " + escape_inline(annotation.ref)
        for extra in (speaker, _entity_line(annotation, entities)):
            if extra:
                out += [extra, ""]
        if annotation.note.strip():
            out += [*neutralise_note(annotation.note), ""]
        label = options.labels.get(annotation.style) or style_label(annotation.style, "fr")
        details = [f"Style : {escape_inline(label)}"]
        if annotation.tags:
            details.append(
                " ".join("#" + escape_inline(t.replace(" ", "_")) for t in annotation.tags)
            )
        if annotation.status is not Status.ANCHORED:
            details.append(f"État : {annotation.status.value}")
        out += [" · ".join(details) + " " + block_id(annotation), ""]

    if options.with_quotes and quotes:
        out += ["## Citations", ""]
        for quote in quotes:
            if quote.parent is not None:
                continue
            out += quote_block(quote.text)
            out.append("")
            out += [_speaker_line(quote) or "— locuteur inconnu", ""]
    if options.with_entities and analysis and analysis.entities:
        out += ["## Entités", ""]
        groups = group_entities(analysis.entities)
        for label, (_kind, heading) in ENTITY_KINDS.items():
            of_kind = [group for group in groups if group.label is label]
            if not of_kind:
                continue
            out += [f"### {heading}", ""]
            out += [f"- {escape_inline(g.canonical)} ×{len(g.mentions)}" for g in of_kind]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
