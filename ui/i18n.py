"""The interface language: French (the source language) or English, from Qt ``.ts`` sources.

The ``.ts`` files in ``resources/translations/`` are read directly at start-up, so there is no
compiled ``.qm`` to keep in step with them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from reader import styles
from reader.resources import resource_path

SOURCE_LANGUAGE = "fr"
LANGUAGES = ("fr", "en")

_Key = tuple[str, str, str]  # context, source text, disambiguation


class TsTranslator(QTranslator):
    """A QTranslator over the finished messages of one ``.ts`` file."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.code = path.stem.rsplit("_", 1)[-1]
        self._messages: dict[_Key, list[str]] = {}
        root = ElementTree.parse(path).getroot()
        for context in root.iter("context"):
            name = context.findtext("name", default="")
            for message in context.iter("message"):
                source = message.findtext("source", default="")
                comment = message.findtext("comment", default="")
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                    continue
                forms = [form.text or "" for form in translation.iter("numerusform")]
                text = forms or [translation.text or ""]
                if any(text):
                    self._messages[(name, source, comment)] = text

    def __len__(self) -> int:
        return len(self._messages)

    def isEmpty(self) -> bool:
        return not self._messages

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        forms = self._messages.get((context, source, disambiguation or ""))
        if not forms:
            # None reaches Qt as a null string: "no translation here", so the source text
            # is shown. An empty string would be taken as a translation and blank the label.
            return None
        # Two forms, one and other; French says « 0 annotation », English "0 annotations".
        singular = n in (0, 1) if self.code == "fr" else n == 1
        return forms[0] if len(forms) == 1 or singular else forms[min(1, len(forms) - 1)]


def system_language() -> str:
    return SOURCE_LANGUAGE if QLocale.system().language() == QLocale.Language.French else "en"


def install(language: str | None) -> TsTranslator | None:
    """Use ``language`` (or the system's) for every string shown."""
    chosen = language if language in LANGUAGES else system_language()
    styles.set_display_language(chosen)
    # Dates and numbers follow the interface language, not the system's.
    QLocale.setDefault(
        QLocale(QLocale.Language.French if chosen == "fr" else QLocale.Language.English)
    )
    # French is the source language; its file only holds the plural forms of « %n … » messages.
    path = resource_path(f"translations/glose_{chosen}.ts")
    if not path.is_file():
        return None
    translator = TsTranslator(path)
    application = QCoreApplication.instance()
    if application is not None:
        application.installTranslator(translator)
    return translator
