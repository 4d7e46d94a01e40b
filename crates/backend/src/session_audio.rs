//! The audio of STT Sessions: uploaded by the same resumable protocol as
//! datasets, started without a model, and kept once completed until the one
//! session that names it takes it (docs/api.md, "STT Sessions").

use super::*;

/// What completing an upload made: a dataset, or a session's audio.
#[derive(Clone, Debug, PartialEq)]
pub enum Completed {
    Dataset(Dataset),
    SessionAudio(SessionAudio),
}

impl Completed {
    /// The id a retried complete finds it again by (`ds_…` or `up_…`).
    pub fn id(&self) -> String {
        match self {
            Completed::Dataset(d) => d.id.clone(),
            Completed::SessionAudio(a) => a.upload_id.clone(),
        }
    }

    pub fn dataset(self) -> Option<Dataset> {
        match self {
            Completed::Dataset(d) => Some(d),
            Completed::SessionAudio(_) => None,
        }
    }
}

impl Store {
    /// Starts the upload of a session's audio, refusing what is not audio.
    pub fn start_session_audio(
        &mut self,
        request: SessionAudioRequest,
        now: DateTime<Utc>,
    ) -> Result<UploadTicket, Refusal> {
        if request.size > domain::dataset::MAX_FILE_BYTES {
            return Err(Refusal::new(400, "validation_failed", "Files may be at most 10 GB."));
        }
        if let Some(problem) = audio_problem(&request.file_name, request.size) {
            return Err(Refusal::new(400, "invalid_audio_format", problem));
        }
        let id = self.fresh_id("up");
        self.uploads.push(PendingUpload {
            id: id.clone(),
            model_id: String::new(),
            request: UploadRequest {
                file_name: request.file_name,
                size: request.size,
                // Audio: the first chunk is checked as a dataset's audio is.
                dataset_type: DatasetType::Audio,
                duration_seconds: None,
            },
            started_at: now,
            received: Default::default(),
            problem: None,
            text: None,
            touched_at: None,
            purpose: UploadPurpose::SessionAudio,
            completed_at: None,
            session_id: None,
        });
        Ok(UploadTicket { upload_id: id, chunk_size: CHUNK_BYTES })
    }

    /// [`Store::start_session_audio`] once per idempotency key.
    pub fn start_session_audio_once(
        &mut self,
        request: SessionAudioRequest,
        now: DateTime<Utc>,
        key: &str,
    ) -> Result<UploadTicket, Refusal> {
        self.once(
            "start",
            key,
            |s| s.start_session_audio(request, now),
            |t| t.upload_id.clone(),
            |s, id| {
                s.uploads
                    .iter()
                    .any(|u| u.id == id)
                    .then(|| UploadTicket { upload_id: id.to_owned(), chunk_size: CHUNK_BYTES })
            },
        )
    }

    /// Marks a session's audio complete (every chunk arrived); the day before
    /// it expires unused starts again now.
    pub(crate) fn complete_session_audio(
        &mut self,
        upload_id: &str,
        now: DateTime<Utc>,
    ) -> Result<SessionAudio, Refusal> {
        let upload = self.upload_mut(upload_id)?;
        upload.completed_at = Some(now);
        upload.touched_at = Some(now);
        Ok(SessionAudio {
            upload_id: upload.id.clone(),
            file_name: upload.request.file_name.clone(),
            size: upload.request.size,
        })
    }

    /// What a retried complete answers again: the dataset or the completed audio.
    pub(crate) fn completed(&self, id: &str) -> Option<Completed> {
        if let Some(d) = self.datasets.iter().find(|d| d.id == id) {
            return Some(Completed::Dataset(d.clone()));
        }
        let u = self.uploads.iter().find(|u| u.id == id && u.completed_at.is_some())?;
        Some(Completed::SessionAudio(SessionAudio {
            upload_id: u.id.clone(),
            file_name: u.request.file_name.clone(),
            size: u.request.size,
        }))
    }

