//! Datasets, and the chunked, resumable uploads that make them.

use super::session_audio::Completed;
use super::*;

impl Store {
    pub fn list_datasets(&self, model_id: &str, page: u32, page_size: u32) -> Result<Page<Dataset>, Refusal> {
        self.model(model_id)?;
        let hits: Vec<&Dataset> = self.datasets.iter().filter(|d| d.model_id == model_id).collect();
        Ok(paged(hits, page, page_size))
    }

    /// Records a finished upload and moves the model's status as the rules say.
    pub fn add_dataset(&mut self, mut dataset: Dataset, now: DateTime<Utc>) -> Result<Dataset, Refusal> {
        self.model(&dataset.model_id)?;
        dataset.id = self.fresh_id("ds");
        dataset.finished_at = Some(now);
        let model_id = dataset.model_id.clone();
        self.datasets.push(dataset.clone());
        self.refresh_status(&model_id, now)?;
        Ok(dataset)
    }

    pub fn start_upload(
        &mut self,
        model_id: &str,
        request: UploadRequest,
        now: DateTime<Utc>,
    ) -> Result<UploadTicket, Refusal> {
        self.model(model_id)?;
        if request.size > domain::dataset::MAX_FILE_BYTES {
            return Err(Refusal::new(400, "validation_failed", "Files may be at most 10 GB."));
        }
        let id = self.fresh_id("up");
        self.uploads.push(PendingUpload {
            id: id.clone(),
            model_id: model_id.into(),
            request,
            started_at: now,
            received: Default::default(),
            problem: None,
            text: None,
            touched_at: None,
            purpose: UploadPurpose::Dataset,
            completed_at: None,
            session_id: None,
        });
        Ok(UploadTicket { upload_id: id, chunk_size: CHUNK_BYTES })
    }

    /// An upload still receiving chunks: a completed one is forgotten (docs/api.md).
    pub(super) fn upload_mut(&mut self, upload_id: &str) -> Result<&mut PendingUpload, Refusal> {
        self.uploads
            .iter_mut()
            .find(|u| u.id == upload_id && u.completed_at.is_none())
            .ok_or_else(|| Refusal::not_found("upload"))
    }

    /// Records chunk `index`. `first_bytes` is the first chunk's content, which
    /// the backend checks; later chunks are only counted.
    pub fn receive_chunk(&mut self, upload_id: &str, index: u64, first_bytes: Option<&[u8]>) -> Result<(), Refusal> {
        let upload = self.upload_mut(upload_id)?;
        if index >= chunk_count(upload.request.size, CHUNK_BYTES) {
            return Err(Refusal::new(400, "validation_failed", "That chunk is past the end of the file."));
        }
        if let (0, Some(bytes)) = (index, first_bytes) {
            let complete = upload.request.size <= CHUNK_BYTES;
            upload.problem =
                domain::content::check(&upload.request.file_name, upload.request.dataset_type, bytes, complete)
                    .err()
                    .map(|p| p.error_code());
            if matches!(upload.request.dataset_type, DatasetType::Transcript | DatasetType::Test) {
                let text = String::from_utf8_lossy(bytes);
                upload.text = Some(text.chars().take(evaluations::MAX_TEXT_CHARS).collect());
            }
        }
        upload.received.insert(index);
        Ok(())
    }

