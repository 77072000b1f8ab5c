"""« Ailleurs dans la bibliothèque »: the chosen quotation as the other articles of the library
report it, the words they changed marked, one click to open another report, and verdicts
given, undone, redone and kept across windows."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTranslator
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from reader.sources import LoadedArticle, article_from_text
from reader.store import Verdict
from tests.qt_support import WindowFactory, when_dialog_opens
from tests.test_tracker_store import CHANGED, CUT, OTHER, STATEMENT
from ui.elsewhere_section import JUDGE, OPEN, ElsewhereSection
from ui.main_window import MainWindow
from ui.verdict_dialog import VerdictDialog


def report(source: str, title: str, quotes: list[tuple[str, str]], date: str) -> LoadedArticle:
    """An article whose paragraphs each report one quotation, as the press does."""
    body = "\n\n".join(
        f"{quote}, a déclaré {speaker} devant la presse." for quote, speaker in quotes
    )
    loaded = article_from_text(source, f"{title}\n\n{body}\n")
    return dataclasses.replace(loaded, metadata={"date": date})


FIRST = report(
    "test:premier", "Les syndicats tiennent bon", [(STATEMENT, "Sophie Binet")], "2025-03-01"
)
SECOND = report(
    "test:second",
    "Retraites : la CGT ne cède pas",
    [(CUT, "Laurent Berger"), (OTHER, "Sophie Binet")],
    "2025-03-02",
)
THIRD = report("test:troisieme", "Mobilisation jeudi", [(CHANGED, "Binet")], "2025-03-03")


def library_of_three(windows: WindowFactory) -> MainWindow:
    """A window that opened the three articles in turn (each analysed and tracked); the third
    is on screen."""
    window = windows.open(loaded=FIRST)
    for loaded in (SECOND, THIRD):
        window.session.open_loaded(loaded)
        windows.qtbot.waitUntil(lambda: window.session.analysis_complete, timeout=60_000)
    return window


def choose(window: MainWindow, text: str) -> ElsewhereSection:
    """Choose the open article's quotation ``text`` in the *Citations* panel, and wait for the
    section to show its cluster."""
    loaded = window.session.loaded
    assert loaded is not None
    window.raise_panel("quotes")
    window.quotes_panel.select_quote(loaded.text.index(text))
    return window.quotes_panel.elsewhere


def wait_for_cluster(window: MainWindow, windows: WindowFactory, articles: int) -> ElsewhereSection:
    section = window.quotes_panel.elsewhere
    windows.qtbot.waitUntil(
        lambda: section.cluster is not None and len(section.cluster.article_ids) == articles,
        timeout=10_000,
    )
    return section


def marked_words(section: ElsewhereSection) -> dict[str, list[str]]:
    """The words of the reports drawn struck out, underlined, and underlined in bold."""
    marks: dict[str, list[str]] = {"struck": [], "underlined": [], "bold": []}
    block = section.reports.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            style = fragment.charFormat()
            text = fragment.text().strip()
            if text and style.fontStrikeOut():
                marks["struck"].append(text)
            elif text and style.fontUnderline() and not style.isAnchor():
                marks["bold" if style.fontWeight() > 500 else "underlined"].append(text)
            iterator += 1
        block = block.next()
    return marks


def click_link(section: ElsewhereSection, href: str) -> None:
    """Click the link ``href`` in the reports, where it is drawn."""
    document = section.reports.document()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + 1)
                section.reports.setTextCursor(cursor)
                section.reports.ensureCursorVisible()
                point = section.reports.cursorRect(cursor).center() - QPoint(4, 0)
                QTest.mouseClick(section.reports.viewport(), Qt.MouseButton.LeftButton, pos=point)
                return
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link {href} in the reports")


def test_the_section_lists_every_report_with_the_changed_words_marked(
    windows: WindowFactory, french: QTranslator
) -> None:
    windows.engine_preference = "rules"
    window = library_of_three(windows)
    choose(window, CHANGED)
    section = wait_for_cluster(window, windows, 3)
    assert section.cluster is not None and section.here is not None
    assert section.here.text == CHANGED
    text = section.reports.toPlainText()
    # In the order the articles carried it, each with its title, date and speaker.
    positions = [text.index(title) for title in (FIRST.title, SECOND.title, THIRD.title)]
    assert positions == sorted(positions)
    assert "2025-03-02 · Laurent Berger" in text and "(cet article)" in text
    marks = marked_words(section)
    # Against this article's « céderons … France », the first report says « lâcherons » and
    # goes on; the second is cut with « […] ».
    assert "céderons" in marks["struck"] and "lâcherons" in marks["bold"]
    assert any("nous serons encore plus nombreux" in words for words in marks["underlined"])
    summary = section.summary.text()
    assert "3 articles" in summary
    assert "Sophie Binet / Laurent Berger" in summary and "⚠" in summary
    # A statement of the same speaker that no other article reports is alone.
    window.session.open_loaded(SECOND)
    windows.qtbot.waitUntil(lambda: window.session.analysis_complete, timeout=60_000)
    choose(window, OTHER)
    windows.qtbot.waitUntil(
        lambda: (
            section.cluster is not None and section.here is not None and section.here.text == OTHER
        ),
        timeout=10_000,
    )
    assert "Aucun autre article" in section.summary.text()


def test_a_click_opens_the_other_article_at_its_report(windows: WindowFactory) -> None:
    windows.engine_preference = "rules"
    window = library_of_three(windows)
    choose(window, CHANGED)
    section = wait_for_cluster(window, windows, 3)
    assert section.cluster is not None
    first = section.cluster.variants[0]
    assert first.text == STATEMENT
    click_link(section, f"{OPEN}:{first.id}")
    session = window.session
    assert session.article is not None and session.article.id == first.article_id
    assert window.view.selected_range() == (first.start, first.end)
    # The section follows the quotation into that article.
    windows.qtbot.waitUntil(
        lambda: section.here is not None and section.here.id == first.id, timeout=10_000
    )
    assert "(cet article)" in section.reports.toPlainText()


def give_verdict(verdict: str, note: str, source: str = "") -> None:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, VerdictDialog)
        save = dialog.button_box.button(QDialogButtonBox.StandardButton.Save)
        dialog.buttons_by_verdict[Verdict(verdict)].click()
        if verdict == Verdict.VERIFIED:
            assert not save.isEnabled() and dialog.hint.isVisible()
        dialog.source.setText(source)
        dialog.note.setPlainText(note)
        assert save.isEnabled()
        save.click()

    when_dialog_opens(act)


def test_a_verdict_is_given_undone_redone_and_kept_for_the_next_window(
    windows: WindowFactory,
) -> None:
    windows.engine_preference = "rules"
    window = library_of_three(windows)
    choose(window, CHANGED)
    section = wait_for_cluster(window, windows, 3)
    give_verdict(Verdict.VERIFIED, "Conforme au discours filmé", "https://example.org/discours")
    section.verdict_button.click()
    windows.qtbot.waitUntil(lambda: "vérifiée" in section.summary.text(), timeout=10_000)
    assert "https://example.org/discours" in section.summary.text()
    stack = window.session.undo_stack
    assert stack.undoText() == "Verdict « vérifiée »"
    stack.undo()
    windows.qtbot.waitUntil(lambda: "Pas de verdict" in section.summary.text(), timeout=10_000)
    assert window.session.library.tracker.verdict(section.cluster.id) is None  # type: ignore[union-attr]
    stack.redo()
    windows.qtbot.waitUntil(lambda: "vérifiée" in section.summary.text(), timeout=10_000)
    # A verdict on one report only, from its own link.
    assert section.cluster is not None
    cut = next(v for v in section.cluster.variants if v.text == CUT)
    give_verdict(Verdict.MISATTRIBUTED, "Berger ne l’a jamais dit")
    click_link(section, f"{JUDGE}:{cut.id}")
    windows.qtbot.waitUntil(
        lambda: "Verdict sur cette version : mal attribuée" in section.reports.toPlainText(),
        timeout=10_000,
    )
    cluster_id = section.cluster.id
    window.close()

    again = windows.open(loaded=THIRD)
    choose(again, CHANGED)
    shown = wait_for_cluster(again, windows, 3)
    assert shown.cluster is not None and shown.cluster.id == cluster_id
    assert shown.cluster.verdict is not None
    assert shown.cluster.verdict.note == "Conforme au discours filmé"
    assert "mal attribuée" in shown.reports.toPlainText()
    # The library search finds the verdict's note.
    hits = again.session.library.search("discours filmé")
    assert [(hit.kind, hit.ref) for hit in hits] == [("verdict", str(cluster_id))]


def test_a_quotation_too_short_to_follow_says_so(windows: WindowFactory, data_dir: Path) -> None:
    windows.engine_preference = "rules"
    short = report("test:court", "Un mot", [("« carnage »", "Sophie Binet")], "2025-03-01")
    window = windows.open(loaded=short)
    choose(window, "« carnage »")
    section = window.quotes_panel.elsewhere
    windows.qtbot.waitUntil(lambda: "trop courte" in section.summary.text(), timeout=10_000)
    assert section.cluster is None and not section.verdict_button.isEnabled()


def test_the_quotations_menu_gives_a_verdict_and_the_section_takes_it_away(
    windows: WindowFactory,
) -> None:
    windows.engine_preference = "rules"
    window = library_of_three(windows)
    section = choose(window, CHANGED)
    wait_for_cluster(window, windows, 3)
    quote = window.quotes_panel.current_quote()
    assert quote is not None
    give_verdict(Verdict.UNVERIFIED, "À recouper avec la vidéo")
    window.quotes_panel.verdict_requested.emit(quote)  # « Verdict sur cette citation… »
    windows.qtbot.waitUntil(lambda: "non vérifiée" in section.summary.text(), timeout=10_000)
    assert section.clear_button.isVisible()
    section.clear_button.click()
    windows.qtbot.waitUntil(lambda: "Pas de verdict" in section.summary.text(), timeout=10_000)
    assert window.session.undo_stack.undoText() == "Retrait du verdict"
    window.session.undo_stack.undo()
    windows.qtbot.waitUntil(lambda: "non vérifiée" in section.summary.text(), timeout=10_000)
