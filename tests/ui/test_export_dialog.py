"""*Fichier → Exporter…* and *Importer des annotations…*, driven like a person would."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from reader.sources import load_file
from tests.ui.conftest import WindowFactory, when_dialog_opens
from tests.ui.test_end_to_end import fill_editor, select_text
from ui.export_dialog import ExportDialog


def annotated_window(windows: WindowFactory):  # type: ignore[no-untyped-def]
    window = windows.open()
    select_text(window, "pourparlers de paix")
    when_dialog_opens(fill_editor("# pas un titre\nnote *importante*", "diplomatie"))
    window.action_set.annotate.trigger()
    select_text(window, "Crimée")
    when_dialog_opens(fill_editor("", "géographie", style_index=1))
    window.action_set.annotate.trigger()
    return window


def test_preview_formats_filters_copy_and_save(
    windows: WindowFactory, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = annotated_window(windows)
    dialog = window.show_export()
    assert isinstance(dialog, ExportDialog)
    preview = dialog.preview.toPlainText()
    assert "> pourparlers de paix" in preview and "— Vladimir Poutine, a exprimé" in preview
    assert "\\# pas un titre" in preview

    dialog.tag_filter.setCurrentIndex(dialog.tag_filter.findData("géographie"))
    assert "Crimée" in dialog.preview.toPlainText()
    assert "pourparlers" not in dialog.preview.toPlainText()
    dialog.tag_filter.setCurrentIndex(0)

    dialog.format.setCurrentIndex(dialog.format.findData("jsonld"))
    collection = json.loads(dialog.text())
    assert collection["type"] == "AnnotationCollection" and collection["total"] == 2
    assert '"AnnotationCollection"' in dialog.preview.toPlainText()
    assert not dialog.with_quotes.isEnabled()

    dialog.copy_button.click()
    assert json.loads(QGuiApplication.clipboard().text())["total"] == 2

    target = tmp_path / "export.jsonld"
    target.write_text("ancien", encoding="utf-8")
    when_dialog_opens(lambda box: box.button(QMessageBox.StandardButton.No).click())  # type: ignore[attr-defined]
    assert not dialog.save_to(target)
    assert target.read_text(encoding="utf-8") == "ancien"
    when_dialog_opens(lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    assert dialog.save_to(target)
    assert json.loads(target.read_text(encoding="utf-8"))["total"] == 2

    assert not dialog.save_to(tmp_path / "missing" / "x.md")
    assert "n’existe pas" in dialog.status.text()
    dialog.close()


def test_selected_annotation_scope(windows: WindowFactory) -> None:
    window = annotated_window(windows)
    panel = window.annotations_panel
    panel.view.setCurrentIndex(panel.proxy.index(1, 0))
    dialog = window.show_export()
    dialog.scope.setCurrentIndex(dialog.scope.findData("selection"))
    text = dialog.text()
    assert text.count("## Annotation") == 1
    dialog.close()


def test_import_annotations_from_the_menu(windows: WindowFactory, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = annotated_window(windows)
    dialog = window.show_export()
    dialog.format.setCurrentIndex(dialog.format.findData("jsonld"))
    exported = tmp_path / "saved.jsonld"
    assert dialog.save_to(exported)
    dialog.close()
    for annotation in window.session.annotations():
        window.session.delete(annotation.id)
    assert window.session.annotations() == []

    when_dialog_opens(lambda box: box.accept())  # type: ignore[attr-defined]
    window.import_annotations(str(exported))
    qtbot.waitUntil(lambda: len(window.session.annotations()) == 2, timeout=10_000)
    assert {a.note.split("\n")[0] for a in window.session.annotations()} == {"# pas un titre", ""}


def say_yes_to_any_question() -> None:
    """Answer yes to a question that may come (none should), as a person in a hurry would."""

    def poll(tries: int = 100) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.button(QMessageBox.StandardButton.Yes).click()
        elif tries:
            QTimer.singleShot(20, lambda: poll(tries - 1))

    QTimer.singleShot(20, poll)


def test_saving_onto_the_library_or_an_articles_file_is_refused_in_the_dialog(
    windows: WindowFactory, data_dir: Path, tmp_path: Path, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = annotated_window(windows)
    dialog = window.show_export()
    library = data_dir / "glose.db"
    before = library.read_bytes()

    # The person picks the library in the file chooser (the system's, not driven here).
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(library), ""))
    say_yes_to_any_question()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(dialog.status.text()), timeout=10_000)
    assert dialog.status.text() == (
        f"{library} fait partie de la bibliothèque de Glose : un export ne l’écrase jamais. "
        "Choisissez un autre nom."
    )
    assert library.read_bytes() == before
    assert dialog.isVisible() and dialog.saved_to is None
    assert len(window.session.annotations()) == 2

    article = tmp_path / "article.txt"
    article.write_text("Un article lu d’un fichier\n\nSon texte.\n", encoding="utf-8")
    window.session.library.add(load_file(article))
    assert not dialog.save_to(article)
    assert dialog.status.text() == (
        f"{article} est le fichier de l’article « Un article lu d’un fichier » : un export "
        "ne l’écrase jamais. Choisissez un autre nom."
    )
    assert article.read_text(encoding="utf-8").startswith("Un article lu")
    dialog.close()
