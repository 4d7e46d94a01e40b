//! STT Sessions: transcribing or force-aligning audio, optionally with a
//! trained custom model (spec: Using Trained Models).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::dataset::{file_problems, DatasetType, FileInfo, FileProblem};
use crate::model::CustomModel;
use crate::status::TrainingStatus;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SessionMode {
    #[serde(rename = "transcription")]
    Transcription,
    #[serde(rename = "force_alignment")]
    ForceAlignment,
}

impl crate::named::Label for SessionMode {
    fn label(self) -> &'static str {
        SessionMode::label(self)
    }
}

impl SessionMode {
    pub fn label(self) -> &'static str {
        match self {
            SessionMode::Transcription => "Transcription",
            SessionMode::ForceAlignment => "Force Alignment",
        }
    }

    pub fn as_wire(self) -> &'static str {
        match self {
            SessionMode::Transcription => "transcription",
            SessionMode::ForceAlignment => "force_alignment",
        }
    }

    pub fn from_wire(raw: &str) -> Option<Self> {
        [SessionMode::Transcription, SessionMode::ForceAlignment].into_iter().find(|m| m.as_wire() == raw)
    }
}

/// What the user asks for when starting a session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionRequest {
    pub mode: SessionMode,
    pub language: String,
    /// `None` for the base model.
    pub model_id: Option<String>,
    /// The completed upload of the audio (`POST /uploads`, purpose `session_audio`):
    /// a session never starts without its audio on the server.
    pub audio_upload_id: String,
    /// Force Alignment only: the existing transcript.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transcript_file_name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SttSession {
    pub id: String,
    /// A mode newer than this console is shown as sent.
    pub mode: crate::Named<SessionMode>,
    pub language: String,
    pub model_id: Option<String>,
    /// The model's name when the session was created, for the list.
    pub model_name: Option<String>,
    pub audio_file_name: String,
    pub transcript_file_name: Option<String>,
    pub status: SessionStatus,
    pub created_at: Option<DateTime<Utc>>,
}

/// Where a session is: `queued`, `processing`, `done` or `failed` on the wire.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum SessionStatus {
    Queued,
    Processing,
    Done,
    Failed,
    /// A status this console does not know yet, shown as the server wrote it.
    Other(String),
}

impl SessionStatus {
    const KNOWN: [(SessionStatus, &'static str); 4] = [
        (SessionStatus::Queued, "queued"),
        (SessionStatus::Processing, "processing"),
        (SessionStatus::Done, "done"),
        (SessionStatus::Failed, "failed"),
    ];

    /// The wire word, which the Recent sessions table shows.
    pub fn as_wire(&self) -> &str {
        match self {
            SessionStatus::Other(raw) => raw,
            known => Self::KNOWN.iter().find(|(s, _)| s == known).map_or("", |(_, word)| word),
        }
    }
}

impl From<&str> for SessionStatus {
    fn from(raw: &str) -> Self {
        let word = raw.trim();
        Self::KNOWN
            .iter()
            .find(|(_, w)| w.eq_ignore_ascii_case(word))
            .map_or_else(|| SessionStatus::Other(word.to_owned()), |(s, _)| s.clone())
    }
}

impl From<String> for SessionStatus {
    fn from(raw: String) -> Self {
        SessionStatus::from(raw.as_str())
    }
}

impl From<SessionStatus> for String {
    fn from(status: SessionStatus) -> Self {
        status.as_wire().to_owned()
    }
}

/// Whether a model may serve a session in `language`: trained, and on that language.
pub fn usable_for(model: &CustomModel, language: &str) -> bool {
    model.status == TrainingStatus::Success && model.language == language
}

/// How a model is offered in the model select: "Model name (Base language)".
pub fn model_option_label(model_name: &str, language_name: &str) -> String {
    format!("{model_name} ({language_name})")
}

/// What is wrong with the audio file picked for a session, if anything.
pub fn audio_problem(name: &str, size: u64) -> Option<String> {
    file_problem(name, size, DatasetType::Audio, "Choose an audio file: .wav, .mp3, .m4a or .flac.")
}

/// What is wrong with the transcript picked for Force Alignment, if anything.
pub fn transcript_problem(name: &str, size: u64) -> Option<String> {
    file_problem(name, size, DatasetType::Transcript, "Choose a transcript: .vtt, .srt or .txt.")
}

/// The first problem of the dataset rules for one file, except that a wrong
/// extension is said the way this dialog asks for the file.
fn file_problem(name: &str, size: u64, kind: DatasetType, wrong_kind: &str) -> Option<String> {
    let info = FileInfo { name: name.to_owned(), size };
    file_problems(&info, kind).first().map(|problem| match problem {
        FileProblem::WrongFormat { .. } => wrong_kind.to_owned(),
        other => other.message(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::MAX_FILE_BYTES;

    fn model(status: TrainingStatus, language: &str) -> CustomModel {
        CustomModel {
            id: "m".into(),
            name: "Radiology".into(),
            language: language.into(),
            organization_id: "o".into(),
            status,
            status_text: None,
            last_modified: None,
            failure: None,
            from_model_id: None,
            progress: None,
            estimated_finish: None,
        }
    }

    #[test]
    fn session_statuses_are_typed_and_unknown_ones_kept() {
        assert_eq!(SessionStatus::from(" Done "), SessionStatus::Done);
        assert_eq!(SessionStatus::from("queued").as_wire(), "queued");
        assert_eq!(SessionStatus::from("paused"), SessionStatus::Other("paused".into()));
        assert_eq!(String::from(SessionStatus::Other("paused".into())), "paused");
        let json = serde_json::to_string(&SessionStatus::Processing).unwrap_or_default();
        assert_eq!(json, r#""processing""#);
    }

    #[test]
    fn only_trained_models_on_the_language_are_usable() {
        assert!(usable_for(&model(TrainingStatus::Success, "de-DE"), "de-DE"));
        assert!(!usable_for(&model(TrainingStatus::Success, "de-DE"), "fr-FR"));
        for status in
            [TrainingStatus::NotRunning, TrainingStatus::ReadyToRun, TrainingStatus::Running, TrainingStatus::Failed]
        {
            assert!(!usable_for(&model(status, "de-DE"), "de-DE"));
        }
        assert_eq!(model_option_label("Radiology", "German"), "Radiology (German)");
    }

    #[test]
    fn session_files_are_checked_by_kind() {
        assert_eq!(audio_problem("a.WAV", 10), None);
        assert!(audio_problem("a.txt", 10).unwrap().contains("audio file"));
        assert!(audio_problem("a.wav", 0).is_some());
        assert!(audio_problem("a.wav", MAX_FILE_BYTES + 1).unwrap().contains("10 GB"));
        assert_eq!(transcript_problem("t.srt", 5), None);
        assert!(transcript_problem("t.jsonl", 5).is_some());
    }

    #[test]
    fn modes_serialise_to_the_contract() {
        assert_eq!(serde_json::to_string(&SessionMode::ForceAlignment).unwrap(), r#""force_alignment""#);
        assert_eq!(SessionMode::from_wire("transcription"), Some(SessionMode::Transcription));
    }
}
