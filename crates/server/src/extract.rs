//! What a request carries, read once at the edge: the caller (bearer token), a
//! JSON body, query parameters, the Idempotency-Key. Each refuses malformed
//! input with the error shape, never axum's plain-text rejections.

use std::sync::Arc;

use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use domain::pagination::{DEFAULT_PAGE_SIZE, PAGE_SIZES};
use domain::User;
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use crate::error::{ApiError, ApiResult};
use crate::files::{drain, is_safe_id, DRAIN_BYTES};
use crate::state::{AppState, InFlight, RequestKey};

/// The most a JSON body may be.
pub const JSON_LIMIT: usize = 1024 * 1024;

/// The signed-in user, from `Authorization: Bearer <token>`.
pub struct Caller(pub User);

impl FromRequestParts<Arc<AppState>> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<AppState>) -> ApiResult<Self> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
            .map(str::trim);
        if let Some(user) = token.and_then(|t| state.config.tokens.get(t)) {
            return Ok(Caller(user.clone()));
        }
        // EventSource cannot send headers: `GET /events?ticket=…`, a ticket from `POST /events/tickets`.
        let ticket = (token.is_none() && parts.uri.path().ends_with("/events"))
            .then(|| query_value(parts.uri.query(), "ticket"))
            .flatten();
        ticket.and_then(|t| state.tickets.redeem(t)).map(Caller).ok_or_else(ApiError::unauthorized)
    }
}

fn query_value<'a>(query: Option<&'a str>, name: &str) -> Option<&'a str> {
    query?.split('&').find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
}

/// A JSON body (`Content-Type: application/json`), unknown fields refused by its type.
pub struct JsonBody<T> {
    pub value: T,
    /// The SHA-256 of the bytes, which tells two requests with one Idempotency-Key apart.
    pub fingerprint: String,
}

impl<T: DeserializeOwned> FromRequest<Arc<AppState>> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, _: &Arc<AppState>) -> ApiResult<Self> {
        content_type_is(req.headers(), "application/json")?;
        let mut stream = req.into_body().into_data_stream();
        let mut bytes = Vec::new();
        while let Some(frame) = stream.next().await {
            let frame = frame.map_err(|_| ApiError::invalid("The body could not be read to its end."))?;
            if bytes.len() + frame.len() > JSON_LIMIT {
                // Read on, so the client hears the refusal (see `files::DRAIN_BYTES`).
                drain(stream, DRAIN_BYTES).await;
                return Err(ApiError::too_large(JSON_LIMIT as u64));
            }
            bytes.extend_from_slice(&frame);
        }
        let value = serde_json::from_slice(&bytes)
            .map_err(|e| ApiError::invalid(format!("The body is not the JSON expected: {e}.")))?;
        Ok(JsonBody { value, fingerprint: fingerprint(&bytes) })
    }
}

/// Refuses a body of another type (415), or none at all (400: the body is required).
pub fn content_type_is(headers: &HeaderMap, expected: &str) -> ApiResult<()> {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        let empty = headers.get(header::CONTENT_LENGTH).is_none_or(|n| n.as_bytes() == b"0")
            && headers.get(header::TRANSFER_ENCODING).is_none();
        return Err(if empty {
            ApiError::invalid(format!("The request needs a body ({expected})."))
        } else {
            ApiError::unsupported_media_type(expected)
        });
    };
    let mime = value.to_str().ok().and_then(|v| v.split(';').next()).map(str::trim);
    if mime.is_some_and(|m| m.eq_ignore_ascii_case(expected)) {
        Ok(())
    } else {
        Err(ApiError::unsupported_media_type(expected))
    }
}

pub fn fingerprint(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The query string's parameters, as sent.
pub struct Params(pub Vec<(String, String)>);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> ApiResult<Self> {
        let Query(pairs) = Query::<Vec<(String, String)>>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::invalid("The query string cannot be read."))?;
        Ok(Params(pairs))
    }
}

impl Params {
    pub fn get(&self, name: &str) -> Option<String> {
        self.0.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    /// `page` (from 1) and `page_size` (25, 50, 75 or 100), strictly.
    pub fn paging(&self) -> ApiResult<(u32, u32)> {
        let page = match self.get("page") {
            None => 1,
            Some(p) => p
                .parse()
                .ok()
                .filter(|p| *p >= 1)
                .ok_or_else(|| ApiError::invalid("page must be a whole number from 1."))?,
        };
        let page_size = match self.get("page_size") {
            None => DEFAULT_PAGE_SIZE,
            Some(s) => s
                .parse()
                .ok()
                .filter(|s| PAGE_SIZES.contains(s))
                .ok_or_else(|| ApiError::invalid("page_size must be 25, 50, 75 or 100."))?,
        };
        Ok((page, page_size))
    }

    /// A parameter that must be one of `known` when present.
    pub fn choice<T>(&self, name: &str, known: impl Fn(&str) -> Option<T>) -> ApiResult<Option<T>> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => known(&v)
                .map(Some)
                .ok_or_else(|| ApiError::invalid(format!("{name} {v:?} is not one of the values allowed."))),
        }
    }
}

/// The `Idempotency-Key` of a creating request, scoped to the caller's
/// organisation, its method and path: the same key on another path, or from
/// another organisation, is another request (docs/api.md). While it lives, the
/// request is in flight: another with the same key answers 409.
pub struct IdempotencyKey {
    pub key: String,
    _running: InFlight,
}

impl FromRequestParts<Arc<AppState>> for IdempotencyKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<AppState>) -> ApiResult<Self> {
        let Caller(user) = Caller::from_request_parts(parts, state).await?;
        let key = idempotency_key(&parts.headers)?;
        let org = user.organization_id.unwrap_or_default();
        let key = format!("{org} {} {} {key}", parts.method, parts.uri.path());
        let running = state.begin(&key).ok_or_else(ApiError::in_flight)?;
        Ok(IdempotencyKey { key, _running: running })
    }
}

fn idempotency_key(headers: &HeaderMap) -> ApiResult<String> {
    let raw = headers
        .get("idempotency-key")
        .ok_or_else(|| ApiError::invalid("This request needs an Idempotency-Key header."))?;
    raw.to_str()
        .ok()
        .map(str::trim)
        .filter(|k| (1..=255).contains(&k.len()))
        .map(str::to_owned)
        .ok_or_else(|| ApiError::invalid("The Idempotency-Key must be 1 to 255 visible characters."))
}

impl IdempotencyKey {
    /// The key with the request it came with.
    pub fn with(&self, fingerprint: &str) -> RequestKey {
        RequestKey { key: self.key.clone(), fingerprint: fingerprint.to_owned() }
    }
}

/// Ids in paths are what the backend makes; anything else names nothing.
pub fn known(id: &str) -> ApiResult<&str> {
    if is_safe_id(id) {
        Ok(id)
    } else {
        Err(ApiError::new(StatusCode::NOT_FOUND, "not_found", "No resource has that id."))
    }
}

/// Path parameters; a segment that cannot be read (not UTF-8 once decoded) names nothing.
pub struct PathOf<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for PathOf<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> ApiResult<Self> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(PathOf(value)),
            Err(_) => Err(ApiError::not_found()),
        }
    }
}
