//! Datasets, and the chunked, resumable uploads that make them (docs/api.md,
//! "Uploads"). The backend keeps which chunks arrived; their bytes stream to
//! disk (`files.rs`) and the first chunk is read back for the backend's checks.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine;
use domain::dataset::DatasetType;
use domain::encode;
use domain::upload::session_audio::{SessionAudioRequest, UploadPurpose};
use domain::upload::{chunk_count, chunk_range, UploadRequest};
use serde::Deserialize;
use serde_json::Value;

use backend::session_audio::Completed;

use super::created;
use crate::error::{ApiError, ApiResult};
use crate::extract::{content_type_is, fingerprint, known, Caller, IdempotencyKey, JsonBody, Params, PathOf};
use crate::files::{drain, ChunkRule, DRAIN_BYTES};
use crate::state::AppState;

pub async fn datasets(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    PathOf(id): PathOf<String>,
    params: Params,
) -> ApiResult<Json<Value>> {
    let id = known(&id)?;
    let (page, page_size) = params.paging()?;
    let page = state.call(&user, |s, _| s.list_datasets(id, page, page_size)).await?;
    Ok(Json(encode::page(&page, encode::dataset)))
}

pub async fn delete_dataset(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    PathOf((id, dataset_id)): PathOf<(String, String)>,
) -> ApiResult<StatusCode> {
    let (id, dataset_id) = (known(&id)?, known(&dataset_id)?);
    state.call(&user, |s, now| s.delete_dataset(id, dataset_id, now)).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewUpload {
    file_name: String,
    size: u64,
    #[serde(rename = "type")]
    dataset_type: DatasetType,
    duration_seconds: Option<f64>,
}

pub async fn start(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    key: IdempotencyKey,
    PathOf(id): PathOf<String>,
    body: JsonBody<NewUpload>,
) -> ApiResult<Response> {
    let id = known(&id)?;
    let b = body.value;
    if b.file_name.trim().is_empty() || b.size == 0 {
        return Err(ApiError::invalid("file_name must not be empty and size must be at least 1 byte."));
    }
    if b.duration_seconds.is_some_and(|d| !d.is_finite() || d < 0.0) {
        return Err(ApiError::invalid("duration_seconds must be a number of seconds from 0."));
    }
    // The name is data: kept as given, shown as text, never part of a path.
    let request = UploadRequest {
        file_name: b.file_name,
        size: b.size,
        dataset_type: b.dataset_type,
        duration_seconds: b.duration_seconds,
    };
    let ticket = state
        .call_once(&user, &key.with(&body.fingerprint), |s, now| s.start_upload_once(id, request, now, &key.key))
        .await?;
    Ok(created(format!("/uploads/{}", ticket.upload_id), encode::upload_ticket(&ticket)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewAudioUpload {
    purpose: UploadPurpose,
    file_name: String,
    size: u64,
}

/// `POST /uploads`: the upload of a session's audio, which belongs to no model.
pub async fn start_session_audio(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    key: IdempotencyKey,
    body: JsonBody<NewAudioUpload>,
) -> ApiResult<Response> {
    let b = &body.value;
    if b.purpose != UploadPurpose::SessionAudio {
        return Err(ApiError::invalid("purpose must be session_audio: a dataset is uploaded to its model."));
    }
    if b.file_name.trim().is_empty() || b.size == 0 {
        return Err(ApiError::invalid("file_name must not be empty and size must be at least 1 byte."));
    }
    let request = SessionAudioRequest::new(b.file_name.clone(), b.size);
    let ticket = state
        .call_once(&user, &key.with(&body.fingerprint), |s, now| s.start_session_audio_once(request, now, &key.key))
        .await?;
    Ok(created(format!("/uploads/{}", ticket.upload_id), encode::upload_ticket(&ticket)))
}

pub async fn status(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    PathOf(upload_id): PathOf<String>,
) -> ApiResult<Json<Value>> {
    let upload_id = known(&upload_id)?;
    let status = state.call(&user, |s, now| {
        s.touch_upload(upload_id, now)?;
        s.upload_status(upload_id)
    });
    status.await.map(|u| Json(encode::upload_status(&u)))
}

/// `PUT /uploads/{upload_id}` with the chunk's index in `Upload-Chunk`.
pub async fn chunk(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    PathOf(upload_id): PathOf<String>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<StatusCode> {
    let index = headers.get("upload-chunk").and_then(|i| i.to_str().ok()).and_then(|i| i.trim().parse().ok());
    let index =
        index.ok_or_else(|| ApiError::invalid("Upload-Chunk must be the chunk's index, a whole number from 0."));
    receive(&state, &user, known(&upload_id)?, index, &headers, body).await
}

/// `PUT /uploads/{upload_id}/chunks/{index}`: the older protocol.
pub async fn chunk_at(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    PathOf((upload_id, index)): PathOf<(String, String)>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<StatusCode> {
    let index = index.parse().map_err(|_| ApiError::invalid("The chunk index must be a whole number from 0."));
    receive(&state, &user, known(&upload_id)?, index, &headers, body).await
}

async fn receive(
    state: &AppState,
    user: &domain::User,
    upload_id: &str,
    index: ApiResult<u64>,
    headers: &HeaderMap,
    body: Body,
) -> ApiResult<StatusCode> {
    let rule = match chunk_rule(state, user, upload_id, index, headers).await {
        Ok(rule) => rule,
        Err(refused) => {
            // Read what the client is sending, so it hears the refusal (see `files::DRAIN_BYTES`).
            drain(body.into_data_stream(), DRAIN_BYTES).await;
            return Err(refused);
        }
    };
    state.files.receive(upload_id, &rule, body).await?;
    let first = if rule.index == 0 { Some(state.files.first_chunk(upload_id).await?) } else { None };
    let counted = state
        .call(user, |s, now| {
            s.touch_upload(upload_id, now)?;
            s.receive_chunk(upload_id, rule.index, first.as_deref())
        })
        .await;
    if counted.is_err() {
        // Aborted while the chunk was on its way: nothing of it stays.
        state.files.discard(upload_id).await;
    }
    counted.map(|()| StatusCode::NO_CONTENT)
}

/// What chunk `index` of the upload must be, from its headers and the upload's
/// size, checked in the order docs/api.md gives: the upload, the index, the length.
async fn chunk_rule(
    state: &AppState,
    user: &domain::User,
    upload_id: &str,
    index: ApiResult<u64>,
    headers: &HeaderMap,
) -> ApiResult<ChunkRule> {
    let upload = state.call(user, |s, _| s.upload_status(upload_id)).await?;
    let index = index?;
    content_type_is(headers, "application/octet-stream")?;
    let digest = headers.get("content-digest").and_then(|v| v.to_str().ok()).and_then(sha256_of_digest);
    let digest =
        digest.ok_or_else(|| ApiError::invalid("Content-Digest must be sha-256=:<base64 of the chunk's SHA-256>:."))?;
    if index >= chunk_count(upload.size, upload.chunk_size) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "validation_failed",
            "That chunk is past the end of the file.",
        ));
    }
    let announced =
        headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|n| n > upload.chunk_size) {
        return Err(ApiError::too_large(upload.chunk_size));
    }
    let (start, end) = chunk_range(index, upload.size, upload.chunk_size);
    Ok(ChunkRule { index, length: end - start, limit: upload.chunk_size, digest })
}

/// The SHA-256 in an RFC 9530 `Content-Digest` (`sha-256=:<base64>:`, maybe among others).
fn sha256_of_digest(header: &str) -> Option<[u8; 32]> {
    header.split(',').find_map(|member| {
        let (algorithm, value) = member.trim().split_once('=')?;
        if !algorithm.trim().eq_ignore_ascii_case("sha-256") {
            return None;
        }
        let b64 = value.trim().strip_prefix(':')?.strip_suffix(':')?;
        base64::engine::general_purpose::STANDARD.decode(b64).ok()?.try_into().ok()
    })
}

pub async fn complete(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    key: IdempotencyKey,
    PathOf(upload_id): PathOf<String>,
) -> ApiResult<Response> {
    let upload_id = known(&upload_id)?;
    let request = key.with(&fingerprint(b""));
    let completed = state.call_once(&user, &request, |s, now| s.complete_upload_once(upload_id, now, &key.key)).await?;
    // Joined after the answer is decided; a retry joins what a crash left.
    let body = match completed {
        Completed::Dataset(dataset) => {
            state.files.assemble(upload_id, &dataset.id).await?;
            encode::dataset(&dataset)
        }
        Completed::SessionAudio(audio) => {
            state.files.assemble_audio(upload_id).await?;
            encode::session_audio(&audio)
        }
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

pub async fn abort(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    PathOf(upload_id): PathOf<String>,
) -> ApiResult<StatusCode> {
    let upload_id = known(&upload_id)?;
    state.call(&user, |s, _| s.abort_upload(upload_id)).await?;
    state.files.discard(upload_id).await;
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_are_read_as_rfc_9530_says() {
        let empty = "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:";
        assert_eq!(sha256_of_digest(empty).map(|d| d[0]), Some(0xe3));
        assert!(sha256_of_digest(&format!("sha-512=:AAAA:, {empty}")).is_some());
        for bad in [
            "",
            "sha-256=47DEQ",
            "sha-256=:not base64:",
            "sha-256=:AAAA:",
            "md5=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:",
        ] {
            assert_eq!(sha256_of_digest(bad), None, "{bad}");
        }
    }
}
