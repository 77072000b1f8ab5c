"""Annotations as Markdown for people: deterministic, valid CommonMark.

The export's outline is its own: headings, passages as blockquotes (every line quoted, so a
passage over several paragraphs stays inside), one line per speaker, entity and style with the
block id, and the front matter's keys. Nothing a note, a title, a tag, a speaker or a style name
holds can add to it or take from it: one-line fields are flattened and escaped, front matter
values are YAML strings that read back exactly, and each note is a list item of its own whose
paragraphs, lists and inline Markdown are kept while block-level openers are made literal.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from reader import __version__
from reader.analysis.model import (
    Analysis,
    Entity,
    Label,
    Quote,
    QuoteKind,
    SpeakerKind,
    group_entities,
)
from reader.analysis.quotes import QuoteIndex
from reader.store.model import Annotation, Article, Kind, Status
from reader.styles import style_label

if TYPE_CHECKING:
    from reader.store.clusters import Cluster, Variant, VerdictRecord

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&~|^])")
_LINE_START_BLOCK = re.compile(r"^([#>+=\-])|^(\d{1,9})([.)])")
# What a line break is to some reader of the file (CommonMark, an editor, YAML), made a space
# in one-line fields; C0 and C1 controls too; a lone surrogate cannot be written in UTF-8.
_NOT_ONE_LINE = re.compile(r"\r\n|[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
# Either of the two above, found in one pass: most text has neither.
_SPECIAL_OR_CONTROL = re.compile(r"[\\`*_\[\]<>&~|^\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def one_line(text: str) -> str:
    """``text`` on one line: line breaks and control characters become spaces, lone
    surrogates U+FFFD; no space at either end (where Markdown would read indentation)."""
    if _NOT_ONE_LINE.search(text):
        text = _NOT_ONE_LINE.sub(
            lambda found: "\ufffd" if "\ud800" <= found.group() <= "\udfff" else " ", text
        )
    return text.strip(" ")


def escape_inline(text: str) -> str:
    """Text that CommonMark renders exactly as written, as one paragraph line: a title, a
    speaker, a tag, a style or an entity name, or one paragraph of a passage.

    Each substitution runs only when a search says it has work: most passages have nothing
    to escape, and an export of 10,000 annotations spent a third of its time in them."""
    if _SPECIAL_OR_CONTROL.search(text):
        text = one_line(text)
        escaped = _INLINE_SPECIAL.sub(r"\\\1", text)
    else:
        escaped = text.strip(" ")
    if not _LINE_START_BLOCK.match(escaped):
        return escaped
    return _LINE_START_BLOCK.sub(_escape_line_start, escaped, count=1)


def _escape_line_start(found: re.Match[str]) -> str:
    if found.group(1):
        return "\\" + found.group(1)
    # « 1. » opens a list; a backslash before a digit would be shown, so it goes before the dot.
    return found.group(2) + "\\" + found.group(3)


def heading(level: int, text: str) -> str:
    """A heading line whose text cannot end it early: a trailing ``#`` would be read as the
    optional closing sequence and dropped."""
    escaped = escape_inline(text)
    if escaped.endswith("#"):
        escaped = escaped[:-1] + "\\#"
    return "#" * level + " " + escaped


def quote_block(passage: str) -> list[str]:
    """The passage as a blockquote; its paragraphs stay inside, separated by ``>`` lines."""
    lines: list[str] = []
    for paragraph in passage.split("\n"):
        if lines:
            lines.append(">")
        if paragraph.strip():
            lines.append("> " + escape_inline(paragraph.strip()))
    return lines or ["> …"]


_NOTE_ANYWHERE = re.compile(r"([<^])|[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_NOTE_LIST_MARKER = re.compile(r"(?:[-+*]|\d{1,9}[.)])[ \t]+")
# A line of only these is a thematic break (``* * *``, ``___``), a setext underline that
# makes the line above a heading (``--``, ``==``), or an empty list item (``-``).
_NOTE_RULE_OR_UNDERLINE = re.compile(r"[-*_=][-*_= \t]*")
# Leaf blocks that would leave the note's paragraphs: ATX headings, blockquotes, code fences,
# link reference definitions (which would also redefine links elsewhere in the file).
_NOTE_BLOCK_START = re.compile(r"#|>|```|~~~|\[")


def note_block(note: str) -> list[str]:
    """The note as one list item, the user's Markdown kept inside it.

    The item is the container: its every line is indented to the item's content, so nothing
    in the note reaches the export's own blocks, and an unclosed construct ends with the item.
    Inside, paragraphs, lists and inline Markdown are kept; what would add to the export's
    outline (headings, rules, blockquotes, code and HTML blocks, link definitions, block ids)
    is made literal. Indentation is not kept: four spaces would make a code block."""
    lines: list[str] = []
    for line in note.strip().splitlines():
        line = _neutral_note_line(line)
        # Blank lines keep the note's paragraphs; several in a row count as one.
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        return []
    return ["- " + lines[0], *(("  " + line) if line else "" for line in lines[1:])]


def _neutral_note_line(line: str) -> str:
    if _NOTE_ANYWHERE.search(line):
        line = _NOTE_ANYWHERE.sub(
            lambda found: "\\" + found.group(1) if found.group(1) else _control(found.group()),
            line,
        )
    line = line.strip(" \t").rstrip()
    kept = ""
    while line:
        if _NOTE_RULE_OR_UNDERLINE.fullmatch(line):
            return kept + "\\" + line
        marker = _NOTE_LIST_MARKER.match(line)
        if marker is None:
            break
        # One space after a list marker: five would open a code block inside the item.
        kept += marker.group().rstrip(" \t") + " "
        line = line[marker.end() :]
    if _NOTE_BLOCK_START.match(line):
        line = "\\" + line
    return kept + line


def _control(character: str) -> str:
    return "\ufffd" if "\ud800" <= character <= "\udfff" else " "


def block_id(annotation: Annotation) -> str:
    return "^glose-" + annotation.id.replace("-", "")[:12]


# Characters a YAML parser refuses in a document, or reads as a line break, or as a mark of
# the stream (BOM): written as \u escapes, which YAML's double-quoted strings read back.
_YAML_UNSAFE = re.compile(
    "[^\x09\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


def _yaml(value: str) -> str:
    """A YAML double-quoted string that reads back as exactly ``value``, whatever it holds."""
    quoted = json.dumps(value, ensure_ascii=False)
    if not _YAML_UNSAFE.search(quoted):
        return quoted
    return _YAML_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", quoted)


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


# What a speaker is, when it is not simply a person (« — Le Kremlin (organisation) »).
SPEAKER_KINDS: dict[SpeakerKind, str] = {
    SpeakerKind.ORGANISATION: "organisation",
    SpeakerKind.MEDIA: "média",
    SpeakerKind.DESCRIBED: "source décrite",
    SpeakerKind.NARRATOR: "narrateur",
}


def _speaker_line(quote: Quote) -> str | None:
    """« — who, cue » for someone's words; None for a term, an unclosed mark or nobody."""
    if quote.speaker is None or quote.kind is not QuoteKind.SPEECH:
        return None
    remarks = [SPEAKER_KINDS[quote.speaker.kind]] if quote.speaker.kind in SPEAKER_KINDS else []
    if quote.doubtful:
        remarks.append("attribution incertaine")
    line = "— " + escape_inline(quote.speaker.name)
    if remarks:
        line += f" ({', '.join(remarks)})"
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