    /// Completes an upload: a dataset's becomes its dataset, a session's audio
    /// waits for its session.
    pub fn complete_upload(&mut self, upload_id: &str, now: DateTime<Utc>) -> Result<Completed, Refusal> {
        let upload = self.upload_mut(upload_id)?;
        if upload.received.len() as u64 != chunk_count(upload.request.size, CHUNK_BYTES) {
            return Err(Refusal::new(400, "validation_failed", "Some chunks of the file never arrived."));
        }
        if upload.purpose == UploadPurpose::SessionAudio {
            return Ok(Completed::SessionAudio(self.complete_session_audio(upload_id, now)?));
        }
        let upload = upload.clone();
        self.uploads.retain(|u| u.id != upload_id);
        let name = upload.request.file_name.clone();
        let dataset = Dataset {
            id: String::new(),
            url: Some(format!("https://storage.example.com/{}/{}", upload.model_id, name)),
            model_id: upload.model_id,
            name,
            dataset_type: upload.request.dataset_type.into(),
            duration_seconds: upload.request.duration_seconds.filter(|d| d.is_finite() && *d >= 0.0),
            started_at: Some(upload.started_at),
            finished_at: None,
            content_problem: upload.problem,
            check: Default::default(),
        };
        let mut dataset = self.add_dataset(dataset, now)?;
        self.start_check(&mut dataset, upload.text.as_deref(), now);
        if let Some(text) = &upload.text {
            self.keep_text(&dataset.id, text);
        }
        if let Some(stored) = self.datasets.iter_mut().find(|d| d.id == dataset.id) {
            stored.check = dataset.check.clone();
        }
        Ok(Completed::Dataset(dataset))
    }

    /// Starts an upload once per idempotency key: a retry after a lost answer
    /// gets the same upload.
    pub fn start_upload_once(
        &mut self,
        model_id: &str,
        request: UploadRequest,
        now: DateTime<Utc>,
        key: &str,
    ) -> Result<UploadTicket, Refusal> {
        self.once(
            "start",
            key,
            |s| s.start_upload(model_id, request, now),
            |t| t.upload_id.clone(),
            |s, id| {
                s.uploads
                    .iter()
                    .any(|u| u.id == id)
                    .then(|| UploadTicket { upload_id: id.to_owned(), chunk_size: CHUNK_BYTES })
            },
        )
    }

    /// Completes an upload once per idempotency key: a retry after a lost
    /// answer gets the same dataset (or session audio), not a second one.
    pub fn complete_upload_once(
        &mut self,
        upload_id: &str,
        now: DateTime<Utc>,
        key: &str,
    ) -> Result<Completed, Refusal> {
        self.once("complete", key, |s| s.complete_upload(upload_id, now), Completed::id, |s, id| s.completed(id))
    }

    /// Which chunks of an upload the store holds.
    pub fn upload_status(&self, upload_id: &str) -> Result<UploadStatus, Refusal> {
        let upload = self
            .uploads
            .iter()
            .find(|u| u.id == upload_id && u.completed_at.is_none())
            .ok_or_else(|| Refusal::not_found("upload"))?;
        Ok(UploadStatus {
            upload_id: upload.id.clone(),
            file_name: upload.request.file_name.clone(),
            size: upload.request.size,
            chunk_size: CHUNK_BYTES,
            received: upload.received.iter().copied().collect(),
        })
    }

    /// Records a request about an upload (a chunk, its status) at `now`, which
    /// keeps it from expiring for another [`UPLOAD_EXPIRY_HOURS`].
    pub fn touch_upload(&mut self, upload_id: &str, now: DateTime<Utc>) -> Result<(), Refusal> {
        self.upload_mut(upload_id)?.touched_at = Some(now);
        Ok(())
    }

    /// Forgets the uploads no request was about for [`UPLOAD_EXPIRY_HOURS`]; whether any.
    pub(crate) fn expire_uploads(&mut self, now: DateTime<Utc>) -> bool {
        let before = self.uploads.len();
        let expiry = Duration::hours(UPLOAD_EXPIRY_HOURS);
        // A session's audio stays with its session; one no session took expires like the rest.
        self.uploads.retain(|u| u.session_id.is_some() || u.touched_at.unwrap_or(u.started_at) + expiry > now);
        self.uploads.len() != before
    }

    /// The ids of the uploads not completed, for a host that keeps their chunks.
    pub fn upload_ids(&self) -> Vec<String> {
        self.uploads.iter().filter(|u| u.completed_at.is_none()).map(|u| u.id.clone()).collect()
    }

    /// How many chunks the store has received in all (for the demo's faults).
    pub fn chunks_received(&self) -> u64 {
        self.uploads.iter().map(|u| u.received.len() as u64).sum()
    }

