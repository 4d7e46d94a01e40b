//! The contract (`Backend`) over HTTP, one request per endpoint as docs/api.md
//! describes it; the transport (tokens, time limits, errors) is `http.rs`.

use async_trait::async_trait;
use domain::evaluation::{Evaluation, Utterance, UtteranceFilter, UtteranceSort};
use domain::stt::{SessionRequest, SttSession};
use domain::upload::resume::{decode_upload_status, UploadStatus};
use domain::upload::session_audio::{SessionAudio, SessionAudioRequest};
use domain::upload::{UploadRequest, UploadTicket};
use domain::{wire, CustomModel, Dataset, Language, ListQuery, Page, User};
use gloo_net::http::Method;
use serde_json::json;

use super::{encode, model_path, Body, Extra, HttpApi};
use crate::api::backend::{Backend, ChunkRequest, EventStream, StreamListener};
use crate::api::error::{check_ids, ApiError, ApiResult};

fn evaluation_path(id: &str) -> String {
    format!("/evaluations/{}", encode(id))
}

#[async_trait(?Send)]
impl Backend for HttpApi {
    async fn current_user(&self) -> ApiResult<User> {
        if let Some(user) = &self.user {
            return Ok(user.clone());
        }
        Ok(wire::decode_user(&self.get("/me", &[]).await?)?)
    }

    async fn languages(&self) -> ApiResult<Vec<Language>> {
        Ok(wire::decode_languages(&self.get("/languages", &[]).await?)?)
    }

    async fn credits(&self) -> ApiResult<u64> {
        Ok(wire::decode_credits(&self.get("/credits", &[]).await?)?)
    }

    async fn list_models(&self, query: &ListQuery) -> ApiResult<Page<CustomModel>> {
        Ok(wire::decode_model_page(&self.get("/custom-models", &query.to_params()).await?)?)
    }

    async fn model(&self, id: &str) -> ApiResult<CustomModel> {
        check_ids(&[id])?;
        Ok(wire::decode_model(&self.get(&model_path(id), &[]).await?)?)
    }

    async fn create_model(&self, name: &str, language: &str, key: &str) -> ApiResult<CustomModel> {
        let body = Body::Json(json!({ "name": name, "language": language }));
        let text = self.send_body(Method::POST, "/custom-models", &[], Some(body), Extra::idempotent(key)).await?;
        Ok(wire::decode_model(&text)?)
    }

    async fn rename_model(&self, id: &str, name: &str) -> ApiResult<CustomModel> {
        check_ids(&[id])?;
        let body = json!({ "name": name });
        Ok(wire::decode_model(&self.send(Method::PATCH, &model_path(id), &[], Some(body)).await?)?)
    }

    async fn delete_model(&self, id: &str) -> ApiResult<()> {
        check_ids(&[id])?;
        self.send(Method::DELETE, &model_path(id), &[], None).await.map(drop)
    }

    async fn start_training(&self, id: &str, key: &str) -> ApiResult<CustomModel> {
        check_ids(&[id])?;
        let path = format!("{}/train", model_path(id));
        let text = self.send_body(Method::POST, &path, &[], None, Extra::idempotent(key)).await;
        Ok(wire::decode_model(&text.map_err(ApiError::in_training_words)?)?)
    }

    async fn cancel_training(&self, id: &str) -> ApiResult<CustomModel> {
        check_ids(&[id])?;
        let path = format!("{}/train/cancel", model_path(id));
        Ok(wire::decode_model(&self.send(Method::POST, &path, &[], None).await?)?)
    }

    async fn list_datasets(&self, model_id: &str, page: u32, page_size: u32) -> ApiResult<Page<Dataset>> {
        check_ids(&[model_id])?;
        let path = format!("{}/datasets", model_path(model_id));
        let query = [("page", page.to_string()), ("page_size", page_size.to_string())];
        Ok(wire::decode_dataset_page(&self.get(&path, &query).await?)?)
    }

    async fn delete_dataset(&self, model_id: &str, dataset_id: &str) -> ApiResult<()> {
        check_ids(&[model_id, dataset_id])?;
        let path = format!("{}/datasets/{}", model_path(model_id), encode(dataset_id));
        self.send(Method::DELETE, &path, &[], None).await.map(drop)
    }

    async fn start_upload(&self, model_id: &str, request: &UploadRequest, key: &str) -> ApiResult<UploadTicket> {
        check_ids(&[model_id])?;
        let path = format!("{}/uploads", model_path(model_id));
        let body = serde_json::to_value(request).map_err(|e| ApiError::Decode(e.to_string()))?;
        let extra = Extra::idempotent(key);
        Ok(wire::decode_upload_ticket(&self.send_body(Method::POST, &path, &[], Some(Body::Json(body)), extra).await?)?)
    }

    /// Every chunk goes to the upload's one URL with its index in `Upload-Chunk`: browsers
    /// cache CORS preflights per URL, so a backend on another origin is asked a few per
    /// upload instead of one per chunk (docs/api.md, "CORS").
    async fn send_chunk(&self, chunk: &ChunkRequest<'_>) -> ApiResult<()> {
        check_ids(&[chunk.upload_id])?;
        let path = format!("/uploads/{}", encode(chunk.upload_id));
        let extra = Extra {
            headers: vec![("Upload-Chunk", chunk.index.to_string()), ("Content-Digest", chunk.digest.clone())],
            cancel: Some(chunk.cancel),
            timeout_ms: Some(chunk.timeout_ms),
        };
        self.send_body(Method::PUT, &path, &[], Some(Body::Bytes(chunk.blob)), extra).await.map(drop)
    }

