"""Properties over any text and any set of spans: normalisation, the Python↔Qt offset map,
re-anchoring, quotation detection, and both exports (no exception, offsets in range, the
export parses back). ``make soak`` runs many more examples."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reader.analysis.pipeline import analyse_quotes
from reader.anchoring import Status, quote_selector, reanchor
from reader.export.jsonld import export_jsonld, import_annotations
from reader.export.markdown import export_markdown
from reader.store import Store
from reader.text import OffsetMap, layout, normalise_text

EXAMPLES = 3000 if os.environ.get("GLOSE_SOAK") else 300
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# Text with what makes offsets and structure hard: astral characters, combining marks,
# quotation marks, Markdown and HTML syntax, line breaks of every kind, zero-width characters.
TRICKY = list(
    "aé e\u0301Z0 .,;:!?«»“”‹›\"'’-—#>*_`[]()<>&|~^\\/\n\r\t\u00a0\u202f\u200b\u200d\ufeff"
    "\u2028\u2029😀👍🏽🇫🇷𝔘𝄞قשׁ"
)
texts = st.text(alphabet=st.sampled_from(TRICKY) | st.characters(), max_size=300)
article_texts = texts.map(normalise_text).filter(lambda text: bool(text.strip()))


@PROPERTY
@given(texts)
def test_normalisation_is_idempotent_and_leaves_one_kind_of_line_end(raw: str) -> None:
    text = normalise_text(raw)
    assert normalise_text(text) == text
    assert "\r" not in text and "\u2028" not in text and not text.startswith("\ufeff")


@PROPERTY
@given(texts)
def test_the_offset_map_round_trips_every_position(text: str) -> None:
    offsets = OffsetMap(text)
    utf16 = len(text.encode("utf-16-le", "surrogatepass")) // 2
    assert offsets.to_qt(len(text)) == utf16
    previous = -1
    for index in range(len(text) + 1):
        position = offsets.to_qt(index)
        assert position > previous
        previous = position
        assert offsets.to_python(position) == index
        assert len(text[:index].encode("utf-16-le", "surrogatepass")) // 2 == position


@st.composite
def text_and_span(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(article_texts)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return text, start, end


@PROPERTY
@given(text_and_span(), texts, st.integers(0, 10_000))
def test_reanchoring_after_any_edit_stays_in_range(
    case: tuple[str, int, int], inserted: str, where: int
) -> None:
    text, start, end = case
    selector = quote_selector(text, start, end)
    same = reanchor(text, start, end, selector.exact, selector.prefix, selector.suffix)
    assert (same.start, same.end, same.status) == (start, end, Status.ANCHORED)
    cut = where % (len(text) + 1)
    edited = text[:cut] + inserted + text[cut:]
    anchor = reanchor(edited, start, end, selector.exact, selector.prefix, selector.suffix)
    assert 0 <= anchor.start <= anchor.end <= len(edited)
    if anchor.status is Status.ANCHORED:
        assert edited[anchor.start : anchor.end] == selector.exact
    if cut >= end or not inserted:
        assert anchor.status is Status.ANCHORED and (anchor.start, anchor.end) == (start, end)


@PROPERTY
@given(article_texts)
def test_quotation_detection_never_fails_and_stays_in_the_text(text: str) -> None:
    analysis = analyse_quotes(text, layout(text))
    for quote in analysis.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert quote.text == text[quote.start : quote.end]
        assert quote.parent is None or 0 <= quote.parent < len(analysis.quotes)


@st.composite
def annotated(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str, list[str]]]]:
    text = draw(article_texts)
    spans = []
    for _ in range(draw(st.integers(1, 5))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        note = draw(texts)
        tags = draw(st.lists(texts, max_size=3))
        spans.append((start, end, note, tags))
    return text, spans


@settings(
    max_examples=max(20, EXAMPLES // 3),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(annotated())
def test_exports_of_any_annotations_parse_back(
    case: tuple[str, list[tuple[int, int, str, list[str]]]],
) -> None:
    text, spans = case
    assume(text.split("\n", 1)[0].strip())
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder)) as store:
        article = store.add_or_update_article("test:property", "Titre", text)
        made = [
            store.add_annotation(article, start, end, note=note, tags=tags)
            for start, end, note, tags in spans
        ]
        for annotation in made:
            assert annotation.exact == text[annotation.start : annotation.end]

        markdown = export_markdown(article, made)
        front, body = markdown.split("---\n", 2)[1:]
        assert "title:" in front
        tokens = MarkdownIt("commonmark").parse(body)
        assert sum(t.type == "blockquote_open" for t in tokens) == len(made)
        assert not [t for t in tokens if t.type in ("html_block", "fence", "code_block")]
        assert next(t.tag for t in tokens if t.type == "heading_open") == "h1"

        document = export_jsonld([(article, made)])
        json.loads(document)
        for annotation in made:
            store.delete_annotation(annotation.id)
        report = import_annotations(store, document)
        assert report.created == len(made)
        back = {a.id: a for a in store.annotations(article.id)}
        for annotation in made:
            again = back[annotation.id]
            assert (again.start, again.end, again.exact) == (
                annotation.start,
                annotation.end,
                annotation.exact,
            )
            # A note of blank characters is no note: the export leaves it out.
            assert again.note == (annotation.note if annotation.note.strip() else "")
            assert again.tags == annotation.tags
