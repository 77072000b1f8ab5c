"""The analysis cache: what the entity engine found in a paragraph, by text, engine and
version, so that an article opens analysed the second time."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from reader.store.connection import LibraryConnection, now_iso
from reader.store.model import json_value

_KEYS_PER_QUERY = 500
"""Below SQLite's oldest limit on the parameters of one statement (999)."""


class CacheRoom(LibraryConnection):
    def cache_get(self, key: str) -> Any | None:
        """The cached value, or None when there is none or it is not JSON (damaged or edited
        by hand): a cache entry that cannot be read is computed again."""
        rows = self._rows("SELECT value FROM analysis_cache WHERE key = ?", [key])
        return json_value(rows[0][0], None) if rows else None

    def cache_has_all(self, keys: Sequence[str]) -> bool:
        """True when every one of ``keys`` is in the analysis cache."""
        listed = list(set(keys))
        found = 0
        for start in range(0, len(listed), _KEYS_PER_QUERY):
            chunk = listed[start : start + _KEYS_PER_QUERY]
            marks = ", ".join("?" * len(chunk))
            rows = self._rows(f"SELECT COUNT(*) FROM analysis_cache WHERE key IN ({marks})", chunk)
            found += int(rows[0][0])
        return found == len(listed)

    def cache_put(self, key: str, value: Any) -> None:
        with self._transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO analysis_cache (key, value, created) VALUES (?, ?, ?)",
                (key, json.dumps(value, ensure_ascii=False), now_iso()),
            )
