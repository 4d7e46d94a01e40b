//! The audio of an STT Session goes through the same resumable upload as a
//! dataset (docs/api.md, "Uploads"), started with `POST /uploads` instead of a
//! model's uploads: a session has no model to hang it on (the base model has
//! none). Completing it makes no dataset; the completed upload waits for the one
//! session that names it in `audio_upload_id`.

use serde::{Deserialize, Serialize};

/// What an upload is for, as its start says; older stored uploads were datasets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum UploadPurpose {
    #[default]
    #[serde(rename = "dataset")]
    Dataset,
    #[serde(rename = "session_audio")]
    SessionAudio,
}

/// The body of `POST /uploads` for a session's audio.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionAudioRequest {
    pub purpose: UploadPurpose,
    pub file_name: String,
    pub size: u64,
}

impl SessionAudioRequest {
    pub fn new(file_name: String, size: u64) -> Self {
        SessionAudioRequest { purpose: UploadPurpose::SessionAudio, file_name, size }
    }
}

/// A completed upload of a session's audio: what `POST /uploads/{id}/complete`
/// answers for it, and what a session request names by `upload_id`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionAudio {
    pub upload_id: String,
    pub file_name: String,
    pub size: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_of_session_audio_says_its_purpose() {
        let json = serde_json::to_string(&SessionAudioRequest::new("a.wav".into(), 3)).unwrap_or_default();
        assert_eq!(json, r#"{"purpose":"session_audio","file_name":"a.wav","size":3}"#);
        assert_eq!(UploadPurpose::default(), UploadPurpose::Dataset);
    }
}
