"""Quotation detection: every French and English convention, and bad input."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.quotes import find_quotes
from reader.sources import article_from_text, load_bundled
from tests.test_quotes import BUNDLED

BUNDLED_QUOTES = BUNDLED  # one list of the bundled article's quotations, in test_quotes


def quotes_of(text: str) -> list[str]:
    article = article_from_text("test", text)
    quotes, _problems = find_quotes(article.text, article.layout.analysed_ranges())
    return [q.text for q in quotes]


def test_the_eleven_quotations_of_the_bundled_article() -> None:
    article = load_bundled()
    quotes, problems = find_quotes(article.text, article.layout.analysed_ranges())
    assert [q.text for q in quotes] == BUNDLED_QUOTES
    assert problems == []
    assert all(article.text[q.start : q.end] == q.text for q in quotes)


def test_spaces_inside_guillemets() -> None:
    text = "Titre\nIl a dit «\u00a0oui\u00a0», puis «\u202fnon\u202f», puis «peut-être»."
    assert quotes_of(text) == ["«\u00a0oui\u00a0»", "«\u202fnon\u202f»", "«peut-être»"]


def test_quotation_over_paragraphs_with_and_without_reopening() -> None:
    reopened = "Titre\n« Premier paragraphe.\n« Deuxième paragraphe.\n« Fin. » Suite du texte."
    assert quotes_of(reopened) == ["« Premier paragraphe.\n« Deuxième paragraphe.\n« Fin. »"]
    plain = "Titre\nIl a dit : « Premier.\nDeuxième. » Puis il est parti."
    assert quotes_of(plain) == ["« Premier.\nDeuxième. »"]


def test_nested_quotations_belong_to_the_outer_one() -> None:
    text = "Titre\n« Il m’a dit “partez” et ‹ vite › puis « encore » », raconte-t-elle."
    article = article_from_text("test", text)
    quotes, problems = find_quotes(article.text, article.layout.analysed_ranges())
    assert [q.text for q in quotes] == [
        "« Il m’a dit “partez” et ‹ vite › puis « encore » »",
        "“partez”",
        "‹ vite ›",
        "« encore »",
    ]
    assert [q.parent for q in quotes] == [None, 0, 0, 0]
    assert problems == []


def test_english_and_straight_quotes_and_apostrophes() -> None:
    text = "Titre\nHe said “we’ll see” and \"it's fine\" — l'homme n’a rien dit d'autre."
    assert quotes_of(text) == ["“we’ll see”", '"it\'s fine"']


def test_unbalanced_marks_are_reported_and_never_swallow_the_article() -> None:
    text = (
        "Titre\nIl a lancé « jamais fermé et le paragraphe continue.\n"
        "Paragraphe suivant sans guillemet.\nUn » perdu ici, puis « une vraie citation »."
    )
    article = article_from_text("test", text)
    quotes, problems = find_quotes(article.text, article.layout.analysed_ranges())
    texts = [q.text for q in quotes]
    assert texts == ["« jamais fermé et le paragraphe continue.", "« une vraie citation »"]
    assert quotes[0].closed is False
    assert {p.kind for p in problems} == {"unclosed", "stray"}
    assert all("\n" not in q.text for q in quotes)


def test_thousands_of_random_marks_stay_in_range() -> None:
    rng = random.Random(7)
    pieces = []
    for _ in range(500):
        words = [
            rng.choice(["mot", "«", "»", "“", "”", '"', "’", "‹", "›", "texte"]) for _ in range(10)
        ]
        pieces.append(" ".join(words))
    text = "Titre\n" + "\n".join(pieces)
    article = article_from_text("test", text)
    quotes, _problems = find_quotes(article.text, article.layout.analysed_ranges())
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(article.text)
        assert article.text[quote.start : quote.end] == quote.text
        assert quote.text.count("\n") <= 3


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab «»“”‹›\"’'.\n\u00a0")), max_size=300))
def test_any_text_gives_quotes_in_range(raw: str) -> None:
    text = "T\n" + raw
    article_text = text
    lines = [(0, 1)]
    position = 2
    for line in raw.split("\n"):
        if line.strip():
            lines.append((position, position + len(line)))
        position += len(line) + 1
    quotes, problems = find_quotes(article_text, lines)
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(article_text)
        assert article_text[quote.start : quote.end] == quote.text
        assert quote.parent is None or quotes[quote.parent].start <= quote.start
    for problem in problems:
        assert 0 <= problem.start <= problem.end <= len(article_text)