class _Escaped(dict[str, str]):
    """A text's Markdown, made the first time it is asked for."""

    def __init__(self, make: Callable[[str], str]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: str) -> str:
        self[key] = value = self._make(key)
        return value


def export_markdown(
    article: Article,
    annotations: Sequence[Annotation],
    analysis: Analysis | None = None,
    options: MarkdownOptions | None = None,
    followed: Sequence[Cluster] = (),
) -> str:
    """The Markdown document for one article's annotations, in reading order; with
    ``followed``, the quotation clusters it carries that other articles report or that have
    a verdict (« Citations suivies »)."""
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
    # Styles and tags repeat over thousands of annotations: each is escaped once.
    styles = _Escaped(
        lambda style: escape_inline(options.labels.get(style) or style_label(style, "fr"))
    )
    tag_words = _Escaped(lambda tag: "#" + escape_inline(one_line(tag).replace(" ", "_")))

    # An imported article's metadata may be anything JSON holds: only a mapping's values count.
    metadata = article.metadata if isinstance(article.metadata, dict) else {}
    out = [
        "---",
        f"title: {_yaml(article.title)}",
        f"source: {_yaml(article.source)}",
    ]
    for key in ("site", "author", "date", "url"):
        if metadata.get(key):
            out.append(f"{key}: {_yaml(str(metadata[key]))}")
    out += [
        f"sha256: {_yaml(article.sha256)}",
        f"exported: {on.isoformat()}",
        f"generator: {_yaml('Glose ' + __version__)}",
        "counts:",
        f"  annotations: {len(ordered)}",
        f"  quotations_annotated: {len(quoted)}",
        f"  tags: {len(tags)}",
        f"tags: [{', '.join(_yaml(t) for t in tags)}]",
        "---",
        "",
        heading(1, article.title or "Sans titre"),
        "",
    ]
    if not ordered:
        out += ["*Aucune annotation.*", ""]
    for number, annotation in enumerate(ordered, start=1):
        out += [heading(2, f"Annotation {number}"), ""]
        out += quote_block(article.text[annotation.start : annotation.end] or annotation.exact)
        out.append("")
        quote = quote_of[annotation.id]
        speaker = _speaker_line(quote) if quote else None
        if speaker is None and annotation.kind is Kind.QUOTE and annotation.ref:
            speaker = "— " + escape_inline(annotation.ref)
        for extra in (speaker, _entity_line(annotation, entities)):
            if extra:
                out += [extra, ""]
        note = note_block(annotation.note)
        if note:
            out += [*note, ""]
        details = [f"Style : {styles[annotation.style]}"]
        if annotation.tags:
            details.append(" ".join(tag_words[tag] for tag in annotation.tags))
        if annotation.status is not Status.ANCHORED:
            details.append(f"État : {annotation.status.value}")
        out += [" · ".join(details) + " " + block_id(annotation), ""]

    if options.with_quotes and quotes:
        out += [heading(2, "Citations"), ""]
        for quote in quotes:
            if quote.parent is not None or quote.kind is not QuoteKind.SPEECH:
                continue
            out += quote_block(quote.text)
            out.append("")
            out += [_speaker_line(quote) or "— locuteur inconnu", ""]
    if options.with_entities and analysis and analysis.entities:
        out += [heading(2, "Entités"), ""]
        groups = group_entities(analysis.entities)
        for label, (_kind, plural) in ENTITY_KINDS.items():
            of_kind = [group for group in groups if group.label is label]
            if not of_kind:
                continue
            out += [heading(3, plural), ""]
            out += [f"- {escape_inline(g.canonical)} ×{len(g.mentions)}" for g in of_kind]
            out.append("")
    out += followed_quotations(followed)
    return "\n".join(out).rstrip("\n") + "\n"


