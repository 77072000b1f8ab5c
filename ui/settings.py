"""Typed settings over QSettings: the one place that knows their keys and types."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10


class Settings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    def _get(self, key: str, default: object) -> object:
        return self._settings.value(key, default)

    @property
    def zoom(self) -> int:
        try:
            return int(str(self._get("view/zoom", 0)))
        except ValueError:
            return 0

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._settings.setValue("view/zoom", int(value))

    @property
    def theme(self) -> str:
        value = str(self._get("view/theme", "system"))
        return value if value in ("light", "dark", "system") else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._settings.setValue("view/theme", value)

    @property
    def language(self) -> str | None:
        value = str(self._get("view/language", ""))
        return value if value in ("fr", "en") else None

    @language.setter
    def language(self, value: str) -> None:
        self._settings.setValue("view/language", value)

    @property
    def geometry(self) -> QByteArray | None:
        value = self._get("window/geometry", None)
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self._get("window/state", None)
        return value if isinstance(value, QByteArray) else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/state", value)

    @property
    def recent_files(self) -> list[str]:
        value = self._get("files/recent", [])
        if isinstance(value, str):
            return [value]
        return [str(item) for item in value] if isinstance(value, list) else []

    def remember_file(self, path: str) -> None:
        recent = [path] + [item for item in self.recent_files if item != path]
        self._settings.setValue("files/recent", recent[:MAX_RECENT])

    def hidden_layers(self) -> set[str]:
        value = self._get("view/hidden_layers", [])
        if isinstance(value, str):
            return {value} if value else set()
        return {str(item) for item in value} if isinstance(value, list) else set()

    def set_hidden_layers(self, names: set[str]) -> None:
        self._settings.setValue("view/hidden_layers", sorted(names))

    def sync(self) -> None:
        self._settings.sync()
