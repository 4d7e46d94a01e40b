//! The server's state: the backend's [`Store`] (the same rules as the in-browser
//! demo) behind one lock, its database, its files and its live-update channel.
//! Every request runs as [`AppState::call`]: lock, set the caller, let time pass,
//! apply the rule, write what changed, announce it.

use std::collections::HashMap;
use std::sync::Arc;

use backend::{Refusal, Store};
use chrono::{DateTime, Utc};
use domain::{Role, User};
use tokio::sync::{broadcast, watch, Mutex};

use crate::config::{Config, Seed};
use crate::db::{Change, Db};
use crate::error::{ApiError, ApiResult};
use crate::files::Files;

/// A live update: the SSE event's name and its JSON data, for the listeners of one organisation.
#[derive(Clone, Debug)]
pub struct Event {
    pub kind: &'static str,
    pub data: String,
    pub organization_id: Option<String>,
}

/// How long an Idempotency-Key and what its request made are kept (docs/api.md).
pub const KEY_WINDOW_HOURS: i64 = 24;

/// A request with an Idempotency-Key being carried out: while it lives, another
/// request with the key answers `409 idempotency_key_in_flight`.
pub struct InFlight {
    state: Arc<AppState>,
    key: String,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        let mut running = self.state.in_flight.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        running.remove(&self.key);
    }
}

/// An `Idempotency-Key` with the request it came with (method, path, body digest).
pub struct RequestKey {
    pub key: String,
    pub fingerprint: String,
}

pub struct AppState {
    pub config: Config,
    pub files: Files,
    /// Who may open `GET /events` without a header.
    pub tickets: crate::tickets::Tickets,
    inner: Mutex<Inner>,
    events: broadcast::Sender<Event>,
    /// Each model's organisation, kept after the model is deleted, so the events
    /// of its datasets and tests (and of its deletion) reach only that organisation.
    organizations: std::sync::Mutex<HashMap<String, String>>,
    /// Set when the server stops, so open event streams end and shutdown is not held up.
    closing: watch::Sender<bool>,
    /// The Idempotency-Keys of the requests being carried out.
    in_flight: std::sync::Mutex<std::collections::HashSet<String>>,
}

struct Inner {
    store: Store,
    db: Db,
}

/// No one in particular: the user the store acts as when no request does.
fn nobody() -> User {
    User { id: String::new(), name: String::new(), role: Role::Member, organization_id: None }
}

impl AppState {
    /// Opens the data directory: the saved state, or a fresh seed on first start.
    pub fn open(config: Config) -> Result<Arc<AppState>, String> {
        let files = Files::open(&config.data_dir)?;
        let mut db = Db::open(&config.data_dir.join("cm.sqlite3"))?;
        let mut store = match db.load(nobody())? {
            Some(store) => store,
            None => match config.seed {
                Seed::Demo => Store::seeded(Utc::now(), config.training_ms),
                Seed::Empty => Store::empty(config.training_ms),
            },
        };
        store.training_ms = config.training_ms;
        db.save(&store, None)?;
        let organizations = store
            .rows()
            .into_iter()
            .filter_map(|row| Some((row.key.clone(), row.organization_id()?)))
            .collect::<HashMap<_, _>>();
        let (events, _) = broadcast::channel(256);
        let (closing, _) = watch::channel(false);
        Ok(Arc::new(AppState {
            config,
            files,
            tickets: Default::default(),
            inner: Mutex::new(Inner { store, db }),
            events,
            organizations: std::sync::Mutex::new(organizations),
            closing,
            in_flight: Default::default(),
        }))
    }

    /// Runs one rule of the backend as `user`.
    pub async fn call<T>(
        &self,
        user: &User,
        op: impl FnOnce(&mut Store, DateTime<Utc>) -> Result<T, Refusal>,
    ) -> ApiResult<T> {
        self.run(Some(user), None, op).await
    }

    /// Runs a creating rule once per `Idempotency-Key`: the same key with another
    /// request is refused (422); with the same request, the rule's own replay answers.
    pub async fn call_once<T>(
        &self,
        user: &User,
        key: &RequestKey,
        op: impl FnOnce(&mut Store, DateTime<Utc>) -> Result<T, Refusal>,
    ) -> ApiResult<T> {
        self.run(Some(user), Some(key), op).await
    }

    /// Lets time pass with no request: trainings, tests and checks move on.
    pub async fn tick(&self) -> ApiResult<()> {
        self.run(None, None, |_, _| Ok(())).await
    }

    /// Forgets the Idempotency-Keys whose 24 hours are over, with what their
    /// requests made: the same key again is a new request (docs/api.md).
    pub async fn forget_old_keys(&self) -> ApiResult<()> {
        let cutoff = (Utc::now() - chrono::Duration::hours(KEY_WINDOW_HOURS)).to_rfc3339();
        let mut inner = self.inner.lock().await;
        let Inner { store, db } = &mut *inner;
        let keys = db.forget_request_keys(&cutoff).map_err(|e| ApiError::unavailable("forget old request keys", e))?;
        if !keys.is_empty() {
            store.forget_replies(&keys);
            db.save(store, None).map_err(|e| ApiError::unavailable("save the change", e))?;
        }
        Ok(())
    }

