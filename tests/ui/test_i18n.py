"""The interface language: French source strings, English from the .ts translation."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from reader.export.jsonld import ImportReport
from tests.ui.conftest import WindowFactory
from ui import i18n, layers
from ui.cards import CardRole
from ui.export_request import ExportChoice

REPO = Path(__file__).resolve().parents[2]
UI = REPO / "ui"
TRANSLATIONS = REPO / "resources" / "translations"
# Each .ts file with the lupdate options that refresh it: the English translation, and the plural
# forms of the French « %n … » messages (French is the source language, so nothing else).
TS_OPTIONS = {"glose_en.ts": [], "glose_fr.ts": ["-pluralonly"]}
PLACEHOLDER = re.compile(r"%(?:\d+|n)|\{\w*\}")


def lrelease() -> str:
    found = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-lrelease"
    )
    if found is None:
        pytest.skip("pyside6-lrelease is not installed")
    return found


@pytest.mark.parametrize("name", sorted(TS_OPTIONS))
def test_the_compiled_translation_is_the_one_its_source_makes(name: str, tmp_path: Path) -> None:
    fresh = tmp_path / Path(name).with_suffix(".qm").name
    subprocess.run(
        [lrelease(), "-silent", str(TRANSLATIONS / name), "-qm", str(fresh)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    committed = TRANSLATIONS / fresh.name
    assert committed.is_file() and committed.read_bytes() == fresh.read_bytes(), (
        f"{committed.name} is not what {name} compiles to: run `make translations`."
    )


def test_english_translates_finished_messages_with_their_plural_forms() -> None:
    locale = QLocale()
    translator = i18n.install("en")
    assert translator is not None and not translator.isEmpty()
    try:
        assert QCoreApplication.translate("MainWindow", "&Fichier") == "&File"
        assert QCoreApplication.translate("LibraryPanel", "%n article(s)", "", 1) == "1 article"
        assert QCoreApplication.translate("LibraryPanel", "%n article(s)", "", 0) == "0 articles"
        assert QCoreApplication.translate("LibraryPanel", "%n article(s)", "", 3) == "3 articles"
        assert QCoreApplication.translate("Nowhere", "&Fichier") == "&Fichier"
    finally:
        QCoreApplication.removeTranslator(translator)
        i18n.install("fr")
        QLocale.setDefault(locale)


class Message:
    def __init__(self, context: str, element: ElementTree.Element) -> None:
        self.context = context
        self.source = element.findtext("source", default="")
        self.comment = element.findtext("comment", default="")
        self.numerus = element.get("numerus") == "yes"
        self.translation = element.find("translation")

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    @property
    def forms(self) -> list[str]:
        if self.translation is None:
            return []
        if self.numerus:
            return [form.text or "" for form in self.translation.iter("numerusform")]
        return [self.translation.text or ""]

    def __repr__(self) -> str:
        return f"{self.context}: {self.source!r}"


def ts_messages(path: Path) -> list[Message]:
    root = ElementTree.parse(path).getroot()
    return [
        Message(context.findtext("name", default=""), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def accelerators(text: str) -> int:
    return text.replace("&&", "").count("&")


@pytest.mark.parametrize("name", sorted(TS_OPTIONS))
def test_every_message_is_translated(name: str) -> None:
    messages = ts_messages(TRANSLATIONS / name)
    assert messages
    unfinished = [
        m
        for m in messages
        if m.translation is None
        or m.translation.get("type") in ("unfinished", "obsolete", "vanished")
        or not m.forms
        or not all(form.strip() for form in m.forms)
        or (m.numerus and len(m.forms) != 2)
    ]
    assert not unfinished, f"untranslated messages in {name}: {unfinished}"


@pytest.mark.parametrize("name", sorted(TS_OPTIONS))
def test_translations_keep_placeholders_and_accelerators(name: str) -> None:
    wrong = [
        (m, form)
        for m in ts_messages(TRANSLATIONS / name)
        for form in m.forms
        if placeholders(form) != placeholders(m.source)
        or accelerators(form) != accelerators(m.source)
    ]
    assert not wrong, f"placeholders or & accelerators differ from the source in {name}: {wrong}"


@pytest.mark.parametrize("name", sorted(TS_OPTIONS))
def test_translation_is_up_to_date_with_the_source(name: str, tmp_path: Path) -> None:
    lupdate = shutil.which(
        "pyside6-lupdate", path=str(Path(sys.executable).parent)
    ) or shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    options = TS_OPTIONS[name]
    fresh = tmp_path / name
    sources = sorted(str(path) for path in UI.glob("*.py"))
    subprocess.run(
        [lupdate, *sources, *options, "-ts", str(fresh), "-no-obsolete", "-silent"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    current = {m.key for m in ts_messages(fresh)}
    committed = {m.key for m in ts_messages(TRANSLATIONS / name)}
    missing = "".join(f"\n  new: {c}: {s!r}" for c, s, _ in sorted(current - committed))
    stale = "".join(f"\n  gone: {c}: {s!r}" for c, s, _ in sorted(committed - current))
    command = " ".join(
        [".venv/bin/pyside6-lupdate ui/*.py", *options, f"-ts resources/translations/{name}"]
    )
    assert not missing and not stale, (
        f"{name} is out of date with ui/:{missing}{stale}\nRefresh it with `{command} "
        "-no-obsolete`, then translate the new messages (see packaging/README.md)."
    )


def test_translated_texts_are_literals_lupdate_can_see() -> None:
    """``tr(text)`` through a helper taking a variable never reaches the .ts file."""
    hidden = []
    for path in sorted(UI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            function = node.func
            if function.attr == "tr":
                texts = node.args[:1]
            elif (
                function.attr == "translate"
                and isinstance(function.value, ast.Name)
                and function.value.id == "QCoreApplication"
            ):
                texts = node.args[:2]
            else:
                continue
            if not texts or not all(
                isinstance(text, ast.Constant) and isinstance(text.value, str) for text in texts
            ):
                hidden.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
    assert not hidden, (
        "lupdate only extracts literal contexts and texts; call tr() or "
        "QCoreApplication.translate() with them directly:\n" + "\n".join(hidden)
    )


@pytest.fixture
def english() -> Iterator[None]:
    locale = QLocale()
    translator = i18n.install("en")
    assert translator is not None and not translator.isEmpty()
    yield
    i18n.install("fr")
    QLocale.setDefault(locale)


def shown_titles(window) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
    docks = [
        dock.windowTitle()
        for dock in (
            window.annotations_dock,
            window.quotes_dock,
            window.entities_dock,
            window.library_dock,
        )
    ]
    return menus, docks


def test_main_window_in_english(english: None, windows: WindowFactory) -> None:
    window = windows.open()
    menus, docks = shown_titles(window)
    assert menus == ["File", "Edit", "View", "Help"]
    assert docks == ["Annotations", "Quotations", "Entities", "Library"]


def test_main_window_in_french(windows: WindowFactory) -> None:
    locale = QLocale()
    french = i18n.install("fr")
    assert french is not None and QCoreApplication.removeTranslator(french)
    QLocale.setDefault(locale)
    window = windows.open()
    menus, docks = shown_titles(window)
    assert menus == ["Fichier", "Édition", "Affichage", "Aide"]
    assert docks == ["Annotations", "Citations", "Entités", "Bibliothèque"]


def test_style_names_follow_the_interface_language(english: None, windows: WindowFactory) -> None:
    window = windows.open()
    start = window.view.text.index("trois ans")
    assert window.session.annotate(start, start + len("trois ans"), style="verify")
    card = window.annotations_panel.proxy.index(0, 0)
    assert str(card.data(CardRole.META)).startswith("To check")
    filters = window.annotations_panel.style_filter
    assert [filters.itemText(i) for i in range(filters.count())] == ["All styles", "To check"]
    # The Markdown export keeps its own language whatever the interface's.
    assert "Style : À vérifier" in window.session.export_text(ExportChoice())


def test_dates_are_written_as_the_interface_language_writes_them(english: None) -> None:
    assert i18n.short_date(date(2026, 11, 28)) == "11/28/26"
    i18n.install("fr")
    assert i18n.short_date(date(2026, 11, 28)) == "28/11/2026"


def card_meta(window) -> list[str]:  # type: ignore[no-untyped-def]
    """The first annotation card's style name and date."""
    return str(window.annotations_panel.proxy.index(0, 0).data(CardRole.META)).split(" · ")


