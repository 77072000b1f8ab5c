"""The quotation tracker's grouping: which reports are one utterance, measured on a pair set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.tracker.diff import Change, diff_pieces, word_diff
from reader.tracker.similarity import compare, same_utterance
from reader.tracker.words import from_stored, quote_words

PAIRS = Path(__file__).parent / "data" / "tracker"


def _pairs(part: str) -> list[dict[str, object]]:
    document = json.loads((PAIRS / f"pairs-{part}.json").read_text(encoding="utf-8"))
    return list(document["pairs"])


def _precision_recall(pairs: list[dict[str, object]]) -> tuple[float, float]:
    true_positive = false_positive = false_negative = 0
    for pair in pairs:
        grouped = same_utterance(quote_words(str(pair["a"])), quote_words(str(pair["b"])))
        if grouped and pair["same"]:
            true_positive += 1
        elif grouped:
            false_positive += 1
        elif pair["same"]:
            false_negative += 1
    return (
        true_positive / (true_positive + false_positive),
        true_positive / (true_positive + false_negative),
    )


def test_the_pair_set_is_large_and_has_a_held_out_part() -> None:
    tune, held_out = _pairs("tune"), _pairs("held-out")
    everything = tune + held_out
    assert sum(1 for p in everything if p["same"]) >= 150
    assert sum(1 for p in everything if not p["same"]) >= 150
    assert len(held_out) >= len(everything) // 4
    texts = {(p["a"], p["b"]) for p in tune}
    assert not any((p["a"], p["b"]) in texts for p in held_out)


def test_grouping_precision_and_recall_on_the_pair_set(capsys: pytest.CaptureFixture[str]) -> None:
    measured = {part: _precision_recall(_pairs(part)) for part in ("tune", "held-out")}
    precision, recall = _precision_recall(_pairs("tune") + _pairs("held-out"))
    with capsys.disabled():
        for part, (p, r) in measured.items():
            print(f"\ngrouping, {part} pairs: precision {p:.3f}, recall {r:.3f}")
        print(f"grouping, all pairs: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.95 and recall >= 0.95


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("« Nous irons jusqu’au bout »", "“nous irons jusqu'au bout !”"),
        ("« La ligne rouge a été franchie »", '"La ligne rouge a ete franchie..."'),
        ("« Les gens qui on voté pour nous »", "« Les gens qui on [sic] voté pour nous »"),
    ],
)
def test_marks_case_accents_and_editorial_additions_do_not_count(first: str, second: str) -> None:
    assert compare(quote_words(first), quote_words(second)).score == 1.0


def test_a_bracketed_clarification_keeps_the_utterance() -> None:
    assert same_utterance(
        quote_words("« Ils [les syndicats] savent que la porte reste ouverte »"),
        quote_words("« Ils savent que la porte reste ouverte »"),
    )


def test_ellipses_in_every_form_mark_a_cut() -> None:
    for cut in ("[…]", "[...]", "(...)", "(…)", "…", "..."):
        words = quote_words(f"« Nous allons investir {cut} pour garantir notre souveraineté »")
        assert words.words == (
            "nous",
            "allons",
            "investir",
            "pour",
            "garantir",
            "notre",
            "souverainete",
        )
        assert words.cuts == {3}
        assert from_stored(words.stored()) == words


def test_a_cut_report_is_the_same_utterance_and_a_negated_one_is_not() -> None:
    full = quote_words(
        "« Nous allons investir massivement dans le nucléaire, dans les renouvelables et dans "
        "la recherche pour garantir notre souveraineté énergétique »"
    )
    cut = quote_words("« Nous allons investir massivement dans le nucléaire […] »")
    assert same_utterance(full, cut)
    assert not same_utterance(
        quote_words("« Cette situation est acceptable pour les familles concernées »"),
        quote_words("« Cette situation n’est pas acceptable pour les familles concernées »"),
    )


def test_too_short_a_quotation_is_not_tracked() -> None:
    assert not quote_words("« carnage »").trackable
    assert not quote_words("« en même temps »").trackable
    assert quote_words("« Je ne démissionnerai pas »").trackable


def test_word_diff_gives_what_differs_with_offsets_in_each_text() -> None:
    reference = "« Nous ne lâcherons rien sur les retraites, la mobilisation continue »"
    variant = "« Nous ne céderons RIEN sur les retraites »"
    diff = word_diff(reference, variant)
    assert [d.change for d in diff] == [Change.SAME, Change.CHANGED, Change.SAME, Change.REMOVED]
    changed = diff[1]
    assert changed.reference and changed.variant
    assert reference[slice(*changed.reference)] == "lâcherons"
    assert variant[slice(*changed.variant)] == "céderons"
    removed = diff[3]
    assert removed.reference and removed.variant is None
    assert reference[slice(*removed.reference)] == "la mobilisation continue"
    added = word_diff(variant, reference)[-1]
    assert added.change is Change.ADDED and added.reference is None


def test_diff_pieces_show_the_variant_with_what_it_left_out_put_back() -> None:
    reference = "« Nous ne lâcherons rien sur les retraites, la mobilisation continue »"
    variant = "« Nous ne céderons RIEN sur les retraites »"
    pieces = diff_pieces(reference, variant)
    assert pieces == [
        (Change.SAME, "« Nous ne "),
        (Change.REMOVED, "lâcherons"),
        (Change.SAME, " "),
        (Change.CHANGED, "céderons"),
        (Change.SAME, " RIEN sur les retraites "),
        (Change.REMOVED, "la mobilisation continue"),
        (Change.SAME, " »"),
    ]
    # A word cut at the start is put back after the opening mark, before the next word.
    assert diff_pieces("« A B C D »", "« B C D E »") == [
        (Change.SAME, "« "),
        (Change.REMOVED, "A"),
        (Change.SAME, " B C D "),
        (Change.ADDED, "E"),
        (Change.SAME, " »"),
    ]
    assert diff_pieces(variant, variant) == [(Change.SAME, variant)]
