"""*Fichier → Importer des annotations…*: read off the GUI thread, undone and redone whole."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import WindowFactory, when_dialog_opens
from ui.session import ExportChoice


def notes(window) -> set[str]:  # type: ignore[no-untyped-def]
    session = window.session
    assert session.article is not None
    stored = {a.note for a in session.library.annotations(session.article.id)}
    assert stored == {a.note for a in session.annotations()}  # the window shows the library
    return stored


def no_dialog_left() -> bool:
    """The box the test answered is closed: nothing left to answer a later test's dialog."""
    return QApplication.activeModalWidget() is None


def test_one_undo_takes_a_whole_import_back_and_redo_brings_it_again(
    windows: WindowFactory, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    session = window.session
    text = window.view.text
    kept, gone = (
        session.annotate(text.index(words), text.index(words) + len(words), note=note)
        for words, note in (("Crimée", "un"), ("pourparlers de paix", "deux"))
    )
    assert kept is not None and gone is not None
    exported = tmp_path / "annotations.jsonld"
    document = json.loads(session.export_text(ExportChoice(format="jsonld")))
    assert session.edit(kept.id, note="changée")
    assert session.delete(gone.id)
    assert notes(window) == {"changée"}
    # The file's copy of the first one was changed after the library's: the import takes it.
    (item,) = (i for i in document["first"]["items"] if i["body"][0]["value"] == "un")
    item["body"][0]["value"] = "importée"
    item["modified"] = "2999-01-01T00:00:00.000Z"
    exported.write_text(json.dumps(document), encoding="utf-8")

    when_dialog_opens(lambda box: box.accept())  # type: ignore[attr-defined]
    window.import_annotations(str(exported))
    qtbot.waitUntil(lambda: notes(window) == {"importée", "deux"}, timeout=10_000)
    assert session.undo_stack.undoText() == "Importer des annotations"
    qtbot.waitUntil(no_dialog_left)  # the summary, read and closed

    session.undo_stack.undo()  # one step: the annotation put back and the one changed
    assert notes(window) == {"changée"}
    assert session.undo_stack.undoText() == "Supprimer l’annotation"
    session.undo_stack.redo()
    assert notes(window) == {"importée", "deux"}


def test_an_older_copy_in_the_file_never_replaces_the_library_s(
    french: QTranslator, windows: WindowFactory, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    session = window.session
    text = window.view.text
    start = text.index("Crimée")
    annotation = session.annotate(start, start + len("Crimée"), note="avant")
    assert annotation is not None
    exported = tmp_path / "annotations.jsonld"
    exported.write_text(session.export_text(ExportChoice(format="jsonld")), encoding="utf-8")
    assert session.edit(annotation.id, note="après")

    summaries: list[str] = []

    def read_and_close(box) -> None:  # type: ignore[no-untyped-def]
        summaries.append(box.text())
        box.accept()

    when_dialog_opens(read_and_close)
    window.import_annotations(str(exported))
    qtbot.waitUntil(lambda: session.undo_stack.undoText() == "Importer des annotations")
    assert notes(window) == {"après"}
    qtbot.waitUntil(no_dialog_left)
    assert summaries and summaries[0].splitlines()[1] == (
        "1 gardée telle quelle : la copie de la bibliothèque est plus récente."
    )


def test_a_file_that_cannot_be_imported_is_reported_and_changes_nothing(
    windows: WindowFactory, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    broken = tmp_path / "broken.jsonld"
    broken.write_text("{ not json", encoding="utf-8")
    errors: list[str] = []
    window.session.error.connect(errors.append)
    when_dialog_opens(lambda box: box.accept())  # type: ignore[attr-defined]
    window.import_annotations(str(broken))
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert "JSON" in errors[0]
    qtbot.waitUntil(no_dialog_left)  # the error, read and closed
    assert window.session.undo_stack.count() == 0
