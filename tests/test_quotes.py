"""Quotation detection: every convention of issue 4, unbalanced marks, and any input."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.quotes import find_quotes
from reader.sources import article_from_text, load_bundled

BUNDLED = [
    "« immédiates »",
    "« immédiatement »",
    "« conversation prolongée et très productive »",
    "« dès maintenant »",
    "« +BON SENS+.\nNous y croyons tous deux très fortement. »",
    "« solution de long terme »",
    "« pourparlers de paix »",
    "« carnage »",
    "« début d’une relation »",
    "« irréaliste »",
    "« pas réaliste »",
]

# (text after a title line, expected quotations in reading order)
CASES = [
    ("Il a dit « oui » hier.", ["« oui »"]),
    ("Il a dit «\u00a0oui\u00a0» hier.", ["«\u00a0oui\u00a0»"]),
    ("Il a dit «\u202foui\u202f» hier.", ["«\u202foui\u202f»"]),
    ("Il a dit «oui» hier.", ["«oui»"]),
    ("« Un.\n« Deux.\n« Trois. » Fin.", ["« Un.\n« Deux.\n« Trois. »"]),
    ("Il a dit : « Un.\nDeux. » Fin.", ["« Un.\nDeux. »"]),
    ("« Il a dit “non” » puis « fin ».", ["« Il a dit “non” »", "“non”", "« fin »"]),
    ("« Le ‹ mot › est là ».", ["« Le ‹ mot › est là »", "‹ mot ›"]),
    ("« Le « mot » est là ».", ["« Le « mot » est là »", "« mot »"]),
    ("He said “it’s fine” today.", ["“it’s fine”"]),
    ('He said "it\'s fine" today.', ['"it\'s fine"']),
    ("L’homme d’État n’a rien dit d'autre.", []),
    ("Er sagte „ja“ und ging.", ["„ja“"]),
    ("“First paragraph.\n“Second one.” Done.", ["“First paragraph.\n“Second one.”"]),
    ("Un « deux » trois « quatre ».", ["« deux »", "« quatre »"]),
    ("Il a lancé « jamais fermé, puis « vrai ».", ["« jamais fermé, puis", "« vrai »"]),
    ("Un » perdu puis « vrai ».", ["« vrai »"]),
    ("Titre « ouvert.\nSans marque.\nEncore « fermé ».", ["« ouvert.", "« fermé »"]),
    ("« a » « b » « c »", ["« a »", "« b »", "« c »"]),
    ('Il a dit "un" et "deux".', ['"un"', '"deux"']),
]


def quotes_of(body: str) -> list[str]:
    article = article_from_text("test", "Titre\n" + body)
    quotes, _problems = find_quotes(article.text, article.layout.analysed_ranges())
    return [q.text for q in quotes]


def test_the_eleven_quotations_of_the_bundled_article() -> None:
    article = load_bundled()
    quotes, problems = find_quotes(article.text, article.layout.analysed_ranges())
    assert [q.text for q in quotes] == BUNDLED
    assert problems == []
    assert all(q.closed and q.parent is None for q in quotes)


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_conventions(body: str, expected: list[str]) -> None:
    assert quotes_of(body) == expected


def test_detection_scores_on_the_synthetic_set() -> None:
    found = expected = right = 0
    for body, wanted in CASES:
        got = quotes_of(body)
        found += len(got)
        expected += len(wanted)
        right += len(set(got) & set(wanted))
    assert right / found >= 0.97 and right / expected >= 0.97


def test_nesting_and_problems_are_reported() -> None:
    article = article_from_text("t", "T\n« Il dit “non » puis » et « jamais.\nSuite.")
    quotes, problems = find_quotes(article.text, article.layout.analysed_ranges())
    assert [q.text for q in quotes] == ["« Il dit “non »", "« jamais."]
    assert [q.closed for q in quotes] == [True, False]
    kinds = sorted((p.kind, article.text[p.start]) for p in problems)
    assert kinds == [("stray", "»"), ("unclosed", "«"), ("unclosed", "“")]


def test_an_unclosed_quote_never_swallows_the_next_paragraphs() -> None:
    body = "Il a lancé « jamais fermé.\n" + "Paragraphe.\n" * 50 + "Fin » ici."
    quotes = quotes_of(body)
    assert quotes == ["« jamais fermé."]


def test_five_thousand_random_marks_over_five_hundred_paragraphs() -> None:
    rng = random.Random(4)
    marks = ["«", "»", "“", "”", "‹", "›", '"', "’", "'", "„", "\u00a0"]
    paragraphs = []
    for _ in range(500):
        paragraphs.append(" ".join(rng.choice(marks) + "mot" for _ in range(10)))
    text = "Titre\n" + "\n".join(paragraphs)
    article = article_from_text("t", text)
    quotes, problems = find_quotes(article.text, article.layout.analysed_ranges())
    assert quotes and problems
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(article.text)
        assert article.text[quote.start : quote.end] == quote.text
        assert quote.text[0] not in "’'"
    # Many unbalanced marks in one paragraph: the stack never makes this quadratic.
    one = "T\n" + "«" * 3000 + "”" * 3000 + "«»" * 1000
    quotes, problems = find_quotes(one, [(0, 1), (2, len(one))])
    assert len(quotes) == 4000 and len(problems) == 6000


ALPHABET = list("ab «»“”‹›„\"’'.:\n\u00a0\u202f")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=400))
def test_any_text_gives_quotes_in_range(raw: str) -> None:
    text = "T\n" + raw
    ranges = [(0, 1)]
    position = 2
    for line in raw.split("\n"):
        if line.strip():
            ranges.append((position, position + len(line)))
        position += len(line) + 1
    quotes, problems = find_quotes(text, ranges)
    for index, quote in enumerate(quotes):
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        assert quote.text[0] not in "’'"
        if quote.parent is not None:
            outer = quotes[quote.parent]
            assert quote.parent < index and outer.start <= quote.start and quote.end <= outer.end
    for problem in problems:
        assert 0 <= problem.start <= problem.end <= len(text)


def test_dialogue_lines_opened_by_a_dash_are_quotations_without_their_closing_incise() -> None:
    from reader.analysis.model import QuoteKind

    body = (
        "Il entra.\n"
        "— Cela sera-t-il bien long ? demanda le laquais empaqueté de fourrures.\n"
        "— C’est l’affaire d’une heure, répondit le postillon ; nous allons manger.\n"
        "— Oui, dit-il.\n"
        "— Ah ! ciel ! s’écria la voyageuse en se levant.\n"
        "— Et à quoi cela me servirait-il, à moi ; dit Pauline en laissant tomber ses coudes.\n"
        "— À votre place, je ne m’en gênerais pas ! disait le substitut, jeune magistrat "
        "farouche qui aspirait à être procureur du roi.\n"
        "Un tiret – au milieu ne fait rien."
    )
    assert quotes_of(body) == [
        "— Cela sera-t-il bien long ?",
        "— C’est l’affaire d’une heure, répondit le postillon ; nous allons manger.",
        "— Oui",
        "— Ah ! ciel !",
        "— Et à quoi cela me servirait-il, à moi",
        "— À votre place, je ne m’en gênerais pas !",
    ]
    article = article_from_text("test", "Titre\n" + body)
    quotes, _ = find_quotes(article.text, article.layout.analysed_ranges())
    assert {q.kind for q in quotes} == {QuoteKind.SPEECH}
    assert quotes[0].inner == "Cela sera-t-il bien long ?"


def test_an_unclosed_mark_is_a_problem_not_a_quotation() -> None:
    from reader.analysis.model import QuoteKind

    article = article_from_text("t", "T\nIl a lancé « jamais fermé, puis « vrai ».")
    quotes, problems = find_quotes(article.text, article.layout.analysed_ranges())
    assert [(q.text, q.kind) for q in quotes] == [
        ("« jamais fermé, puis", QuoteKind.UNCLOSED),
        ("« vrai »", QuoteKind.SPEECH),
    ]
    assert [p.kind for p in problems] == ["unclosed"]


# Conventions, unbalanced marks and stray input, on whole articles -------------------------


def quotes_in(text: str) -> list[str]:
    article = article_from_text("test", text)
    quotes, _problems = find_quotes(article.text, article.layout.analysed_ranges())
    return [q.text for q in quotes]


def test_the_bundled_article_quotations_lie_where_found() -> None:
    article = load_bundled()
    quotes, problems = find_quotes(article.text, article.layout.analysed_ranges())
    assert [q.text for q in quotes] == BUNDLED
    assert problems == []
    assert all(article.text[q.start : q.end] == q.text for q in quotes)


def test_spaces_inside_guillemets() -> None:
    text = "Titre\nIl a dit «\u00a0oui\u00a0», puis «\u202fnon\u202f», puis «peut-être»."
    assert quotes_in(text) == ["«\u00a0oui\u00a0»", "«\u202fnon\u202f»", "«peut-être»"]


def test_quotation_over_paragraphs_with_and_without_reopening() -> None:
    reopened = "Titre\n« Premier paragraphe.\n« Deuxième paragraphe.\n« Fin. » Suite du texte."
    assert quotes_in(reopened) == ["« Premier paragraphe.\n« Deuxième paragraphe.\n« Fin. »"]
    plain = "Titre\nIl a dit : « Premier.\nDeuxième. » Puis il est parti."
    assert quotes_in(plain) == ["« Premier.\nDeuxième. »"]


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
    assert quotes_in(text) == ["“we’ll see”", '"it\'s fine"']


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
def test_any_text_with_spaces_gives_quotes_in_range(raw: str) -> None:
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