def panel_words(window) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """A placeholder, a button or a filter, and a card of each side panel and of the find bar."""
    annotations = window.annotations_panel
    entities = window.entities_panel
    library = window.library_panel
    find_bar = window.find_bar
    return {
        "annotations search": annotations.search.placeholderText(),
        "annotations button": annotations.edit_button.text(),
        "annotations filter": annotations.style_filter.itemText(0),
        "annotations sort": annotations.sort_order.currentText(),
        "annotation card": card_meta(window)[0],
        "entities filter": entities.type_filter.itemText(0),
        "entities list": entities.view.accessibleName(),
        "library search": library.search.placeholderText(),
        "library button": library.open_button.text(),
        "find placeholder": find_bar.query.placeholderText(),
        "find button": find_bar.close_button.toolTip(),
    }


FRENCH_PANELS = {
    "annotations search": "Rechercher…",
    "annotations button": "Modifier…",
    "annotations filter": "Tous styles",
    "annotations sort": "Ordre du texte",
    "annotation card": "À vérifier",
    "entities filter": "Tous les types",
    "entities list": "Liste des entités",
    "library search": "Rechercher dans toute la bibliothèque",
    "library button": "Ouvrir",
    "find placeholder": "Rechercher dans l’article (sans accents ni majuscules)",
    "find button": "Fermer la recherche (Échap)",
}
ENGLISH_PANELS = {
    "annotations search": "Search…",
    "annotations button": "Edit…",
    "annotations filter": "All styles",
    "annotations sort": "Text order",
    "annotation card": "To check",
    "entities filter": "All types",
    "entities list": "Entity list",
    "library search": "Search the whole library",
    "library button": "Open",
    "find placeholder": "Search the article (ignores accents and case)",
    "find button": "Close search (Esc)",
}


