//! The store as rows, one table per kind of entity, for a host that keeps it in
//! a database (the reference server's SQLite) rather than as one document (the
//! demo's localStorage). Each row is a key and the entity's JSON; a host saves
//! the rows that changed after each request and loads them all at start.

use serde::Serialize;
use serde_json::{Map, Value};

use super::*;

/// The kinds of rows, each a table of its own in a host's database.
pub const KINDS: [&str; 9] = ["meta", "model", "dataset", "upload", "evaluation", "session", "check", "reply", "text"];

/// One entity: its kind, its key within the kind, its place in the store's
/// order (lists keep the order entities were added in) and its JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub kind: &'static str,
    pub key: String,
    pub position: i64,
    pub body: String,
}

/// A row that could not be read back: the host's database was changed by hand or by a newer version.
#[derive(Debug)]
pub struct UnreadableRows(pub String);

impl std::fmt::Display for UnreadableRows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the saved state cannot be read: {}", self.0)
    }
}

fn json(value: &impl Serialize) -> String {
    // Plain data with string keys: serialising it cannot fail; `null` would only lose that entity.
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

impl Row {
    /// The organisation a model row belongs to, so a host tells its events only to that organisation.
    pub fn organization_id(&self) -> Option<String> {
        if self.kind != "model" {
            return None;
        }
        let body: Value = serde_json::from_str(&self.body).ok()?;
        body.pointer("/model/organization_id")?.as_str().map(str::to_owned)
    }

    /// What a live-update event tells about this entity, in the API's words: its
    /// id, its model's id and its status. `None` for kinds no one watches.
    pub fn event(&self) -> Option<Value> {
        let body: Value = serde_json::from_str(&self.body).ok()?;
        let (entity, status) = match self.kind {
            "model" => (body.get("model")?, "/status"),
            "dataset" => (&body, "/check/status"),
            "evaluation" => (body.get("evaluation")?, "/status"),
            _ => return None,
        };
        let model_id = if self.kind == "model" { entity.get("id") } else { entity.get("model_id") };
        let mut event = Map::new();
        event.insert("id".into(), Value::String(self.key.clone()));
        event.insert("model_id".into(), model_id.cloned().unwrap_or(Value::Null));
        event.insert("status".into(), entity.pointer(status).cloned().unwrap_or(Value::Null));
        if let Some(progress) = entity.get("progress").filter(|p| !p.is_null()) {
            event.insert("progress".into(), progress.clone());
        }
        Some(Value::Object(event))
    }
}

impl Store {
    /// Every entity as a row. The user is not among them: a host with many users
    /// sets [`Store::user`] for each request.
    pub fn rows(&self) -> Vec<Row> {
        self.rows_of(false)
    }

    /// Every row, or (`watched_only`) only models, datasets and tests, which live updates announce.
    pub(crate) fn rows_of(&self, watched_only: bool) -> Vec<Row> {
        let mut rows = Vec::new();
        let mut push = |kind: &'static str, key: &str, position: usize, body: String| {
            rows.push(Row { kind, key: key.to_owned(), position: position as i64, body });
        };
        for (i, m) in self.models.iter().enumerate() {
            push("model", &m.model.id, i, json(m));
        }
        for (i, d) in self.datasets.iter().enumerate() {
            push("dataset", &d.id, i, json(d));
        }
        for (i, e) in self.evaluations.iter().enumerate() {
            push("evaluation", &e.evaluation.id, i, json(e));
        }
        if watched_only {
            return rows;
        }
        push("meta", "version", 0, json(&self.version));
        push("meta", "languages", 1, json(&self.languages));
        push("meta", "credits", 2, json(&self.credits));
        push("meta", "training_ms", 3, json(&self.training_ms));
        push("meta", "next_id", 4, json(&self.next_id));
        for (i, u) in self.uploads.iter().enumerate() {
            push("upload", &u.id, i, json(u));
        }
        for (i, s) in self.sessions.iter().enumerate() {
            push("session", &s.id, i, json(s));
        }
        for (i, c) in self.checks.iter().enumerate() {
            push("check", &c.dataset_id, i, json(c));
        }
        for (i, (key, id)) in self.replies.iter().enumerate() {
            push("reply", key, i, json(id));
        }
        for (i, (id, text)) in self.texts.iter().enumerate() {
            push("text", id, i, json(text));
        }
        rows
    }

    /// The store the rows were made from, acting as `user` until a host sets another.
    pub fn from_rows(rows: impl IntoIterator<Item = Row>, user: User) -> Result<Store, UnreadableRows> {
        let mut rows: Vec<Row> = rows.into_iter().collect();
        rows.sort_by_key(|r| r.position);
        let mut doc = Map::new();
        let mut lists: [(&str, &str, Vec<Value>); 6] = [
            ("model", "models", vec![]),
            ("dataset", "datasets", vec![]),
            ("upload", "uploads", vec![]),
            ("evaluation", "evaluations", vec![]),
            ("session", "sessions", vec![]),
            ("check", "checks", vec![]),
        ];
        let (mut replies, mut texts) = (Map::new(), Map::new());
        for row in rows {
            let body: Value = serde_json::from_str(&row.body)
                .map_err(|e| UnreadableRows(format!("{} {}: {e}", row.kind, row.key)))?;
            match row.kind {
                "meta" => drop(doc.insert(row.key, body)),
                "reply" => drop(replies.insert(row.key, body)),
                "text" => drop(texts.insert(row.key, body)),
                kind => match lists.iter_mut().find(|(k, _, _)| *k == kind) {
                    Some((_, _, list)) => list.push(body),
                    None => return Err(UnreadableRows(format!("unknown kind {kind}"))),
                },
            }
        }
        for (_, field, list) in lists {
            doc.insert(field.into(), Value::Array(list));
        }
        doc.insert("replies".into(), Value::Object(replies));
        doc.insert("texts".into(), Value::Object(texts));
        doc.insert("user".into(), serde_json::to_value(&user).map_err(|e| UnreadableRows(e.to_string()))?);
        let mut store: Store = serde_json::from_value(Value::Object(doc)).map_err(|e| UnreadableRows(e.to_string()))?;
        if store.version != STATE_VERSION {
            return Err(UnreadableRows(format!("version {} (this build reads {STATE_VERSION})", store.version)));
        }
        store.reindex();
        Ok(store)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::*;
    use super::Row;
    use serde_json::Value;

    #[test]
    fn the_rows_make_the_same_store_again() {
        let mut store = Store::seeded(now(), 1_000);
        let m = store.create_model("Rows", "en-US", now()).unwrap();
        let request = UploadRequest {
            file_name: "../../etc/passwd".into(),
            size: CHUNK_BYTES + 1,
            dataset_type: DatasetType::Transcript,
            duration_seconds: None,
        };
        let ticket = store.start_upload_once(&m.id, request.clone(), now(), "k").unwrap();
        store.receive_chunk(&ticket.upload_id, 1, None).unwrap();
        let rows = store.rows();
        let mut again = Store::from_rows(rows.clone().into_iter().rev(), store.user.clone()).unwrap();
        assert_eq!(again.rows(), rows);
        assert_eq!(again.upload_status(&ticket.upload_id).unwrap().received, [1]);
        assert_eq!(again.all_models().last().map(|m| m.name.as_str()), Some("Rows"));
        let retried = UploadRequest { file_name: "a.txt".into(), ..request };
        assert_eq!(again.start_upload_once(&m.id, retried, now(), "k").unwrap(), ticket, "idempotency survives");
    }

    #[test]
    fn unreadable_rows_are_an_error_not_a_panic() {
        let user = Store::empty(0).user;
        let bad = |kind: &'static str, body: &str| Row { kind, key: "x".into(), position: 0, body: body.into() };
        assert!(Store::from_rows([bad("model", "{")], user.clone()).is_err());
        assert!(Store::from_rows([bad("model", "{}")], user.clone()).is_err());
        assert!(Store::from_rows([bad("nonsense", "1")], user.clone()).is_err());
        assert!(Store::from_rows([], user).is_err(), "no meta: no version");
    }

    #[test]
    fn events_name_the_entity_its_model_and_its_status() {
        let mut store = Store::empty(1_000);
        let m = store.create_model("Events", "en-US", now()).unwrap();
        upload_text(&mut store, &m.id, "a.vtt", DatasetType::Transcript, "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n");
        let events: Vec<(&str, Value)> = store.rows().iter().filter_map(|r| Some((r.kind, r.event()?))).collect();
        let model = &events.iter().find(|(k, _)| *k == "model").unwrap().1;
        assert_eq!((model["id"].as_str(), model["status"].as_u64()), (Some(m.id.as_str()), Some(2)));
        let dataset = &events.iter().find(|(k, _)| *k == "dataset").unwrap().1;
        assert_eq!(
            (dataset["model_id"].as_str(), dataset["status"].as_str()),
            (Some(m.id.as_str()), Some("validating"))
        );
        assert_eq!(events.len(), 2, "meta and texts are nobody's event");
        let model_row = store.rows().into_iter().find(|r| r.kind == "model").unwrap();
        assert_eq!(model_row.organization_id(), store.user.organization_id);
    }
}
