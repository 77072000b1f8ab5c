"""``export --dir``: files already there are never replaced without ``--force``, names fit the
file system in bytes, and an export that fails halfway says which files were written."""

from __future__ import annotations

import errno
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.export import files
from reader.export.files import NAME_BUDGET_BYTES, NAME_MAX_BYTES, safe_file_name
from reader.store import Store

TEXT = "Titre\n\nLe président a déclaré « nous y croyons » devant la presse.\n"


def add_articles(data_dir: Path, titles: list[str]) -> None:
    with Store(data_dir) as store:
        for number, title in enumerate(titles):
            article = store.add_or_update_article(f"test:{number}", title, f"{title}\n\n{TEXT}")
            start = article.text.index("nous y croyons")
            store.add_annotation(article, start, start + len("nous y croyons"), note=title)


def export_dir(folder: Path, *extra: str) -> int:
    return main(["export", "--all", "--engine", "rules", "--dir", str(folder), *extra])


def test_files_already_in_the_folder_are_kept_unless_forced(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_articles(data_dir, ["Premier", "Second"])
    out = tmp_path / "out"
    out.mkdir()
    (out / "Second.md").write_text("mes notes à moi", encoding="utf-8")

    assert export_dir(out) == 1
    message = capsys.readouterr().err
    assert f"{out / 'Second.md'} already exists" in message and "--force" in message
    assert (out / "Second.md").read_text(encoding="utf-8") == "mes notes à moi"
    assert sorted(p.name for p in out.iterdir()) == ["Second.md"]  # checked before writing

    assert export_dir(out, "--force") == 0
    assert "1 replaced" in capsys.readouterr().err
    assert "> nous y croyons" in (out / "Second.md").read_text(encoding="utf-8")
    assert (out / "Premier.md").is_file()


def test_the_library_folder_is_no_export_folder_for_its_own_files(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_articles(data_dir, ["glose", "Autre"])
    backups = data_dir / "backups"
    assert export_dir(backups, "--force", "--format", "jsonld") == 1
    assert "file of the Glose library" in capsys.readouterr().err
    assert not backups.exists() or not list(backups.iterdir())


def test_titles_in_astral_letters_cjk_and_combining_marks_export_whole(
    data_dir: Path, tmp_path: Path
) -> None:
    titles = [
        "𠜎" * 120,  # CJK extension B: four bytes each
        "東京の記者会見で首相が語ったこと" * 10,
        "q\u0307" * 150,  # a letter and its combining mark, no precomposed form
        "🙂 émoji " * 40,
        "Même titre",
        "MÊME TITRE",
    ]
    add_articles(data_dir, titles)
    out = tmp_path / "out"
    assert export_dir(out, "--format", "jsonld") == 0
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == len(titles)
    assert all(len(name.encode("utf-8")) <= NAME_MAX_BYTES for name in names)
    assert len({name.casefold() for name in names}) == len(names)
    stems = [name.removesuffix(".jsonld") for name in names if name.startswith("q")]
    assert stems and all(stem == "q\u0307" * (len(stem) // 2) for stem in stems)


@given(st.text(min_size=0, max_size=400))
@settings(max_examples=300, deadline=None)
def test_a_file_name_fits_its_budget_and_never_splits_a_character(title: str) -> None:
    name = safe_file_name(title)
    assert name and len(name.encode("utf-8")) <= NAME_BUDGET_BYTES
    assert not unicodedata.category(name[0]).startswith("M")
    assert "/" not in name and "\x00" not in name and not name.startswith((".", "-"))
    assert name == unicodedata.normalize("NFC", name) or name == "glose-export"
    # What the byte budget keeps is a start of what an unlimited one would.
    assert safe_file_name(title, budget=10**6).startswith(name) or name == "glose-export"


def test_a_failure_halfway_says_which_files_were_written(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    add_articles(data_dir, ["Alpha", "Bravo", "Charlie"])
    out = tmp_path / "out"
    real_replace = os.replace
    calls = []

    def disk_full_on_the_second(source: str, target: str) -> None:
        calls.append(target)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(source, target)

    monkeypatch.setattr(files.os, "replace", disk_full_on_the_second)
    assert export_dir(out) == 1
    message = capsys.readouterr().err
    assert f"{out / 'Bravo.md'} could not be saved: the disk is full" in message
    assert "The 1 file(s) before it in name order were written" in message
    assert "it and the 1 after it were not" in message
    assert sorted(p.name for p in out.iterdir()) == ["Alpha.md"]
