"""Views across the library: every quotation of a speaker, every article naming an entity."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.sources import article_from_text
from tests.ui.conftest import WindowFactory
from ui.cards import CardRole
from ui.main_window import MainWindow

SECOND = (
    "Sommet à Riyad\n\n"
    "Donald Trump a déclaré : « Nous allons conclure un accord. » "
    "La délégation de l’Ukraine n’était pas invitée."
)


def library_of_two(windows: WindowFactory, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    """The bundled article, then a second one naming Donald Trump and Ukraine, both analysed."""
    window = windows.open()
    window.session.open_loaded(article_from_text("riyad.txt", SECOND))
    qtbot.waitUntil(lambda: window.session.analysis_complete, timeout=60_000)
    return window


def test_a_speakers_quotations_across_articles_open_where_they_are(
    windows: WindowFactory,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    window = library_of_two(windows, qtbot)

    window.library.show_quotes_of_speaker("Donald Trump")
    panel = window.library_panel
    assert window.library_dock.isVisible()
    rows = [panel.model.index(row, 0) for row in range(panel.model.rowCount())]
    quotes = [str(index.data(CardRole.HEADLINE)) for index in rows]
    assert "« Nous allons conclure un accord. »" in quotes
    assert "« carnage »" in quotes
    assert panel.summary.text() == f"Citations de Donald Trump : {len(quotes)}"
    assert panel.back_button.isVisible()

    carnage = rows[quotes.index("« carnage »")]
    panel.view.setCurrentIndex(carnage)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.article is not None and "carnage" in window.view.text)
    start, end = window.view.selected_range()
    assert window.view.text[start:end] == "« carnage »"

    qtbot.mouseClick(panel.back_button, Qt.MouseButton.LeftButton)
    assert not panel.model.searching and panel.model.rowCount() == 2


def test_articles_mentioning_an_entity_most_mentions_first(
    windows: WindowFactory,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    window = library_of_two(windows, qtbot)
    window.library.show_articles_mentioning("Ukraine")
    panel = window.library_panel
    titles = [
        str(panel.model.index(row, 0).data(CardRole.META)) for row in range(panel.model.rowCount())
    ]
    assert len(titles) == 2
    assert "Donald Trump et Vladimir Poutine" in titles[0]
    assert panel.model.index(0, 0).data(CardRole.HEADLINE) == "Ukraine ×8"
