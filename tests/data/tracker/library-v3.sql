-- A Glose library at schema version 3 (PRAGMA user_version = 3), from before the
-- quotation tracker: the statements of migrations 1 to 3, then two articles whose
-- quotations report one statement (the second cut with « […] »).
BEGIN TRANSACTION;
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
CREATE UNIQUE INDEX idx_articles_source ON articles(source);
CREATE INDEX idx_articles_sha256 ON articles(sha256);
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
CREATE INDEX idx_annotations_article ON annotations(article_id, start);
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE INDEX idx_corrections_article ON corrections(article_id);
CREATE TABLE analysis_cache (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE styles (
    name TEXT PRIMARY KEY,
    label_fr TEXT NOT NULL,
    label_en TEXT NOT NULL,
    light TEXT NOT NULL,
    dark TEXT NOT NULL,
    position INTEGER NOT NULL
);
INSERT INTO styles (name, label_fr, label_en, light, dark, position) VALUES ('important', 'Important', 'Important', '#ffe58a', '#6b5400', 0);
INSERT INTO styles (name, label_fr, label_en, light, dark, position) VALUES ('verify', 'À vérifier', 'To check', '#ffc9a8', '#7a3412', 1);
INSERT INTO styles (name, label_fr, label_en, light, dark, position) VALUES ('disagree', 'Désaccord', 'Disagreement', '#f7b7c5', '#7a1f3a', 2);
INSERT INTO styles (name, label_fr, label_en, light, dark, position) VALUES ('evidence', 'Preuve', 'Evidence', '#bfe8c0', '#1f5a2a', 3);
INSERT INTO styles (name, label_fr, label_en, light, dark, position) VALUES ('idea', 'Idée', 'Idea', '#c7dcff', '#23407a', 4);
INSERT INTO styles (name, label_fr, label_en, light, dark, position) VALUES ('question', 'Question', 'Question', '#e0cdf7', '#4f2d7a', 5);
CREATE TABLE article_quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT NOT NULL DEFAULT '',
    cue TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_article_quotes ON article_quotes(article_id, start);
CREATE INDEX idx_article_quotes_speaker ON article_quotes(speaker);
CREATE TABLE article_entities (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    canonical TEXT NOT NULL
);
CREATE INDEX idx_article_entities ON article_entities(canonical, label);
CREATE INDEX idx_article_entities_article ON article_entities(article_id);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', tokenize = 'unicode61 remove_diacritics 2');
-- CREATE TABLE 'main'.'articles_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
-- CREATE TABLE 'main'.'articles_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
-- REPLACE INTO 'main'.'articles_fts_data'(id, block) VALUES(?,?);
-- REPLACE INTO 'main'.'articles_fts_data'(id, block) VALUES(?,?);
-- CREATE TABLE 'main'.'articles_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
-- CREATE TABLE 'main'.'articles_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
-- REPLACE INTO 'main'.'articles_fts_config' VALUES(?,?);
-- PRAGMA 'main'.data_version;
-- SELECT k, v FROM 'main'.'articles_fts_config';
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
-- PRAGMA 'main'.data_version;
-- DELETE FROM 'main'.'articles_fts_data';
-- DELETE FROM 'main'.'articles_fts_idx';
-- DELETE FROM 'main'.'articles_fts_docsize';
-- REPLACE INTO 'main'.'articles_fts_data'(id, block) VALUES(?,?);
-- REPLACE INTO 'main'.'articles_fts_data'(id, block) VALUES(?,?);
-- REPLACE INTO 'main'.'articles_fts_config' VALUES(?,?);
-- SELECT T.'id', T.'title', T.'text' FROM 'main'.'articles' AS T;
-- REPLACE INTO 'main'.'articles_fts_data'(id, block) VALUES(?,?);
-- REPLACE INTO 'main'.'articles_fts_data'(id, block) VALUES(?,?);
CREATE VIRTUAL TABLE annotations_fts USING fts5(exact, note, tags, content='annotations', content_rowid='rowid', tokenize = 'unicode61 remove_diacritics 2');
-- CREATE TABLE 'main'.'annotations_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
-- CREATE TABLE 'main'.'annotations_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
-- REPLACE INTO 'main'.'annotations_fts_data'(id, block) VALUES(?,?);
-- REPLACE INTO 'main'.'annotations_fts_data'(id, block) VALUES(?,?);
-- CREATE TABLE 'main'.'annotations_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
-- CREATE TABLE 'main'.'annotations_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
-- REPLACE INTO 'main'.'annotations_fts_config' VALUES(?,?);
-- PRAGMA 'main'.data_version;
-- SELECT k, v FROM 'main'.'annotations_fts_config';
CREATE TRIGGER annotations_fts_insert AFTER INSERT ON annotations BEGIN INSERT INTO annotations_fts(rowid, exact, note, tags) VALUES (new.rowid, new.exact, new.note, new.tags); END;
CREATE TRIGGER annotations_fts_delete AFTER DELETE ON annotations BEGIN INSERT INTO annotations_fts(annotations_fts, rowid, exact, note, tags) VALUES ('delete', old.rowid, old.exact, old.note, old.tags); END;
CREATE TRIGGER annotations_fts_update AFTER UPDATE ON annotations BEGIN INSERT INTO annotations_fts(annotations_fts, rowid, exact, note, tags) VALUES ('delete', old.rowid, old.exact, old.note, old.tags); INSERT INTO annotations_fts(rowid, exact, note, tags) VALUES (new.rowid, new.exact, new.note, new.tags); END;
INSERT INTO annotations_fts(annotations_fts) VALUES ('rebuild');
-- PRAGMA 'main'.data_version;
-- DELETE FROM 'main'.'annotations_fts_data';
-- DELETE FROM 'main'.'annotations_fts_idx';
-- DELETE FROM 'main'.'annotations_fts_docsize';
-- REPLACE INTO 'main'.'annotations_fts_data'(id, block) VALUES(?,?);
-- REPLACE INTO 'main'.'annotations_fts_data'(id, block) VALUES(?,?);
-- REPLACE INTO 'main'.'annotations_fts_config' VALUES(?,?);
-- SELECT T.'rowid', T.'exact', T.'note', T.'tags' FROM 'main'.'annotations' AS T;
-- REPLACE INTO 'main'.'annotations_fts_data'(id, block) VALUES(?,?);
-- REPLACE INTO 'main'.'annotations_fts_data'(id, block) VALUES(?,?);
CREATE VIRTUAL TABLE article_quotes_fts USING fts5(text, speaker, content='article_quotes', content_rowid='id', tokenize = 'unicode61 remove_diacritics 2');
-- CREATE TABLE 'main'.'article_quotes_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
-- CREATE TABLE 'main'.'article_quotes_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
-- REPLACE INTO 'main'.'article_quotes_fts_data'(id, block) VALUES(?,?);
-- REPLACE INTO 'main'.'article_quotes_fts_data'(id, block) VALUES(?,?);
-- CREATE TABLE 'main'.'article_quotes_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
-- CREATE TABLE 'main'.'article_quotes_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
-- REPLACE INTO 'main'.'article_quotes_fts_config' VALUES(?,?);
-- PRAGMA 'main'.data_version;
-- SELECT k, v FROM 'main'.'article_quotes_fts_config';
CREATE TRIGGER article_quotes_fts_insert AFTER INSERT ON article_quotes BEGIN INSERT INTO article_quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker); END;
CREATE TRIGGER article_quotes_fts_delete AFTER DELETE ON article_quotes BEGIN INSERT INTO article_quotes_fts(article_quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker); END;
CREATE TRIGGER article_quotes_fts_update AFTER UPDATE ON article_quotes BEGIN INSERT INTO article_quotes_fts(article_quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker); INSERT INTO article_quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker); END;
INSERT INTO article_quotes_fts(article_quotes_fts) VALUES ('rebuild');
-- PRAGMA 'main'.data_version;
-- DELETE FROM 'main'.'article_quotes_fts_data';
-- DELETE FROM 'main'.'article_quotes_fts_idx';
-- DELETE FROM 'main'.'article_quotes_fts_docsize';
-- REPLACE INTO 'main'.'article_quotes_fts_data'(id, block) VALUES(?,?);
-- REPLACE INTO 'main'.'article_quotes_fts_data'(id, block) VALUES(?,?);
-- REPLACE INTO 'main'.'article_quotes_fts_config' VALUES(?,?);
-- SELECT T.'id', T.'text', T.'speaker' FROM 'main'.'article_quotes' AS T;
-- REPLACE INTO 'main'.'article_quotes_fts_data'(id, block) VALUES(?,?);
-- REPLACE INTO 'main'.'article_quotes_fts_data'(id, block) VALUES(?,?);
INSERT INTO articles (id, source, title, text, sha256, metadata, created, updated) VALUES (1, 'test:a', 'Grève à la SNCF', 'Grève à la SNCF

« Nous ne lâcherons rien sur les retraites, la mobilisation continue jeudi », a déclaré Sophie Binet.
', 'x', '{"date": "2025-03-04"}', '2026-01-02T10:00:00.000Z', '2026-01-02T10:00:00.000Z');
INSERT INTO article_quotes (article_id, start, "end", text, speaker, cue) VALUES (1, 17, 93, '« Nous ne lâcherons rien sur les retraites, la mobilisation continue jeudi »', 'Sophie Binet', 'a déclaré');
INSERT INTO articles (id, source, title, text, sha256, metadata, created, updated) VALUES (2, 'test:b', 'Les syndicats tiennent bon', 'Les syndicats tiennent bon

« Nous ne lâcherons rien sur les retraites […] », a lancé Sophie Binet.
', 'x', '{}', '2026-01-01T09:00:00.000Z', '2026-01-01T09:00:00.000Z');
INSERT INTO article_quotes (article_id, start, "end", text, speaker, cue) VALUES (2, 28, 76, '« Nous ne lâcherons rien sur les retraites […] »', 'Sophie Binet', 'a déclaré');
COMMIT;