    async fn upload_status(&self, upload_id: &str) -> ApiResult<UploadStatus> {
        check_ids(&[upload_id])?;
        Ok(decode_upload_status(&self.get(&format!("/uploads/{}", encode(upload_id)), &[]).await?)?)
    }

    async fn complete_upload(&self, upload_id: &str, key: &str) -> ApiResult<Dataset> {
        check_ids(&[upload_id])?;
        let path = format!("/uploads/{}/complete", encode(upload_id));
        let extra = Extra::idempotent(key);
        Ok(wire::decode_dataset(&self.send_body(Method::POST, &path, &[], None, extra).await?)?)
    }

    async fn abort_upload(&self, upload_id: &str) -> ApiResult<()> {
        check_ids(&[upload_id])?;
        self.send(Method::DELETE, &format!("/uploads/{}", encode(upload_id)), &[], None).await.map(drop)
    }

    async fn create_evaluation(
        &self,
        model_id: &str,
        name: &str,
        dataset_ids: &[String],
        key: &str,
    ) -> ApiResult<Evaluation> {
        check_ids(&[model_id])?;
        let path = format!("{}/evaluations", model_path(model_id));
        let body = Body::Json(json!({ "name": name, "dataset_ids": dataset_ids }));
        Ok(wire::decode_evaluation(
            &self.send_body(Method::POST, &path, &[], Some(body), Extra::idempotent(key)).await?,
        )?)
    }

    async fn list_evaluations(&self, model_id: &str, page: u32, page_size: u32) -> ApiResult<Page<Evaluation>> {
        check_ids(&[model_id])?;
        let path = format!("{}/evaluations", model_path(model_id));
        let query = [("page", page.to_string()), ("page_size", page_size.to_string())];
        Ok(wire::decode_evaluation_page(&self.get(&path, &query).await?)?)
    }

    async fn evaluation(&self, id: &str) -> ApiResult<Evaluation> {
        check_ids(&[id])?;
        Ok(wire::decode_evaluation(&self.get(&evaluation_path(id), &[]).await?)?)
    }

    async fn delete_evaluation(&self, id: &str) -> ApiResult<()> {
        check_ids(&[id])?;
        self.send(Method::DELETE, &evaluation_path(id), &[], None).await.map(drop)
    }

    async fn utterances(
        &self,
        id: &str,
        page: u32,
        page_size: u32,
        filter: UtteranceFilter,
        sort: UtteranceSort,
    ) -> ApiResult<Page<Utterance>> {
        check_ids(&[id])?;
        let path = format!("{}/utterances", evaluation_path(id));
        let query = [
            ("page", page.to_string()),
            ("page_size", page_size.to_string()),
            ("filter", filter.as_wire().to_owned()),
            ("sort", sort.as_wire().to_owned()),
        ];
        Ok(wire::decode_utterance_page(&self.get(&path, &query).await?)?)
    }

    async fn create_version(&self, from_model_id: &str, name: &str, key: &str) -> ApiResult<CustomModel> {
        check_ids(&[from_model_id])?;
        let body = Body::Json(json!({ "name": name, "from_model_id": from_model_id }));
        let text = self.send_body(Method::POST, "/custom-models", &[], Some(body), Extra::idempotent(key)).await?;
        Ok(wire::decode_model(&text)?)
    }

    async fn versions(&self, model_id: &str) -> ApiResult<Page<CustomModel>> {
        check_ids(&[model_id])?;
        let query = [("from_model_id", model_id.to_owned()), ("page", "1".into()), ("page_size", "100".into())];
        Ok(wire::decode_model_page(&self.get("/custom-models", &query).await?)?)
    }

    async fn open_events(&self, listener: StreamListener) -> ApiResult<EventStream> {
        self.event_stream(listener).await
    }

    async fn start_session_audio(&self, request: &SessionAudioRequest, key: &str) -> ApiResult<UploadTicket> {
        let body = serde_json::to_value(request).map_err(|e| ApiError::Decode(e.to_string()))?;
        let text =
            self.send_body(Method::POST, "/uploads", &[], Some(Body::Json(body)), Extra::idempotent(key)).await?;
        Ok(wire::decode_upload_ticket(&text)?)
    }

    async fn complete_session_audio(&self, upload_id: &str, key: &str) -> ApiResult<SessionAudio> {
        check_ids(&[upload_id])?;
        let path = format!("/uploads/{}/complete", encode(upload_id));
        Ok(wire::decode_session_audio(&self.send_body(Method::POST, &path, &[], None, Extra::idempotent(key)).await?)?)
    }

    async fn create_session(&self, request: &SessionRequest, key: &str) -> ApiResult<SttSession> {
        let body = serde_json::to_value(request).map_err(|e| ApiError::Decode(e.to_string()))?;
        let text =
            self.send_body(Method::POST, "/stt-sessions", &[], Some(Body::Json(body)), Extra::idempotent(key)).await?;
        Ok(wire::decode_session(&text)?)
    }

    /// The newest `limit` sessions, from a first page of a size the backend accepts.
    async fn recent_sessions(&self, limit: u32) -> ApiResult<Page<SttSession>> {
        let page_size = domain::pagination::page_size_holding(limit);
        let query = [("page", "1".to_owned()), ("page_size", page_size.to_string())];
        let mut page = wire::decode_sessions(&self.get("/stt-sessions", &query).await?)?;
        page.items.truncate(limit as usize);
        Ok(page)
    }
}
