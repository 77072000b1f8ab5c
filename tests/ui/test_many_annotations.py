"""An article carrying many annotations: the first ones come with its text, the rest are read
in the background and listed and highlighted a step at a time."""

from __future__ import annotations

from reader.sources import article_from_text, load_bundled
from reader.store import Store
from tests.ui.conftest import WindowFactory
from ui import layers
from ui.article_load import ANNOTATIONS_STEP, ANNOTATIONS_WITH_THE_ARTICLE
from ui.cards import CARDS_AT_A_TIME
from ui.main_window import MainWindow

MANY = ANNOTATIONS_WITH_THE_ARTICLE + ANNOTATIONS_STEP + 200
WITH_A_NOTE = len(range(0, MANY, 3))


def opened_with_many(windows: WindowFactory) -> MainWindow:
    """A window that opens an article carrying ``MANY`` annotations (and has shown only the
    first ones so far)."""
    window = windows.open()
    assert window.session.open_article(annotated_elsewhere(window.session.library.store))
    return window


def annotated_elsewhere(store: Store) -> int:
    """A second article with ``MANY`` annotations, one in three with a note, written as
    another window would have written them."""
    bundled = load_bundled()
    loaded = article_from_text("beaucoup.txt", bundled.text)
    article = store.add_or_update_article(loaded.source, loaded.title, loaded.text)
    for number in range(MANY):
        start = (number * 7) % (len(loaded.text) - 40)
        store.restore_annotation(
            store.new_annotation(article, start, start + 12, note="note" if number % 3 == 0 else "")
        )
    return article.id


def held(window: MainWindow) -> int:
    """The annotations the list holds, shown in it or waiting to be scrolled to."""
    return len(window.annotations_panel.model)


def in_the_list(window: MainWindow) -> int:
    return window.annotations_panel.view.model().rowCount()


def highlighted(window: MainWindow) -> int:
    return len(window.view.highlighter.spans(layers.ANNOTATIONS))


def test_an_article_with_many_annotations_shows_the_first_at_once_then_all(
    qtbot,  # type: ignore[no-untyped-def]
    windows: WindowFactory,
) -> None:
    window = opened_with_many(windows)
    # With the text: the first ones, highlighted, and the first cards in the list.
    assert held(window) == highlighted(window) == ANNOTATIONS_WITH_THE_ARTICLE
    assert in_the_list(window) == CARDS_AT_A_TIME
    qtbot.waitUntil(lambda: held(window) == MANY, timeout=20_000)
    assert highlighted(window) == MANY
    assert len(window.view.note_markers()) == len([n for n in range(MANY) if n % 3 == 0])
    # The legend and the status bar count them all.
    assert window.layer_actions[layers.ANNOTATIONS].text().endswith(f" {MANY}")
    assert f"{MANY} annotations" in window.counts_label.text()
    # Scrolling the list to its end brings more cards, down to the last annotation.
    view = window.annotations_panel.view
    qtbot.waitUntil(lambda: view.indexAt(view.viewport().rect().topLeft()).isValid())

    def scrolled_to_the_last() -> bool:
        view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
        return in_the_list(window) == MANY

    qtbot.waitUntil(scrolled_to_the_last, timeout=30_000)
    model = window.annotations_panel.model
    orders = [model.annotation_at(row).reading_order for row in range(MANY)]
    assert orders == sorted(orders)
    assert len({model.annotation_at(row).id for row in range(MANY)}) == MANY


def test_a_search_looks_through_the_cards_not_shown_yet(
    qtbot,  # type: ignore[no-untyped-def]
    windows: WindowFactory,
) -> None:
    window = opened_with_many(windows)
    qtbot.waitUntil(lambda: held(window) == MANY, timeout=20_000)
    panel = window.annotations_panel
    qtbot.keyClicks(panel.search, "note")
    assert in_the_list(window) == len([n for n in range(MANY) if n % 3 == 0])
    panel.search.clear()
    assert in_the_list(window) == MANY  # shown now that they were searched


def test_acting_before_all_are_in_reads_the_rest_at_once(
    qtbot,  # type: ignore[no-untyped-def]
    windows: WindowFactory,
) -> None:
    window = opened_with_many(windows)
    session = window.session
    first = window.annotations_panel.model.annotation_at(0)
    assert session.edit(first.id, note="changée")
    assert held(window) == highlighted(window) == MANY
    qtbot.wait(300)  # what the background read brings afterwards is not added twice
    assert held(window) == highlighted(window) == len(session.annotations()) == MANY
    assert session.annotation(first.id) is not None
    assert session.annotation(first.id).note == "changée"  # type: ignore[union-attr]
    assert session.undo_stack.canUndo()


def test_the_garbage_collector_rests_while_the_rest_comes_in(
    qtbot,  # type: ignore[no-untyped-def]
    windows: WindowFactory,
) -> None:
    import gc

    assert gc.isenabled()
    try:
        window = opened_with_many(windows)
        assert not gc.isenabled()
        qtbot.waitUntil(lambda: held(window) == MANY, timeout=20_000)
        assert gc.isenabled() and gc.get_freeze_count() > 0
        # Another article opened before the rest is in: the collector runs again too.
        assert window.session.open_article(
            window.annotations_panel.model.annotation_at(0).article_id
        )
        assert not gc.isenabled()
        window.session.open_loaded(load_bundled())
        qtbot.waitUntil(gc.isenabled, timeout=5_000)
        qtbot.wait(300)  # the rest read for the other article, unused, changes nothing
        assert gc.isenabled() and held(window) == len(window.session.annotations()) < MANY
    finally:
        gc.enable()
        gc.unfreeze()


def test_reading_the_library_again_brings_the_first_ones_then_the_rest(
    qtbot,  # type: ignore[no-untyped-def]
    windows: WindowFactory,
) -> None:
    window = opened_with_many(windows)
    qtbot.waitUntil(lambda: held(window) == MANY, timeout=20_000)
    window.session.reload()  # after an import or a restore
    assert held(window) == highlighted(window) == ANNOTATIONS_WITH_THE_ARTICLE
    qtbot.waitUntil(lambda: held(window) == MANY, timeout=20_000)
    assert highlighted(window) == len(window.session.annotations()) == MANY
