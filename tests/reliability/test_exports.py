"""Exports on a full disk or into a folder that cannot be written: a clear error, the
previous file intact, no temporary file left behind."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from reader.export import files
from reader.export.files import ExportError, write_atomically
from tests.reliability.conftest import read_only

PREVIOUS = "# Export précédent\n\nÀ garder intact.\n"


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "notes.md"
    target.write_text(PREVIOUS, encoding="utf-8")
    target.chmod(0o600)
    return target


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name != "notes.md")


def test_an_export_into_a_read_only_folder_fails_cleanly(previous: Path) -> None:
    with read_only(previous.parent), pytest.raises(ExportError, match="may not write"):
        write_atomically(previous, "# Nouveau\n")
    assert previous.read_text(encoding="utf-8") == PREVIOUS
    assert leftovers(previous.parent) == []


def test_a_full_disk_while_writing_keeps_the_previous_export(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fdopen = os.fdopen

    class FillingStream:
        """Writes part of the content, then the disk is full."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self.stream = real_fdopen(*args, **kwargs)

        def __enter__(self) -> FillingStream:
            return self

        def __exit__(self, *exc_info: object) -> None:
            self.stream.close()

        def write(self, text: str) -> int:
            self.stream.write(text[: len(text) // 2])
            self.stream.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, name: str) -> Any:
            return getattr(self.stream, name)

    monkeypatch.setattr(files.os, "fdopen", FillingStream)
    with pytest.raises(ExportError, match="disk is full"):
        write_atomically(previous, "# Nouveau\n" + "x" * 100_000)
    assert previous.read_text(encoding="utf-8") == PREVIOUS
    assert leftovers(previous.parent) == []


def test_a_full_disk_found_at_fsync_keeps_the_previous_export(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", no_space)
    with pytest.raises(ExportError, match="disk is full"):
        write_atomically(previous, "# Nouveau\n")
    assert previous.read_text(encoding="utf-8") == PREVIOUS
    assert leftovers(previous.parent) == []


def test_text_that_cannot_be_encoded_is_an_export_error(previous: Path) -> None:
    with pytest.raises(ExportError, match="encoded"):
        write_atomically(previous, "un demi-caractère \ud83d seul")
    assert previous.read_text(encoding="utf-8") == PREVIOUS
    assert leftovers(previous.parent) == []


def test_a_successful_export_replaces_the_file_and_keeps_its_permissions(
    previous: Path,
) -> None:
    write_atomically(previous, "# Nouveau\n")
    assert previous.read_text(encoding="utf-8") == "# Nouveau\n"
    assert previous.stat().st_mode & 0o777 == 0o600
    assert leftovers(previous.parent) == []


def test_an_export_to_a_missing_folder_or_onto_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_atomically(tmp_path / "absent" / "notes.md", "x")
    with pytest.raises(ExportError, match="is a folder"):
        write_atomically(tmp_path, "x")
