"""The reader's corrections of the analysis (entities relabelled, removed, merged; speakers
fixed), kept per article or for every article, and applied again on each analysis."""

from __future__ import annotations

import json
from typing import Any

from reader.store.connection import LibraryConnection, now_iso
from reader.store.model import json_value


class CorrectionRoom(LibraryConnection):
    def add_correction(self, article_id: int | None, kind: str, data: dict[str, Any]) -> int:
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO corrections (article_id, kind, data, created) VALUES (?, ?, ?, ?)",
                (article_id, kind, json.dumps(data, ensure_ascii=False), now_iso()),
            )
            return int(cursor.lastrowid or 0)

    def remove_correction(self, correction_id: int) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM corrections WHERE id = ?", (correction_id,))

    def corrections(self, article_id: int | None, kind: str | None = None) -> list[dict[str, Any]]:
        """Corrections for one article (``None``: those meant for every article)."""
        sql = "SELECT id, article_id, kind, data FROM corrections WHERE article_id IS ?"
        params: list[Any] = [article_id]
        if kind is not None:
            sql += " AND kind = ?"
            params.append(kind)
        rows = self._query(sql + " ORDER BY id", params)
        # A row whose data is not a JSON object (edited by hand, written by another tool) is
        # left in the library, unused: it cannot say what it corrects.
        decoded = [{**row, "data": json_value(row["data"], None)} for row in rows]
        return [row for row in decoded if isinstance(row["data"], dict)]
