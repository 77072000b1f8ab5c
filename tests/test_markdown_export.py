"""Markdown export: deterministic, valid CommonMark, and no note can break its structure."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from reader.export.files import ExportError, write_atomically
from reader.export.markdown import export_markdown
from reader.store import Store

HOSTILE_NOTES = [
    "# Pas un titre",
    "> pas une citation\n> non plus",
    "---\nsetext\n===",
    "```python\nnever closed",
    "<script>alert(1)</script>\n<div>",
    "* liste\n* suite",
    "lone ^ caret ^glose-deadbeef",
    "[ref]: https://example.org",
    "    indented code",
    "~~~\nfence",
]


def _tree(markdown: str) -> list:  # type: ignore[type-arg]
    return MarkdownIt("commonmark").parse(markdown)


def test_hostile_notes_keep_the_structure(data_dir: Path, bundled_text: str) -> None:
    with Store(data_dir) as store:
        article = store.add_or_update_article("test:bundled", "Titre", bundled_text)
        passages = ["Donald Trump", "pourparlers de paix", "+BON SENS+.\nNous y croyons"]
        for index, note in enumerate(HOSTILE_NOTES):
            passage = passages[index % len(passages)]
            start = bundled_text.index(passage)
            store.add_annotation(article, start, start + len(passage), note=note, tags=["t"])
        markdown = export_markdown(article, store.annotations(article.id))

    tokens = _tree(markdown.split("---\n", 2)[2])
    headings = [t for t in tokens if t.type == "heading_open"]
    assert [t.tag for t in headings] == ["h1"] + ["h2"] * len(HOSTILE_NOTES)
    assert not [t for t in tokens if t.type in ("html_block", "fence", "code_block", "hr")]
    quotes = [i for i, t in enumerate(tokens) if t.type == "blockquote_open"]
    assert len(quotes) == len(HOSTILE_NOTES)
    # Each blockquote holds exactly its passage (paragraphs joined by blank lines).
    texts: list[str] = []
    for opening in quotes:
        inline = []
        for token in tokens[opening:]:
            if token.type == "blockquote_close":
                break
            if token.type == "inline":
                inline.append(token.content)
        texts.append("\n".join(inline))
    unescaped = [t.replace("\\", "") for t in texts]
    assert sorted(unescaped) == sorted(
        passages[i % len(passages)] for i in range(len(HOSTILE_NOTES))
    )


def test_export_is_deterministic(data_dir: Path, bundled_text: str) -> None:
    with Store(data_dir) as store:
        article = store.add_or_update_article("test:bundled", "Titre", bundled_text)
        store.add_annotation(article, 0, 12, note="n")
        first = export_markdown(article, store.annotations(article.id))
        second = export_markdown(article, store.annotations(article.id))
    assert first == second
    assert "exported: 2025-11-24" in first


def test_write_atomically_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("ancien", encoding="utf-8")
    write_atomically(target, "nouveau")
    assert target.read_text(encoding="utf-8") == "nouveau"
    try:
        write_atomically(tmp_path / "missing-folder" / "x.md", "x")
    except ExportError as error:
        assert "does not exist" in str(error)
    else:
        raise AssertionError("expected an ExportError")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "out.md").write_text("garde", encoding="utf-8")
    locked.chmod(0o500)
    try:
        write_atomically(locked / "out.md", "perdu")
    except ExportError as error:
        assert "could not be saved" in str(error)
    else:
        import os

        if os.geteuid() != 0:
            raise AssertionError("expected an ExportError")
    finally:
        locked.chmod(0o700)
    if (locked / "out.md").read_text(encoding="utf-8") != "perdu":
        assert (locked / "out.md").read_text(encoding="utf-8") == "garde"


def test_the_quotation_index_agrees_with_a_plain_scan() -> None:
    import random

    from reader.analysis.model import Quote
    from reader.analysis.quotes import QuoteIndex
    from reader.store import Annotation

    def plain(annotation: Annotation, quotes: list[Quote]) -> Quote | None:
        holding = [q for q in quotes if q.start <= annotation.start and annotation.end <= q.end]
        if holding:
            return min(holding, key=lambda q: (q.end - q.start, q.start))
        inside = [q for q in quotes if annotation.start <= q.start and q.end <= annotation.end]
        return min(inside, key=lambda q: (q.start, q.end)) if inside else None

    generator = random.Random(7)
    for _ in range(200):
        quotes = []
        for _ in range(generator.randint(0, 12)):
            start = generator.randint(0, 300)
            quotes.append(Quote(start, start + generator.randint(2, 80), "q"))
        index = QuoteIndex(quotes)
        for _ in range(20):
            start = generator.randint(0, 380)
            annotation = Annotation("a", 1, start, start + generator.randint(1, 60), "x", "", "")
            found = index.quote_for(annotation.start, annotation.end)
            expected = plain(annotation, quotes)
            assert (found.end - found.start if found else None) == (
                expected.end - expected.start if expected else None
            )
            assert (found.start if found else None) == (expected.start if expected else None)


def test_a_speaker_says_what_it_is_and_a_doubtful_one_says_so(data_dir: Path) -> None:
    from reader.analysis.model import (
        Analysis,
        Cue,
        Mention,
        Quote,
        QuoteKind,
        SpeakerKind,
    )
    from reader.export.markdown import MarkdownOptions

    text = (
        "Titre\n\n« Nous refusons », a déclaré le Kremlin. « Sans doute », aurait dit Paul."
        " Le mot « changement » revient.\n"
    )
    spans = [text.index(words) - 2 for words in ("Nous", "Sans", "changement")]
    ends = [text.index("»", start) + 1 for start in spans]
    quotes = [
        Quote(
            spans[0],
            ends[0],
            text[spans[0] : ends[0]],
            speaker=Mention("le Kremlin", 0, 0, SpeakerKind.ORGANISATION),
            cue=Cue("a déclaré", 0, 0),
            confidence=0.9,
        ),
        Quote(
            spans[1],
            ends[1],
            text[spans[1] : ends[1]],
            speaker=Mention("Paul", 0, 0),
            cue=Cue("aurait dit", 0, 0),
            confidence=0.3,
        ),
        Quote(spans[2], ends[2], text[spans[2] : ends[2]], kind=QuoteKind.TERM),
    ]
    with Store(data_dir) as store:
        article = store.add_or_update_article("test:kinds", "Titre", text)
        for start, end in zip(spans, ends, strict=True):
            store.add_annotation(article, start, end)
        markdown = export_markdown(
            article,
            store.annotations(article.id),
            Analysis(quotes=quotes),
            MarkdownOptions(with_quotes=True),
        )
    assert "— le Kremlin (organisation), a déclaré" in markdown
    assert "— Paul (attribution incertaine), aurait dit" in markdown
    citations = markdown.split("## Citations")[1]
    assert "changement" not in citations  # a term is nobody's words
    assert "— " not in markdown.split("## Annotation 3")[1].split("## Citations")[0]
