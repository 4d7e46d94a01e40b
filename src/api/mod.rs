//! The one API interface all UI code uses. `Api` is an enum rather than a trait
//! object because async trait methods are not object-safe, and an enum stays
//! cheap to clone into context. The UI never looks at which variant it has.

mod http;
#[cfg(feature = "demo")]
mod mock;

pub use http::{Answer, HttpApi};
#[cfg(feature = "demo")]
pub use mock::MockApi;

use domain::stt::{SessionRequest, SttSession};
use domain::upload::resume::UploadStatus;
use domain::upload::retry::Failure;
use domain::upload::{UploadRequest, UploadTicket};
use domain::{CustomModel, Dataset, ErrorCode, Language, ListQuery, Page, User};

use leptos::prelude::Callback;

use crate::config::{ApiMode, Config};

/// Everything that can go wrong talking to the backend.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The request never got an answer (offline, DNS, CORS).
    Network(String),
    /// No answer within the request's time limit.
    Timeout,
    /// The user (or the page going away) cancelled the request.
    Cancelled,
    /// The server answered with an error status, its error body if it sent one,
    /// and how long it asked to wait (`Retry-After`).
    Http { status: u16, code: Option<ErrorCode>, message: Option<String>, retry_after_ms: Option<u64> },
    /// The server answered, but not with what the contract says.
    Decode(String),
    /// An id that cannot be a path segment (`..`, say): refused before any request.
    BadId(String),
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Http { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The failure as the retry rules see it (`domain::upload::retry`).
    pub fn failure(&self) -> Failure {
        match self {
            ApiError::Timeout => Failure::Timeout,
            ApiError::Http { status, code, .. } => {
                Failure::Status { status: *status, code: code.as_ref().map(|c| c.as_wire().to_owned()) }
            }
            _ => Failure::Network,
        }
    }

    /// Answers that asking again will not change: the session is gone, access
    /// is refused, the thing is deleted, or the request was ours to end.
    pub fn ends_polling(&self) -> bool {
        matches!(self.status(), Some(401 | 403 | 404)) || matches!(self, ApiError::BadId(_) | ApiError::Cancelled)
    }

    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }

    /// A failure of the training call: the spec's training error codes become
    /// their plain-language texts. Only that call's errors are read this way; on
    /// other endpoints the same code is the server's business and its own message stands.
    fn in_training_words(self) -> ApiError {
        match self {
            ApiError::Http { status, code, message, retry_after_ms } => {
                let known = code.as_ref().and_then(ErrorCode::training);
                let message = known.map(|k| format!("{} {}", k.message(), k.next_step())).or(message);
                ApiError::Http { status, code, message, retry_after_ms }
            }
            other => other,
        }
    }

    /// What to tell the user: the server's own message, else a sentence for the status.
    pub fn user_message(&self) -> String {
        match self {
            ApiError::Network(_) => "Could not reach the server. Check your connection and try again.".into(),
            ApiError::Timeout => "The server did not answer in time. Try again.".into(),
            ApiError::Cancelled => "Cancelled.".into(),
            ApiError::BadId(id) => format!(
                "This item’s id (“{id}”) cannot be used in a request, so nothing was sent. Reload the page; if it persists, contact support."
            ),
            ApiError::Decode(_) => {
                "The server sent a response this page cannot read. Try again; if it persists, contact support.".into()
            }
            ApiError::Http { status, message, .. } => {
                if let Some(message) = message.as_deref().filter(|m| !m.trim().is_empty()) {
                    return message.trim().to_owned();
                }
                match status {
                    401 => "Your session has expired. Sign in again.".into(),
                    403 => "You do not have permission to do that.".into(),
                    404 => "It no longer exists; it may have been deleted.".into(),
                    409 => "Someone else changed this at the same time. Reload and try again.".into(),
                    429 => "Too many requests. Wait a moment and try again.".into(),
                    500..=599 => format!("The server had a problem (HTTP {status}). Try again in a moment."),
                    _ => format!("The request failed (HTTP {status})."),
                }
            }
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.user_message())
    }
}

impl std::error::Error for ApiError {}

/// The console's API, from context (`App` provides it), for the calling page
/// or dialog: its requests are aborted when that goes away.
pub fn use_api() -> Api {
    leptos::prelude::expect_context::<Api>().scoped()
}

#[derive(Clone)]
pub enum Api {
    Http(HttpApi),
    #[cfg(feature = "demo")]
    Mock(MockApi),
}

/// Refuses ids that cannot be one path segment, before any request is made.
fn check_ids(ids: &[&str]) -> ApiResult<()> {
    match ids.iter().find(|id| !domain::ids::is_path_segment(id)) {
        Some(bad) => Err(ApiError::BadId((*bad).to_owned())),
        None => Ok(()),
    }
}

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

/// Calls the same method on whichever implementation this is.
macro_rules! delegate {
    ($self:ident . $method:ident ( $($arg:expr),* )) => {
        match $self {
            Api::Http(api) => api.$method($($arg),*).await,
            #[cfg(feature = "demo")]
            Api::Mock(api) => api.$method($($arg),*).await,
        }
    };
}

