"""Entities and quotations in the side panels: stepping through mentions, correcting the
machine (entity types, speakers), and the corrections surviving a relaunch."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QImage, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QListView, QMenu, QStyleOptionViewItem

from reader.analysis.model import Label
from reader.sources import article_from_text
from tests.qt_support import one_window
from tests.ui.conftest import WindowFactory, when_dialog_opens
from ui import layers
from ui.cards import CARDS_AT_A_TIME, CardDelegate, CardRole, headline_lines, show_as_cards
from ui.export_request import ExportChoice
from ui.speaker_dialog import SpeakerDialog


def group_row(window, canonical: str) -> int:  # type: ignore[no-untyped-def]
    proxy = window.entities_panel.proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data().startswith(canonical + " ("):
            return row
    raise AssertionError(f"no group {canonical}")


def choose_in_popup(*path: str) -> None:
    """Click through the context menu that is about to open, as a person would."""

    def act() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, act)
            return
        for label in path[:-1]:
            submenu = next(a.menu() for a in menu.actions() if a.text() == label)
            menu = submenu
        next(a for a in menu.actions() if a.text() == path[-1]).trigger()
        top = QApplication.activePopupWidget()
        while isinstance(top, QMenu):
            top.close()
            top = QApplication.activePopupWidget()

    QTimer.singleShot(20, act)


def test_entity_groups_and_stepping_through_mentions(windows: WindowFactory, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    panel = window.entities_panel
    row = group_row(window, "Donald Trump")
    index = panel.proxy.index(row, 0)
    assert "×" in index.data(0x0101)  # CardRole.HEADLINE
    mentions = [e for e in window.session.analysis.entities if e.canonical == "Donald Trump"]
    assert len(mentions) >= 6
    view = panel.view
    rect = view.visualRect(index)
    starts = []
    for _ in range(3):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        starts.append(window.view.to_python(window.view.textCursor().position()))
    assert starts == [m.start for m in mentions[:3]]
    assert "mention 3 sur" in panel.status.text()
    panel.type_filter.setCurrentIndex(panel.type_filter.findData("ORG"))
    orgs = {panel.proxy.index(r, 0).data().split(" (")[0] for r in range(panel.proxy.rowCount())}
    assert {"OTAN", "Kremlin", "Maison Blanche", "Truth Social"} <= orgs
    assert "Donald Trump" not in orgs


def test_relabel_from_the_panel_is_stored_undoable_and_survives(
    windows: WindowFactory, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    panel = window.entities_panel
    rect = panel.view.visualRect(panel.proxy.index(group_row(window, "Truth Social"), 0))
    choose_in_popup("Changer le type", "Autres noms")
    panel.view.customContextMenuRequested.emit(rect.center())
    qtbot.waitUntil(lambda: window.session.analysis_complete, timeout=60_000)
    qtbot.waitUntil(
        lambda: (
            {e.label for e in window.session.analysis.entities if e.text == "Truth Social"}
            == {Label.MISC}
        ),
        timeout=30_000,
    )
    text = window.view.text
    assert "Truth Social" in [text[s:e] for s, e, _f in window.view.highlighter.spans("MISC")]
    window.close()
    again = windows.open()
    assert {e.label for e in again.session.analysis.entities if e.text == "Truth Social"} == {
        Label.MISC
    }
    again.action_set.undo.trigger()  # a new window starts a new history: nothing to undo
    assert {e.label for e in again.session.analysis.entities if e.text == "Truth Social"} == {
        Label.MISC
    }


def test_add_entity_from_a_selection_and_undo(windows: WindowFactory, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    words = "Alliance atlantique"
    assert any(e.text == words for e in window.session.analysis.entities)
    target = "homologue russe"
    start = window.view.text.index(target)
    window.view.select_range(start, start + len(target))
    when_dialog_opens(lambda dialog: (dialog.setTextValue("Personnes"), dialog.accept()))  # type: ignore[attr-defined]
    window.action_set.add_entity.trigger()
    qtbot.waitUntil(
        lambda: any(
            e.text == target and e.label is Label.PER for e in window.session.analysis.entities
        ),
        timeout=30_000,
    )
    window.action_set.undo.trigger()
    qtbot.waitUntil(
        lambda: not any(e.text == target for e in window.session.analysis.entities), timeout=30_000
    )


def test_fix_a_speaker_in_two_clicks(windows: WindowFactory, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    window.quotes_dock.raise_()
    panel = window.quotes_panel
    rows = {panel.proxy.index(r, 0).data(): r for r in range(panel.proxy.rowCount())}
    carnage_row = next(r for text, r in rows.items() if text.startswith("« carnage »"))
    panel.view.setCurrentIndex(panel.proxy.index(carnage_row, 0))

    def choose(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, SpeakerDialog)
        assert dialog.names.findText("Vladimir Poutine") > 0
        dialog.names.setCurrentIndex(dialog.names.findText("Vladimir Poutine"))
        dialog.accept()

    when_dialog_opens(choose)
    qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)

    def speaker() -> str | None:
        quote = next(q for q in window.session.analysis.quotes if q.text == "« carnage »")
        return quote.speaker.name if quote.speaker else None

    qtbot.waitUntil(lambda: speaker() == "Vladimir Poutine", timeout=30_000)
    window.action_set.undo.trigger()
    qtbot.waitUntil(lambda: speaker() == "Donald Trump", timeout=30_000)
    window.action_set.redo.trigger()
    qtbot.waitUntil(lambda: speaker() == "Vladimir Poutine", timeout=30_000)
    window.close()
    again = windows.open()
    quote = next(q for q in again.session.analysis.quotes if q.text == "« carnage »")
    assert quote.speaker is not None and quote.speaker.name == "Vladimir Poutine"


def test_annotating_a_quotation_carries_its_speaker_into_the_export(
    windows: WindowFactory, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_end_to_end import fill_editor

    window = windows.open()
    start = window.view.text.index("« pourparlers de paix »")
    window.view.select_range(start, start + len("« pourparlers de paix »"))
    when_dialog_opens(fill_editor("vocabulaire", "diplomatie"))
    window.action_set.annotate.trigger()
    (annotation,) = window.session.annotations()
    assert annotation.kind.value == "quote" and annotation.ref == "Vladimir Poutine"
    markdown = window.session.export_text(ExportChoice())
    assert "> « pourparlers de paix »" in markdown
    assert "— Vladimir Poutine, a exprimé" in markdown
    tooltip_layers = window.view.highlighter.layer_names()
    assert layers.QUOTES in tooltip_layers and "PER" in tooltip_layers


def test_a_card_is_one_line_high_when_its_quotation_fits_and_two_when_it_does_not(
    windows: WindowFactory,
) -> None:
    window = windows.open()
    view = window.quotes_panel.view
    model = view.model()
    heights = {}
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        heights[str(index.data(CardRole.HEADLINE))] = view.visualRect(index).height()
    short = min(heights, key=len)
    longest = max(heights, key=len)
    assert heights[longest] > heights[short]
    # Thousands of characters are two lines (elided), found without measuring them all.
    metrics = QFontMetrics(view.font())
    assert headline_lines("« " + "mot " * 5000 + "»", metrics, 240) == 2
    assert headline_lines("« carnage »", metrics, 240) == 1


def test_cards_are_measured_again_when_the_list_gets_narrower(
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QListView

    view = QListView()
    qtbot.addWidget(view)
    show_as_cards(view)
    model = QStandardItemModel(view)
    metrics = QFontMetrics(view.font())
    long_line = "«"
    while metrics.horizontalAdvance(long_line + " mot »") < 300:  # one line at 520 px, not 220
        long_line += " mot"
    for headline in (long_line + " »", "« Non »"):
        item = QStandardItem()
        item.setData(headline, CardRole.HEADLINE)
        model.appendRow(item)
    view.setModel(model)
    view.resize(520, 300)
    view.show()
    qtbot.waitExposed(view)
    first, second = model.index(0, 0), model.index(1, 0)
    qtbot.waitUntil(lambda: view.visualRect(second).height() > 0)
    one_line = view.visualRect(first).height()
    assert one_line == view.visualRect(second).height()
    view.resize(220, 300)
    # Wrapped to two lines in the narrower list: the card grows, and the next one moves down.
    qtbot.waitUntil(lambda: view.visualRect(first).height() > one_line)
    assert view.visualRect(second).top() > view.visualRect(first).bottom()


def test_the_status_line_counts_quotations_as_the_legend_and_the_list_do(
    qtbot,  # type: ignore[no-untyped-def]
    data_dir: Path,
) -> None:
    text = (
        "Un titre\n\n"
        "Le ministre a déclaré : « Je leur ai dit « non » puis « jamais », et je n'en démords"
        " pas. » Puis il est parti."
    )
    with one_window(qtbot, data_dir, article_from_text("imbriquees.txt", text)) as window:
        assert len(window.session.analysis.quotes) == 3
        assert window.quotes_panel.view.model().rowCount() == 1
        assert window.layer_actions[layers.QUOTES].text().endswith(" 1")
        message = window.statusBar().currentMessage()
        assert re.search(r"\b1\b", message) and not re.search(r"\b3\b", message), message


def test_a_struck_card_leaves_the_cards_painted_after_it_unstruck(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = QListView()
    qtbot.addWidget(view)
    model = QStandardItemModel(view)
    for headline, struck in (("« orpheline »", True), ("« à sa place »", False)):
        item = QStandardItem()
        item.setData(headline, CardRole.HEADLINE)
        item.setData(struck, CardRole.STRUCK)
        model.appendRow(item)
    view.setModel(model)
    view.resize(300, 200)

    def painted(delegate: CardDelegate, rows: list[int]) -> QImage:
        image = QImage(300, 60, QImage.Format.Format_ARGB32)
        for row in rows:
            image.fill(Qt.GlobalColor.white)
            option = QStyleOptionViewItem()
            option.initFrom(view)
            option.rect = QRect(0, 0, 300, 60)
            painter = QPainter(image)
            delegate.paint(painter, option, model.index(row, 0))
            painter.end()
        return image

    alone = painted(CardDelegate(view), [1])
    after_struck = painted(CardDelegate(view), [0, 1])
    assert alone == after_struck


def test_long_lists_of_quotations_and_entities_show_their_first_cards_at_once(
    qtbot,  # type: ignore[no-untyped-def]
    data_dir: Path,
) -> None:
    """Qt lays every card of a list out before it paints any: the lists get theirs a few
    hundred at a time, as they are scrolled, or all of them for a grouping or a filter."""
    paragraph = "« Rien ne presse », a dit Jean Dupont à Paris devant la presse."
    text = "Un titre\n\n" + "\n\n".join(f"{paragraph} ({number})" for number in range(700))
    with one_window(qtbot, data_dir, article_from_text("longue.txt", text)) as window:
        quotes = window.quotes_panel
        assert quotes.model.row_total() == 700
        assert quotes.view.model().rowCount() == CARDS_AT_A_TIME
        view = quotes.view
        window.raise_panel("quotes")
        qtbot.waitUntil(lambda: view.indexAt(view.viewport().rect().topLeft()).isValid())
        # Chosen in the text, far down: its card is there, current, and scrolled to once the
        # list has laid it out (the scroll range grows as it does).
        listed = [q for q in window.session.analysis.quotes if q.parent is None]
        for chosen in (listed[520], listed[-1]):
            quotes.select_quote(chosen.start)
            assert quotes.current_quote() == chosen
            qtbot.waitUntil(
                lambda: view.viewport().rect().contains(view.visualRect(view.currentIndex()))
            )
        quotes.group.setChecked(True)
        assert view.model().rowCount() == 700

        entities = window.entities_panel
        groups = entities.model.row_total()
        assert entities.view.model().rowCount() == min(groups, CARDS_AT_A_TIME)
        assert str(groups) in entities.status.text()
