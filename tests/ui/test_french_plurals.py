"""French is the source language, but its « %n … » messages still need their plural forms."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from tests.ui.conftest import WindowFactory
from ui import i18n


@pytest.fixture
def french() -> Iterator[QTranslator]:
    translator = i18n.install("fr")
    assert translator is not None
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_zero_and_one_are_singular_in_french(french: QTranslator) -> None:
    def articles(n: int) -> str:
        return QCoreApplication.translate("LibraryPanel", "%n article(s)", "", n)

    assert [articles(n) for n in (0, 1, 2, 12)] == [
        "0 article",
        "1 article",
        "2 articles",
        "12 articles",
    ]


def test_the_quotations_grouped_by_speaker_read_naturally(
    french: QTranslator, windows: WindowFactory
) -> None:
    window = windows.open()
    panel = window.quotes_panel
    panel.group.click()
    lines = panel.summary.text().splitlines()
    assert "Donald Trump — 6 citations" in lines
    assert "Maison Blanche — 1 citation" in lines
