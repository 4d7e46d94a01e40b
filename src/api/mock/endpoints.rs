//! The contract (`Backend`) served from the demo's store: each endpoint is one
//! rule of the store, run by `MockApi::call` with the latency and the saving.

use async_trait::async_trait;
use domain::evaluation::{Evaluation, Utterance, UtteranceFilter, UtteranceSort};
use domain::stt::{SessionRequest, SttSession};
use domain::upload::resume::UploadStatus;
use domain::upload::session_audio::{SessionAudio, SessionAudioRequest};
use domain::upload::{UploadRequest, UploadTicket};
use domain::{CustomModel, Dataset, Language, ListQuery, Page, User};

use backend::session_audio::Completed;

use super::{MockApi, Refusal};
use crate::api::backend::{Backend, ChunkRequest, EventStream, StreamListener};
use crate::api::error::{check_ids, ApiError, ApiResult};
use crate::browser::network::{content_digest, wait};

#[async_trait(?Send)]
impl Backend for MockApi {
    async fn current_user(&self) -> ApiResult<User> {
        self.call(false, |s, _| Ok(s.user.clone())).await
    }

    async fn languages(&self) -> ApiResult<Vec<Language>> {
        self.call(false, |s, _| Ok(s.languages.clone())).await
    }

    async fn credits(&self) -> ApiResult<u64> {
        self.call(false, |s, _| Ok(s.credits)).await
    }

    async fn list_models(&self, query: &ListQuery) -> ApiResult<Page<CustomModel>> {
        self.call(false, |s, _| Ok(s.list_models(query))).await
    }

    async fn model(&self, id: &str) -> ApiResult<CustomModel> {
        check_ids(&[id])?;
        self.call(false, |s, _| s.model(id)).await
    }

    async fn create_model(&self, name: &str, language: &str, key: &str) -> ApiResult<CustomModel> {
        self.call(true, |s, now| s.create_model_once(name, language, now, key)).await
    }

    async fn rename_model(&self, id: &str, name: &str) -> ApiResult<CustomModel> {
        check_ids(&[id])?;
        self.call(true, |s, now| s.rename_model(id, name, now)).await
    }

    async fn delete_model(&self, id: &str) -> ApiResult<()> {
        check_ids(&[id])?;
        self.call(true, |s, _| s.delete_model(id)).await
    }

    async fn start_training(&self, id: &str, key: &str) -> ApiResult<CustomModel> {
        check_ids(&[id])?;
        self.call(true, |s, now| s.start_training_once(id, now, key)).await.map_err(ApiError::in_training_words)
    }

    async fn cancel_training(&self, id: &str) -> ApiResult<CustomModel> {
        check_ids(&[id])?;
        self.call(true, |s, now| s.cancel_training(id, now)).await
    }

    async fn list_datasets(&self, model_id: &str, page: u32, page_size: u32) -> ApiResult<Page<Dataset>> {
        check_ids(&[model_id])?;
        self.call(false, |s, _| s.list_datasets(model_id, page, page_size)).await
    }

    async fn delete_dataset(&self, model_id: &str, dataset_id: &str) -> ApiResult<()> {
        check_ids(&[model_id, dataset_id])?;
        self.call(true, |s, now| s.delete_dataset(model_id, dataset_id, now)).await
    }

    async fn start_upload(&self, model_id: &str, request: &UploadRequest, key: &str) -> ApiResult<UploadTicket> {
        check_ids(&[model_id])?;
        self.call(true, |s, now| s.start_upload_once(model_id, request.clone(), now, key)).await
    }

    /// Accepts a chunk after the simulated transfer time, checking its digest
    /// as a backend would. Like a backend, the mock looks at the first chunk's
    /// bytes (at most one chunk is ever read), and it plays the configured faults.
    async fn send_chunk(&self, chunk: &ChunkRequest<'_>) -> ApiResult<()> {
        check_ids(&[chunk.upload_id])?;
        if !wait(Some(self.chunk_latency_ms), chunk.cancel).await {
            return Err(ApiError::Cancelled);
        }
        self.play_faults()?;
        if content_digest(chunk.blob).await.as_deref() != Some(chunk.digest.as_str()) {
            return Err(Refusal {
                status: 400,
                code: "checksum_mismatch".into(),
                message: "The chunk did not arrive intact.".into(),
            }
            .into());
        }
        let first_bytes = if chunk.index == 0 {
            let buffer = wasm_bindgen_futures::JsFuture::from(chunk.blob.array_buffer())
                .await
                .map_err(|_| ApiError::Network("the file could not be read".into()))?;
            Some(js_sys::Uint8Array::new(&buffer).to_vec())
        } else {
            None
        };
        self.call_after(0, true, |s, _| s.receive_chunk(chunk.upload_id, chunk.index, first_bytes.as_deref())).await
    }

