//! The backend contract of docs/api.md in code: one method per endpoint, each
//! written once here and once in each implementation (`HttpApi` in `http/`,
//! `MockApi` in `mock/`). The product says "test" where the contract says
//! "evaluation" (docs/architecture.md, "Names").
//!
//! Both implementations keep two rules: an id that cannot be one path segment
//! (`..`, say) is refused before anything is sent ([`check_ids`], giving
//! `ApiError::BadId`), and the training call's errors are given in the
//! training's own words (`ApiError::in_training_words`).
//!
//! Adding an endpoint: a method here, its implementation in `http/endpoints.rs`
//! and `mock/endpoints.rs`, its section in docs/api.md, and tests (tests/web.rs
//! for the mock, tests/e2e for HTTP).
//!
//! [`check_ids`]: super::error::check_ids

use async_trait::async_trait;
use domain::evaluation::{Evaluation, Utterance, UtteranceFilter, UtteranceSort};
use domain::stt::{SessionRequest, SttSession};
use domain::upload::resume::UploadStatus;
use domain::upload::session_audio::{SessionAudio, SessionAudioRequest};
use domain::upload::{UploadRequest, UploadTicket};
use domain::{CustomModel, Dataset, Language, ListQuery, Page, User};

use super::error::ApiResult;

/// One chunk of an upload, ready to send: its bytes stay a `Blob` in the browser.
pub struct ChunkRequest<'a> {
    pub upload_id: &'a str,
    pub index: u64,
    pub blob: &'a web_sys::Blob,
    /// `Content-Digest: sha-256=:…:` of these bytes.
    pub digest: String,
    /// Aborts the request at once (the user's Cancel).
    pub cancel: &'a web_sys::AbortSignal,
    pub timeout_ms: u32,
}

/// Hears the live-update stream: opened, each event, closed.
pub type StreamListener = std::rc::Rc<dyn Fn(domain::live::StreamNews)>;

/// An open live-update stream; dropping it closes it (and its listener hears nothing more).
pub struct EventStream(Option<Box<dyn FnOnce()>>);

impl EventStream {
    pub fn new(close: impl FnOnce() + 'static) -> Self {
        EventStream(Some(Box::new(close)))
    }
}

impl Drop for EventStream {
    fn drop(&mut self) {
        if let Some(close) = self.0.take() {
            close();
        }
    }
}

/// Every request the console makes. Futures are not `Send`: the browser has one thread.
#[async_trait(?Send)]
pub trait Backend {
    async fn current_user(&self) -> ApiResult<User>;

    async fn languages(&self) -> ApiResult<Vec<Language>>;

    /// The organisation's remaining training credits.
    async fn credits(&self) -> ApiResult<u64>;

    // Models (docs/api.md, "Custom models").

    async fn list_models(&self, query: &ListQuery) -> ApiResult<Page<CustomModel>>;

    async fn model(&self, id: &str) -> ApiResult<CustomModel>;

    /// Creates a model; `key` makes a retry after a lost answer return the same model.
    async fn create_model(&self, name: &str, language: &str, key: &str) -> ApiResult<CustomModel>;

    async fn rename_model(&self, id: &str, name: &str) -> ApiResult<CustomModel>;

    async fn delete_model(&self, id: &str) -> ApiResult<()>;

    /// Starts a training; `key` makes a retry after a lost answer start no second one.
    async fn start_training(&self, id: &str, key: &str) -> ApiResult<CustomModel>;

    /// Cancels a running training (ORGADMIN and SYSOP only); the credit is given back.
    async fn cancel_training(&self, id: &str) -> ApiResult<CustomModel>;

    // Datasets and their uploads (docs/api.md, "Datasets" and "Uploads (chunked, resumable)").

    async fn list_datasets(&self, model_id: &str, page: u32, page_size: u32) -> ApiResult<Page<Dataset>>;

    async fn delete_dataset(&self, model_id: &str, dataset_id: &str) -> ApiResult<()>;

    /// Starts a chunked upload; `key` makes a retry after a lost answer return the same upload.
    async fn start_upload(&self, model_id: &str, request: &UploadRequest, key: &str) -> ApiResult<UploadTicket>;

    /// Sends one chunk, a slice of the file that is never read into WASM memory.
    async fn send_chunk(&self, chunk: &ChunkRequest<'_>) -> ApiResult<()>;

    /// Which chunks the server holds of an upload (404 once it forgot it).
    async fn upload_status(&self, upload_id: &str) -> ApiResult<UploadStatus>;

    async fn complete_upload(&self, upload_id: &str, key: &str) -> ApiResult<Dataset>;

    async fn abort_upload(&self, upload_id: &str) -> ApiResult<()>;

    // Tests of a trained model (docs/api.md, "Evaluations"), and versions: models
    // made `from_model_id` another ("Custom models").

    /// Starts a test of a trained model on its TEST datasets; `key` makes a
    /// retry after a lost answer start no second one.
    async fn create_evaluation(
        &self,
        model_id: &str,
        name: &str,
        dataset_ids: &[String],
        key: &str,
    ) -> ApiResult<Evaluation>;

    /// A model's tests, newest first.
    async fn list_evaluations(&self, model_id: &str, page: u32, page_size: u32) -> ApiResult<Page<Evaluation>>;

    async fn evaluation(&self, id: &str) -> ApiResult<Evaluation>;

    async fn delete_evaluation(&self, id: &str) -> ApiResult<()>;

    async fn utterances(
        &self,
        id: &str,
        page: u32,
        page_size: u32,
        filter: UtteranceFilter,
        sort: UtteranceSort,
    ) -> ApiResult<Page<Utterance>>;

    /// A new model on the same language with `from_model_id`'s datasets copied.
    async fn create_version(&self, from_model_id: &str, name: &str, key: &str) -> ApiResult<CustomModel>;

    /// The models made from `model_id`.
    async fn versions(&self, model_id: &str) -> ApiResult<Page<CustomModel>>;

    /// Subscribes to live updates (docs/api.md, "Live updates"): `listener` hears
    /// [`StreamNews::Open`] once listening, then the events, then at most one
    /// [`StreamNews::Closed`]. An error: no stream now (the console polls instead).
    ///
    /// [`StreamNews::Open`]: domain::live::StreamNews::Open
    /// [`StreamNews::Closed`]: domain::live::StreamNews::Closed
    async fn open_events(&self, listener: StreamListener) -> ApiResult<EventStream>;

    // STT Sessions (docs/api.md, "STT Sessions"; the Home page). Their audio goes
    // up first by the upload protocol above: its own start, the same chunks, and a
    // complete that answers the upload the session request then names.

    /// Starts the upload of a session's audio (`POST /uploads`); `key` as for any start.
    async fn start_session_audio(&self, request: &SessionAudioRequest, key: &str) -> ApiResult<UploadTicket>;

    /// Completes a session's audio upload; the answer's `upload_id` goes in the session request.
    async fn complete_session_audio(&self, upload_id: &str, key: &str) -> ApiResult<SessionAudio>;

    async fn create_session(&self, request: &SessionRequest, key: &str) -> ApiResult<SttSession>;

    /// The newest sessions first, at most `limit`.
    async fn recent_sessions(&self, limit: u32) -> ApiResult<Page<SttSession>>;
}
