"""What analysis found in each article, kept for searches across the whole library.

The full-text indexes (``*_fts``, made by the schema) fold accents and case, and stay in step
with their tables through triggers, inside each transaction. A search finds the reader's
verdicts on quotations too, so this room builds on the tracker's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reader.store.model import ArticleSummary, SearchHit, StoredQuote
from reader.store.tracker import TrackerRoom

QUOTE_DEFAULTS = ("speech", "", 0.0)
"""The kind, speaker kind and confidence of a stored quotation given without them."""


class SearchRoom(TrackerRoom):
    def replace_analysis(
        self,
        article_id: int,
        quotes: Sequence[tuple[Any, ...]],
        entities: Sequence[tuple[int, int, str, str, str]],
        analysed_sha256: str = "",
    ) -> None:
        """Keep what analysis found in an article, for searches across the library and for
        its exports.

        ``quotes`` are (start, end, text, speaker, cue[, kind, speaker_kind, confidence]): a
        quotation given without the last three is someone's words, of a speaker of unknown
        kind, attributed with no confidence. ``entities`` are (start, end, text, label,
        canonical). ``analysed_sha256`` names the text the analysis was made of (the article's
        ``sha256``), so that an analysis stored before the text changed is known to be stale.
        """
        rows = [(article_id, *quote, *QUOTE_DEFAULTS[len(quote) - 5 :]) for quote in quotes]
        with self._transaction() as conn:
            conn.execute("DELETE FROM article_quotes WHERE article_id = ?", (article_id,))
            conn.execute("DELETE FROM article_entities WHERE article_id = ?", (article_id,))
            conn.executemany(
                'INSERT INTO article_quotes (article_id, start, "end", text, speaker, cue, kind,'
                " speaker_kind, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            conn.executemany(
                'INSERT INTO article_entities (article_id, start, "end", text, label, canonical)'
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(article_id, *entity) for entity in entities],
            )
            conn.execute(
                "UPDATE articles SET analysed_sha256 = ? WHERE id = ?",
                (analysed_sha256, article_id),
            )

    def analysed_sha256(self, article_id: int) -> str:
        """The text (its ``sha256``) the article's stored analysis was made of; empty when no
        analysis was stored since the library knows it."""
        rows = self._rows("SELECT analysed_sha256 FROM articles WHERE id = ?", [article_id])
        return str(rows[0][0]) if rows else ""

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Articles, annotations, quotations and verdicts on quotations (their notes and
        sources) matching every word of ``query``, best first."""
        match = fts_query(query)
        if not match:
            return []
        hits: list[SearchHit] = []
        for row in self._query(
            """
            SELECT articles.id AS article_id, articles.title,
                   snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet,
                   bm25(articles_fts) AS rank
            FROM articles_fts JOIN articles ON articles.id = articles_fts.rowid
            WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?
            """,
            [match, limit],
        ):
            hits.append(
                SearchHit(
                    "article", row["article_id"], row["title"], row["snippet"], rank=row["rank"]
                )
            )
        for row in self._query(
            """
            SELECT annotations.id, annotations.article_id, articles.title, annotations.start,
                   annotations."end", annotations.note,
                   snippet(annotations_fts, -1, '[', ']', '…', 12) AS snippet,
                   bm25(annotations_fts) AS rank
            FROM annotations_fts
            JOIN annotations ON annotations.rowid = annotations_fts.rowid
            JOIN articles ON articles.id = annotations.article_id
            WHERE annotations_fts MATCH ? ORDER BY rank LIMIT ?
            """,
            [match, limit],
        ):
            hits.append(
                SearchHit(
                    "annotation",
                    row["article_id"],
                    row["title"],
                    row["snippet"],
                    row["start"],
                    row["end"],
                    row["id"],
                    row["rank"],
                )
            )
        for row in self._query(
            """
            SELECT article_quotes.article_id, articles.title, article_quotes.start,
                   article_quotes."end", article_quotes.speaker,
                   snippet(article_quotes_fts, 0, '[', ']', '…', 12) AS snippet,
                   bm25(article_quotes_fts) AS rank
            FROM article_quotes_fts
            JOIN article_quotes ON article_quotes.id = article_quotes_fts.rowid
            JOIN articles ON articles.id = article_quotes.article_id
            WHERE article_quotes_fts MATCH ? ORDER BY rank LIMIT ?
            """,
            [match, limit],
        ):
            hits.append(
                SearchHit(
                    "quote",
                    row["article_id"],
                    row["title"],
                    row["snippet"],
                    row["start"],
                    row["end"],
                    row["speaker"],
                    row["rank"],
                )
            )
        hits += self.search_verdicts(match, limit)
        hits.sort(key=lambda hit: hit.rank)
        return hits[:limit]

    def stored_analysis(self, article_id: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """What the last analysis of an article found: (quotes, entities) rows."""
        quotes = self._query(
            'SELECT start, "end", text, speaker, cue, kind, speaker_kind, confidence'
            " FROM article_quotes WHERE article_id = ? ORDER BY start",
            [article_id],
        )
        entities = self._query(
            'SELECT start, "end", text, label, canonical FROM article_entities'
            " WHERE article_id = ? ORDER BY start",
            [article_id],
        )
        return quotes, entities

    def quotes_by_speaker(self, speaker: str) -> list[StoredQuote]:
        rows = self._query(
            """
            SELECT article_id, articles.title, start, "end", article_quotes.text, speaker, cue
            FROM article_quotes JOIN articles ON articles.id = article_quotes.article_id
            WHERE speaker = ? COLLATE NOCASE ORDER BY article_id, start
            """,
            [speaker],
        )
        return [StoredQuote(**row) for row in rows]

    def articles_mentioning(self, canonical: str) -> list[tuple[ArticleSummary, int]]:
        """Articles where an entity group appears, with its number of mentions there."""
        rows = self._rows(
            """
            SELECT articles.id, source, title, articles.updated,
                   (SELECT COUNT(*) FROM annotations WHERE article_id = articles.id),
                   COUNT(article_entities.id) AS mentions
            FROM article_entities JOIN articles ON articles.id = article_entities.article_id
            WHERE canonical = ? COLLATE NOCASE
            GROUP BY articles.id ORDER BY mentions DESC, articles.id
            """,
            [canonical],
        )
        return [(ArticleSummary(*row[:-1]), row[-1]) for row in rows]


def fts_query(query: str) -> str:
    """A free-text query as an FTS5 expression: every word must match, the last as a prefix.

    Quoting each word means that nothing a person types (quotes, stars, NEAR, colons) is read
    as FTS5 syntax.
    """
    words = ["".join(c if c.isalnum() else " " for c in word).split() for word in query.split()]
    flat = [part for parts in words for part in parts]
    if not flat:
        return ""
    quoted = ['"' + word.replace('"', '""') + '"' for word in flat]
    quoted[-1] += "*"
    return " ".join(quoted)
