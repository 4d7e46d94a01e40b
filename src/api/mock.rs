//! The in-browser backend for demos and offline use: the rules live in
//! the `backend` crate; this adds latency, the clock and persistence, so a
//! reload keeps the demo's state.

use std::sync::{Arc, Mutex, MutexGuard};

use backend::{Refusal, Store, STATE_VERSION};
use chrono::{DateTime, Utc};
use domain::stt::{SessionRequest, SttSession};
use domain::upload::resume::UploadStatus;
use domain::upload::{UploadRequest, UploadTicket};
use domain::{CustomModel, Dataset, ErrorCode, Language, ListQuery, Page, Role, User};

use leptos::prelude::{Callable, Callback};

mod evaluations;

use super::{ApiError, ApiResult, ChunkRequest};
use crate::browser::network::{content_digest, wait};
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
        if advanced || (mutates && result.is_ok()) {
            self.save(&store);
        }
        result.map_err(ApiError::from)
    }

    /// The demo's role switcher.
    pub fn set_role(&self, role: Role) {
        let mut store = self.lock();
        store.set_role(role);
        self.save(&store);
    }

    pub async fn current_user(&self) -> ApiResult<User> {
        self.call(false, |s, _| Ok(s.user.clone())).await
    }

    pub async fn languages(&self) -> ApiResult<Vec<Language>> {
        self.call(false, |s, _| Ok(s.languages.clone())).await
    }

    pub async fn credits(&self) -> ApiResult<u64> {
        self.call(false, |s, _| Ok(s.credits)).await
    }

    pub async fn list_models(&self, query: &ListQuery) -> ApiResult<Page<CustomModel>> {
        self.call(false, |s, _| Ok(s.list_models(query))).await
    }

    pub async fn model(&self, id: &str) -> ApiResult<CustomModel> {
        self.call(false, |s, _| s.model(id)).await
    }

    pub async fn create_model(&self, name: &str, language: &str, key: &str) -> ApiResult<CustomModel> {
        self.call(true, |s, now| s.create_model_once(name, language, now, key)).await
    }

    pub async fn rename_model(&self, id: &str, name: &str) -> ApiResult<CustomModel> {
        self.call(true, |s, now| s.rename_model(id, name, now)).await
    }

    pub async fn delete_model(&self, id: &str) -> ApiResult<()> {
        self.call(true, |s, _| s.delete_model(id)).await
    }

    pub async fn start_training(&self, id: &str, key: &str) -> ApiResult<CustomModel> {
        self.call(true, |s, now| s.start_training_once(id, now, key)).await
    }

    pub async fn list_datasets(&self, model_id: &str, page: u32, page_size: u32) -> ApiResult<Page<Dataset>> {
        self.call(false, |s, _| s.list_datasets(model_id, page, page_size)).await
    }

    pub async fn delete_dataset(&self, model_id: &str, dataset_id: &str) -> ApiResult<()> {
        self.call(true, |s, now| s.delete_dataset(model_id, dataset_id, now)).await
    }

    pub async fn start_upload(&self, model_id: &str, request: &UploadRequest, key: &str) -> ApiResult<UploadTicket> {
        self.call(true, |s, now| s.start_upload_once(model_id, request.clone(), now, key)).await
    }

    /// Accepts a chunk after the simulated transfer time, checking its digest
    /// as a backend would. Like a backend, the mock looks at the first chunk's
    /// bytes (at most one chunk is ever read), and it plays the configured faults.
    pub async fn send_chunk(&self, chunk: &ChunkRequest<'_>) -> ApiResult<()> {
        if !wait(Some(self.chunk_latency_ms), chunk.cancel).await {
            return Err(ApiError::Cancelled);
        }
        self.play_faults()?;
        if content_digest(chunk.blob).await.as_deref() != Some(chunk.digest.as_str()) {
            return Err(Refusal {
                status: 400,
                code: "checksum_mismatch".into(),
                message: "The chunk did not arrive intact.".into(),
            }
            .into());
        }
        let first_bytes = if chunk.index == 0 {
            let buffer = wasm_bindgen_futures::JsFuture::from(chunk.blob.array_buffer())
                .await
                .map_err(|_| ApiError::Network("the file could not be read".into()))?;
            Some(js_sys::Uint8Array::new(&buffer).to_vec())
        } else {
            None
        };
        self.call_after(0, true, |s, _| s.receive_chunk(chunk.upload_id, chunk.index, first_bytes.as_deref())).await
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

    pub async fn upload_status(&self, upload_id: &str) -> ApiResult<UploadStatus> {
        self.call(false, |s, _| s.upload_status(upload_id)).await
    }

    pub async fn complete_upload(&self, upload_id: &str, key: &str) -> ApiResult<Dataset> {
        self.call(true, |s, now| s.complete_upload_once(upload_id, now, key)).await
    }

    pub async fn abort_upload(&self, upload_id: &str) -> ApiResult<()> {
        self.call(false, |s, _| s.abort_upload(upload_id)).await
    }

    pub async fn create_session(&self, request: &SessionRequest, key: &str) -> ApiResult<SttSession> {
        self.call(true, |s, now| s.create_session_once(request.clone(), now, key)).await
    }

    pub async fn recent_sessions(&self, limit: u32) -> ApiResult<Page<SttSession>> {
        self.call(false, |s, _| {
            let items = s.recent_sessions(limit as usize);
            Ok(Page { total: items.len() as u64, page: 1, page_size: limit, skipped: 0, items })
        })
        .await
    }
}
