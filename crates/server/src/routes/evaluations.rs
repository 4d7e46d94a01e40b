//! Tests of a trained model against its base model; the rates come from the
//! domain's WER code, inside the backend.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use domain::encode;
use domain::evaluation::{UtteranceFilter, UtteranceSort};
use serde::Deserialize;
use serde_json::Value;

use super::created;
use crate::error::ApiResult;
use crate::extract::{known, Caller, IdempotencyKey, JsonBody, Params, PathOf};
use crate::state::AppState;

pub async fn list(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    PathOf(id): PathOf<String>,
    params: Params,
) -> ApiResult<Json<Value>> {
    let id = known(&id)?;
    let (page, page_size) = params.paging()?;
    let page = state.call(&user, |s, _| s.list_evaluations(id, page, page_size)).await?;
    Ok(Json(encode::page(&page, encode::evaluation)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewTest {
    name: String,
    dataset_ids: Vec<String>,
}

pub async fn create(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    key: IdempotencyKey,
    PathOf(id): PathOf<String>,
    body: JsonBody<NewTest>,
) -> ApiResult<Response> {
    let id = known(&id)?;
    let request = key.with(&body.fingerprint);
    let NewTest { name, dataset_ids } = body.value;
    let test = state
        .call_once(&user, &request, |s, now| s.create_evaluation_once(id, &name, &dataset_ids, now, &key.key))
        .await?;
    Ok(created(format!("/evaluations/{}", test.id), encode::evaluation(&test)))
}

pub async fn one(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    PathOf(id): PathOf<String>,
) -> ApiResult<Json<Value>> {
    let id = known(&id)?;
    state.call(&user, |s, _| s.evaluation(id)).await.map(|e| Json(encode::evaluation(&e)))
}

pub async fn delete(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    PathOf(id): PathOf<String>,
) -> ApiResult<StatusCode> {
    let id = known(&id)?;
    state.call(&user, |s, _| s.delete_evaluation(id)).await.map(|()| StatusCode::NO_CONTENT)
}

pub async fn utterances(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
    PathOf(id): PathOf<String>,
    params: Params,
) -> ApiResult<Json<Value>> {
    let id = known(&id)?;
    let (page, page_size) = params.paging()?;
    let filter = params.choice("filter", |f| UtteranceFilter::ALL.into_iter().find(|x| x.as_wire() == f))?;
    let sort = params.choice("sort", |f| UtteranceSort::ALL.into_iter().find(|x| x.as_wire() == f))?;
    let (filter, sort) = (filter.unwrap_or(UtteranceFilter::All), sort.unwrap_or(UtteranceSort::ALL[0]));
    let page = state.call(&user, |s, _| s.utterances(id, page, page_size, filter, sort)).await?;
    Ok(Json(encode::page(&page, encode::utterance)))
}
