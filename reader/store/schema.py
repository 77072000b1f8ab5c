"""The one owner of the database schema: ordered migrations keyed by ``PRAGMA user_version``.

Migrations are plain SQL so that their history never changes with a library upgrade: a shipped
migration made every library of its version, so it is never rewritten, not even to build the
same tables through sqlite-utils, whose SQL changes with its own versions (and whose public API
cannot state the CHECK on annotations). Each runs in one transaction together with the bump
of ``user_version``: a crash leaves the database at the previous version, never half-migrated.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


def _v1_initial(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            metadata TEXT NOT NULL DEFAULT '{}',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )
        """
    )
    conn.execute("CREATE UNIQUE INDEX idx_articles_source ON articles(source)")
    conn.execute("CREATE INDEX idx_articles_sha256 ON articles(sha256)")
    conn.execute(
        """
        CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            style TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'text',
            ref TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'anchored',
            text_sha256 TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            CHECK (start >= 0 AND "end" >= start)
        )
        """
    )
    conn.execute("CREATE INDEX idx_annotations_article ON annotations(article_id, start)")
    conn.execute(
        """
        CREATE TABLE corrections (
            id INTEGER PRIMARY KEY,
            article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            data TEXT NOT NULL,
            created TEXT NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX idx_corrections_article ON corrections(article_id)")
    conn.execute(
        """
        CREATE TABLE analysis_cache (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            created TEXT NOT NULL
        )
        """
    )


def _v2_styles(conn: sqlite3.Connection) -> None:
    """Named highlight styles become the library's own, editable by the reader."""
    conn.execute(
        """
        CREATE TABLE styles (
            name TEXT PRIMARY KEY,
            label_fr TEXT NOT NULL,
            label_en TEXT NOT NULL,
            light TEXT NOT NULL,
            dark TEXT NOT NULL,
            position INTEGER NOT NULL
        )
        """
    )
    defaults = [
        ("important", "Important", "Important", "#ffe58a", "#6b5400"),
        ("verify", "À vérifier", "To check", "#ffc9a8", "#7a3412"),
        ("disagree", "Désaccord", "Disagreement", "#f7b7c5", "#7a1f3a"),
        ("evidence", "Preuve", "Evidence", "#bfe8c0", "#1f5a2a"),
        ("idea", "Idée", "Idea", "#c7dcff", "#23407a"),
        ("question", "Question", "Question", "#e0cdf7", "#4f2d7a"),
    ]
    conn.executemany(
        "INSERT INTO styles (name, label_fr, label_en, light, dark, position)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(*row, position) for position, row in enumerate(defaults)],
    )


def _v3_search(conn: sqlite3.Connection) -> None:
    """What analysis found, kept per article, and full-text indexes over the whole library.

    The indexes fold accents and case (``remove_diacritics 2``): « etats unis » finds
    « États-Unis ». Triggers keep them in step with their tables inside each transaction.
    """
    conn.execute(
        """
        CREATE TABLE article_quotes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT NOT NULL DEFAULT '',
            cue TEXT NOT NULL DEFAULT ''
        )
        """
    )
    conn.execute("CREATE INDEX idx_article_quotes ON article_quotes(article_id, start)")
    conn.execute("CREATE INDEX idx_article_quotes_speaker ON article_quotes(speaker)")
    conn.execute(
        """
        CREATE TABLE article_entities (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            label TEXT NOT NULL,
            canonical TEXT NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX idx_article_entities ON article_entities(canonical, label)")
    conn.execute("CREATE INDEX idx_article_entities_article ON article_entities(article_id)")
    tokenizer = "tokenize = 'unicode61 remove_diacritics 2'"
    indexes = {
        "articles": ("id", ["title", "text"]),
        "annotations": ("rowid", ["exact", "note", "tags"]),
        "article_quotes": ("id", ["text", "speaker"]),
    }
    for table, (key, columns) in indexes.items():
        listed = ", ".join(columns)
        new_values = ", ".join(f"new.{column}" for column in columns)
        old_values = ", ".join(f"old.{column}" for column in columns)
        conn.execute(
            f"CREATE VIRTUAL TABLE {table}_fts USING fts5({listed}, content='{table}',"
            f" content_rowid='{key}', {tokenizer})"
        )
        conn.execute(
            f"CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN"
            f" INSERT INTO {table}_fts(rowid, {listed}) VALUES (new.{key}, {new_values}); END"
        )
        conn.execute(
            f"CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} BEGIN"
            f" INSERT INTO {table}_fts({table}_fts, rowid, {listed})"
            f" VALUES ('delete', old.{key}, {old_values}); END"
        )
        conn.execute(
            f"CREATE TRIGGER {table}_fts_update AFTER UPDATE ON {table} BEGIN"
            f" INSERT INTO {table}_fts({table}_fts, rowid, {listed})"
            f" VALUES ('delete', old.{key}, {old_values});"
            f" INSERT INTO {table}_fts(rowid, {listed}) VALUES (new.{key}, {new_values}); END"
        )
        conn.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")


def _v4_quotation_tracker(conn: sqlite3.Connection) -> None:
    """Quotations that report one utterance, gathered into clusters across the library, and
    the reader's verdict on each cluster or on one of its variants.

    A member keeps its own copy of the quotation (article, offsets, text, speaker): analysis
    replaces an article's ``article_quotes`` rows each time, and a cluster's id, which a
    verdict hangs on, must outlive that. When an article is deleted its members stay, without
    an article (``left_from`` keeps its source), while a verdict needs them. ``tracker_keys``
    is the index that finds the candidates for a new quotation (pairs of its words' stems,
    hashed) without comparing every pair.
    """
    conn.execute(
        """
        CREATE TABLE tracker_clusters (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created TEXT NOT NULL
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE tracker_members (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            cluster_id INTEGER NOT NULL REFERENCES tracker_clusters(id) ON DELETE CASCADE,
            article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT NOT NULL DEFAULT '',
            words TEXT NOT NULL,
            joined TEXT NOT NULL,
            left_from TEXT,
            CHECK (start >= 0 AND "end" >= start)
        )
        """
    )
    # A member whose article is deleted remembers the article's source (ids are reused), so
    # that the article put back (undo), or added again, takes its members back, verdicts and
    # all.
    conn.execute(
        "CREATE TRIGGER tracker_members_article_left BEFORE DELETE ON articles BEGIN"
        " UPDATE tracker_members SET left_from = old.source WHERE article_id = old.id; END"
    )
    conn.execute("CREATE INDEX idx_tracker_members_cluster ON tracker_members(cluster_id)")
    conn.execute("CREATE INDEX idx_tracker_members_article ON tracker_members(article_id, start)")
    conn.execute(
        """
        CREATE TABLE tracker_keys (
            key INTEGER NOT NULL,
            member_id INTEGER NOT NULL,
            PRIMARY KEY (key, member_id)
        ) WITHOUT ROWID
        """
    )
    conn.execute(
        """
        CREATE TABLE tracker_articles (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            quotes TEXT NOT NULL
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE tracker_verdicts (
            id INTEGER PRIMARY KEY,
            cluster_id INTEGER NOT NULL REFERENCES tracker_clusters(id) ON DELETE CASCADE,
            member_id INTEGER REFERENCES tracker_members(id) ON DELETE CASCADE,
            verdict TEXT NOT NULL
                CHECK (verdict IN ('verifiee', 'deformee', 'mal-attribuee', 'non-verifiee')),
            source TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )
        """
    )
    # One verdict on the cluster (member_id NULL) and one per variant at most.
    conn.execute(
        "CREATE UNIQUE INDEX idx_tracker_verdicts_one"
        " ON tracker_verdicts(cluster_id, IFNULL(member_id, 0))"
    )
    conn.execute("CREATE INDEX idx_tracker_verdicts_member ON tracker_verdicts(member_id)")
    columns = "note, source"
    new_values = "new.id, new.note, new.source"
    conn.execute(
        f"CREATE VIRTUAL TABLE tracker_verdicts_fts USING fts5({columns},"
        " content='tracker_verdicts', content_rowid='id',"
        " tokenize = 'unicode61 remove_diacritics 2')"
    )
    conn.execute(
        "CREATE TRIGGER tracker_verdicts_fts_insert AFTER INSERT ON tracker_verdicts BEGIN"
        f" INSERT INTO tracker_verdicts_fts(rowid, {columns}) VALUES ({new_values});"
        " END"
    )
    conn.execute(
        "CREATE TRIGGER tracker_verdicts_fts_delete AFTER DELETE ON tracker_verdicts BEGIN"
        f" INSERT INTO tracker_verdicts_fts(tracker_verdicts_fts, rowid, {columns})"
        " VALUES ('delete', old.id, old.note, old.source); END"
    )
    conn.execute(
        "CREATE TRIGGER tracker_verdicts_fts_update AFTER UPDATE ON tracker_verdicts BEGIN"
        f" INSERT INTO tracker_verdicts_fts(tracker_verdicts_fts, rowid, {columns})"
        " VALUES ('delete', old.id, old.note, old.source);"
        f" INSERT INTO tracker_verdicts_fts(rowid, {columns}) VALUES ({new_values});"
        " END"
    )


def _v5_analysis_details(conn: sqlite3.Connection) -> None:
    """What an export needs of the stored analysis, so that the app and the command line
    export the same words from it: each quotation's kind (someone's words, a term, an unclosed
    mark), its speaker's kind (person, organisation, media…) and how sure the attribution is;
    and, for each article, the text its stored analysis was made of (``analysed_sha256``:
    empty until an analysis is stored, stale once the text changes)."""
    conn.execute("ALTER TABLE article_quotes ADD COLUMN kind TEXT NOT NULL DEFAULT 'speech'")
    conn.execute("ALTER TABLE article_quotes ADD COLUMN speaker_kind TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE article_quotes ADD COLUMN confidence REAL NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE articles ADD COLUMN analysed_sha256 TEXT NOT NULL DEFAULT ''")


MIGRATIONS: tuple[Migration, ...] = (
    _v1_initial,
    _v2_styles,
    _v3_search,
    _v4_quotation_tracker,
    _v5_analysis_details,
)
SCHEMA_VERSION = len(MIGRATIONS)


class NewerSchemaError(Exception):
    """A library of a newer Glose: never migrated down. The message ends a sentence that
    names the file."""

    def __init__(self, found: int) -> None:
        super().__init__(
            f"it was written by a newer Glose (schema {found}, this Glose knows "
            f"{SCHEMA_VERSION}); update Glose to open it"
        )
        self.found = found


class ForeignSchemaError(Exception):
    """A SQLite database that Glose did not make: never migrated, so never written into. The
    message ends a sentence that names the file."""

    def __init__(self, found: int) -> None:
        super().__init__(f"it is the SQLite database of another program (schema {found})")
        self.found = found


def checked_version(conn: sqlite3.Connection) -> int:
    """The schema version, after making sure this Glose may open (and migrate) the database:
    ``NewerSchemaError`` for a newer Glose's library, ``ForeignSchemaError`` for another
    program's database (tables, yet no Glose version: migrating would add ours among them)."""
    # One statement, so one snapshot: read apart, another process could create the library
    # between the two reads, and its new tables would be seen beside the version 0 before them.
    version, has_tables = conn.execute(
        "SELECT user_version, EXISTS (SELECT 1 FROM sqlite_master) FROM pragma_user_version"
    ).fetchone()
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(version)
    if version < 0 or (version == 0 and has_tables):
        raise ForeignSchemaError(version)
    return int(version)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to ``SCHEMA_VERSION``; returns the version it was at.

    Each step reads the version again under the write lock: two Glose processes starting
    together on a new (or older) library must not both run the same migration.
    """
    initial = checked_version(conn)
    version = initial
    while version < SCHEMA_VERSION:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = checked_version(conn)
            if version < SCHEMA_VERSION:
                MIGRATIONS[version](conn)
                # PRAGMA takes no parameters; the value is our own integer.
                conn.execute(f"PRAGMA user_version = {version + 1:d}")
                version += 1
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return initial
