"""Annotations stay on the right words when the article text changes."""

from __future__ import annotations

from reader.anchoring import CONTEXT_LENGTH, Anchor, attach, quote_selector, reanchor
from reader.store import Annotation, Article, Status
from reader.store.store import reattached

ORIGINAL = (
    "Titre\n"
    "Le président Trump qui avait jusqu’alors été discret sur ses intentions a parlé.\n"
    "Le conflit a débuté en février 2022. Le conflit a causé des morts.\n"
    "Les Européens craignent un accord sans eux."
)


def anchor_after(new_text: str, passage: str, occurrence: int = 1):  # type: ignore[no-untyped-def]
    start = -1
    for _ in range(occurrence):
        start = ORIGINAL.index(passage, start + 1)
    end = start + len(passage)
    selector = quote_selector(ORIGINAL, start, end)
    return reanchor(new_text, start, end, selector.exact, selector.prefix, selector.suffix)


def test_unchanged_text_stays_anchored() -> None:
    result = anchor_after(ORIGINAL, "février 2022")
    assert result.status is Status.ANCHORED
    assert ORIGINAL[result.start : result.end] == "février 2022"


def test_insertion_before_moves_the_passage() -> None:
    new = ORIGINAL.replace("Titre\n", "Titre\nUn chapeau ajouté par la rédaction.\n")
    result = anchor_after(new, "février 2022")
    assert result.status is Status.MOVED
    assert new[result.start : result.end] == "février 2022"


def test_deletion_before_moves_the_passage() -> None:
    new = ORIGINAL.replace(
        "Le président Trump qui avait jusqu’alors été discret sur ses intentions a parlé.\n", ""
    )
    result = anchor_after(new, "Les Européens craignent")
    assert result.status is Status.MOVED
    assert new[result.start : result.end] == "Les Européens craignent"


def test_repeated_phrase_keeps_the_right_occurrence() -> None:
    new = "Titre ajouté\n" + ORIGINAL
    result = anchor_after(new, "Le conflit a", occurrence=2)
    assert new[result.start : result.end] == "Le conflit a"
    assert new[result.end :].startswith(" causé")
    first = anchor_after(new, "Le conflit a", occurrence=1)
    assert new[first.end :].startswith(" débuté")


def test_rewording_near_the_passage_keeps_it() -> None:
    new = ORIGINAL.replace("Le conflit a débuté", "La guerre a commencé")
    result = anchor_after(new, "février 2022")
    assert new[result.start : result.end] == "février 2022"


def test_rewording_inside_the_passage_finds_it_fuzzily() -> None:
    passage = "avait jusqu’alors été discret sur ses intentions"
    new = ORIGINAL.replace("été discret", "été très discret")
    result = anchor_after(new, passage)
    assert result.status is Status.MOVED
    assert new[result.start : result.end] == "avait jusqu’alors été très discret sur ses intentions"


def test_whole_paragraph_moved() -> None:
    lines = ORIGINAL.split("\n")
    new = "\n".join([lines[0], lines[3], lines[1], lines[2]])
    result = anchor_after(new, "ses intentions a parlé")
    assert result.status is Status.MOVED
    assert new[result.start : result.end] == "ses intentions a parlé"


def test_passage_gone_is_orphaned_not_dropped() -> None:
    new = "Titre\nUn tout autre article, sans rapport aucun avec le précédent."
    result = anchor_after(new, "Les Européens craignent un accord")
    assert result.status is Status.ORPHANED


def test_a_passage_the_reader_chooses_is_anchored_there_with_its_context() -> None:
    start = ORIGINAL.index("février 2022")
    placed = attach(ORIGINAL, start, start + len("février 2022"))
    assert placed.anchor == Anchor(start, start + len("février 2022"), Status.ANCHORED)
    assert placed.selector.exact == "février 2022"
    assert placed.selector.prefix == ORIGINAL[start - CONTEXT_LENGTH : start]
    assert ORIGINAL[placed.anchor.end :].startswith(placed.selector.suffix)
    assert len(placed.selector.suffix) == CONTEXT_LENGTH


def test_an_orphan_reattached_is_anchored_with_the_selectors_of_its_new_passage() -> None:
    new = "Titre\nUn tout autre article, sans rapport aucun avec le précédent."
    start = ORIGINAL.index("Les Européens")
    selector = quote_selector(ORIGINAL, start, start + len("Les Européens"))
    gone = reanchor(new, start, start + 13, selector.exact, selector.prefix, selector.suffix)
    orphan = Annotation(
        "a",
        1,
        gone.start,
        gone.end,
        selector.exact,
        selector.prefix,
        selector.suffix,
        status=gone.status,
        text_sha256="hash of the old text",
    )
    assert orphan.status is Status.ORPHANED
    article = Article(1, "test:a", "Titre", new, "hash of the new text", "", "")
    chosen = new.index("autre article")
    moved = reattached(orphan, article, chosen, chosen + len("autre article"))
    assert (moved.start, moved.end, moved.status) == (chosen, chosen + 13, Status.ANCHORED)
    assert (moved.exact, moved.prefix) == ("autre article", "Titre\nUn tout ")
    assert moved.text_sha256 == "hash of the new text"
