"""An empty argument is a mistake (an unset variable in a script), never a quiet default: not
the reader's real library, not the bundled article. Sizes have an upper bound."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.store.paths import data_dir as resolve_data_dir
from ui.app import _parse_size
from ui.launcher import app_parser


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text("Titre\nLe président a parlé.\n", encoding="utf-8")
    return path


def refused(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The one-line reason the command gives for refusing ``arguments``."""
    with pytest.raises(SystemExit) as stopped:
        main(arguments)
    assert stopped.value.code == 2
    return capsys.readouterr().err.strip().splitlines()[-1]


@pytest.mark.parametrize(
    "command",
    [
        ["annotate", "{article}", "--quote", "président"],
        ["import", "{article}"],
        ["export", "{article}", "--engine", "rules"],
        ["list"],
        ["search", "président"],
        ["detect", "{article}", "--engine", "rules"],
    ],
    ids=["annotate", "import", "export", "list", "search", "detect"],
)
def test_an_empty_data_dir_is_refused_and_the_real_library_never_used(
    data_dir: Path, article: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """``data_dir`` stands for the reader's real library (``GLOSE_DATA_DIR`` points at it)."""
    arguments = [part.format(article=article) for part in command]
    message = refused([*arguments, "--data-dir", ""], capsys)
    assert "--data-dir" in message and "empty" in message
    assert not data_dir.exists(), "the real library was used"


def test_an_empty_data_dir_variable_counts_as_unset(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("GLOSE_DATA_DIR", "")
    assert resolve_data_dir() == tmp_path / "xdg" / "Glose"
    with pytest.raises(ValueError, match="empty"):
        resolve_data_dir("")


@pytest.mark.parametrize(
    "command",
    [["annotate", "", "--quote", "président"], ["detect", ""], ["detect", "  "]],
    ids=["annotate", "detect", "blank"],
)
def test_an_empty_article_path_is_refused_rather_than_the_bundled_article(
    data_dir: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    message = refused(command, capsys)
    assert "path is empty" in message
    assert not data_dir.exists()


def test_import_refuses_an_empty_path(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", ""]) == 1
    assert "path is empty" in capsys.readouterr().err
    assert not data_dir.exists(), "the bundled article was imported"


@pytest.mark.parametrize("arguments", [[""], ["--data-dir", ""], ["", "--screenshot", "x.png"]])
def test_the_app_refuses_an_empty_path_or_data_dir(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        app_parser().parse_args(arguments)
    assert stopped.value.code == 2
    assert "empty" in capsys.readouterr().err


def test_the_app_still_opens_the_bundled_article_when_no_path_is_given() -> None:
    assert app_parser().parse_args([]).path is None


@pytest.mark.parametrize("size", ["100000x100000", "7681x800", "1280x4321"])
def test_a_screenshot_larger_than_an_8k_screen_is_refused(size: str) -> None:
    with pytest.raises(SystemExit, match=r"too large.*7680x4320"):
        _parse_size(size)


def test_screenshot_sizes_up_to_8k_are_kept() -> None:
    assert _parse_size("7680x4320") == (7680, 4320)
    assert _parse_size("1280x800") == (1280, 800)
    assert _parse_size("10x10") == (320, 240)
