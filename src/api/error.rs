//! Everything that can go wrong talking to the backend, as one type the views
//! show (`user_message`), and the two rules every implementation applies.

use domain::upload::retry::Failure;
use domain::ErrorCode;

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
    pub fn in_training_words(self) -> ApiError {
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

/// Refuses ids that cannot be one path segment, before any request is made.
pub fn check_ids(ids: &[&str]) -> ApiResult<()> {
    match ids.iter().find(|id| !domain::ids::is_path_segment(id)) {
        Some(bad) => Err(ApiError::BadId((*bad).to_owned())),
        None => Ok(()),
    }
}
