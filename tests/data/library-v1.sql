-- A Glose library at schema version 1 (PRAGMA user_version = 1).
BEGIN TRANSACTION;
CREATE TABLE analysis_cache (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            created TEXT NOT NULL
        );
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
        );
INSERT INTO "annotations" VALUES('11111111-2222-3333-4444-555555555555',1,9,11,'Un','Titre v1
',' texte ancien.','note v1','["ancien"]','verify','text','','anchored','abc','2026-01-01T00:00:00Z','2026-01-01T00:00:00Z');
CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            metadata TEXT NOT NULL DEFAULT '{}',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
INSERT INTO "articles" VALUES(1,'test:v1','Titre v1','Titre v1
Un texte ancien.','abc','{}','2026-01-01T00:00:00Z','2026-01-01T00:00:00Z');
CREATE TABLE corrections (
            id INTEGER PRIMARY KEY,
            article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            data TEXT NOT NULL,
            created TEXT NOT NULL
        );
CREATE UNIQUE INDEX idx_articles_source ON articles(source);
CREATE INDEX idx_articles_sha256 ON articles(sha256);
CREATE INDEX idx_annotations_article ON annotations(article_id, start);
CREATE INDEX idx_corrections_article ON corrections(article_id);
COMMIT;
