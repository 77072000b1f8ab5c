"""A library edited by hand, or written by an older or foreign tool: whatever its JSON columns
hold, every command still works, and nothing in the file is lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.cli import main
from reader.library import Library
from reader.store import Kind, Status, Store, StoreError

ARTICLE = "Titre\nLe président a parlé. « Nous verrons », a dit Jean Dupont.\n"

HOSTILE: dict[str, list[str]] = {
    "metadata": ["[1, 2]", '"texte"', "nope{", "null", "42", '{"url": [1]}', "[" * 100_000],
    "tags": ['{"a": 1}', '"solo"', "nope[", "null", "[1, null, {}, true]", "42", "[" * 100_000],
    "speaker correction": [
        "[1]",
        "nope",
        "null",
        '{"quote_start": "abc", "quote_end": 3, "quote_text": "x"}',
        '{"quote_end": 3}',
    ],
    "entity correction": ["[1]", "nope", '{"kind": 5}', '{"kind": "relabel", "text": ["x"]}'],
    "analysis cache": ["nope", "[1]", '[{"start": "a"}]', '[[0, 3, "XYZ"]]', '[[0, 999, "PER"]]'],
    "kind and status": ["bogus"],
}

COMMANDS = [
    ["list"],
    ["list", "--json"],
    ["search", "président"],
    ["search", "--speaker", "Jean Dupont"],
    ["search", "--mentions", "Jean Dupont"],
    ["export", "--all", "--engine", "rules"],
    ["export", "--all", "--format", "jsonld", "--engine", "rules"],
    ["export", "{article}", "--engine", "rules"],
    ["detect", "{article}", "--engine", "rules"],
    ["annotate", "{article}", "--quote", "président"],
]


def spoil(database: Path, column: str, value: str) -> None:
    conn = sqlite3.connect(database)
    with conn:
        if column == "metadata":
            conn.execute("UPDATE articles SET metadata = ?", (value,))
        elif column == "tags":
            conn.execute("UPDATE annotations SET tags = ?", (value,))
        elif column == "analysis cache":
            conn.execute("UPDATE analysis_cache SET value = ?", (value,))
        elif column == "kind and status":
            conn.execute("UPDATE annotations SET kind = ?, status = ?", (value, value))
        else:
            kind = "speaker" if column == "speaker correction" else "entity"
            conn.execute(
                "INSERT INTO corrections (article_id, kind, data, created) VALUES (1, ?, ?, 'x')",
                (kind, value),
            )
    conn.close()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def prepared(data_dir: Path, article: Path) -> Path:
    """A library with the article, one annotation, its analysis cached."""
    arguments = ["--data-dir", str(data_dir)]
    assert main(["annotate", str(article), "--quote", "Jean Dupont", "--tag", "t", *arguments]) == 0
    assert main(["detect", str(article), "--engine", "rules", *arguments]) == 0
    return data_dir / "glose.db"


CASES = [(column, value) for column, values in HOSTILE.items() for value in values]


@pytest.mark.parametrize(
    ("column", "value"), CASES, ids=[f"{column}={value[:20]}" for column, value in CASES]
)
def test_every_command_works_on_a_library_edited_by_hand(
    data_dir: Path, article: Path, column: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    database = prepared(data_dir, article)
    spoil(database, column, value)
    for command in COMMANDS:
        capsys.readouterr()
        arguments = [part.format(article=article) for part in command]
        status = main([*arguments, "--data-dir", str(data_dir)])
        assert status == 0, (command, capsys.readouterr().err)


def test_values_edited_by_hand_are_read_for_what_they_say(data_dir: Path, article: Path) -> None:
    database = prepared(data_dir, article)
    conn = sqlite3.connect(database)
    with conn:
        conn.execute("UPDATE annotations SET tags = 'Europe, #diplomatie', kind = 'bogus'")
        conn.execute("UPDATE articles SET metadata = '[1, 2]'")
    conn.close()
    with Store(data_dir) as store:
        (annotation,) = store.annotations(1)
        assert annotation.tags == ("Europe", "diplomatie")
        assert annotation.kind is Kind.TEXT and annotation.status is Status.ANCHORED
        assert store.all_tags() == ["Europe", "diplomatie"]
        article_read = store.article(1)
        assert article_read is not None and article_read.metadata == {}
    # Nothing was written over: the file still holds what was typed.
    conn = sqlite3.connect(database)
    assert conn.execute("SELECT metadata FROM articles").fetchone() == ("[1, 2]",)
    conn.close()


def test_a_readable_correction_still_applies_next_to_a_broken_one(
    data_dir: Path, article: Path
) -> None:
    database = prepared(data_dir, article)
    spoil(database, "entity correction", '{"kind": 5}')
    with Store(data_dir) as store:
        library = Library(store)
        library.store.add_correction(1, "entity", {"kind": "remove", "text": "Jean Dupont"})
        corrections = library.entity_corrections(1)
        assert [c.kind for c in corrections] == ["remove"]
        assert len(store.corrections(1)) == 2, "the broken correction is kept in the library"


def test_metadata_that_is_not_an_object_is_refused_on_the_way_in(data_dir: Path) -> None:
    with Store(data_dir) as store:
        with pytest.raises(StoreError, match="must be a JSON object"):
            store.add_or_update_article("test:a", "Titre", "Titre\nTexte.", [1, 2])  # type: ignore[arg-type]
        assert store.articles() == []
