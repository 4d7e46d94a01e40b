//! Custom models: list, read, create (or a new version), rename, delete, train, cancel a training.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use domain::pagination::DEFAULT_PAGE_SIZE;
use domain::query::{ListQuery, SortDir, SortKey};
use domain::{encode, TrainingStatus};
use serde::Deserialize;
use serde_json::Value;

use super::created;
use crate::error::{ApiError, ApiResult};
use crate::extract::{fingerprint, known, Caller, IdempotencyKey, JsonBody, Params, PathOf};
use crate::state::AppState;

pub async fn list(State(state): State<Arc<AppState>>, Caller(user): Caller, params: Params) -> ApiResult<Json<Value>> {
    // Strict here, lenient in the domain: a bad parameter is the client's mistake to hear about.
    params.paging()?;
    params.choice("sort", SortKey::from_param)?;
    params.choice("order", SortDir::from_param)?;
    params.choice("status", |s| s.parse().ok().and_then(TrainingStatus::from_code))?;
    if params.get("search").is_some_and(|s| s.chars().count() > 100) {
        return Err(ApiError::invalid("search may be at most 100 characters."));
    }
    if let Some(from) = params.get("from_model_id") {
        // A filter that matches nothing is an empty page, not a missing resource.
        let page = match known(&from) {
            Ok(from) => state.call(&user, |s, _| s.versions(from)).await.ok(),
            Err(_) => None,
        };
        let empty = || domain::Page { items: vec![], total: 0, page: 1, page_size: DEFAULT_PAGE_SIZE, skipped: 0 };
        return Ok(Json(encode::page(&page.unwrap_or_else(empty), encode::model)));
    }
    let query = ListQuery::from_params(|name| params.get(name));
    let page = state.call(&user, |s, _| Ok(s.list_models(&query))).await?;
    Ok(Json(encode::page(&page, encode::model)))
}

pub async fn one(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    PathOf(id): PathOf<String>,
) -> ApiResult<Json<Value>> {
    let id = known(&id)?;
    state.call(&user, |s, _| s.model(id)).await.map(|m| Json(encode::model(&m)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewModel {
    name: String,
    language: Option<String>,
    from_model_id: Option<String>,
}

pub async fn create(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    key: IdempotencyKey,
    body: JsonBody<NewModel>,
) -> ApiResult<Response> {
    let request = key.with(&body.fingerprint);
    let NewModel { name, language, from_model_id } = body.value;
    let model = match (language, from_model_id) {
        (Some(language), None) => {
            state.call_once(&user, &request, |s, now| s.create_model_once(&name, &language, now, &key.key)).await?
        }
        (None, Some(from)) => {
            let from = known(&from)?;
            state.call_once(&user, &request, |s, now| s.create_version_once(from, &name, now, &key.key)).await?
        }
        _ => return Err(ApiError::invalid("A new model needs language; a new version needs from_model_id instead.")),
    };
    Ok(created(format!("/custom-models/{}", model.id), encode::model(&model)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rename {
    name: String,
}

pub async fn rename(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    PathOf(id): PathOf<String>,
    body: JsonBody<Rename>,
) -> ApiResult<Json<Value>> {
    let id = known(&id)?;
    let name = body.value.name;
    state.call(&user, |s, now| s.rename_model(id, &name, now)).await.map(|m| Json(encode::model(&m)))
}

pub async fn delete(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    PathOf(id): PathOf<String>,
) -> ApiResult<StatusCode> {
    let id = known(&id)?;
    state.call(&user, |s, _| s.delete_model(id)).await.map(|()| StatusCode::NO_CONTENT)
}

pub async fn train(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    key: IdempotencyKey,
    PathOf(id): PathOf<String>,
) -> ApiResult<Json<Value>> {
    let id = known(&id)?;
    let request = key.with(&fingerprint(b""));
    state
        .call_once(&user, &request, |s, now| s.start_training_once(id, now, &key.key))
        .await
        .map(|m| Json(encode::model(&m)))
}

pub async fn cancel_training(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    PathOf(id): PathOf<String>,
) -> ApiResult<Json<Value>> {
    let id = known(&id)?;
    state.call(&user, |s, now| s.cancel_training(id, now)).await.map(|m| Json(encode::model(&m)))
}
