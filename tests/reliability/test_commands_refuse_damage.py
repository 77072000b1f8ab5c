"""Every command checks the library as the app's start-up does, and refuses a damaged one
without writing a byte of it or creating a file beside it."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.cli import main
from reader.store import CorruptLibraryError, Store
from reader.store.backups import daily_backup, restore_backup
from reader.store.recovery import diagnose
from reader.store.schema import SCHEMA_VERSION
from tests.reliability.conftest import damaged_pages, make_library, set_user_version


def cut_in_last_page(database: Path) -> None:
    """The end of the last page lost (a copy stopped short): SQLite reads it as zeros."""
    os.truncate(database, database.stat().st_size - 100)


def foreign_database(database: Path) -> None:
    """Another program's SQLite database where the library should be."""
    database.unlink()
    conn = sqlite3.connect(database)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Camille')")
    conn.commit()
    conn.close()


def newer_schema(database: Path) -> None:
    set_user_version(database, SCHEMA_VERSION + 1)


DAMAGES: dict[str, tuple[Callable[[Path], None], str]] = {
    "cut in its last page": (cut_in_last_page, "damaged"),
    "garbage pages": (damaged_pages, "damaged"),
    "another program's database": (foreign_database, "not a Glose library"),
    "a newer Glose's library": (newer_schema, "newer Glose"),
}


def snapshot(folder: Path) -> dict[str, str]:
    """Every file of the folder (names and contents): -wal and -shm files included."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text("Titre\nLe président a parlé. « Nous verrons », a dit Jean Dupont.\n")
    return path


@pytest.fixture(scope="module")
def annotations_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sound JSON-LD export, from another library."""
    folder = tmp_path_factory.mktemp("export")
    make_library(folder / "sound")
    exported = folder / "notes.jsonld"
    export = ["export", "--all", "--format", "jsonld", "--engine", "rules", "-o", str(exported)]
    assert main([*export, "--data-dir", str(folder / "sound")]) == 0
    return exported


COMMANDS: dict[str, list[str]] = {
    "annotate": ["annotate", "{article}", "--quote", "président", "--note", "écrit ?"],
    "import": ["import", "{article}"],
    "import-annotations": ["import-annotations", "{annotations}"],
    "export PATH": ["export", "{article}", "--engine", "rules"],
    "export --all": ["export", "--all", "--engine", "rules"],
    "list": ["list"],
    "list --json": ["list", "--json"],
    "search": ["search", "président"],
    "search --speaker": ["search", "--speaker", "Jean Dupont"],
    "detect": ["detect", "{article}", "--engine", "rules"],
}


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
@pytest.mark.parametrize("command", COMMANDS, ids=list(COMMANDS))
def test_a_command_refuses_a_damaged_library_and_leaves_every_file_as_it_was(
    data_dir: Path,
    article: Path,
    annotations_file: Path,
    command: str,
    damage: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    damage_library, said = DAMAGES[damage]
    database = make_library(data_dir, padding=3000)
    damage_library(database)
    before = snapshot(data_dir)
    arguments = [
        part.format(article=article, annotations=annotations_file) for part in COMMANDS[command]
    ]
    capsys.readouterr()

    status = main([*arguments, "--data-dir", str(data_dir)])

    out, error = capsys.readouterr()
    assert status == 1, out
    assert error.startswith("glose: ") and error.count("\n") == 1, error
    assert said in error and str(database) in error
    assert out == ""
    assert snapshot(data_dir) == before, "the library or its companions were touched"


def test_reading_commands_never_create_a_library(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere"
    assert main(["list", "--data-dir", str(missing)]) == 0
    assert main(["search", "président", "--data-dir", str(missing)]) == 0
    assert main(["detect", str(article), "--engine", "rules", "--data-dir", str(missing)]) == 0
    assert not missing.exists()
    assert "The library is empty." in capsys.readouterr().out


def test_a_writing_command_still_works_on_a_sound_library(
    data_dir: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_library(data_dir)
    assert main(["annotate", str(article), "--quote", "président"]) == 0
    assert main(["list"]) == 0
    assert "1 annotation(s)" in capsys.readouterr().out


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_the_start_up_check_creates_no_file_beside_a_damaged_library(
    data_dir: Path, damage: str
) -> None:
    database = make_library(data_dir, padding=3000)
    DAMAGES[damage][0](database)
    before = snapshot(data_dir)
    assert diagnose(data_dir) is not None
    assert snapshot(data_dir) == before


def test_a_library_cut_in_its_last_page_is_refused_even_opened_directly(data_dir: Path) -> None:
    """The analysis worker opens the store without the start-up checks."""
    database = make_library(data_dir, padding=3000)
    cut_in_last_page(database)
    with pytest.raises(CorruptLibraryError, match="cut short"):
        Store(data_dir)


def test_a_backup_cut_in_its_last_page_is_never_restored(data_dir: Path, tmp_path: Path) -> None:
    database = make_library(data_dir, padding=3000)
    backup = daily_backup(data_dir)
    assert backup is not None
    cut_in_last_page(backup)
    before = snapshot(data_dir)
    with Store(data_dir) as store, pytest.raises(CorruptLibraryError, match="cut short"):
        restore_backup(store, backup)
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before[database.name]
