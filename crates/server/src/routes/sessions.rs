//! STT Sessions started from the Home page.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::encode;
use domain::query::Page;
use domain::stt::{SessionMode, SessionRequest};
use serde::Deserialize;
use serde_json::Value;

use crate::error::ApiResult;
use crate::extract::{Caller, IdempotencyKey, JsonBody, Params};
use crate::state::AppState;

pub async fn list(State(state): State<Arc<AppState>>, Caller(user): Caller, params: Params) -> ApiResult<Json<Value>> {
    let (page, page_size) = params.paging()?;
    let all = state.call(&user, |s, _| Ok(s.recent_sessions(usize::MAX))).await?;
    let start = (page as usize - 1).saturating_mul(page_size as usize);
    let items = all.iter().skip(start).take(page_size as usize).cloned().collect();
    let page = Page { items, total: all.len() as u64, page, page_size, skipped: 0 };
    Ok(Json(encode::page(&page, encode::session)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewSession {
    mode: SessionMode,
    language: String,
    model_id: Option<String>,
    /// The completed upload of the audio (`POST /uploads`).
    audio_upload_id: String,
    #[serde(default)]
    transcript_file_name: Option<String>,
}

pub async fn create(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    key: IdempotencyKey,
    body: JsonBody<NewSession>,
) -> ApiResult<Response> {
    let b = body.value;
    let request = SessionRequest {
        mode: b.mode,
        language: b.language,
        model_id: b.model_id,
        audio_upload_id: b.audio_upload_id,
        transcript_file_name: b.transcript_file_name,
    };
    let session = state
        .call_once(&user, &key.with(&body.fingerprint), |s, now| s.create_session_once(request, now, &key.key))
        .await?;
    Ok((StatusCode::CREATED, Json(encode::session(&session))).into_response())
}
