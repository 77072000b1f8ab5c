"""The end-to-end path a reader takes: the article on screen, annotate, relaunch, edit, delete."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QDialog, QWidget

from tests.qt_support import painted_formats
from tests.ui.conftest import WindowFactory, when_dialog_opens
from ui import layers
from ui.annotation_editor import AnnotationEditor
from ui.cards import CardRole
from ui.main_window import MainWindow

PASSAGE = "un échange qui pourrait redéfinir la situation"


def select_text(window: MainWindow, words: str) -> tuple[int, int]:
    start = window.view.text.index(words)
    end = start + len(words)
    window.view.select_range(start, end)
    return start, end


def fill_editor(note: str, tags: str, style_index: int = 0):  # type: ignore[no-untyped-def]
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, AnnotationEditor)
        dialog.note_edit.setPlainText(note)
        dialog.tags_edit.setText(tags)
        dialog.style_box.setCurrentIndex(style_index)
        dialog.accept()

    return act


def background_at(window: MainWindow, offset: int) -> QColor:
    """The background Qt paints at ``offset`` once the highlight layers are applied."""
    backgrounds = [f.background() for f in painted_formats(window.view, offset)]
    painted = [brush.color() for brush in backgrounds if brush.style() != Qt.BrushStyle.NoBrush]
    return painted[-1] if painted else QColor()


def rows(db: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_bundled_article_shows_its_title_and_eleven_quotations(windows: WindowFactory) -> None:
    window = windows.open()
    assert window.windowTitle().startswith("Donald Trump et Vladimir Poutine lancent")
    first_block = window.view.document().firstBlock()
    assert first_block.text().startswith("Donald Trump et Vladimir Poutine")
    assert first_block.charFormat().font().bold()
    quote_spans = window.view.highlighter.spans(layers.QUOTES)
    assert len(quote_spans) == 11
    assert window.layer_actions[layers.QUOTES].text() == "Citations 11"
    # Each quotation is painted with the quotation tint.
    tint = QColor(window.theme.quote_background)
    for start, end, _format in quote_spans:
        assert background_at(window, start + 1) == tint, window.view.text[start:end]
    # Text outside quotations is not.
    assert background_at(window, window.view.text.index("Dans un")) != tint


def test_boilerplate_is_muted_and_not_analysed(windows: WindowFactory) -> None:
    window = windows.open()
    last = window.view.document().lastBlock()
    assert last.text() == "Laisser un commentaire"
    colour = last.charFormat().foreground().color()
    assert colour == QColor(window.theme.muted)
    assert all("Laisser" not in e.text for e in window.session.analysis.entities)


def test_annotation_survives_a_relaunch(windows: WindowFactory, data_dir: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    start, end = select_text(window, PASSAGE)
    when_dialog_opens(fill_editor("Formule prudente du journaliste.", "analyse, à vérifier"))
    window.action_set.annotate.trigger()

    stored = rows(data_dir / "glose.db", 'SELECT start, "end", note, tags FROM annotations')
    assert stored == [(start, end, "Formule prudente du journaliste.", '["analyse", "à vérifier"]')]
    assert window.annotations_panel.model.rowCount() == 1
    window.close()

    again = windows.open()
    assert again.annotations_panel.model.rowCount() == 1
    listed = again.annotations_panel.proxy.index(0, 0).data()
    assert PASSAGE in listed and "Formule prudente" in listed
    assert background_at(again, start + 2) == QColor(
        again.theme.style_background(again.session.styles.named("important"))
    )


def test_clicking_the_list_item_scrolls_to_the_passage(windows: WindowFactory, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    words = "au cours de près de trois ans"
    start, _end = select_text(window, words)
    when_dialog_opens(fill_editor("fin de l’article", ""))
    window.action_set.annotate.trigger()
    window.view.moveCursor(QTextCursor.MoveOperation.Start)
    window.view.verticalScrollBar().setValue(0)
    view = window.annotations_panel.view
    rect = view.visualRect(window.annotations_panel.proxy.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.to_qt(start))
    assert window.view.viewport().rect().contains(window.view.cursorRect(cursor).center())
    assert window.view.verticalScrollBar().value() > 0


def test_edit_and_delete_from_the_side_list(windows: WindowFactory, data_dir: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    select_text(window, PASSAGE)
    when_dialog_opens(fill_editor("première version", "brouillon"))
    window.action_set.annotate.trigger()
    panel = window.annotations_panel
    db = data_dir / "glose.db"

    rect = panel.view.visualRect(panel.proxy.index(0, 0))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    when_dialog_opens(fill_editor("version corrigée", "relu", style_index=1))
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    assert rows(db, "SELECT note, tags, style FROM annotations") == [
        ("version corrigée", '["relu"]', "verify")
    ]
    assert "version corrigée" in panel.proxy.index(0, 0).data()

    window.action_set.undo.trigger()
    assert rows(db, "SELECT note FROM annotations") == [("première version",)]
    window.action_set.redo.trigger()
    assert rows(db, "SELECT note FROM annotations") == [("version corrigée",)]

    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert rows(db, "SELECT COUNT(*) FROM annotations") == [(0,)]
    assert panel.model.rowCount() == 0
    assert window.view.highlighter.spans(layers.ANNOTATIONS) == []
    window.action_set.undo.trigger()
    assert rows(db, "SELECT note FROM annotations") == [("version corrigée",)]


def test_one_key_shortcut_and_context_menu_offer_annotate(windows: WindowFactory, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    select_text(window, "Les deux dirigeants")
    window.view.setFocus()
    when_dialog_opens(fill_editor("par la touche A", ""))
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    assert window.annotations_panel.model.rowCount() == 1
    assert window.action_set.annotate in window.view._annotate_actions
    assert "Annoter" in window.action_set.annotate.text()


def test_clicking_a_quotation_then_annotate_links_the_quotation(
    windows: WindowFactory, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    offset = window.view.text.index("« carnage »") + 3
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.to_qt(offset))
    point = window.view.cursorRect(cursor).center()
    window.view.reveal(offset, offset + 1, flash=False)
    point = window.view.cursorRect(cursor).center()
    qtbot.mouseClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point.x(), point.y())
    )
    when_dialog_opens(fill_editor("le mot de Trump", ""))
    window.action_set.annotate.trigger()
    annotations = window.session.annotations()
    assert len(annotations) == 1
    assert window.view.text[annotations[0].start : annotations[0].end] == "« carnage »"
    assert annotations[0].kind.value == "quote"
    card = window.annotations_panel.proxy.index(0, 0)
    assert card.data(CardRole.HEADLINE) == "« carnage »"


def test_the_list_shows_a_note_as_plain_words(windows: WindowFactory) -> None:
    window = windows.open()
    select_text(window, PASSAGE)
    when_dialog_opens(fill_editor("Un **point** clé, voir [la dépêche](https://x.example)", ""))
    window.action_set.annotate.trigger()
    card = window.annotations_panel.proxy.index(0, 0)
    assert card.data(CardRole.HEADLINE) == f"« {PASSAGE} »"
    assert card.data(CardRole.BODY) == "Un point clé, voir la dépêche"


def test_store_error_is_shown_and_app_keeps_running(windows: WindowFactory, data_dir: Path) -> None:
    window = windows.open()
    assert not window.session.open_path(data_dir / "missing.txt")
    assert "n’existe pas" in window.statusBar().currentMessage()
    assert window.session.loaded is not None and window.session.loaded.title.startswith("Donald")


def test_note_preview_renders_markdown_without_html(windows: WindowFactory, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    editor = AnnotationEditor("passage", window.theme, known_tags=["diplomatie", "défense"])
    qtbot.addWidget(editor)
    editor.note_edit.setPlainText("Un **point** clé <b>brut</b>")
    editor.note_tabs.setCurrentIndex(1)
    shown = editor.preview.toPlainText()
    assert "Un point clé" in shown and "<b>brut</b>" in shown
    html = editor.preview.toHtml()
    assert "font-weight" in html
    editor.tags_edit.setText("géo, ")
    qtbot.keyClicks(editor.tags_edit, "d")
    completer = editor.tag_completer
    assert completer.completionPrefix() == "d"
    assert completer.completionCount() == 2
    completer.activated.emit("diplomatie")
    assert editor.tags == ["géo", "diplomatie"]


def test_open_by_drop_and_recent_files(windows: WindowFactory, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    window = windows.open()
    article = tmp_path / "autre.txt"
    article.write_text("Un autre titre\n\n« Bonjour », a dit Marie Curie.\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    drop = QDropEvent(
        QPointF(100, 100),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: window.session.analysis_complete, timeout=60_000)
    assert window.windowTitle().startswith("Un autre titre")
    assert len(window.view.highlighter.spans(layers.QUOTES)) == 1
    window.menus.recent.aboutToShow.emit()
    entries = [a for a in window.menus.recent.actions() if a.isEnabled()]
    assert entries and entries[0].toolTip() == str(article.resolve())
    window.open_file(str(tmp_path / "absent.txt"))
    assert window.windowTitle().startswith("Un autre titre")
    entries[0].trigger()
    assert window.windowTitle().startswith("Un autre titre")


def test_every_control_has_an_accessible_name(windows: WindowFactory) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit, QTextEdit

    window = windows.open()
    missing = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, (QLineEdit, QAbstractItemView, QTextEdit, QAbstractButton)):
            continue
        if not widget.isVisibleTo(window) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if not (widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text())):
            missing.append(f"{type(widget).__name__} {widget.objectName()}")
    assert missing == []
    for action in window.actions():
        assert action.text() or not action.isVisible()


def test_library_lists_searches_opens_and_deletes_with_undo(
    windows: WindowFactory, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    window = windows.open()
    other = tmp_path / "pluie.txt"
    other.write_text(
        "La pluie à Brest\n\nIl pleut sur Brest depuis trois jours, a dit Météo-France.\n",
        encoding="utf-8",
    )
    assert window.open_file(str(other))
    qtbot.waitUntil(lambda: window.session.analysis_complete, timeout=60_000)
    window.library_dock.show()
    panel = window.library_panel
    assert panel.model.rowCount() == 2

    qtbot.keyClicks(panel.search, "etats unis")
    qtbot.waitUntil(lambda: panel.model.searching and panel.model.rowCount() >= 1, timeout=3000)
    hit = panel.model.hit_at(0)
    assert hit is not None and "Donald Trump" in hit.title
    rect = panel.view.visualRect(panel.model.index(0))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.windowTitle().startswith("Donald Trump")
    assert window.find_bar.isVisible() and window.find_bar.matches

    panel.search.clear()
    qtbot.waitUntil(lambda: not panel.model.searching, timeout=3000)
    rows = {panel.model.index(r).data(): r for r in range(panel.model.rowCount())}
    rain_row = next(r for text, r in rows.items() if text.startswith("La pluie"))
    panel.view.setCurrentIndex(panel.model.index(rain_row))
    when_dialog_opens(lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    titles = [a.title for a in window.session.library.store.articles()]
    assert len(titles) == 1 and titles[0].startswith("Donald Trump et Vladimir Poutine")
    window.action_set.undo.trigger()
    assert len(window.session.library.store.articles()) == 2
    assert panel.model.rowCount() == 2


def test_orphans_are_listed_struck_through_and_can_be_reattached(
    windows: WindowFactory, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "edite.txt"
    article.write_text(
        "Titre\n\nLe ministre a parlé longuement de la situation.\n", encoding="utf-8"
    )
    window = windows.open()
    assert window.open_file(str(article))
    qtbot.waitUntil(lambda: window.session.analysis_complete, timeout=60_000)
    select_text(window, "parlé longuement")
    when_dialog_opens(fill_editor("à revoir", ""))
    window.action_set.annotate.trigger()
    article.write_text(
        "Titre\n\nLa ministre est restée silencieuse toute la journée.\n", encoding="utf-8"
    )
    assert window.open_file(str(article))
    qtbot.waitUntil(lambda: window.session.analysis_complete, timeout=60_000)
    panel = window.annotations_panel
    (orphan,) = window.session.annotations()
    assert orphan.status.value == "orphaned"
    panel.status_filter.setCurrentIndex(3)
    assert panel.proxy.rowCount() == 1
    index = panel.proxy.index(0, 0)
    from ui.cards import CardRole

    assert index.data(CardRole.STRUCK) is True
    # The card shows the words the note was on, and no note dot is left in the new text.
    assert index.data(CardRole.HEADLINE) == "« parlé longuement »"
    assert window.view.note_markers() == []
    panel.view.setCurrentIndex(index)
    assert panel.reattach_button.isVisibleTo(panel)
    select_text(window, "restée silencieuse")
    qtbot.mouseClick(panel.reattach_button, Qt.MouseButton.LeftButton)
    (fixed,) = window.session.annotations()
    assert fixed.status.value == "anchored"
    assert window.view.text[fixed.start : fixed.end] == "restée silencieuse"
    assert panel.proxy.rowCount() == 0


def test_open_an_address_fetches_off_the_gui_thread(windows: WindowFactory, qtbot) -> None:  # type: ignore[no-untyped-def]
    import http.server
    import threading

    from tests.test_web import _Handler

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        window = windows.open()
        window.session.open_address(f"http://127.0.0.1:{httpd.server_address[1]}/article")
        qtbot.waitUntil(
            lambda: window.windowTitle().startswith("Sommet à Bruxelles"), timeout=20_000
        )
        qtbot.waitUntil(lambda: window.session.analysis_complete, timeout=60_000)
        assert window.session.article is not None
        article = window.session.article
        assert article.source == f"http://127.0.0.1:{httpd.server_address[1]}/article"
        assert article.metadata["canonical_url"] == "https://journal.example/sommet"
        window.session.open_address(f"http://127.0.0.1:{httpd.server_address[1]}/missing")
        qtbot.waitUntil(lambda: "404" in window.statusBar().currentMessage(), timeout=20_000)
        assert window.windowTitle().startswith("Sommet à Bruxelles")
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_reopening_an_analysed_article_needs_no_worker(windows: WindowFactory) -> None:
    from reader.library.worker import WORKER

    first = windows.open()
    assert first.session.analysis.entities
    asked = WORKER.requests
    again = windows.open()
    assert again.session.analysis_complete
    assert [(e.start, e.end) for e in again.session.analysis.entities] == [
        (e.start, e.end) for e in first.session.analysis.entities
    ]
    assert WORKER.requests == asked
