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
        if let Some(problem) = audio_problem(&request.audio_file_name, request.audio_size) {
            return Err(Refusal::new(400, "invalid_audio_format", problem));
        }
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
            audio_file_name: request.audio_file_name,
            transcript_file_name: transcript,
            status: "queued".into(),
            created_at: Some(now),
        };
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

    #[test]
    fn sessions_take_only_trained_models_of_their_language() {
        let mut store = Store::seeded(now(), 0);
        let trained = store.list_models(&ListQuery::trained_on("fr-FR")).items;
        assert!(
            !trained.is_empty() && trained.iter().all(|m| m.status == TrainingStatus::Success && m.language == "fr-FR")
        );
        let request = |model_id: Option<String>, mode, transcript: Option<&str>| SessionRequest {
            mode,
            language: "fr-FR".into(),
            model_id,
            audio_file_name: "call.wav".into(),
            audio_size: 10,
            transcript_file_name: transcript.map(str::to_owned),
        };
        let s = store
            .create_session(request(Some(trained[0].id.clone()), SessionMode::Transcription, None), now())
            .unwrap();
        assert_eq!(s.model_name.as_deref(), Some(trained[0].name.as_str()));
        let failed =
            store.list_models(&ListQuery { status: Some(TrainingStatus::Failed), ..ListQuery::default() }).items;
        assert_eq!(
            store
                .create_session(request(Some(failed[0].id.clone()), SessionMode::Transcription, None), now())
                .unwrap_err()
                .code,
            "model_not_usable"
        );
        assert_eq!(
            store.create_session(request(None, SessionMode::ForceAlignment, None), now()).unwrap_err().code,
            "validation_failed"
        );
        assert_eq!(
            store
                .create_session(request(Some("cm_gone".into()), SessionMode::Transcription, None), now())
                .unwrap_err()
                .code,
            "model_not_usable"
        );
        store.create_session(request(None, SessionMode::ForceAlignment, Some("t.srt")), now()).unwrap();
        let recent = store.recent_sessions(5);
        assert_eq!((recent.len(), recent[0].mode.known()), (2, Some(SessionMode::ForceAlignment)));
    }
}
