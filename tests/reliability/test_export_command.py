"""``glose export`` as a whole: one article that cannot be analysed never stops the others,
and what the command prints survives any locale and a reader that stops early."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from reader.analysis.entities import RulesEngine
from reader.analysis.entity_rules import RawEntity
from reader.analysis.pipeline import AnalysisFailed
from reader.cli import main
from reader.library import Library
from reader.store import Store
from reader.text import layout

REPO = Path(__file__).resolve().parents[2]
TEXT = "{title}\n\nLe président Jean Martin a déclaré « nous y croyons » à propos de {title}.\n"
TITLES = ["Premier article", "Article abîmé", "Dernier article"]


def add_articles(data_dir: Path) -> list[int]:
    ids = []
    with Store(data_dir) as store:
        for number, title in enumerate(TITLES):
            article = store.add_or_update_article(f"test:{number}", title, TEXT.format(title=title))
            start = article.text.index("nous y croyons")
            store.add_annotation(article, start, start + 14, note=f"note de {title}")
            ids.append(article.id)
    return ids


@pytest.fixture
def one_article_fails(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Three articles never analysed; the engine fails on the second one's words, as spaCy
    fails on a text it cannot take (a length limit, a memory error): the analysis itself, not
    the library, fails."""
    ids = add_articles(data_dir)
    recognise = RulesEngine.recognise

    def failing(self: RulesEngine, paragraphs: Sequence[str]) -> list[list[RawEntity]]:
        if any(TITLES[1] in paragraph for paragraph in paragraphs):
            raise ValueError("the engine cannot take this text")
        return recognise(self, paragraphs)

    monkeypatch.setattr(RulesEngine, "recognise", failing)
    text = TEXT.format(title=TITLES[1])
    with Store(data_dir) as store, pytest.raises(AnalysisFailed):
        Library(store).analyse(text, layout(text), RulesEngine(), article_id=ids[1])
    return ids


@pytest.mark.parametrize("fmt", ["markdown", "jsonld"])
def test_an_article_that_cannot_be_analysed_never_stops_the_others(
    one_article_fails: list[int], fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--all", "--engine", "rules", "--format", fmt]) == 0
    captured = capsys.readouterr()
    for title in TITLES:
        assert f"note de {title}" in captured.out
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert f"article {one_article_fails[1]} « Article abîmé » could not be analysed" in lines[0]
    assert "exported without speakers or entities" in lines[0]
    if fmt == "markdown":
        first, damaged, last = (
            captured.out[captured.out.index(f"# {title}") :].split("## Annotation 1")[1]
            for title in TITLES
        )
        assert "— Jean Martin, a déclaré" in first.split("# Article abîmé")[0]
        assert "— Jean Martin" not in damaged.split("# Dernier article")[0]
        assert "— Jean Martin, a déclaré" in last


def test_an_article_analysed_before_is_exported_with_its_stored_analysis(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    add_articles(data_dir)
    assert main(["export", "--all", "--engine", "rules"]) == 0
    first = capsys.readouterr().out
    # Analysing again would now fail on every article: the export reads what is stored.
    monkeypatch.setattr(RulesEngine, "recognise", lambda *_: 1 / 0)
    assert main(["export", "--all", "--engine", "rules"]) == 0
    captured = capsys.readouterr()
    assert captured.out == first and captured.err == ""
    assert first.count("— Jean Martin, a déclaré") == 3


def test_each_article_exports_to_its_folder_file_despite_one_failure(
    one_article_fails: list[int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["export", "--all", "--engine", "rules", "--dir", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "Article-abîmé.md",
        "Dernier-article.md",
        "Premier-article.md",
    ]
    assert "Article abîmé" in capsys.readouterr().err


def run_export(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "export", "--engine", "rules", *args],
        cwd=REPO,
        capture_output=True,
        env={**os.environ, **(env or {})},
        check=False,
        timeout=300,
    )


def test_the_document_is_utf8_and_messages_print_in_an_ascii_locale(
    data_dir: Path, tmp_path: Path
) -> None:
    add_articles(data_dir)
    ascii_locale = {"PYTHONIOENCODING": "ascii", "LC_ALL": "C", "PYTHONUTF8": "0"}
    shown = run_export("--all", env=ascii_locale)
    assert shown.returncode == 0, shown.stderr
    assert "note de Article abîmé" in shown.stdout.decode("utf-8")

    target = tmp_path / "exporté « ici ».md"
    saved = run_export("--all", "-o", str(target), env=ascii_locale)
    assert saved.returncode == 0, saved.stderr
    assert saved.stderr.decode("ascii").startswith("Exported to ")
    assert "note de Article abîmé" in target.read_text(encoding="utf-8")


def test_messages_never_carry_escape_sequences_from_a_path(data_dir: Path, tmp_path: Path) -> None:
    add_articles(data_dir)
    target = tmp_path / "\x1b]0;pwned\x07\x1b[2J" / "x.md"
    failed = run_export("--all", "-o", str(target))
    assert failed.returncode == 1
    assert b"\x1b" not in failed.stderr and b"\x07" not in failed.stderr
    assert b"\\x1b" in failed.stderr


def test_a_reader_that_stops_early_ends_the_export_quietly(data_dir: Path) -> None:
    """``glose export … | head``: the reader going away is no error to report; the status is
    the one a shell gives a command its reader left (128 + SIGPIPE)."""
    add_articles(data_dir)
    export = subprocess.Popen(
        [sys.executable, "-m", "reader", "export", "--all", "--engine", "rules"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    # The only reading end closes before the command has even started: its first write fails.
    assert export.stdout is not None
    export.stdout.close()
    _, errors = export.communicate(timeout=300)
    assert errors == b""
    assert export.returncode == 141