def test_switching_the_language_words_the_window_again_at_once(
    windows: WindowFactory,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    i18n.install("fr")  # dates as French writes them, whatever an earlier test left
    window = windows.open()
    start = window.view.text.index("trois ans")
    assert window.session.annotate(start, start + len("trois ans"), style="verify")
    legend = window.legend.layer_actions[layers.QUOTES]
    assert legend.text().startswith("Citations ")
    assert panel_words(window) == FRENCH_PANELS
    try:
        window.action_set.languages["en"].trigger()
        qtbot.waitUntil(lambda: shown_titles(window)[0][0] == "File")  # no restart
        menus, docks = shown_titles(window)
        assert menus == ["File", "Edit", "View", "Help"]
        assert docks == ["Annotations", "Quotations", "Entities", "Library"]
        assert legend.text().startswith("Quotations ") and legend.text() != "Quotations "
        assert window.action_set.annotate.text() == "&Annotate…"
        assert window.settings.language == "en"
        qtbot.waitUntil(lambda: panel_words(window) == ENGLISH_PANELS)
        english_date = card_meta(window)[1]
        window.action_set.languages["fr"].trigger()
        qtbot.waitUntil(lambda: shown_titles(window)[0][0] == "Fichier")
        assert shown_titles(window)[0] == ["Fichier", "Édition", "Affichage", "Aide"]
        qtbot.waitUntil(lambda: panel_words(window) == FRENCH_PANELS)
        assert card_meta(window)[1] != english_date  # the month's name
    finally:
        i18n.install("fr")


def test_undo_and_redo_say_what_they_would_undo(english: None, windows: WindowFactory) -> None:
    window = windows.open()
    undo = window.action_set.undo
    assert undo.text() == "Undo" and not undo.isEnabled()
    start = window.view.text.index("Crimée")
    assert window.session.annotate(start, start + len("Crimée"))
    assert undo.text() == "Undo Annotate" and undo.isEnabled()


def test_the_export_dialog_names_styles_in_the_interface_language(
    english: None, windows: WindowFactory
) -> None:
    window = windows.open()
    dialog = window.show_export()
    styles = dialog.style_filter
    assert [styles.itemText(i) for i in range(styles.count())][:3] == [
        "All styles",
        "Important",
        "To check",
    ]
    dialog.close()


def test_an_import_summary_counts_in_english(english: None, windows: WindowFactory) -> None:
    window = windows.open()
    report = ImportReport(created=1, updated=2, kept=1, renamed=3)
    assert window.files.import_summary(report).splitlines() == [
        "1 created, 2 updated, 0 unchanged; 0 moved, 0 orphaned.",
        "1 kept as it was: the library's copy is newer.",
        "3 imported as new: their ids belonged to other articles' annotations.",
    ]
