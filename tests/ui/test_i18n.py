"""The interface language: French source strings, English from the .ts translation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ui.i18n import TsTranslator

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context><name>MainWindow</name>
<message><source>&amp;Fichier</source><translation>&amp;File</translation></message>
<message><source>Pas encore traduit</source>
<translation type="unfinished"></translation></message>
<message numerus="yes"><source>%n annotation(s)</source>
<translation><numerusform>%n annotation</numerusform>
<numerusform>%n annotations</numerusform></translation></message>
</context>
</TS>
"""


def test_ts_translator_translates_finished_messages_and_leaves_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "glose_en.ts"
    path.write_text(TS, encoding="utf-8")
    translator = TsTranslator(path)
    assert len(translator) == 2
    application = QCoreApplication.instance()
    assert application is not None
    application.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "&Fichier") == "&File"
        assert (
            QCoreApplication.translate("MainWindow", "Pas encore traduit") == "Pas encore traduit"
        )
        assert QCoreApplication.translate("MainWindow", "%n annotation(s)", "", 1) == "1 annotation"
        assert (
            QCoreApplication.translate("MainWindow", "%n annotation(s)", "", 3) == "3 annotations"
        )
        assert QCoreApplication.translate("Other", "&Fichier") == "&Fichier"
    finally:
        application.removeTranslator(translator)
