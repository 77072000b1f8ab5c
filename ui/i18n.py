"""The interface language: French (the source language) or English.

Translations are edited in the Qt ``.ts`` files of ``resources/translations/`` and read at
start-up from the ``.qm`` files ``pyside6-lrelease`` compiles from them (``make translations``;
a test checks the two are in step). Reading a ``.qm`` is mapping it; parsing the English ``.ts``
cost 6 ms of start-up, the XML parser's import included.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from reader import styles
from reader.resources import resource_path

SOURCE_LANGUAGE = "fr"
LANGUAGES = ("fr", "en")


def system_language() -> str:
    return SOURCE_LANGUAGE if QLocale.system().language() == QLocale.Language.French else "en"


def install(language: str | None) -> QTranslator | None:
    """Use ``language`` (or the system's) for every string shown."""
    chosen = language if language in LANGUAGES else system_language()
    styles.set_display_language(chosen)
    # Dates and numbers follow the interface language, not the system's.
    QLocale.setDefault(
        QLocale(QLocale.Language.French if chosen == "fr" else QLocale.Language.English)
    )
    # French is the source language; its file only holds the plural forms of « %n … » messages.
    path = resource_path(f"translations/glose_{chosen}.qm")
    translator = QTranslator()
    if not path.is_file() or not translator.load(str(path)):
        return None
    application = QCoreApplication.instance()
    if application is not None:
        application.installTranslator(translator)
    return translator