    async fn upload_status(&self, upload_id: &str) -> ApiResult<UploadStatus> {
        check_ids(&[upload_id])?;
        self.call(false, |s, _| s.upload_status(upload_id)).await
    }

    async fn complete_upload(&self, upload_id: &str, key: &str) -> ApiResult<Dataset> {
        check_ids(&[upload_id])?;
        self.call(true, |s, now| match s.complete_upload_once(upload_id, now, key)? {
            Completed::Dataset(dataset) => Ok(dataset),
            Completed::SessionAudio(_) => Err(not_this_kind("a session's audio")),
        })
        .await
    }

    async fn abort_upload(&self, upload_id: &str) -> ApiResult<()> {
        check_ids(&[upload_id])?;
        self.call(false, |s, _| s.abort_upload(upload_id)).await
    }

    async fn create_evaluation(
        &self,
        model_id: &str,
        name: &str,
        dataset_ids: &[String],
        key: &str,
    ) -> ApiResult<Evaluation> {
        check_ids(&[model_id])?;
        self.call(true, |s, now| s.create_evaluation_once(model_id, name, dataset_ids, now, key)).await
    }

    async fn list_evaluations(&self, model_id: &str, page: u32, page_size: u32) -> ApiResult<Page<Evaluation>> {
        check_ids(&[model_id])?;
        self.call(false, |s, _| s.list_evaluations(model_id, page, page_size)).await
    }

    async fn evaluation(&self, id: &str) -> ApiResult<Evaluation> {
        check_ids(&[id])?;
        self.call(false, |s, _| s.evaluation(id)).await
    }

    async fn delete_evaluation(&self, id: &str) -> ApiResult<()> {
        check_ids(&[id])?;
        self.call(true, |s, _| s.delete_evaluation(id)).await
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
        self.call(false, |s, _| s.utterances(id, page, page_size, filter, sort)).await
    }

    async fn create_version(&self, from_model_id: &str, name: &str, key: &str) -> ApiResult<CustomModel> {
        check_ids(&[from_model_id])?;
        self.call(true, |s, now| s.create_version_once(from_model_id, name, now, key)).await
    }

    async fn versions(&self, model_id: &str) -> ApiResult<Page<CustomModel>> {
        check_ids(&[model_id])?;
        self.call(false, |s, _| s.versions(model_id)).await
    }

    async fn open_events(&self, listener: StreamListener) -> ApiResult<EventStream> {
        if self.latency_ms > 0 {
            gloo_timers::future::TimeoutFuture::new(self.latency_ms).await;
        }
        let stream = self.event_stream(listener.clone(), &self.lock());
        listener(domain::live::StreamNews::Open);
        Ok(stream)
    }

    async fn start_session_audio(&self, request: &SessionAudioRequest, key: &str) -> ApiResult<UploadTicket> {
        self.call(true, |s, now| s.start_session_audio_once(request.clone(), now, key)).await
    }

    async fn complete_session_audio(&self, upload_id: &str, key: &str) -> ApiResult<SessionAudio> {
        check_ids(&[upload_id])?;
        self.call(true, |s, now| match s.complete_upload_once(upload_id, now, key)? {
            Completed::SessionAudio(audio) => Ok(audio),
            Completed::Dataset(_) => Err(not_this_kind("a dataset")),
        })
        .await
    }

    async fn create_session(&self, request: &SessionRequest, key: &str) -> ApiResult<SttSession> {
        self.call(true, |s, now| s.create_session_once(request.clone(), now, key)).await
    }

    async fn recent_sessions(&self, limit: u32) -> ApiResult<Page<SttSession>> {
        self.call(false, |s, _| {
            let items = s.recent_sessions(limit as usize);
            Ok(Page { total: items.len() as u64, page: 1, page_size: limit, skipped: 0, items })
        })
        .await
    }
}

/// The console completed an upload as the other kind: a bug of the console, said plainly.
fn not_this_kind(what: &str) -> Refusal {
    Refusal::new(409, "invalid_request", format!("That upload was {what}."))
}
