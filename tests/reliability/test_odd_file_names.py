"""File names that are not valid UTF-8 (a Latin-1 name copied from an old disk) open like any
other, from the command line and in the app; what is stored and printed is valid text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from reader.sources import SourceError, load_file, path_text
from reader.store import Store

TEXT = "Titre\nLe ministre a déclaré : « Nous verrons », devant les journalistes réunis."


@pytest.fixture
def latin1_named(tmp_path: Path) -> Path:
    """``café.txt`` with its name in Latin-1: Python sees the byte 0xE9 as ``\\udce9``."""
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as stream:
        stream.write(TEXT.encode("utf-8"))
    path = Path(os.fsdecode(raw))
    assert "\udce9" in str(path)
    return path


def test_such_a_file_opens_and_its_source_is_valid_text(latin1_named: Path) -> None:
    loaded = load_file(latin1_named)
    assert loaded.text == TEXT
    assert loaded.source.endswith("caf\\xe9.txt")
    loaded.source.encode("utf-8")  # storable and printable as it is
    assert path_text(latin1_named) == loaded.source


def test_a_message_about_such_a_file_is_valid_text(tmp_path: Path) -> None:
    missing = Path(os.fsdecode(os.fsencode(tmp_path) + b"/absent\xe9.txt"))
    with pytest.raises(SourceError) as raised:
        load_file(missing)
    str(raised.value).encode("utf-8")
    assert "absent\\xe9.txt" in str(raised.value) and raised.value.subject.endswith(".txt")


def test_the_commands_import_and_annotate_such_a_file(
    latin1_named: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(latin1_named), "--data-dir", str(data_dir)]) == 0
    assert "caf\\xe9.txt" in capsys.readouterr().out
    code = main(
        [
            "annotate",
            str(latin1_named),
            "--quote",
            "ministre",
            "--note",
            "vu",
            "--data-dir",
            str(data_dir),
        ]
    )
    assert code == 0, capsys.readouterr().err
    with Store(data_dir) as store:
        (summary,) = store.articles()
        assert summary.source.endswith("caf\\xe9.txt") and summary.annotation_count == 1


def test_the_command_line_takes_such_a_name_as_bytes(latin1_named: Path, data_dir: Path) -> None:
    """As a shell passes it: the name's own bytes in ``argv``."""
    result = subprocess.run(
        [sys.executable, "-m", "reader", "import", os.fsencode(latin1_named)],
        capture_output=True,
        env={**os.environ, "GLOSE_DATA_DIR": str(data_dir)},
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert b"caf\\xe9.txt" in result.stdout


def test_the_app_opens_such_a_file(qtbot: Any, latin1_named: Path, data_dir: Path) -> None:
    from tests.qt_support import one_window

    with one_window(qtbot, data_dir, load_file(latin1_named)) as window:
        assert window.session.open_path(str(latin1_named))
        assert window.view.toPlainText() == TEXT
        article = window.session.library.store.find_article(path_text(latin1_named))
        assert article is not None and article.text == TEXT


def test_a_title_with_escape_sequences_is_printed_harmless(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "piege.txt"
    body = "Un texte ordinaire, assez long pour que trois caractères de contrôle y passent. "
    path.write_text("\x1b]0;pwned\x07Titre \x1b[2J\n" + body * 3, encoding="utf-8")
    assert main(["import", str(path), "--data-dir", str(data_dir)]) == 0
    printed = capsys.readouterr().out
    assert "\x1b" not in printed and "\x07" not in printed and "\\x1b" in printed
