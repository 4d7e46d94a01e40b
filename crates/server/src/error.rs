//! The one error of the server: every refusal, malformed request and failure
//! answers `{ "error": code, "message": text }` with its status (docs/api.md,
//! "Errors"), never a bare status, a stack trace or a panic.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use backend::Refusal;
use serde_json::json;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: String,
    pub message: String,
}

pub type ApiResult<T> = Result<T, ApiError>;

const IN_FLIGHT: &str = "idempotency_key_in_flight";

impl ApiError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        ApiError { status, code: code.into(), message: message.into() }
    }

    /// The request breaks the contract: malformed JSON, a missing field, a bad parameter.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "invalid_request", message)
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", "Nothing is at that path.")
    }

    pub fn unauthorized() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized", "Sign in again: the token is missing or unknown.")
    }

    pub fn unsupported_media_type(expected: &str) -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("The body must be sent as {expected}."),
        )
    }

    pub fn too_large(limit: u64) -> Self {
        Self::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", format!("The body may be at most {limit} bytes."))
    }

    /// Another request with the same Idempotency-Key is still being carried out.
    pub fn in_flight() -> Self {
        Self::new(StatusCode::CONFLICT, IN_FLIGHT, "That request is still being carried out. Try again in a moment.")
    }

    /// Something on the server's side (disk, database) failed; said without its details.
    pub fn unavailable(context: &str, detail: impl std::fmt::Display) -> Self {
        eprintln!("cm-server: {context}: {detail}");
        Self::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", format!("The server could not {context}. Try again."))
    }
}

impl From<Refusal> for ApiError {
    fn from(r: Refusal) -> Self {
        let status = StatusCode::from_u16(r.status).unwrap_or(StatusCode::BAD_REQUEST);
        ApiError { status, code: r.code, message: r.message }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Json(json!({ "error": self.code, "message": self.message }));
        let mut response = (self.status, body).into_response();
        if self.code == IN_FLIGHT {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// The last guard (tower-http's CatchPanic): a bug answers 500 in the error shape, not a dropped connection.
pub fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    eprintln!("cm-server: a request handler panicked");
    ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "The server failed on this request.").into_response()
}
