"""The Markdown export's structure is its own: whatever a note, a title, a tag, a speaker, a
style or an entity name holds, the headings, blockquotes, lines, block ids and front matter keys
are those of the same export with plain words in their place.

The export is parsed with markdown-it (CommonMark) and its front matter with PyYAML."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.analysis.model import Analysis, Cue, Entity, Label, Mention, Quote
from reader.export.markdown import MarkdownOptions, export_markdown
from reader.store import Cluster, Store, Variant, Verdict, VerdictRecord
from reader.store.model import Annotation, Article

PARSER = MarkdownIt("commonmark")
BLOCK_ID = re.compile(r"(?<!\\)\^glose-[0-9a-z]{12}")
NOT_IN_A_NOTE = {"heading_open", "hr", "blockquote_open", "code_block", "fence", "html_block"}

# Pieces of Markdown, HTML, YAML and line breaks of every kind, put together by hypothesis.
PIECES = [
    "#", "# ", "###### ", "#\n", "---", "--", "-", "- ", "===", "=", "***", "* * *", "*", "___",
    "_ _ _", "    ", "\t", "  ", "```", "~~~", "`", "<div>", "</div>", "<!--", "-->", "<script>",
    "<?php", "<![CDATA[", "<a href='x'>", "[ref]: /evil", "[ref]", "[x](javascript:y)",
    "> ", ">", "1. ", "1) ", "+ ", "* ", "10. ", "\n", "\r\n", "\r", "\n\n", "\n\n\n", "\u2028",
    "\u2029", "\x85", "\v", "\f", "\x1c", "\\", "\\\n", "^glose-0123456789ab", "^", "&amp;",
    "&", "|", "| a | b |\n|---|---|", ": ", "key: value", '"', "'", "{", "}", "[", "]", "%",
    "!", "a", "titre", " ", "\x00", "\x1b[2J", "\x07", "\x7f", "\x9b", "é", "e\u0301", "🙂",
    "\ufeff", "\u00a0", "\u202f", "\ud83d", "\U0001d400",
]  # fmt: skip
hostile = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=14).map("".join)


@dataclass(frozen=True)
class Fields:
    title: str = "Titre"
    note: str = "note"
    tag: str = "étiquette"
    speaker: str = "Jean Martin"
    style: str = "Perso"
    entity: str = "Paris"
    passage: str = "un passage"
    author: str = "Une autrice"
    source: str = "https://example.org/discours"


def document(fields: Fields) -> str:
    """An export of one article holding ``fields`` everywhere a reader's or a page's words go:
    a quotation, an entity and a plain passage, each annotated with the note."""
    head, tail = "Titre\n", "\nIl a dit « bonjour à tous » hier. Paris est loin.\nFin."
    text = head + fields.passage + tail
    passage = len(head)
    after = passage + len(fields.passage)
    opening, closing = after + tail.index("«"), after + tail.index("»") + 1
    place = after + tail.index("Paris")
    quote = Quote(
        opening,
        closing,
        text[opening:closing],
        speaker=Mention(fields.speaker, 0, 0),
        cue=Cue(fields.speaker, 0, 0),
    )
    entity = Entity(place, place + 5, "Paris", Label.LOC, fields.entity)
    article = Article(
        1, "/tmp/article.txt", fields.title, text, "0" * 64, "", "", {"author": fields.author}
    )

    def annotation(number: int, start: int, end: int, style: str) -> Annotation:
        return Annotation(
            f"{number:012d}", 1, start, end, text[start:end], "", "",
            note=fields.note, tags=(fields.tag, "fixe"), style=style,
        )  # fmt: skip

    annotations = [
        annotation(1, 0, 5, "important"),
        annotation(2, passage, passage + len(fields.passage), "perso"),
        annotation(3, opening, closing, "perso"),
        annotation(4, place, place + 5, "verify"),
    ]
    options = MarkdownOptions(
        with_quotes=True, with_entities=True, on=date(2025, 1, 1), labels={"perso": fields.style}
    )
    analysis = Analysis([quote], [entity])
    return export_markdown(article, annotations, analysis, options, followed(fields))


def followed(fields: Fields) -> list[Cluster]:
    """A quotation three articles report, two speakers disagreeing, with a verdict on the
    whole and one on a report: the title, passage, speaker, note and source go in its
    « Citations suivies » section."""
    stamp = "2025-01-02T10:00:00.000Z"
    on_all = VerdictRecord(7, None, Verdict.VERIFIED, fields.source, fields.note, stamp, stamp)
    on_one = VerdictRecord(7, 12, Verdict.DISTORTED, "", fields.note, stamp, stamp)
    title, passage = fields.title, fields.passage
    variants = (
        Variant(11, 1, title, "/tmp/a.txt", 0, 5, passage, "Jean Martin", "2025-01-01"),
        Variant(12, 2, title, "test:b", 0, 5, passage, "Zoé Quentin", "2025-01-02", on_one),
        Variant(13, 3, "Autre titre", "test:c", 0, 5, "« bonjour »", fields.speaker, "2025-01-03"),
    )
    return [Cluster(7, variants, on_all)]


@dataclass
class Outline:
    front: dict[str, Any]
    shape: list[tuple[str, str, int]]
    """Every token outside the notes and passages, by type, tag and depth; each note and each
    passage as one entry (a passage of a page may hold several paragraphs)."""
    block_ids: list[str]
    notes: list[list[Token]]
    passages: list[list[Token]]
    headings: list[str]


def outline(markdown: str) -> Outline:
    assert markdown.startswith("---\n")
    end = markdown.index("\n---\n", 3)
    front = yaml.safe_load(markdown[4:end])
    tokens = PARSER.parse(markdown[end + 5 :])
    shape: list[tuple[str, str, int]] = []
    notes: list[list[Token]] = []
    passages: list[list[Token]] = []
    block_ids: list[str] = []
    headings: list[str] = []
    section = ""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "inline" and tokens[index - 1].type == "heading_open":
            headings.append(token.content)
            if tokens[index - 1].tag == "h2":
                section = token.content
        note = token.type == "bullet_list_open" and (
            section.startswith("Annotation") or section == "Citations suivies"
        )
        if token.level == 0 and (note or token.type == "blockquote_open"):
            closing = next(
                i for i in range(index + 1, len(tokens))
                if tokens[i].type == token.type.replace("_open", "_close") and tokens[i].level == 0
            )  # fmt: skip
            (notes if note else passages).append(tokens[index : closing + 1])
            shape.append(("note" if note else "passage", "", 0))
            index = closing + 1
            continue
        shape.append((token.type, token.tag, token.level))
        if token.type == "inline":
            block_ids += BLOCK_ID.findall(token.content)
        index += 1
    return Outline(front, shape, block_ids, notes, passages, headings)


BENIGN = outline(document(Fields()))


def shown(text: str) -> bool:
    """Would the note show anything: more than spaces and control characters."""
    return any(not (c.isspace() or unicodedata.category(c) == "Cc") for c in text)


def assert_same_structure(fields: Fields) -> None:
    found = outline(document(fields))
    expected = BENIGN.shape
    if not shown(fields.note):
        expected = [entry for entry in expected if entry[0] != "note"]
    assert found.shape == expected
    assert found.block_ids == BENIGN.block_ids
    # Empty metadata is left out; nothing else changes the keys.
    assert list(found.front) == [k for k in BENIGN.front if fields.author or k != "author"]
    assert found.front["title"] == fields.title
    assert found.front.get("author", "") == fields.author
    assert found.front["tags"] == sorted({fields.tag, "fixe"}, key=str.casefold)
    assert len(found.headings) == len(BENIGN.headings)
    for note in found.notes:
        assert not [t.type for t in note if t.type in NOT_IN_A_NOTE]
        assert not [t for t in note if t.type == "inline" and BLOCK_ID.search(t.content)]
    for passage in found.passages:
        inside = {t.type for t in passage[1:-1]}
        assert inside <= {"paragraph_open", "paragraph_close", "inline"}
        assert not [t for t in passage if t.type == "inline" and BLOCK_ID.search(t.content)]


@given(note=hostile)
@settings(max_examples=400, deadline=None)
@example(note="ligne\n---")
@example(note="ligne\n==")
@example(note="* * *\n___\n- - -")
@example(note="texte\n\n    code indenté\n\n\tet tabulé")
@example(note="<div>\n\nbloc HTML\n</div>")
@example(note="[lien]: https://evil.example\n\n[lien]")
@example(note="- > citation\n- # titre\n1. ---\n-     code")
@example(note="```\nclôture jamais fermée")
@example(note="a\rb\r# titre\u2028# autre\x85# encore")
def test_no_note_changes_the_structure(note: str) -> None:
    assert_same_structure(Fields(note=note))


@given(
    title=hostile,
    tag=hostile,
    speaker=hostile,
    style=hostile,
    entity=hostile,
    author=hostile,
    source=hostile,
)
@settings(max_examples=300, deadline=None)
@example(
    title="Titre\n# injecté\n---\ntitle: autre",
    tag="t\n# h",
    speaker="Jean\n## Chef",
    style="Style\n===",
    entity="Paris\n---",
    author='"\nkey: value',
    source="https://x\n### injecté\n> cité",
)
def test_no_single_line_field_changes_the_structure(
    title: str, tag: str, speaker: str, style: str, entity: str, author: str, source: str
) -> None:
    fields = Fields(
        title=title, tag=tag, speaker=speaker, entity=entity, author=author, source=source
    )
    if style.strip():
        fields = Fields(**{**fields.__dict__, "style": style})
    assert_same_structure(fields)


@given(passage=hostile.filter(bool))
@settings(max_examples=200, deadline=None)
@example(passage="# titre de page\n---\n<script>alert(1)</script>")
def test_no_passage_of_a_page_changes_the_structure(passage: str) -> None:
    assert_same_structure(Fields(passage=passage))


def test_an_imported_title_with_line_breaks_stays_one_heading(data_dir: Any) -> None:
    title = "Titre\n# injecté\r\n---\ntags: [piège]\u2028## encore"
    with Store(data_dir) as store:
        article = store.add_or_update_article("test:titre", title, "Titre\n\nTexte de l’article.")
        store.add_annotation(article, 0, 5, note="note", tags=["a # b"])
        markdown = export_markdown(article, store.annotations(article.id))
    found = outline(markdown)
    assert found.front["title"] == title and found.front["tags"] == ["a # b"]
    assert found.headings == ["Titre # injecté --- tags: \\[piège\\] ## encore", "Annotation 1"]


def test_metadata_of_any_json_type_never_breaks_the_export() -> None:
    """An imported article's metadata may be a list or a string: the export goes on without
    it, or with its values as text."""
    for metadata in ([1, 2], "texte", None, {"author": ["A", "B"], "date": 2025, "site": {}}):
        article = Article(1, "test:a", "Titre", "Titre\n\nTexte.", "0" * 64, "", "", metadata)  # type: ignore[arg-type]
        found = outline(export_markdown(article, [], None, MarkdownOptions(on=date(2025, 1, 1))))
        assert found.front["title"] == "Titre"
        assert found.front.get("author") in (None, "['A', 'B']")
