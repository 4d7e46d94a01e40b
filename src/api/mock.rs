//! The in-browser backend for demos and offline use: the rules live in
//! the `backend` crate; this adds latency, the clock, simulated faults and
//! persistence, so a reload keeps the demo's state. `mock/endpoints.rs`
//! implements the contract on it.

use std::sync::{Arc, Mutex, MutexGuard};

use backend::{Refusal, Store, STATE_VERSION};
use chrono::{DateTime, Utc};
use domain::{ErrorCode, Role, User};

use leptos::prelude::{Callable, Callback};

mod endpoints;
mod live;

use super::error::{ApiError, ApiResult};
use crate::browser::storage;
use crate::config::{MockFaults, MockOptions};

/// Above this many characters of saved state, localStorage (about 5 million
/// characters per origin) would refuse it, so the demo stays in memory.
const STORAGE_BUDGET_CHARS: usize = 4_500_000;
/// A generous estimate of one model's or dataset's saved size, to decide before serialising.
const CHARS_PER_RECORD: usize = 400;

#[derive(Clone)]
pub struct MockApi {
    store: Arc<Mutex<Store>>,
    /// Told once when the demo cannot be saved and lives in memory only.
    notice: Option<Callback<String>>,
    warned: Arc<std::sync::atomic::AtomicBool>,
    latency_ms: u32,
    chunk_latency_ms: u32,
    storage_key: String,
    faults: MockFaults,
    /// While the demo's network is down (a fault): until this `Date.now()`.
    offline_until: Arc<Mutex<Option<f64>>>,
    /// Who listens to the demo's live updates, and what they last heard of.
    live: live::LiveHub,
}

impl From<Refusal> for ApiError {
    fn from(e: Refusal) -> Self {
        ApiError::Http {
            status: e.status,
            code: Some(ErrorCode::from_wire(&e.code)),
            message: Some(e.message),
            retry_after_ms: None,
        }
    }
}

impl MockApi {
    /// The saved demo when there is a readable one, else a fresh seed.
    pub fn load(options: &MockOptions, user: Option<&User>, notice: Option<Callback<String>>) -> MockApi {
        let training_ms = i64::from(options.training_ms);
        let saved = options
            .generate
            .is_none()
            .then(|| storage::get(&options.storage_key))
            .flatten()
            .and_then(|text| serde_json::from_str::<Store>(&text).ok())
            .filter(|store| store.version == STATE_VERSION);
        let mut store = saved.unwrap_or_else(|| {
            if let Some(count) = options.generate {
                Store::generated(count, options.generate_datasets, Utc::now(), training_ms)
            } else if options.empty {
                Store::empty(training_ms)
            } else {
                Store::seeded(Utc::now(), training_ms)
            }
        });
        store.training_ms = training_ms;
        if let Some(role) = options.role {
            store.set_role(role);
        }
        if let Some(user) = user {
            // A host's user keeps the demo organisation, so the demo data stays visible.
            store.user = User { organization_id: store.user.organization_id.clone(), ..user.clone() };
        }
        if let Some(credits) = options.credits {
            store.credits = credits;
        }
        if options.no_organization {
            store.user.organization_id = None;
        }
        let api = MockApi {
            store: Arc::new(Mutex::new(store)),
            notice,
            warned: Default::default(),
            latency_ms: options.latency_ms,
            chunk_latency_ms: options.chunk_latency_ms,
            storage_key: options.storage_key.clone(),
            faults: options.faults.clone(),
            offline_until: Default::default(),
            live: Default::default(),
        };
        api.save(&api.lock());
        api
    }

    fn lock(&self) -> MutexGuard<'_, Store> {
        // Single-threaded WASM: a poisoned lock only means an earlier call panicked mid-way.
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn save(&self, store: &Store) {
        let estimate = (store.model_count() + store.dataset_count()) * CHARS_PER_RECORD;
        let saved = estimate <= STORAGE_BUDGET_CHARS
            && !store.is_partly_generated()
            && serde_json::to_string(store)
                .is_ok_and(|text| text.len() <= STORAGE_BUDGET_CHARS && storage::set(&self.storage_key, &text).is_ok());
        if !saved && !self.warned.swap(true, std::sync::atomic::Ordering::Relaxed) {
            let message = "The demo data cannot be saved in this browser (too large, or storage is off); changes last until the page is closed.";
            web_sys::console::warn_1(&message.into());
            if let Some(notice) = self.notice {
                notice.run(message.to_owned());
            }
        }
    }

    /// Runs one simulated request: waits the latency, lets time pass for
    /// running trainings, applies `op`, and saves whatever changed.
    async fn call<T>(
        &self,
        mutates: bool,
        op: impl FnOnce(&mut Store, DateTime<Utc>) -> Result<T, Refusal>,
    ) -> ApiResult<T> {
        self.call_after(self.latency_ms, mutates, op).await
    }

    async fn call_after<T>(
        &self,
        latency_ms: u32,
        mutates: bool,
        op: impl FnOnce(&mut Store, DateTime<Utc>) -> Result<T, Refusal>,
    ) -> ApiResult<T> {
        if latency_ms > 0 {
            gloo_timers::future::TimeoutFuture::new(latency_ms).await;
        }
        if !mutates && js_sys::Math::random() < self.faults.read_failure_rate {
            return Err(ApiError::Http {
                status: 503,
                code: None,
                message: Some("The demo server is busy (a simulated fault). Try again.".into()),
                retry_after_ms: None,
            });
        }
        let mut store = self.lock();
        let now = Utc::now();
        let advanced = store.advance(now);
        let result = op(&mut store, now);
        let mut news = Vec::new();
        if advanced || (mutates && result.is_ok()) {
            self.save(&store);
            news = self.live.changed(&store);
            // This tab refetches after its own change (it is the demo's only client):
            // only what time moved is news to it.
            if !advanced {
                news.clear();
            }
        }
        drop(store);
        live::tell(news);
        result.map_err(ApiError::from)
    }

    /// Time passes with no request (while someone listens to live updates).
    fn tick(&self) {
        let mut store = self.lock();
        if store.advance(Utc::now()) {
            self.save(&store);
        }
        // Progress moves with no change to save, and is told too (as the server tells it).
        let news = self.live.changed(&store);
        drop(store);
        live::tell(news);
    }

    /// The demo's role switcher.
    pub fn set_role(&self, role: Role) {
        let mut store = self.lock();
        store.set_role(role);
        self.save(&store);
    }

    /// The demo's network trouble (`mock.faults`): a drop after some chunks, and
    /// chunks answered "busy" at random.
    fn play_faults(&self) -> ApiResult<()> {
        let now = js_sys::Date::now();
        let mut offline = self.offline_until.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let (None, Some(after)) = (*offline, self.faults.offline_after_chunk) {
            if self.lock().chunks_received() >= after {
                *offline = Some(now + f64::from(self.faults.offline_for_ms));
            }
        }
        if offline.is_some_and(|until| now < until) {
            return Err(ApiError::Network("the demo's network is down".into()));
        }
        if js_sys::Math::random() < self.faults.chunk_failure_rate {
            return Err(ApiError::Http {
                status: 503,
                code: None,
                message: Some("The demo server is busy.".into()),
                retry_after_ms: None,
            });
        }
        Ok(())
    }
}
