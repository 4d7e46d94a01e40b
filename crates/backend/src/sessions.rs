//! STT Sessions started from the Home page.

use super::*;

impl Store {
    /// [`Store::create_session`] once per idempotency key.
    pub fn create_session_once(
        &mut self,
        request: SessionRequest,
        now: DateTime<Utc>,
        key: &str,
    ) -> Result<SttSession, Refusal> {
        self.once(
            "session",
            key,
            |s| s.create_session(request, now),
            |session| session.id.clone(),
            |s, id| s.sessions.iter().find(|x| x.id == id).cloned(),
        )
    }

    /// Records a new STT Session, refusing models that cannot serve it.
    pub fn create_session(&mut self, request: SessionRequest, now: DateTime<Utc>) -> Result<SttSession, Refusal> {
        if !self.languages.iter().any(|l| l.code == request.language) {
            return Err(Refusal::new(400, "invalid_language", "Unknown language."));
        }
        let model_name = match &request.model_id {
            Some(id) => {
                // A model that is not there (or not the caller's) is one it cannot use (docs/api.md).
                let Some(model) = self.model(id).ok().filter(|m| usable_for(m, &request.language)) else {
                    return Err(Refusal::new(400, "model_not_usable", "That model is not trained for this language."));
                };
                Some(model.name)
            }
            None => None,
        };
        let audio = self.audio_for_session(&request.audio_upload_id)?;
        let transcript = match (request.mode, &request.transcript_file_name) {
            (SessionMode::ForceAlignment, None) => {
                return Err(Refusal::new(400, "validation_failed", "Force Alignment needs the existing transcript."))
            }
            (SessionMode::ForceAlignment, Some(name)) => {
                if let Some(problem) = transcript_problem(name, 1) {
                    return Err(Refusal::new(400, "invalid_transcript_format", problem));
                }
                Some(name.clone())
            }
            (SessionMode::Transcription, _) => None,
        };
        let session = SttSession {
            id: self.fresh_id("stt"),
            mode: request.mode.into(),
            language: request.language,
            model_id: request.model_id,
            model_name,
            audio_file_name: audio.file_name,
            transcript_file_name: transcript,
            status: "queued".into(),
            created_at: Some(now),
        };
        self.give_audio_to(&audio.upload_id, &session.id);
        self.sessions.push(session.clone());
        Ok(session)
    }

    /// The most recent sessions, newest first.
    pub fn recent_sessions(&self, limit: usize) -> Vec<SttSession> {
        self.sessions.iter().rev().take(limit).cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::*;

    fn request(
        store: &mut Store,
        model_id: Option<String>,
        mode: SessionMode,
        transcript: Option<&str>,
    ) -> SessionRequest {
        SessionRequest {
            mode,
            language: "fr-FR".into(),
            model_id,
            audio_upload_id: uploaded_audio(store, "call.wav"),
            transcript_file_name: transcript.map(str::to_owned),
        }
    }

    #[test]
    fn sessions_take_only_trained_models_of_their_language() {
        let mut store = Store::seeded(now(), 0);
        let trained = store.list_models(&ListQuery::trained_on("fr-FR")).items;
        assert!(
            !trained.is_empty() && trained.iter().all(|m| m.status == TrainingStatus::Success && m.language == "fr-FR")
        );
        let r = request(&mut store, Some(trained[0].id.clone()), SessionMode::Transcription, None);
        let s = store.create_session(r, now()).unwrap();
        assert_eq!(s.model_name.as_deref(), Some(trained[0].name.as_str()));
        assert_eq!(s.audio_file_name, "call.wav", "the name is the uploaded file's");
        let failed =
            store.list_models(&ListQuery { status: Some(TrainingStatus::Failed), ..ListQuery::default() }).items;
        let r = request(&mut store, Some(failed[0].id.clone()), SessionMode::Transcription, None);
        assert_eq!(store.create_session(r, now()).unwrap_err().code, "model_not_usable");
        let r = request(&mut store, None, SessionMode::ForceAlignment, None);
        assert_eq!(store.create_session(r, now()).unwrap_err().code, "validation_failed");
        let r = request(&mut store, Some("cm_gone".into()), SessionMode::Transcription, None);
        assert_eq!(store.create_session(r, now()).unwrap_err().code, "model_not_usable");
        let r = request(&mut store, None, SessionMode::ForceAlignment, Some("t.srt"));
        store.create_session(r, now()).unwrap();
        let recent = store.recent_sessions(5);
        assert_eq!((recent.len(), recent[0].mode.known()), (2, Some(SessionMode::ForceAlignment)));
    }

    #[test]
    fn no_session_starts_without_its_completed_audio_and_each_audio_serves_one() {
        let mut store = Store::seeded(now(), 0);
        let mut r = request(&mut store, None, SessionMode::Transcription, None);
        let audio = r.audio_upload_id.clone();
        for (id, code) in [("up_none", "audio_upload_unknown"), ("", "audio_upload_unknown")] {
            let bad = SessionRequest { audio_upload_id: id.into(), ..r.clone() };
            let refusal = store.create_session(bad, now()).unwrap_err();
            assert_eq!((refusal.status, refusal.code.as_str()), (422, code));
        }
        // Started and sent, but not completed.
        let ticket = store.start_session_audio(SessionAudioRequest::new("b.wav".into(), 3), now()).unwrap();
        store.receive_chunk(&ticket.upload_id, 0, Some(b"RIFF")).unwrap();
        let open = SessionRequest { audio_upload_id: ticket.upload_id.clone(), ..r.clone() };
        assert_eq!(store.create_session(open, now()).unwrap_err().code, "audio_upload_incomplete");
        // A dataset's upload is no session's audio.
        let m = store.create_model("A", "en-US", now()).unwrap();
        let d = UploadRequest {
            file_name: "d.wav".into(),
            size: 3,
            dataset_type: DatasetType::Audio,
            duration_seconds: None,
        };
        let dataset_upload = store.start_upload(&m.id, d, now()).unwrap();
        let wrong = SessionRequest { audio_upload_id: dataset_upload.upload_id, ..r.clone() };
        assert_eq!(store.create_session(wrong, now()).unwrap_err().code, "audio_upload_unknown");

        let session = store.create_session(r.clone(), now()).unwrap();
        assert_eq!(store.audio_upload_of(&session.id).as_deref(), Some(audio.as_str()), "linked");
        r.mode = SessionMode::Transcription;
        assert_eq!(store.create_session(r, now()).unwrap_err().code, "audio_upload_unknown", "one session per audio");
        store.advance(now() + Duration::days(3));
        assert_eq!(store.audio_upload_of(&session.id).as_deref(), Some(audio.as_str()), "a session's audio stays");
    }
}
