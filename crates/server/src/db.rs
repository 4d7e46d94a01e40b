//! The server's SQLite database: the backend's state as one table per kind of
//! entity (`migrations/`), loaded whole at start and written row by row after
//! each request, in one transaction, only where something changed.

use std::collections::HashMap;
use std::path::Path;

use backend::rows::{Row, KINDS};
use backend::Store;
use domain::User;
use rusqlite::{params, Connection, OptionalExtension};

/// The migrations, in order; `PRAGMA user_version` counts those applied.
const MIGRATIONS: [&str; 1] = [include_str!("../migrations/0001_tables.sql")];

pub type DbResult<T> = Result<T, String>;

/// A row changed by a save; `gone` for a row deleted, with its last body.
pub struct Change {
    pub row: Row,
    pub gone: bool,
}

pub struct Db {
    conn: Connection,
    /// What the database holds, so a save writes only the difference.
    saved: HashMap<(&'static str, String), (i64, String)>,
}

/// The table of each kind of row: fixed names, never built from input.
fn table(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "meta" => "meta",
        "model" => "models",
        "dataset" => "datasets",
        "upload" => "uploads",
        "evaluation" => "evaluations",
        "session" => "sessions",
        "check" => "checks",
        "reply" => "replies",
        "text" => "texts",
        _ => return None,
    })
}

impl Db {
    pub fn open(path: &Path) -> DbResult<Db> {
        let conn = Connection::open(path).map_err(|e| format!("open {}: {e}", path.display()))?;
        // WAL: a crash (even kill -9) loses no committed request.
        conn.pragma_update(None, "journal_mode", "WAL").map_err(|e| e.to_string())?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(|e| e.to_string())?;
        let mut db = Db { conn, saved: HashMap::new() };
        db.migrate()?;
        Ok(db)
    }

    fn migrate(&mut self) -> DbResult<()> {
        let applied: usize =
            self.conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|e| e.to_string())?;
        if applied > MIGRATIONS.len() {
            return Err(format!("the database is from a newer server (schema {applied})"));
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
            let tx = self.conn.transaction().map_err(|e| e.to_string())?;
            tx.execute_batch(sql).map_err(|e| format!("migration {}: {e}", i + 1))?;
            tx.pragma_update(None, "user_version", i + 1).map_err(|e| e.to_string())?;
            tx.commit().map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    /// The saved state, or `None` for a new database.
    pub fn load(&mut self, user: User) -> DbResult<Option<Store>> {
        let mut rows = Vec::new();
        for kind in KINDS {
            let Some(table) = table(kind) else { continue };
            let mut stmt =
                self.conn.prepare(&format!("SELECT key, position, body FROM {table}")).map_err(|e| e.to_string())?;
            let found = stmt
                .query_map([], |r| Ok(Row { kind, key: r.get(0)?, position: r.get(1)?, body: r.get(2)? }))
                .map_err(|e| e.to_string())?;
            for row in found {
                rows.push(row.map_err(|e| e.to_string())?);
            }
        }
        if rows.is_empty() {
            return Ok(None);
        }
        self.saved = rows.iter().map(|r| ((r.kind, r.key.clone()), (r.position, r.body.clone()))).collect();
        Store::from_rows(rows, user).map(Some).map_err(|e| e.to_string())
    }

    /// Writes what changed since the last save, and the request key that made the
    /// change (its key, request digest and time) when there is one, in one
    /// transaction; returns the changes.
    pub fn save(&mut self, store: &Store, request_key: Option<(&str, &str, &str)>) -> DbResult<Vec<Change>> {
        let rows = store.rows();
        let mut changes: Vec<Change> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for row in rows {
            let key = (row.kind, row.key.clone());
            if self.saved.get(&key) != Some(&(row.position, row.body.clone())) {
                changes.push(Change { row: row.clone(), gone: false });
            }
            seen.insert(key);
        }
        for ((kind, key), (position, body)) in self.saved.iter().filter(|(k, _)| !seen.contains(*k)) {
            // A row that is gone keeps its last body, so its event can say what it was.
            let row = Row { kind, key: key.clone(), position: *position, body: body.clone() };
            changes.push(Change { row, gone: true });
        }
        if changes.is_empty() && request_key.is_none() {
            return Ok(changes);
        }
        let tx = self.conn.transaction().map_err(|e| e.to_string())?;
        if let Some((key, fingerprint, now)) = request_key {
            tx.execute(
                "INSERT OR IGNORE INTO request_keys (key, fingerprint, created_at) VALUES (?1, ?2, ?3)",
                params![key, fingerprint, now],
            )
            .map_err(|e| e.to_string())?;
        }
        for change in &changes {
            let Some(table) = table(change.row.kind) else { continue };
            let r = &change.row;
            let done = if change.gone {
                tx.execute(&format!("DELETE FROM {table} WHERE key = ?1"), params![r.key])
            } else {
                tx.execute(
                    &format!(
                        "INSERT INTO {table} (key, position, body) VALUES (?1, ?2, ?3) \
                         ON CONFLICT(key) DO UPDATE SET position = excluded.position, body = excluded.body"
                    ),
                    params![r.key, r.position, r.body],
                )
            };
            done.map_err(|e| e.to_string())?;
        }
        tx.commit().map_err(|e| e.to_string())?;
        for change in &changes {
            let key = (change.row.kind, change.row.key.clone());
            if change.gone {
                self.saved.remove(&key);
            } else {
                self.saved.insert(key, (change.row.position, change.row.body.clone()));
            }
        }
        Ok(changes)
    }

    /// Removes the request keys first used before `cutoff` (RFC 3339) and returns
    /// them: their window is over.
    pub fn forget_request_keys(&mut self, cutoff: &str) -> DbResult<std::collections::HashSet<String>> {
        let tx = self.conn.transaction().map_err(|e| e.to_string())?;
        let keys = {
            let mut stmt = tx
                .prepare("DELETE FROM request_keys WHERE created_at < ?1 RETURNING key")
                .map_err(|e| e.to_string())?;
            let found = stmt.query_map(params![cutoff], |r| r.get::<_, String>(0)).map_err(|e| e.to_string())?;
            found.collect::<Result<_, _>>().map_err(|e| e.to_string())?
        };
        tx.commit().map_err(|e| e.to_string())?;
        Ok(keys)
    }

    #[cfg(test)]
    pub fn conn_for_tests(&self) -> &Connection {
        &self.conn
    }

    /// The request an Idempotency-Key was first used for, if any.
    pub fn request_key(&self, key: &str) -> DbResult<Option<String>> {
        self.conn
            .query_row("SELECT fingerprint FROM request_keys WHERE key = ?1", params![key], |r| r.get(0))
            .optional()
            .map_err(|e| e.to_string())
    }
}