    pub fn abort_upload(&mut self, upload_id: &str) -> Result<(), Refusal> {
        self.upload_mut(upload_id)?;
        self.uploads.retain(|u| u.id != upload_id);
        Ok(())
    }

    pub fn delete_dataset(&mut self, model_id: &str, dataset_id: &str, now: DateTime<Utc>) -> Result<(), Refusal> {
        self.model(model_id)?;
        let before = self.datasets.len();
        self.datasets.retain(|d| !(d.model_id == model_id && d.id == dataset_id));
        if self.datasets.len() == before {
            return Err(Refusal::not_found("dataset"));
        }
        self.texts.remove(dataset_id);
        self.refresh_status(model_id, now)
    }

    pub(super) fn refresh_status(&mut self, model_id: &str, now: DateTime<Utc>) -> Result<(), Refusal> {
        let count = self.training_datasets(model_id);
        let stored = self.stored_mut(model_id)?;
        let next = status_after_dataset_change(stored.model.status, count);
        if next != stored.model.status {
            stored.model.status = next;
        }
        stored.model.last_modified = Some(now);
        self.reindex();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::*;

    #[test]
    fn removing_the_last_training_dataset_goes_back_to_not_running() {
        let mut store = Store::empty(0);
        let m = store.create_model("A", "en-US", now()).unwrap();
        upload(&mut store, &m.id, "eval.vtt", DatasetType::Test, None);
        assert_eq!(store.model(&m.id).unwrap().status, TrainingStatus::NotRunning);
        let d = upload(&mut store, &m.id, "a.vtt", DatasetType::Transcript, None);
        assert_eq!(store.model(&m.id).unwrap().status, TrainingStatus::ReadyToRun);
        store.delete_dataset(&m.id, &d.id, now()).unwrap();
        assert_eq!(store.model(&m.id).unwrap().status, TrainingStatus::NotRunning);
        assert_eq!(store.list_datasets(&m.id, 1, 25).unwrap().total, 1);
    }

    #[test]
    fn chunked_uploads_become_datasets_and_remember_bad_content() {
        let mut store = Store::empty(0);
        let m = store.create_model("A", "en-US", now()).unwrap();
        let request = UploadRequest {
            file_name: "fake.wav".into(),
            size: CHUNK_BYTES + 1,
            dataset_type: DatasetType::Audio,
            duration_seconds: Some(12.0),
        };
        let ticket = store.start_upload(&m.id, request, now()).unwrap();
        store.receive_chunk(&ticket.upload_id, 0, Some(b"just text")).unwrap();
        assert_eq!(store.complete_upload(&ticket.upload_id, now()).unwrap_err().code, "validation_failed");
        assert!(store.receive_chunk(&ticket.upload_id, 2, None).is_err());
        store.receive_chunk(&ticket.upload_id, 1, None).unwrap();
        let d = store.complete_upload(&ticket.upload_id, now()).unwrap().dataset().unwrap();
        assert_eq!(
            (d.duration_seconds, d.content_problem.clone()),
            (Some(12.0), Some(TrainingErrorCode::InvalidAudioFormat))
        );
        assert_eq!(store.model(&m.id).unwrap().status, TrainingStatus::ReadyToRun);
        store.advance(now() + Duration::seconds(2));
        store.start_training(&m.id, now()).unwrap();
        store.advance(now());
        assert_eq!(store.model(&m.id).unwrap().failure.map(|f| f.code), Some(TrainingErrorCode::InvalidAudioFormat));
    }

    #[test]
    fn uploads_expire_a_day_after_the_last_request_about_them() {
        let mut store = Store::empty(0);
        let m = store.create_model("A", "en-US", now()).unwrap();
        let request = UploadRequest {
            file_name: "a.txt".into(),
            size: 3,
            dataset_type: DatasetType::Transcript,
            duration_seconds: None,
        };
        let ticket = store.start_upload(&m.id, request.clone(), now()).unwrap();
        let other = store.start_upload(&m.id, request, now()).unwrap();
        store.touch_upload(&ticket.upload_id, now() + Duration::hours(20)).unwrap();
        assert!(store.advance(now() + Duration::hours(25)), "the untouched one expired");
        assert_eq!(store.upload_ids(), [ticket.upload_id.as_str()]);
        assert_eq!(store.upload_status(&other.upload_id).unwrap_err().status, 404);
        store.advance(now() + Duration::hours(45));
        assert!(store.upload_status(&ticket.upload_id).is_err());
    }

    #[test]
    fn aborted_uploads_leave_nothing() {
        let mut store = Store::empty(0);
        let m = store.create_model("A", "en-US", now()).unwrap();
        let request = UploadRequest {
            file_name: "a.txt".into(),
            size: 3,
            dataset_type: DatasetType::Transcript,
            duration_seconds: None,
        };
        let ticket = store.start_upload(&m.id, request, now()).unwrap();
        store.abort_upload(&ticket.upload_id).unwrap();
        assert!(store.receive_chunk(&ticket.upload_id, 0, Some(b"abc")).is_err());
        assert_eq!(store.list_datasets(&m.id, 1, 25).unwrap().total, 0);
    }

    #[test]
    fn a_retried_start_or_complete_with_the_same_key_acts_once() {
        let now = DateTime::parse_from_rfc3339("2026-11-24T10:00:00Z").unwrap().with_timezone(&Utc);
        let mut store = Store::seeded(now, 1_000);
        let model = store.create_model("Uploads", "en-US", now).unwrap();
        let request = UploadRequest {
            file_name: "a.txt".into(),
            size: CHUNK_BYTES + 5,
            dataset_type: DatasetType::Transcript,
            duration_seconds: None,
        };
        let first = store.start_upload_once(&model.id, request.clone(), now, "k1").unwrap();
        let again = store.start_upload_once(&model.id, request, now, "k1").unwrap();
        assert_eq!(first, again);
        store.receive_chunk(&first.upload_id, 1, None).unwrap();
        assert_eq!(store.upload_status(&first.upload_id).unwrap().received, [1]);
        assert_eq!(store.chunks_received(), 1);
        assert!(store.complete_upload_once(&first.upload_id, now, "k2").is_err(), "chunk 0 is missing");
        store.receive_chunk(&first.upload_id, 0, Some(b"hello")).unwrap();
        let saved: Store = serde_json::from_str(&serde_json::to_string(&store).unwrap()).unwrap();
        assert_eq!(saved.upload_status(&first.upload_id).unwrap().received, [0, 1], "a reload keeps the chunks");
        let dataset = store.complete_upload_once(&first.upload_id, now, "k2").unwrap();
        assert_eq!(store.complete_upload_once(&first.upload_id, now, "k2").unwrap(), dataset);
        assert_eq!(store.list_datasets(&model.id, 1, 25).unwrap().total, 1);
        assert!(store.upload_status(&first.upload_id).is_err(), "a completed upload is forgotten");
    }

    #[test]
    fn a_forgotten_key_is_a_new_request() {
        let now = DateTime::parse_from_rfc3339("2026-11-24T10:00:00Z").unwrap().with_timezone(&Utc);
        let mut store = Store::seeded(now, 1_000);
        let model = store.create_model("Uploads", "en-US", now).unwrap();
        let request = UploadRequest {
            file_name: "a.txt".into(),
            size: 5,
            dataset_type: DatasetType::Transcript,
            duration_seconds: None,
        };
        let first = store.start_upload_once(&model.id, request.clone(), now, "old").unwrap();
        let kept = store.start_upload_once(&model.id, request.clone(), now, "kept").unwrap();
        store.forget_replies(&["old".to_owned()].into());
        let after = store.start_upload_once(&model.id, request.clone(), now, "old").unwrap();
        assert_ne!(after.upload_id, first.upload_id, "the window is over: a second upload");
        assert_eq!(store.start_upload_once(&model.id, request, now, "kept").unwrap(), kept, "other keys still replay");
    }
}
