//! Why a training failed, dataset by dataset: the `failure` of a model in
//! docs/api.md, so a person sees which file to fix and why, not only a code.

use serde::{Deserialize, Serialize};

use crate::dataset_check::DatasetProblem;
use crate::training::TrainingErrorCode;

/// A failed training's reason: its code, the server's words, and the datasets at fault.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "SavedFailure")]
pub struct TrainingFailure {
    pub code: TrainingErrorCode,
    /// The server's own sentence, when it sent one.
    pub message: Option<String>,
    pub datasets: Vec<FailedDataset>,
}

/// One dataset a training failed on, with what is wrong in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedDataset {
    /// `None` when the server did not say which dataset it is: then there is nothing to link to.
    pub id: Option<String>,
    pub name: String,
    pub problems: Vec<DatasetProblem>,
}

impl TrainingFailure {
    /// A failure known only by its code (an older backend's `failure_code`).
    pub fn code_only(code: TrainingErrorCode) -> Self {
        TrainingFailure { code, message: None, datasets: Vec::new() }
    }

    /// What went wrong, in plain language: the console's words for a code it
    /// knows, else the server's sentence, else the code.
    pub fn reason(&self) -> String {
        match (&self.code, &self.message) {
            (TrainingErrorCode::Other(_), Some(message)) if !message.trim().is_empty() => message.clone(),
            (code, _) => code.message(),
        }
    }
}

/// Saved states written before failures had details held only the code.
#[derive(Deserialize)]
#[serde(untagged)]
enum SavedFailure {
    Code(TrainingErrorCode),
    Full {
        code: TrainingErrorCode,
        #[serde(default)]
        message: Option<String>,
        #[serde(default)]
        datasets: Vec<FailedDataset>,
    },
}

impl From<SavedFailure> for TrainingFailure {
    fn from(saved: SavedFailure) -> Self {
        match saved {
            SavedFailure::Code(code) => TrainingFailure::code_only(code),
            SavedFailure::Full { code, message, datasets } => TrainingFailure { code, message, datasets },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_code_alone_still_reads_as_a_failure() {
        let old: TrainingFailure = serde_json::from_str("\"invalid_audio_format\"").unwrap();
        assert_eq!(old, TrainingFailure::code_only(TrainingErrorCode::InvalidAudioFormat));
        let full = TrainingFailure {
            code: TrainingErrorCode::InvalidTranscriptFormat,
            message: Some("calls.vtt: line 3".into()),
            datasets: vec![FailedDataset {
                id: Some("ds_1".into()),
                name: "calls.vtt".into(),
                problems: vec![DatasetProblem { line: Some(3), message: "cue ends before it starts".into() }],
            }],
        };
        let back: TrainingFailure = serde_json::from_str(&serde_json::to_string(&full).unwrap()).unwrap();
        assert_eq!(back, full);
    }

    #[test]
    fn the_reason_is_the_consoles_words_for_known_codes_and_the_servers_otherwise() {
        let mut failure = TrainingFailure::code_only(TrainingErrorCode::InvalidAudioFormat);
        failure.message = Some("ffmpeg said no".into());
        assert!(failure.reason().contains("not valid audio"));
        failure.code = TrainingErrorCode::from_code("gpu_on_fire");
        assert_eq!(failure.reason(), "ffmpeg said no");
        failure.message = Some(" ".into());
        assert!(failure.reason().contains("gpu_on_fire"));
    }
}
