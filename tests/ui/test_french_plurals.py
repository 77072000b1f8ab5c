"""French is the source language, but its « %n … » messages still need their plural forms."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from reader.export.jsonld import ImportReport
from tests.ui.conftest import WindowFactory


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


def test_an_import_summary_says_each_count_with_its_plural(
    french: QTranslator, windows: WindowFactory
) -> None:
    window = windows.open()
    summary = window.files.import_summary
    assert summary(ImportReport(created=1, unchanged=2, moved=1)) == (
        "1 créée, 0 mise à jour, 2 inchangées ; 1 déplacée, 0 orpheline."
    )
    assert summary(ImportReport(created=3, updated=2, kept=1, renamed=1, orphaned=2)) == (
        "3 créées, 2 mises à jour, 0 inchangée ; 0 déplacée, 2 orphelines.\n"
        "1 gardée telle quelle : la copie de la bibliothèque est plus récente.\n"
        "1 importée comme nouvelle : son identifiant était celui d’une annotation d’un autre "
        "article."
    )
    assert summary(ImportReport(created=2, kept=2, renamed=2)).splitlines()[1:] == [
        "2 gardées telles quelles : les copies de la bibliothèque sont plus récentes.",
        "2 importées comme nouvelles : leurs identifiants étaient ceux d’annotations d’autres "
        "articles.",
    ]
