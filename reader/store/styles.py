"""The library's named highlight styles, which the reader edits."""

from __future__ import annotations

from collections.abc import Sequence

from reader.store.connection import LibraryConnection
from reader.store.errors import StoreError
from reader.styles import HighlightStyle


class StyleRoom(LibraryConnection):
    def styles(self) -> list[HighlightStyle]:
        rows = self._rows(
            "SELECT name, label_fr, label_en, light, dark FROM styles ORDER BY position, name"
        )
        return [HighlightStyle(*row) for row in rows]

    def save_styles(self, styles: Sequence[HighlightStyle]) -> None:
        """Replace the set of styles; annotations in a removed style move to the first one."""
        if not styles:
            raise StoreError("At least one style is needed.")
        with self._transaction() as conn:
            conn.execute("DELETE FROM styles")
            conn.executemany(
                "INSERT INTO styles (name, label_fr, label_en, light, dark, position)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (s.name, s.label_fr, s.label_en, s.light, s.dark, position)
                    for position, s in enumerate(styles)
                ],
            )
            placeholders = ", ".join("?" for _ in styles)
            conn.execute(
                f"UPDATE annotations SET style = ? WHERE style NOT IN ({placeholders})",
                [styles[0].name, *(s.name for s in styles)],
            )