    /// Marks `key` as being carried out; `None` while another request with it is.
    pub fn begin(self: &Arc<Self>, key: &str) -> Option<InFlight> {
        let mut running = self.in_flight.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        running.insert(key.to_owned()).then(|| InFlight { state: self.clone(), key: key.to_owned() })
    }

    /// Removes the chunks of uploads that expired or were left behind, and the
    /// audio files no session took before they expired.
    pub async fn sweep_chunks(&self) {
        let (live, audio) = {
            let inner = self.inner.lock().await;
            (inner.store.upload_ids().into_iter().collect(), inner.store.kept_audio_ids())
        };
        // An hour's grace: a chunk of an upload being completed is never swept.
        let grace = std::time::Duration::from_secs(3600);
        self.files.sweep(&live, grace).await;
        self.files.sweep_audio(&audio, grace).await;
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.events.subscribe()
    }

    /// Ends the event streams: the server is stopping.
    pub fn close(&self) {
        self.closing.send_replace(true);
    }

    /// Resolves when the server stops.
    pub fn closed(&self) -> impl std::future::Future<Output = ()> + Send + 'static {
        let mut closing = self.closing.subscribe();
        async move {
            let _ = closing.wait_for(|closing| *closing).await;
        }
    }

    async fn run<T>(
        &self,
        user: Option<&User>,
        key: Option<&RequestKey>,
        op: impl FnOnce(&mut Store, DateTime<Utc>) -> Result<T, Refusal>,
    ) -> ApiResult<T> {
        let mut inner = self.inner.lock().await;
        let Inner { store, db } = &mut *inner;
        let now = Utc::now();
        if let Some(key) = key {
            let first = db.request_key(&key.key).map_err(|e| ApiError::unavailable("read the request keys", e))?;
            if first.is_some_and(|f| f != key.fingerprint) {
                return Err(ApiError::new(
                    axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                    "idempotency_key_reused",
                    "That Idempotency-Key was used for another request.",
                ));
            }
        }
        // Time passes for every organisation alike, then the rule runs as the caller.
        store.advance(now);
        store.user = user.cloned().unwrap_or_else(nobody);
        let result = op(store, now);
        // The key is kept only for a request that was carried out, with its change.
        let stamp = now.to_rfc3339();
        let made = key.filter(|_| result.is_ok()).map(|k| (k.key.as_str(), k.fingerprint.as_str(), stamp.as_str()));
        let changes = db.save(store, made).map_err(|e| ApiError::unavailable("save the change", e))?;
        drop(inner);
        self.announce(changes);
        result.map_err(ApiError::from)
    }

    /// Tells the listeners of `GET /events`, and removes the files of deleted datasets.
    fn announce(&self, changes: Vec<Change>) {
        let mut organizations = self.organizations.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        for change in changes {
            let row = &change.row;
            if change.gone && row.kind == "dataset" {
                self.files.remove_dataset(&row.key);
            }
            if let Some(org) = row.organization_id() {
                organizations.insert(row.key.clone(), org);
            }
            let Some(event) = row.live_event(change.gone) else { continue };
            let organization_id = organizations.get(&event.model_id).cloned();
            // No listener is not an error.
            let _ = self.events.send(Event { kind: event.name, data: event.data.to_string(), organization_id });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(name: &str) -> Arc<AppState> {
        let dir = std::env::temp_dir().join(format!("cm-state-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let args = ["--data-dir", dir.to_str().unwrap_or("."), "--seed", "empty"].map(String::from);
        let config = Config::parse(args, |_| None).expect("config");
        AppState::open(config).expect("state")
    }

    #[test]
    fn a_key_is_in_flight_until_its_request_ends() {
        let state = state("flight");
        let first = state.begin("org_acme POST /v1/x k");
        assert!(first.is_some());
        assert!(state.begin("org_acme POST /v1/x k").is_none(), "the same key while the first runs");
        assert!(state.begin("org_beta POST /v1/x k").is_some(), "another organisation's key is another request");
        drop(first);
        assert!(state.begin("org_acme POST /v1/x k").is_some(), "free again once the first has answered");
    }

    #[tokio::test]
    async fn keys_past_their_window_are_forgotten_with_what_they_made() {
        let state = state("window");
        let user =
            User { id: "u".into(), name: "U".into(), role: Role::OrgAdmin, organization_id: Some("org_acme".into()) };
        let key = RequestKey { key: "org_acme POST /v1/custom-models k".into(), fingerprint: "f".into() };
        let make = |s: &mut Store, now| s.create_model_once("Kept a day", "en-US", now, &key.key);
        let first = state.call_once(&user, &key, make).await.expect("made");
        {
            let inner = state.inner.lock().await;
            let old = (Utc::now() - chrono::Duration::hours(KEY_WINDOW_HOURS + 1)).to_rfc3339();
            inner.db.conn_for_tests().execute("UPDATE request_keys SET created_at = ?1", [old]).expect("aged");
        }
        state.forget_old_keys().await.expect("forgotten");
        let other = RequestKey { fingerprint: "another body".into(), ..key };
        let make = |s: &mut Store, now| s.create_model_once("A day later", "en-US", now, &other.key);
        let second = state.call_once(&user, &other, make).await.expect("a new request, not 422");
        assert_ne!(first.id, second.id);
    }
}
