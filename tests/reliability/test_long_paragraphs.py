"""A paragraph of over a million characters (spaCy's limit) is analysed in pieces, with every
entity at its right place; an analysis that fails leaves the article and says why."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import entities
from reader.analysis.engines import engine_available
from reader.analysis.entities import BATCH_CHARS, PIECE_CHARS, RulesEngine, find_entities
from reader.analysis.entity_rules import RawEntity
from reader.cli import main
from reader.store import Store
from reader.text import cut_into_pieces, layout

SPACY_LIMIT = 1_000_000
NAME = "Jean Dupont"


def long_paragraph(length: int, filler: str, every: int = 30) -> tuple[str, list[int]]:
    """A title, then one paragraph of at least ``length`` characters in which « Jean Dupont
    a déclaré » comes back after every ``every`` fillers; and where each name starts."""
    unit = filler * every + f"{NAME} a déclaré. "
    count = length // len(unit) + 1
    title = "Un titre\n"
    text = title + (unit * count).strip()
    return text, [len(title) + index * len(unit) + len(filler) * every for index in range(count)]


@given(
    st.text(alphabet="ab .!?»\n\u00a0", max_size=400),
    st.integers(min_value=2, max_value=60),
)
@settings(max_examples=300, deadline=None)
def test_pieces_cover_the_text_in_order_and_never_cut_a_word(text: str, limit: int) -> None:
    pieces = cut_into_pieces(text, limit)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(end == start for (_, end), (start, _) in itertools.pairwise(pieces))
    for start, end in pieces:
        assert end - start <= limit and (end > start or len(text) == 0)
    for start, cut in pieces[:-1]:
        without_space = cut - start == limit and not any(c.isspace() for c in text[start:cut])
        assert text[cut - 1].isspace() or without_space, (text, limit, pieces)


def test_a_long_paragraph_is_cut_after_a_sentence_where_it_can() -> None:
    text = ("Une phrase assez courte. " * 10_000).strip()
    pieces = cut_into_pieces(text, PIECE_CHARS)
    assert len(pieces) == len(text) // PIECE_CHARS + 1
    assert all(text[end - 2 : end] == ". " for _, end in pieces[:-1])


class RecordingRules(RulesEngine):
    """The rules engine, noting the texts it is given at each call."""

    def __init__(self) -> None:
        self.calls: list[list[int]] = []

    def recognise(self, paragraphs: Sequence[str]) -> list[list[RawEntity]]:
        self.calls.append([len(paragraph) for paragraph in paragraphs])
        return super().recognise(paragraphs)


def test_the_rules_engine_finds_every_name_of_a_paragraph_over_spacys_limit() -> None:
    text, starts = long_paragraph(1_200_000, "Le ministre parle de la situation du pays. ")
    paragraph = layout(text).paragraphs[1]
    assert paragraph.end - paragraph.start > SPACY_LIMIT
    engine = RecordingRules()

    found = find_entities(text, layout(text), engine)

    people = [(e.start, e.end) for e in found if e.text == NAME]
    assert people == [(start, start + len(NAME)) for start in starts]
    assert all(text[e.start : e.end] == e.text for e in found)
    lengths = [length for call in engine.calls for length in call]
    analysed = sum(p.end - p.start for p in layout(text).paragraphs if p.analysed)
    assert max(lengths) <= PIECE_CHARS and sum(lengths) == analysed
    assert all(len(call) == 1 or sum(call) <= BATCH_CHARS for call in engine.calls)


def test_detect_with_the_rules_engine_reads_a_paragraph_over_spacys_limit(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    import json

    text, starts = long_paragraph(1_100_000, "Le ministre parle de la situation du pays. ")
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["detect", str(path), "--engine", "rules"]) == 0
    document = json.loads(capsysbinary.readouterr().out)
    people = [e["start"] for e in document["entities"] if e["text"] == NAME]
    assert people == starts and people[-1] > SPACY_LIMIT


needs_model = pytest.mark.skipif(not engine_available(), reason="the French model is not here")


@needs_model
@pytest.mark.slow
def test_import_analyses_a_paragraph_over_spacys_limit_with_the_model(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Long words: as many characters as a news text, a fifth of the words, so spaCy is fast.
    filler = "anticonstitutionnellement incompréhensiblement extraordinairement "
    text, starts = long_paragraph(SPACY_LIMIT + 50_000, filler)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")

    assert main(["import", str(path)]) == 0, capsys.readouterr().err

    with Store(data_dir) as store:
        (summary,) = store.articles()
        _, found = store.stored_analysis(summary.id)
    assert all(text[row["start"] : row["end"]] == row["text"] for row in found)
    people = [row["start"] for row in found if row["text"] == NAME and row["label"] == "PER"]
    assert people[-1] > SPACY_LIMIT, "names past the model's limit are found"
    assert set(people) <= set(starts)
    assert len(people) > 0.9 * len(starts)


@needs_model
def test_an_analysis_that_fails_keeps_the_article_and_says_why(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The engine given the whole paragraph again, as before it was cut: spaCy refuses it.
    monkeypatch.setattr(entities, "PIECE_CHARS", 2 * SPACY_LIMIT)
    text, _ = long_paragraph(SPACY_LIMIT + 1000, "Une phrase. ")
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")

    assert main(["import", str(path)]) == 1

    error = capsys.readouterr().err
    assert error.startswith("glose: ") and error.count("\n") == 1, error
    assert f"{path} is in the library, but it could not be analysed" in error
    assert "entity engine" in error and "unexpected" not in error
    with Store(data_dir) as store:
        assert [summary.source for summary in store.articles()] == [str(path)]