    /// The completed audio a new session may take, or why not: the one rule that
    /// keeps a session from starting without its audio on the server.
    pub(crate) fn audio_for_session(&self, upload_id: &str) -> Result<SessionAudio, Refusal> {
        let unknown = |message: &str| Refusal::new(422, "audio_upload_unknown", message);
        let Some(upload) = self.uploads.iter().find(|u| u.id == upload_id && u.purpose == UploadPurpose::SessionAudio)
        else {
            return Err(unknown("No uploaded audio has that id (it may have expired): upload the audio first."));
        };
        if upload.completed_at.is_none() {
            return Err(Refusal::new(
                422,
                "audio_upload_incomplete",
                "The audio's upload is not complete: send every chunk and complete it first.",
            ));
        }
        if upload.session_id.is_some() {
            return Err(unknown("That audio belongs to another session: upload it again."));
        }
        if upload.problem.is_some() {
            return Err(Refusal::new(400, "invalid_audio_format", "The audio file is not valid audio."));
        }
        Ok(SessionAudio {
            upload_id: upload.id.clone(),
            file_name: upload.request.file_name.clone(),
            size: upload.request.size,
        })
    }

    /// Links the audio to the session that took it.
    pub(crate) fn give_audio_to(&mut self, upload_id: &str, session_id: &str) {
        if let Some(upload) = self.uploads.iter_mut().find(|u| u.id == upload_id) {
            upload.session_id = Some(session_id.to_owned());
        }
    }

    /// The completed audio uploads still kept (waiting for their session, or its
    /// audio), so a host can remove the files of those that expired unused.
    pub fn kept_audio_ids(&self) -> std::collections::HashSet<String> {
        self.uploads.iter().filter(|u| u.completed_at.is_some()).map(|u| u.id.clone()).collect()
    }

    /// The upload holding a session's audio, for a host that keeps its file.
    pub fn audio_upload_of(&self, session_id: &str) -> Option<String> {
        self.uploads.iter().find(|u| u.session_id.as_deref() == Some(session_id)).map(|u| u.id.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::*;
    use super::Completed;

    /// A WAV header, which the first chunk's check reads as audio.
    pub const WAV: &[u8] = b"RIFF\x24\x00\x00\x00WAVEfmt ";

    #[test]
    fn session_audio_is_uploaded_like_a_dataset_and_waits_for_its_session() {
        let mut store = Store::empty(0);
        assert_eq!(
            store.start_session_audio(SessionAudioRequest::new("notes.txt".into(), 3), now()).unwrap_err().code,
            "invalid_audio_format"
        );
        let request = SessionAudioRequest::new("call.wav".into(), CHUNK_BYTES + 1);
        let ticket = store.start_session_audio_once(request.clone(), now(), "k").unwrap();
        assert_eq!(store.start_session_audio_once(request, now(), "k").unwrap(), ticket);
        store.receive_chunk(&ticket.upload_id, 0, Some(WAV)).unwrap();
        assert_eq!(store.complete_upload(&ticket.upload_id, now()).unwrap_err().code, "validation_failed");
        store.receive_chunk(&ticket.upload_id, 1, None).unwrap();
        let done = store.complete_upload_once(&ticket.upload_id, now(), "c").unwrap();
        let Completed::SessionAudio(audio) = &done else { panic!("no dataset comes of session audio") };
        assert_eq!((audio.file_name.as_str(), store.dataset_count()), ("call.wav", 0));
        assert_eq!(store.complete_upload_once(&ticket.upload_id, now(), "c").unwrap(), done, "a retry answers again");
        assert_eq!(store.upload_status(&ticket.upload_id).unwrap_err().status, 404, "completed is forgotten");
        assert!(store.upload_ids().is_empty(), "no chunks left to keep");
        // Unused, it expires a day after completion.
        assert!(store.audio_for_session(&ticket.upload_id).is_ok());
        store.advance(now() + Duration::hours(25));
        assert_eq!(store.audio_for_session(&ticket.upload_id).unwrap_err().code, "audio_upload_unknown");
    }
}
