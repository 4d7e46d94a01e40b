//! The signed-in user, the languages and the training credits.

use std::sync::Arc;

use axum::extract::State;
use axum::Json;
use domain::encode;
use serde_json::Value;

use crate::error::ApiResult;
use crate::extract::Caller;
use crate::state::AppState;

pub async fn me(Caller(user): Caller) -> Json<Value> {
    Json(encode::user(&user))
}

pub async fn languages(State(state): State<Arc<AppState>>, Caller(user): Caller) -> ApiResult<Json<Value>> {
    state.call(&user, |s, _| Ok(encode::languages(&s.languages))).await.map(Json)
}

pub async fn credits(State(state): State<Arc<AppState>>, Caller(user): Caller) -> ApiResult<Json<Value>> {
    state.call(&user, |s, _| Ok(encode::credits(s.credits))).await.map(Json)
}
