from __future__ import annotations

from reader.text import OffsetMap, Role, layout, markdown_preview, normalise_text


def test_normalise_text_unifies_line_ends_bom_and_composition() -> None:
    raw = "\ufeff\r\nE\u0301te\u0301 \r\n\r\n\r\n\r\nfin  \r"
    assert normalise_text(raw) == "Été\n\nfin"


def test_bundled_article_layout(bundled_text: str) -> None:
    text_layout = layout(bundled_text)
    roles = [p.role for p in text_layout.paragraphs]
    assert roles[0] is Role.TITLE
    assert text_layout.title.startswith("Donald Trump et Vladimir Poutine lancent")
    assert roles[-1] is Role.BOILERPLATE
    assert bundled_text[text_layout.paragraphs[-1].start : text_layout.paragraphs[-1].end] == (
        "Laisser un commentaire"
    )
    assert roles.count(Role.BODY) == 13
    assert (text_layout.paragraphs[-1].start, text_layout.paragraphs[-1].end) not in (
        text_layout.analysed_ranges()
    )


def test_byline_and_dateline_after_title() -> None:
    text = "Un titre\nPar Jeanne Martin\nPublié le 12 février 2025 à 10 h 30\nLe corps.\nPartager"
    roles = [p.role for p in layout(text).paragraphs]
    assert roles == [Role.TITLE, Role.BYLINE, Role.DATELINE, Role.BODY, Role.BOILERPLATE]


def test_a_body_paragraph_that_merely_starts_like_boilerplate_stays_body() -> None:
    text = "Titre\nPartager les richesses est au cœur du programme présenté hier soir par le parti."
    assert [p.role for p in layout(text).paragraphs] == [Role.TITLE, Role.BODY]


def test_offset_map_round_trips_around_astral_characters() -> None:
    text = "a😀b𝄞c«d»"
    offsets = OffsetMap(text)
    qt_positions = [offsets.to_qt(i) for i in range(len(text) + 1)]
    assert qt_positions == [0, 1, 3, 4, 6, 7, 8, 9, 10]
    for index, position in enumerate(qt_positions):
        assert offsets.to_python(position) == index
    # The middle of a surrogate pair rounds down to the character.
    assert offsets.to_python(2) == 1
    assert offsets.to_python(5) == 3


def test_offset_map_matches_utf16_lengths() -> None:
    text = "Été 🇫🇷 à Kyiv — 😀😀 fin"
    offsets = OffsetMap(text)
    for index in range(len(text) + 1):
        assert offsets.to_qt(index) == len(text[:index].encode("utf-16-le")) // 2


def test_markdown_preview_keeps_the_words_and_drops_the_markup() -> None:
    note = "Formule **mot pour mot** du [message](https://x.example) _publié_.\n\n> cité\n- point"
    assert markdown_preview(note) == "Formule mot pour mot du message publié. cité point"


def test_markdown_preview_leaves_arithmetic_and_snake_case_alone() -> None:
    assert markdown_preview("2 * 3 * 4 et snake_case_name") == "2 * 3 * 4 et snake_case_name"