def followed_quotations(clusters: Sequence[Cluster]) -> list[str]:
    """« Citations suivies »: each cluster under a heading with its number in the library
    and its speaker, then whether the articles disagree on who said it, its verdict (source,
    and the note as the reader wrote it), and every report with its article, as a passage.
    Every field is escaped as the annotations' are: none can change the outline."""
    if not clusters:
        return []
    out = [heading(2, "Citations suivies"), ""]
    for cluster in clusters:
        out += [heading(3, f"Citation {cluster.id} — {cluster.speaker or 'locuteur inconnu'}"), ""]
        if cluster.disputed:
            names = " / ".join(escape_inline(one_line(name)) for name in cluster.speakers)
            out += [f"Locuteurs en désaccord : {names}", ""]
        out += [_verdict_line("Verdict", cluster.verdict), ""]
        note = note_block(cluster.verdict.note) if cluster.verdict else []
        if note:
            out += [*note, ""]
        count = len(cluster.article_ids)
        out += [f"Rapportée par {count} article{'s' if count > 1 else ''} :", ""]
        for variant in cluster.variants:
            out += [_variant_line(variant), ""]
            out += quote_block(variant.text)
            out.append("")
    return out


def _verdict_line(what: str, record: VerdictRecord | None) -> str:
    if record is None:
        return f"{what} : aucun"
    line = f"{what} : **{record.verdict.label}**"
    if record.source:
        line += " · Source : " + escape_inline(one_line(record.source))
    return line


def _variant_line(variant: Variant) -> str:
    """The article that carries a report, when, and who it says spoke (one line)."""
    parts = [
        variant.carried[:10],
        "*" + escape_inline(one_line(variant.title or "Sans titre")) + "*",
    ]
    if variant.speaker.strip():
        parts.append("— " + escape_inline(one_line(variant.speaker)))
    line = " · ".join(parts)
    if variant.verdict is not None:
        line += " · " + _verdict_line("Verdict sur cette version", variant.verdict)
        if variant.verdict.note.strip():
            line += " — " + escape_inline(one_line(variant.verdict.note))
    return line
