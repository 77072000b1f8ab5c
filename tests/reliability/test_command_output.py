"""What the commands print: never a control character from content, in any terminal encoding,
and errors as sentences a reader understands, never Python's own words."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main, report
from reader.store import Store

REPO = Path(__file__).resolve().parents[2]
HOSTILE_TITLE = "\x1b]0;PWNED\x07Titre \x1b[31mrouge\x1b[0m\x1b[2J \x9b31m \x85fin"
CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""Every C0 and C1 control character, and DEL; only the line feed may be printed."""


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """An article whose quotation holds an escape sequence (few enough to be read as text)."""
    path = tmp_path / "article.txt"
    body = "Le président a parlé longuement de la situation du pays. " * 40
    path.write_text(
        f"Titre \x1b[31mrouge \x9b2J\n{body}\n« Je suis là \x1b[5m », a dit Jean Dupont.\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def library(data_dir: Path, article: Path) -> Path:
    """A library holding hostile titles, sources, notes and quotations."""
    with Store(data_dir) as store:
        store.add_or_update_article(
            "test:\x1b[2Jsource", HOSTILE_TITLE, HOSTILE_TITLE + "\nLe président parle."
        )
    arguments = ["--data-dir", str(data_dir)]
    assert (
        main(["annotate", str(article), "--quote", "président", "--note", "\x1b[2J", *arguments])
        == 0
    )
    assert main(["detect", str(article), "--engine", "rules", *arguments]) == 0
    return data_dir


COMMANDS = [
    ["list"],
    ["search", "président"],
    ["search", "--speaker", "Jean Dupont"],
    ["search", "--mentions", "Jean Dupont"],
    ["annotate", "{article}", "--quote", "absent \x1b[2J"],
    ["annotate", "{article}", "--quote", "président", "--style", "\x1b[2J"],
    ["export", "\x1b]0;x\x07.txt"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c[:2]) for c in COMMANDS])
def test_no_control_character_from_content_reaches_the_terminal(
    library: Path, article: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    main([*(part.format(article=article) for part in command), "--data-dir", str(library)])
    out, error = capsys.readouterr()
    assert out or error
    assert not CONTROLS.search(out), out
    assert not CONTROLS.search(error), error
    assert error.count("\n") <= 1


@pytest.mark.parametrize(
    "command",
    [["list", "--json"], ["search", "président", "--json"], ["detect", "{article}"]],
    ids=["list", "search", "detect"],
)
def test_json_output_escapes_every_control_character_and_stays_exact(
    library: Path, article: Path, command: list[str], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    capsysbinary.readouterr()
    arguments = [part.format(article=article) for part in command]
    assert main([*arguments, "--engine", "rules"] if "detect" in command else arguments) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert not CONTROLS.search(out), out
    document = json.loads(out)
    assert any("\x1b" in text for text in strings(document)), "content is kept, only escaped"
    if command[0] == "list":
        assert HOSTILE_TITLE in [row["title"] for row in document]


def strings(value: object) -> list[str]:
    """Every string in a decoded JSON document."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return []


ENCODINGS = {
    "PYTHONIOENCODING=ascii": {"PYTHONIOENCODING": "ascii"},
    "LC_ALL=C PYTHONUTF8=0": {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""},
}


def glose(environment: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[bytes]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("LC_")}
    env.pop("LANG", None)
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-m", "ui", *arguments],
        cwd=REPO,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("encoding", ENCODINGS, ids=list(ENCODINGS))
def test_every_command_works_whatever_the_terminal_encoding(
    library: Path, article: Path, encoding: str
) -> None:
    environment = {**ENCODINGS[encoding], "GLOSE_DATA_DIR": str(library)}

    listed = glose(environment, "list")
    assert listed.returncode == 0, listed.stderr
    assert b"Titre" in listed.stdout and not listed.stderr

    found = glose(environment, "search", "président")
    assert found.returncode == 0, found.stderr
    assert b"pr" in found.stdout and not found.stderr

    detected = glose(environment, "detect", str(article), "--engine", "rules")
    assert detected.returncode == 0, detected.stderr
    document = json.loads(detected.stdout.decode("utf-8"))
    assert "« Je suis là" in document["text"], "documents are UTF-8 whatever the locale"

    refused = glose(environment, "annotate", str(article), "--quote", "déjà absent")
    assert refused.returncode == 1
    message = refused.stderr.decode("ascii")
    assert message.startswith("glose: ") and message.count("\n") == 1, message
    assert "absent" in message and "Traceback" not in message


def test_a_closed_pipe_ends_the_command_without_a_word(data_dir: Path) -> None:
    with Store(data_dir) as store:
        for number in range(3000):
            store.add_or_update_article(f"test:{number}", f"Titre {number}", "Titre\nTexte.")
    process = subprocess.Popen(
        [sys.executable, "-m", "ui", "list", "--data-dir", str(data_dir)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    error = process.stderr.read()
    assert process.wait(timeout=120) != 0
    assert error == b""


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (MemoryError(), "not enough memory to finish « glose import »"),
        (RecursionError("maximum recursion depth exceeded"), "too deeply nested"),
        (
            PermissionError(13, "Permission denied", "/srv/notes/a.md"),
            "/srv/notes/a.md cannot be used: Permission denied.",
        ),
        (AttributeError("'list' object has no attribute 'get'"), "unexpected problem"),
        (ValueError("invalid literal for int() with base 10: 'abc'"), "unexpected problem"),
        (ValueError(), "unexpected problem"),
    ],
    ids=["memory", "recursion", "file", "attribute", "int", "empty"],
)
def test_an_error_is_a_sentence_never_python_internals(
    error: BaseException, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert report(error, debug=False, command="import") == 1
    line = capsys.readouterr().err
    assert line.startswith("glose: ") and line.count("\n") == 1
    assert expected in line
    assert "object has no attribute" not in line and "invalid literal" not in line
    assert len(line.strip()) > len("glose: ") + 20
