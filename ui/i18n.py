"""The interface language: French (the source language) or English, switchable at any time.

Translations are edited in the Qt ``.ts`` files of ``resources/translations/`` and read from
the ``.qm`` files ``pyside6-lrelease`` compiles from them (``make translations``; a test checks
the two are in step): reading a ``.qm`` is mapping it, where parsing a ``.ts`` meant loading an
XML parser at start-up.

This module owns the language in use. Switching it replaces the installed translator, and Qt
sends every widget a ``LanguageChange`` event: each one words itself again (``changeEvent``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTranslator

from reader.resources import resource_path

SOURCE_LANGUAGE = "fr"
LANGUAGES = ("fr", "en")

_language = SOURCE_LANGUAGE
_translator: QTranslator | None = None


def system_language() -> str:
    return SOURCE_LANGUAGE if QLocale.system().language() == QLocale.Language.French else "en"


def language() -> str:
    """The interface language now: "fr" or "en"."""
    return _language


def install(chosen: str | None) -> QTranslator | None:
    """Use ``chosen`` (or the system's language) for every string shown from now on; the
    translator put in place, or None when the language has none to load."""
    global _language, _translator
    _language = chosen if chosen in LANGUAGES else system_language()
    # Dates and numbers follow the interface language, not the system's.
    QLocale.setDefault(locale())
    application = QCoreApplication.instance()
    if _translator is not None and application is not None:
        QCoreApplication.removeTranslator(_translator)
    _translator = None
    # French is the source language; its file only holds the plural forms of « %n … » messages.
    path = resource_path(f"translations/glose_{_language}.qm")
    translator = QTranslator()
    if not path.is_file() or not translator.load(str(path)):
        return None
    if application is not None:
        QCoreApplication.installTranslator(translator)
        _translator = translator
    return translator


def locale() -> QLocale:
    """The conventions of the interface language, for dates and numbers."""
    return QLocale(QLocale.Language.French if _language == "fr" else QLocale.Language.English)


def short_date(day: date) -> str:
    """A day as the interface language writes it in short (« 04/12/2026 », "12/4/26")."""
    return locale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)
