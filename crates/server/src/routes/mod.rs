//! The paths of docs/openapi.yaml, under `/v1`: each file holds one resource's
//! handlers, which read the request, call one rule of the backend and encode
//! its answer with the domain's `encode` (the same JSON the demo's answers are
//! checked as).

mod account;
mod evaluations;
mod models;
mod sessions;
mod uploads;

use std::sync::Arc;

use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde_json::Value;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::error::{panic_response, ApiError};
use crate::events;
use crate::state::AppState;

pub fn router(state: Arc<AppState>) -> Router {
    let api = Router::new()
        .route("/me", get(account::me))
        .route("/languages", get(account::languages))
        .route("/credits", get(account::credits))
        .route("/events", get(events::stream))
        .route("/events/tickets", post(events::ticket))
        .route("/custom-models", get(models::list).post(models::create))
        .route("/custom-models/{id}", get(models::one).patch(models::rename).delete(models::delete))
        .route("/custom-models/{id}/train", post(models::train))
        .route("/custom-models/{id}/train/cancel", post(models::cancel_training))
        .route("/custom-models/{id}/datasets", get(uploads::datasets))
        .route("/custom-models/{id}/datasets/{dataset_id}", axum::routing::delete(uploads::delete_dataset))
        .route("/custom-models/{id}/uploads", post(uploads::start))
        .route("/uploads", post(uploads::start_session_audio))
        .route("/uploads/{upload_id}", get(uploads::status).put(uploads::chunk).delete(uploads::abort))
        // The older protocol (the index in the path), for consoles built before one URL per upload.
        .route("/uploads/{upload_id}/chunks/{index}", put(uploads::chunk_at))
        .route("/uploads/{upload_id}/complete", post(uploads::complete))
        .route("/custom-models/{id}/evaluations", get(evaluations::list).post(evaluations::create))
        .route("/evaluations/{id}", get(evaluations::one).delete(evaluations::delete))
        .route("/evaluations/{id}/utterances", get(evaluations::utterances))
        .route("/stt-sessions", get(sessions::list).post(sessions::create))
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state.clone());
    let app = Router::new().nest("/v1", api).fallback(not_found).layer(CatchPanicLayer::custom(panic_response));
    match cors(&state.config.cors_origins) {
        Some(cors) => app.layer(cors).layer(axum::middleware::map_response(preflight_no_content)),
        None => app,
    }
}

/// A preflight's answer has no body: `204` (docs/api.md, "CORS"), where tower-http says `200`.
async fn preflight_no_content(mut response: Response) -> Response {
    let preflight = response.headers().contains_key(header::ACCESS_CONTROL_ALLOW_METHODS);
    if preflight && response.status() == StatusCode::OK {
        *response.status_mut() = StatusCode::NO_CONTENT;
    }
    response
}

/// Browsers on the configured origins may call the API: they send the token,
/// the chunk headers and the Idempotency-Key, and read `Retry-After` and `Location`.
/// A preflight is cached for two hours, and all chunks of an upload go to one URL,
/// so an upload costs one preflight, not one per chunk.
fn cors(origins: &[String]) -> Option<CorsLayer> {
    let origins: Vec<HeaderValue> = origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()).collect();
    if origins.is_empty() {
        return None;
    }
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE])
            .allow_headers([
                header::AUTHORIZATION,
                header::CONTENT_TYPE,
                header::HeaderName::from_static("content-digest"),
                header::HeaderName::from_static("idempotency-key"),
                header::HeaderName::from_static("upload-chunk"),
            ])
            .expose_headers([header::RETRY_AFTER, header::LOCATION])
            .max_age(std::time::Duration::from_secs(7200)),
    )
}

async fn not_found() -> ApiError {
    ApiError::not_found()
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "That method is not allowed on this path.")
}

/// `201 Created` with the new resource's path (relative to the base URL) and its JSON.
fn created(location: String, body: Value) -> Response {
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}
