"""Reading aids: find, layers and legend, zoom, styles by key, themes, shortcuts help."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextCursor

from reader.analysis.model import Label
from reader.sources import article_from_text, load_bundled
from tests.qt_support import one_window, painted_formats
from tests.ui.conftest import WindowFactory
from ui import layers
from ui.article_view import ArticleView
from ui.shortcuts_help import ShortcutsHelp
from ui.theme import DARK, LIGHT, contrast_ratio


def test_find_is_accent_case_and_apostrophe_insensitive(windows: WindowFactory, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.query, "etats-unis")
    text = window.view.text
    assert [text[s:e] for s, e in window.find_bar.matches] == ["États-Unis"]
    assert window.find_bar.count.text() == "1 sur 1"

    window.find_bar.query.clear()
    qtbot.keyClicks(window.find_bar.query, "l'ukraine")
    assert len(window.find_bar.matches) == 5
    assert all(text[s:e].lower() == "l’ukraine" for s, e in window.find_bar.matches)
    assert len(window.view.highlighter.spans(layers.SEARCH)) == 5
    qtbot.keyClick(window.find_bar.query, Qt.Key.Key_Return)
    assert window.find_bar.count.text() == "2 sur 5"
    qtbot.keyClick(window.find_bar.query, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.find_bar.count.text() == "1 sur 5"
    selected = window.view.selected_range()
    assert selected == window.find_bar.matches[0]

    qtbot.keyClick(window.find_bar.query, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.view.highlighter.spans(layers.SEARCH) == []


def test_legend_toggles_a_layer(windows: WindowFactory) -> None:
    window = windows.open()
    action = window.layer_actions[layers.QUOTES]
    assert window.view.highlighter.is_visible(layers.QUOTES)
    action.trigger()
    assert not window.view.highlighter.is_visible(layers.QUOTES)
    start = window.view.text.index("« carnage »")
    tint = QColor(window.theme.quote_background)
    painted = [f.background().color() for f in painted_formats(window.view, start)]
    assert tint not in painted
    action.trigger()
    painted = [f.background().color() for f in painted_formats(window.view, start)]
    assert tint in painted


def test_zoom_keys_change_the_text_size_and_are_remembered(windows: WindowFactory, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    before = window.view.document().defaultFont().pointSizeF()
    # A news article keeps its kerning and ligatures.
    strategy = window.view.document().defaultFont().styleStrategy()
    assert not strategy & QFont.StyleStrategy.PreferNoShaping
    qtbot.keyClick(window.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.document().defaultFont().pointSizeF() == before + 2
    window.close()
    again = windows.open()
    assert again.view.zoom == 2
    qtbot.keyClick(again.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.view.document().defaultFont().pointSizeF() == before


def test_number_keys_pick_a_style_and_h_highlights(windows: WindowFactory, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    start = window.view.text.index("Les deux dirigeants")
    window.view.select_range(start, start + len("Les deux dirigeants"))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    assert window.annotating.current_style == "disagree"
    qtbot.keyClick(window.view, Qt.Key.Key_H)
    (annotation,) = window.session.annotations()
    assert annotation.style == "disagree" and annotation.note == ""
    window.action_set.undo.trigger()
    assert window.session.annotations() == []


def test_dark_theme_switches_page_and_layers(windows: WindowFactory) -> None:
    window = windows.open()
    window.action_set.themes["dark"].trigger()
    assert window.theme is DARK
    assert window.view.palette().color(window.view.backgroundRole()) != QColor(LIGHT.page) or (
        DARK.page in window.view.styleSheet()
    )
    spans = window.view.highlighter.spans(layers.QUOTES)
    assert spans and spans[0][2].background().color() == QColor(DARK.quote_background)
    window.action_set.themes["light"].trigger()
    assert window.theme is LIGHT


def test_shortcuts_help_lists_the_one_key_actions(windows: WindowFactory, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    window.action_set.shortcuts.trigger()
    dialog = window.findChild(ShortcutsHelp)
    assert dialog is not None and dialog.isVisible()
    labels = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
        for r in range(dialog.table.rowCount())
    }
    assert labels["Annoter"] == "A"
    assert labels["Surligner"] == "H"
    assert "Ctrl+F" in labels["Rechercher"]
    dialog.close()


def test_layer_colours_keep_text_legible_in_both_themes() -> None:
    from reader.styles import DEFAULT_STYLES

    for theme in (LIGHT, DARK):
        assert contrast_ratio(theme.text, theme.page) >= 7
        assert contrast_ratio(theme.quote_text, theme.quote_background) >= 4.5
        assert contrast_ratio(theme.text, theme.search_background) >= 4.5
        assert contrast_ratio(theme.muted, theme.page) >= 4.5
        for style in DEFAULT_STYLES:
            background = style.dark if theme.dark else style.light
            assert contrast_ratio(theme.text, background) >= 4.5, (theme.name, style.name)
        for label in Label:
            # Underlines are non-text marks: WCAG asks 3:1 against the page.
            assert contrast_ratio(theme.entity_colours[label], theme.page) >= 3, (theme.name, label)


def test_styles_are_editable_stored_and_undoable(windows: WindowFactory, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import when_dialog_opens
    from ui.styles_dialog import StylesDialog

    window = windows.open()
    start = window.view.text.index("Les deux dirigeants")
    window.view.select_range(start, start + 8)
    window.annotating.pick_style("question")
    window.action_set.highlight.trigger()

    def edit(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, StylesDialog)
        dialog.list.setCurrentRow(0)
        dialog.label_fr.clear()
        qtbot.keyClicks(dialog.label_fr, "Essentiel")
        dialog.list.setCurrentRow(len(dialog.styles) - 1)
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.label_fr, "Citation suspecte")
        dialog.accept()

    when_dialog_opens(edit)
    window.action_set.styles.trigger()
    names = [s.name for s in window.session.library.store.styles()]
    labels = [s.label_fr for s in window.session.library.store.styles()]
    assert (
        labels[0] == "Essentiel" and "question" not in names and labels[-1] == "Citation suspecte"
    )
    (annotation,) = window.session.annotations()
    assert annotation.style == "important"
    assert window.action_set.style_keys[0].text() == "Style 1 : Essentiel"
    window.action_set.undo.trigger()
    assert "question" in [s.name for s in window.session.library.store.styles()]
    assert window.session.annotations()[0].style == "question"


def test_no_caret_while_reading_until_f7_turns_caret_browsing_on(
    windows: WindowFactory,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    window = windows.open()
    assert window.view.cursorWidth() == 0
    assert window.action_set.caret.shortcut().toString() == "F7"
    qtbot.keyClick(window.view, Qt.Key.Key_F7)
    assert window.action_set.caret.isChecked() and window.view.cursorWidth() > 0
    qtbot.keyClick(window.view, Qt.Key.Key_F7)
    assert window.view.cursorWidth() == 0


def test_raise_panel_brings_the_quotations_list_to_the_front(windows: WindowFactory) -> None:
    window = windows.open()
    window.raise_panel("quotes")
    assert not window.quotes_dock.visibleRegion().isEmpty()
    assert window.annotations_dock.visibleRegion().isEmpty()


def test_check_boxes_keep_a_visible_outline_and_tick_on_both_themes(windows: WindowFactory) -> None:
    import re
    from pathlib import Path

    window = windows.open()
    view_menu = window.menus.view
    for theme in (DARK, LIGHT):
        window.apply_theme(theme)
        # The menus' checkable items (the view menu among them) and the quotations' box.
        for widget in (view_menu.parentWidget(), window.quotes_panel.group):
            sheet = widget.styleSheet()
            assert "QMenu::indicator:non-exclusive" in sheet and "QCheckBox::indicator" in sheet
            border = re.search(r"border: 1px solid (#[0-9a-f]{6})", sheet)
            assert border is not None
            # WCAG 1.4.11: a control's outline needs 3:1 against what surrounds it.
            assert contrast_ratio(border[1], theme.background) >= 3
            tick = re.search(r"image: url\(([^)]+)\)", sheet)
            assert tick is not None and Path(tick[1]).is_file()
    assert view_menu.parentWidget() is window.menuBar()


def test_highlights_survive_zoom_and_a_theme_change(windows: WindowFactory, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    start = window.view.text.index("« carnage »")

    def painted() -> list[QColor]:
        return [f.background().color() for f in painted_formats(window.view, start)]

    qtbot.keyClick(window.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert QColor(window.theme.quote_background) in painted()
    window.action_set.themes["dark"].trigger()
    assert window.theme is DARK
    qtbot.waitUntil(lambda: QColor(DARK.quote_background) in painted())


def test_the_column_is_centred_and_wraps_in_the_view(windows: WindowFactory, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = windows.open()
    window.resize(1400, 800)
    qtbot.waitUntil(lambda: window.view.viewportMargins().left() > 100)
    view = window.view
    margins = view.viewportMargins()
    assert abs(margins.left() - margins.right()) <= 1
    widest = 0
    block = view.document().begin()
    while block.isValid():
        widest = max(widest, int(block.layout().boundingRect().width()))
        block = block.next()
    assert 0 < widest <= view.viewport().width()
    window.resize(500, 800)
    qtbot.waitUntil(lambda: view.viewportMargins().left() == 24)
    assert view.lineWrapColumnOrWidth() <= view.viewport().width()


def test_one_change_at_a_time_leaves_the_highlights_a_full_redraw_would_show(
    windows: WindowFactory,
) -> None:
    window = windows.open()
    session = window.session
    text = window.view.text
    spots = [text.index(words) for words in ("Donald Trump", "Kremlin", "Ukraine", "Poutine")]
    made = [
        session.annotate(start, start + 6, note="vu" if n % 2 else "")
        for n, start in enumerate(spots)
    ]
    ids = [a.id for a in made if a is not None]
    assert len(ids) == 4
    session.edit(ids[0], style="question", note="à vérifier")
    session.delete(ids[1])
    session.undo_stack.undo()
    session.delete(ids[2])

    def shown() -> tuple[list[tuple[int, int, str]], list[int]]:
        spans = window.view.highlighter.spans(layers.ANNOTATIONS)
        colours = sorted((s, e, f.background().color().name()) for s, e, f in spans)
        return colours, window.view.note_markers()

    step_by_step = shown()
    window.layers.show_annotations(session.annotations_so_far(), session.styles)
    assert step_by_step == shown()
    starts = sorted(a.start for a in session.annotations())
    assert [s for s, _e, _c in step_by_step[0]] == starts
    assert step_by_step[1] == sorted(a.start for a in session.annotations() if a.note)


def test_a_long_text_shows_every_paragraph_and_its_highlights_far_down(
    qtbot,  # type: ignore[no-untyped-def]
    data_dir: Path,
) -> None:
    """Qt lays a long text out lazily, a screen first; highlights landing meanwhile once left
    whole pages past that screen with no lines at all (blank when scrolled to)."""
    bundled = load_bundled()
    copies = 400_000 // len(bundled.text) + 1
    loaded = article_from_text("long.txt", "\n\n".join([bundled.text] * copies))
    with one_window(qtbot, data_dir, loaded) as window:
        view = window.view
        document = view.document()
        # So long a text is laid out without kerning and ligatures: twice as fast.
        strategy = document.defaultFont().styleStrategy()
        assert strategy & QFont.StyleStrategy.PreferNoShaping
        document.documentLayout().blockBoundingRect(document.lastBlock())  # lay out the rest
        blank = [
            number
            for number in range(document.blockCount())
            if document.findBlockByNumber(number).layout().lineCount() == 0
        ]
        assert blank == []
        last_quote = view.text.rindex("« carnage »")
        assert last_quote > 390_000
        tint = QColor(window.theme.quote_background)
        assert tint in [f.background().color() for f in painted_formats(view, last_quote + 2)]


def _long_text_in_a_view(qtbot, characters: int) -> ArticleView:  # type: ignore[no-untyped-def]
    bundled = load_bundled()
    loaded = article_from_text(
        "long.txt", "\n\n".join([bundled.text] * (characters // len(bundled.text) + 1))
    )
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show_article(loaded.text, loaded.layout, LIGHT)
    view.show()
    qtbot.waitExposed(view)
    # Some screens laid out, the range reported: Qt goes on in the background.
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 20 * view.height())
    assert view.document().lastBlock().layout().lineCount() == 0, "laid out whole already"
    return view


def test_dragging_to_the_end_of_a_long_text_being_laid_out_waits_for_the_layout(qtbot) -> None:  # type: ignore[no-untyped-def]
    """While Qt lays a long text out, the scroll range ends where the laid-out part ends and
    grows with it, the view following the end: with Qt's extrapolated range, the end of the
    bar was far past that part, and going there made Qt lay out all the rest at once, the
    window frozen meanwhile."""
    view = _long_text_in_a_view(qtbot, 3_000_000)
    document = view.document()
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    view.viewport().repaint()
    assert document.lastBlock().layout().lineCount() == 0

    def end_of_text_in_view() -> bool:
        view.viewport().repaint()
        last = document.lastBlock().layout()
        bottom = last.position().y() + last.boundingRect().height()
        return last.lineCount() > 0 and bar.value() < bottom <= bar.value() + view.height()

    qtbot.waitUntil(end_of_text_in_view, timeout=30_000)


def test_a_passage_far_down_a_long_text_being_laid_out_can_be_revealed(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _long_text_in_a_view(qtbot, 3_000_000)
    for target in (view.text.index("« carnage »", 2_000_000), view.text.rindex("« carnage »")):
        view.reveal(target, target + len("« carnage »"))
        view.viewport().repaint()
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.to_qt(target))
        # A third of the way down, where the eye looks first, as in a text laid out whole.
        shown_at = view.cursorRect(cursor).center().y()
        assert 0 < shown_at < view.viewport().height() // 2


def test_a_long_text_says_when_it_is_laid_out_whole(qtbot) -> None:  # type: ignore[no-untyped-def]
    """What the analysis worker waits for before it starts: the two compete for the CPU."""
    told: list[bool] = []
    view = ArticleView()
    view.text_laid_out.connect(
        lambda: told.append(view.document().lastBlock().layout().lineCount() > 0)
    )
    qtbot.addWidget(view)
    bundled = load_bundled()
    view.resize(900, 700)
    view.show_article(bundled.text, bundled.layout, LIGHT)
    view.show()
    qtbot.waitUntil(lambda: told == [True])  # a news article: at its first paint

    copies = 3_000_000 // len(bundled.text) + 1
    long = article_from_text("long.txt", "\n\n".join([bundled.text] * copies))
    view.show_article(long.text, long.layout, LIGHT)
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 20 * view.height())
    assert view.document().lastBlock().layout().lineCount() == 0, "laid out whole already"
    assert told == [True]
    qtbot.waitUntil(lambda: len(told) == 2, timeout=30_000)
    assert told == [True, True]
    qtbot.wait(100)
    assert len(told) == 2  # once per article


def test_garbage_collection_held_off_by_the_launcher_comes_back_at_the_first_paint(
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    import gc

    from ui import garbage

    bundled = load_bundled()
    view = ArticleView()
    qtbot.addWidget(view)
    garbage.hold(garbage.START_UP)  # as the launcher does
    garbage.release_after_first_paint(view)
    try:
        assert not gc.isenabled()
        view.show_article(bundled.text, bundled.layout, LIGHT)
        view.show()
        qtbot.waitUntil(gc.isenabled, timeout=garbage.FIRST_PAINT_DEADLINE_MS // 2)
        assert gc.get_freeze_count() > 0
    finally:
        garbage.release(garbage.START_UP)
        gc.enable()
        gc.unfreeze()
