-- One table per kind of entity of the backend's state (backend::Row): the key,
-- the entity's place in its list, and the entity as JSON. The JSON's shape is the
-- backend crate's, versioned by its STATE_VERSION (the `version` row of meta).
CREATE TABLE meta        (key TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE models      (key TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE datasets    (key TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL) WITHOUT ROWID;
-- Unfinished uploads, with the indexes of the chunks received (their bytes are files).
CREATE TABLE uploads     (key TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE evaluations (key TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sessions    (key TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL) WITHOUT ROWID;
-- Checks of uploaded files still running.
CREATE TABLE checks      (key TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL) WITHOUT ROWID;
-- Idempotency: what the first request with a key made.
CREATE TABLE replies     (key TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL) WITHOUT ROWID;
-- The text of transcript and TEST datasets, which tests read.
CREATE TABLE texts       (key TEXT PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL) WITHOUT ROWID;
-- The request each Idempotency-Key was first used for (method, path and a digest
-- of the body), so the same key with another request answers 422.
CREATE TABLE request_keys (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, created_at TEXT NOT NULL) WITHOUT ROWID;
