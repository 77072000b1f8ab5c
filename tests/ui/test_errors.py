"""Problems reach the person in the interface language, with what to do next."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from reader.export.files import ExportError, ExportProblem, write_atomically
from reader.library import StoreProblem
from reader.sources import SourceError, SourceProblem, load_file
from reader.store.store import StoreError, _explain
from tests.ui.conftest import WindowFactory
from ui.errors import describe


def test_a_missing_file_is_said_in_french(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        load_file(tmp_path / "absent.txt")
    assert describe(caught.value) == (
        f"{tmp_path / 'absent.txt'} n’existe pas : vérifiez le nom et le dossier."
    )


def test_a_binary_file_is_said_in_french(tmp_path: Path) -> None:
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\x00\x00\x01" * 100)
    with pytest.raises(SourceError) as caught:
        load_file(binary)
    assert describe(caught.value).endswith("ouvrez un article .txt, .md ou .html.")


def test_a_full_disk_is_said_in_french_for_the_library_and_for_exports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = _explain(sqlite3.OperationalError("database or disk is full"), tmp_path / "glose.db")
    assert isinstance(full, StoreError)
    assert "le disque est plein" in describe(full)

    def no_space(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("os.fsync", no_space)
    with pytest.raises(ExportError) as caught:
        write_atomically(tmp_path / "notes.md", "texte")
    assert describe(caught.value) == (
        f"{tmp_path / 'notes.md'} n’a pas été enregistré : le disque est plein. "
        "Libérez de la place puis réessayez."
    )


def test_opening_a_missing_file_from_the_window_shows_the_french_sentence(
    windows: WindowFactory,
    tmp_path: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    window = windows.open()
    shown: list[str] = []
    window.session.error.connect(shown.append)
    window.session.open_path(str(tmp_path / "absent.txt"))
    assert shown and "n’existe pas" in shown[-1]
    assert window.session.article is not None  # the bundled article stays open


@pytest.mark.parametrize("problem", [p for p in SourceProblem if p is not SourceProblem.OTHER])
def test_every_problem_opening_an_article_has_its_own_sentence(problem: SourceProblem) -> None:
    def said(problem: SourceProblem) -> str:
        return describe(SourceError("An English message.", problem, "article.txt", "5"))

    sentence = said(problem)
    assert sentence != said(SourceProblem.OTHER) and "article.txt" in sentence
    assert "%1" not in sentence and "%2" not in sentence


@pytest.mark.parametrize("problem", [p for p in ExportProblem if p is not ExportProblem.OTHER])
def test_every_problem_saving_an_export_has_its_own_sentence(problem: ExportProblem) -> None:
    target = Path("notes.md")

    def said(problem: ExportProblem) -> str:
        return describe(ExportError("An English message.", problem, target, "Un titre"))

    sentence = said(problem)
    assert sentence != said(ExportProblem.OTHER) and str(target) in sentence
    assert "%1" not in sentence and "%2" not in sentence


@pytest.mark.parametrize("problem", [p for p in StoreProblem if p is not StoreProblem.OTHER])
def test_every_problem_with_the_library_has_its_own_sentence(problem: StoreProblem) -> None:
    def said(problem: StoreProblem) -> str:
        return describe(StoreError("An English message.", problem, Path("glose.db")))

    sentence = said(problem)
    assert sentence != said(StoreProblem.OTHER) and "An English message." not in sentence
    assert "%1" not in sentence


def test_a_download_past_its_deadline_is_said_in_french() -> None:
    late = SourceError(
        "https://exemple.fr/a did not finish sending the page within 30 s.",
        SourceProblem.TOO_SLOW,
        "https://exemple.fr/a",
        "30",
    )
    assert describe(late) == (
        "https://exemple.fr/a n’a pas fini d’envoyer la page en 30 s : le serveur est trop lent "
        "ou ne répond plus. Réessayez plus tard."
    )


def test_an_address_being_downloaded_never_shows_its_password(
    windows: WindowFactory,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    window = windows.open()
    said: list[str] = []
    errors: list[str] = []
    window.session.analysis_started.connect(said.append)
    window.session.error.connect(errors.append)
    # Nothing listens on port 1 here: the download fails at once, with no network needed.
    window.session.open_address("http://lectrice:s3cret@127.0.0.1:1/article")
    qtbot.waitUntil(lambda: bool(errors), timeout=20_000)
    assert said == ["Téléchargement de http://127.0.0.1:1/article…"]
    assert not any("s3cret" in text or "lectrice" in text for text in [*said, *errors])
