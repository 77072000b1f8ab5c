"""The app and the command line make the same export of the same library, byte for byte:
both read the analysis the library stores (one export path)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from tests.ui.conftest import WindowFactory
from ui.export_request import ExportChoice


@pytest.mark.parametrize(
    ("choice", "arguments"),
    [
        (ExportChoice(scope="library"), []),
        (
            ExportChoice(scope="library", with_quotes=True, with_entities=True),
            ["--with-quotes", "--with-entities"],
        ),
        (ExportChoice(format="jsonld", scope="library"), ["--format", "jsonld"]),
        (ExportChoice(scope="library", tag="à-voir"), ["--tag", "à-voir"]),
    ],
)
def test_the_app_and_the_command_line_export_the_same_bytes(
    windows: WindowFactory,
    data_dir: Path,
    choice: ExportChoice,
    arguments: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    window = windows.open()
    session = window.session
    text = window.view.text
    quoted = session.analysis.quotes[0]
    for start, end, note, tags in (
        (quoted.start, quoted.end, "Une citation, **annotée**.", ["à-voir"]),
        (text.index("Crimée"), text.index("Crimée") + 6, "Un lieu.", []),
    ):
        assert session.annotate(start, end, note=note, tags=tags) is not None

    from_the_app = session.export_text(choice)

    assert main(["export", "--all", "--data-dir", str(data_dir), *arguments]) == 0
    from_the_command_line = capsys.readouterr().out
    assert "— Donald Trump" in from_the_app or choice.format == "jsonld"
    assert from_the_command_line == from_the_app