impl Api {
    /// The API the config asks for, or `None` when it asks for the demo and
    /// this build has none. `notice` hears, once, when the mock cannot save the
    /// demo and keeps it in memory.
    /// The API `config` asks for; `notice` hears the mock's storage trouble,
    /// `on_unauthorized` every request the backend refused for the session.
    pub fn from_config(
        config: &Config,
        notice: Option<Callback<String>>,
        on_unauthorized: Option<Callback<Answer>>,
    ) -> Option<Api> {
        match &config.api {
            ApiMode::Http { base_url, token, token_provider } => Some(Api::Http(
                HttpApi::new(base_url.clone(), token.clone())
                    .with_host(token_provider.clone(), config.user.clone())
                    .with_timeout(config.request_timeout_ms)
                    .with_unauthorized(on_unauthorized),
            )),
            #[cfg(feature = "demo")]
            ApiMode::Mock(options) => Some(Api::Mock(MockApi::load(options, config.user.as_ref(), notice))),
            #[cfg(not(feature = "demo"))]
            ApiMode::Mock(_) => {
                let _ = notice;
                None
            }
        }
    }

    /// A copy whose requests are aborted when the current owner (a page, a
    /// dialog) is cleaned up, so nothing it asked for runs on after it.
    pub fn scoped(&self) -> Api {
        match self {
            Api::Http(http) => {
                let Ok(controller) = web_sys::AbortController::new() else { return self.clone() };
                let scoped = http.scoped(controller.signal());
                let controller = send_wrapper::SendWrapper::new(controller);
                leptos::prelude::on_cleanup(move || controller.abort());
                Api::Http(scoped)
            }
            #[cfg(feature = "demo")]
            Api::Mock(_) => self.clone(),
        }
    }

    /// The mock, for the demo-only controls (role switcher).
    #[cfg(feature = "demo")]
    pub fn as_mock(&self) -> Option<&MockApi> {
        match self {
            Api::Mock(mock) => Some(mock),
            Api::Http(_) => None,
        }
    }

    pub async fn current_user(&self) -> ApiResult<User> {
        delegate!(self.current_user())
    }

    pub async fn languages(&self) -> ApiResult<Vec<Language>> {
        delegate!(self.languages())
    }

    /// The organisation's remaining training credits.
    pub async fn credits(&self) -> ApiResult<u64> {
        delegate!(self.credits())
    }

    pub async fn list_models(&self, query: &ListQuery) -> ApiResult<Page<CustomModel>> {
        delegate!(self.list_models(query))
    }

    pub async fn model(&self, id: &str) -> ApiResult<CustomModel> {
        check_ids(&[id])?;
        delegate!(self.model(id))
    }

    /// Creates a model; `key` makes a retry after a lost answer return the same model.
    pub async fn create_model(&self, name: &str, language: &str, key: &str) -> ApiResult<CustomModel> {
        delegate!(self.create_model(name, language, key))
    }

    pub async fn rename_model(&self, id: &str, name: &str) -> ApiResult<CustomModel> {
        check_ids(&[id])?;
        delegate!(self.rename_model(id, name))
    }

    pub async fn delete_model(&self, id: &str) -> ApiResult<()> {
        check_ids(&[id])?;
        delegate!(self.delete_model(id))
    }

    /// Starts a training; `key` makes a retry after a lost answer start no second one.
    pub async fn start_training(&self, id: &str, key: &str) -> ApiResult<CustomModel> {
        check_ids(&[id])?;
        delegate!(self.start_training(id, key)).map_err(ApiError::in_training_words)
    }

    pub async fn list_datasets(&self, model_id: &str, page: u32, page_size: u32) -> ApiResult<Page<Dataset>> {
        check_ids(&[model_id])?;
        delegate!(self.list_datasets(model_id, page, page_size))
    }

    pub async fn delete_dataset(&self, model_id: &str, dataset_id: &str) -> ApiResult<()> {
        check_ids(&[model_id, dataset_id])?;
        delegate!(self.delete_dataset(model_id, dataset_id))
    }

    /// Starts a chunked upload (docs/api.md, "Uploads"); `key` makes a retry after
    /// a lost answer return the same upload.
    pub async fn start_upload(&self, model_id: &str, request: &UploadRequest, key: &str) -> ApiResult<UploadTicket> {
        check_ids(&[model_id])?;
        delegate!(self.start_upload(model_id, request, key))
    }

    /// Sends one chunk, a slice of the file that is never read into WASM memory.
    pub async fn send_chunk(&self, chunk: &ChunkRequest<'_>) -> ApiResult<()> {
        check_ids(&[chunk.upload_id])?;
        delegate!(self.send_chunk(chunk))
    }

    /// Which chunks the server holds of an upload (404 once it forgot it).
    pub async fn upload_status(&self, upload_id: &str) -> ApiResult<UploadStatus> {
        check_ids(&[upload_id])?;
        delegate!(self.upload_status(upload_id))
    }

    pub async fn complete_upload(&self, upload_id: &str, key: &str) -> ApiResult<Dataset> {
        check_ids(&[upload_id])?;
        delegate!(self.complete_upload(upload_id, key))
    }

    pub async fn abort_upload(&self, upload_id: &str) -> ApiResult<()> {
        check_ids(&[upload_id])?;
        delegate!(self.abort_upload(upload_id))
    }

    /// Starts an STT Session (Home page).
    pub async fn create_session(&self, request: &SessionRequest, key: &str) -> ApiResult<SttSession> {
        delegate!(self.create_session(request, key))
    }

    /// The newest sessions first, at most `limit`.
    pub async fn recent_sessions(&self, limit: u32) -> ApiResult<Page<SttSession>> {
        delegate!(self.recent_sessions(limit))
    }
}

// After `delegate!`, which it uses.
mod evaluations;
