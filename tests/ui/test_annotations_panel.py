"""The *Annotations* panel: filters by tag, style, kind and status, and the sort order."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from reader.store import Kind
from tests.ui.conftest import WindowFactory
from ui.cards import CardRole
from ui.main_window import MainWindow


def annotate(window: MainWindow, words: str, **fields: object) -> None:
    start = window.view.text.index(words)
    assert window.session.annotate(start, start + len(words), **fields)  # type: ignore[arg-type]


def listed(window: MainWindow) -> list[str]:
    proxy = window.annotations_panel.proxy
    return [str(proxy.index(row, 0).data(CardRole.HEADLINE)) for row in range(proxy.rowCount())]


def choose(box: QComboBox, label: str) -> None:
    index = box.findText(label)
    assert index >= 0, [box.itemText(i) for i in range(box.count())]
    box.setCurrentIndex(index)


def test_filters_by_tag_style_and_kind_and_sorts_by_date(windows: WindowFactory) -> None:
    window = windows.open()
    panel = window.annotations_panel
    # Before any annotation, each filter says it lets everything through (not a blank box).
    assert [box.currentText() for box in (panel.tag_filter, panel.style_filter)] == [
        "Toutes étiquettes",
        "Tous styles",
    ]
    annotate(window, "trois ans", tags=["chronologie"], style="verify")
    annotate(window, "« carnage »", tags=["kremlin", "mots"], kind=Kind.QUOTE)
    annotate(window, "Truth Social", tags=["mots"], style="question")
    panel = window.annotations_panel
    assert listed(window) == ["« trois ans »", "« Truth Social »", "« carnage »"]

    choose(panel.tag_filter, "#mots")
    assert listed(window) == ["« Truth Social »", "« carnage »"]
    choose(panel.kind_filter, "Citations")
    assert listed(window) == ["« carnage »"]
    choose(panel.kind_filter, "Toutes natures")
    choose(panel.tag_filter, "Toutes étiquettes")
    choose(panel.style_filter, "À vérifier")
    assert listed(window) == ["« trois ans »"]
    assert [panel.style_filter.itemText(i) for i in range(panel.style_filter.count())] == [
        "Tous styles",
        "Important",
        "À vérifier",
        "Question",
    ]
    choose(panel.style_filter, "Tous styles")

    choose(panel.sort_order, "Plus récentes")
    assert listed(window) == ["« Truth Social »", "« carnage »", "« trois ans »"]
    choose(panel.sort_order, "Ordre du texte")
    assert listed(window)[0] == "« trois ans »"


def test_a_filter_follows_new_tags_and_keeps_its_choice(windows: WindowFactory) -> None:
    window = windows.open()
    annotate(window, "trois ans", tags=["chronologie"])
    panel = window.annotations_panel
    choose(panel.tag_filter, "#chronologie")
    annotate(window, "Truth Social", tags=["réseaux"])
    assert panel.tag_filter.currentText() == "#chronologie"
    assert panel.tag_filter.findText("#réseaux") >= 0
    assert listed(window) == ["« trois ans »"]


def test_a_reattached_annotation_moves_to_its_new_place_and_filters_follow(
    windows: WindowFactory,
) -> None:
    window = windows.open()
    annotate(window, "Vladimir Poutine", tags=["russie"])
    annotate(window, "Kremlin", tags=["russie", "moscou"])
    first = next(a for a in window.session.annotations() if a.exact == "Vladimir Poutine")
    later = window.view.text.rindex("Ukraine")
    assert window.session.reattach(first.id, later, later + len("Ukraine"))
    annotate(window, "Truth Social")
    assert listed(window)[-1].strip("« »") == "Ukraine"
    tags = window.annotations_panel.tag_filter
    assert [tags.itemText(i) for i in range(tags.count())][1:] == ["#moscou", "#russie"]
    kremlin = next(a for a in window.session.annotations() if a.exact == "Kremlin")
    window.session.delete(kremlin.id)
    assert [tags.itemText(i) for i in range(tags.count())][1:] == ["#russie"]
