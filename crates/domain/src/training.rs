//! When a model may be trained, and what training errors mean to a person.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::role::Role;
use crate::status::TrainingStatus;

/// Why "Train the Language" is not available right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrainingBlock {
    AlreadyRunning,
    AlreadySucceeded,
    NoDatasets,
    NoCredits,
    UnknownStatus,
}

impl TrainingBlock {
    pub fn message(self) -> &'static str {
        match self {
            TrainingBlock::AlreadyRunning => "Training is already running. Wait for it to finish.",
            TrainingBlock::AlreadySucceeded => {
                "This model is already trained. To train on other data, create a new model."
            }
            TrainingBlock::NoDatasets => "Upload at least one training dataset (audio, transcript or manifest) first.",
            TrainingBlock::NoCredits => "Your organization has no training credits left.",
            TrainingBlock::UnknownStatus => {
                "The server reports a training status this console does not know, so training is not offered."
            }
        }
    }
}

/// What stands in the way of training, checked in the order a user can act on it.
/// `None` means the model may be trained now.
pub fn training_block(status: TrainingStatus, training_datasets: u64, credits: u64) -> Option<TrainingBlock> {
    match status {
        TrainingStatus::Running => Some(TrainingBlock::AlreadyRunning),
        TrainingStatus::Success => Some(TrainingBlock::AlreadySucceeded),
        TrainingStatus::Unknown => Some(TrainingBlock::UnknownStatus),
        _ if training_datasets == 0 => Some(TrainingBlock::NoDatasets),
        _ if credits == 0 => Some(TrainingBlock::NoCredits),
        _ => None,
    }
}

/// The status a model takes when its count of training datasets changes:
/// uploads make a fresh model Ready to Run, removing the last one takes it back.
/// Running, Success and Failed are left alone: they tell about a training, not the data.
pub fn status_after_dataset_change(status: TrainingStatus, training_datasets: u64) -> TrainingStatus {
    match status {
        TrainingStatus::NotRunning if training_datasets > 0 => TrainingStatus::ReadyToRun,
        TrainingStatus::ReadyToRun if training_datasets == 0 => TrainingStatus::NotRunning,
        other => other,
    }
}

/// Why "Cancel training" is not available.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CancelBlock {
    /// Only organization admins and system operators cancel trainings.
    NotAllowed,
    /// Only a Running training can be cancelled.
    NotRunning,
}

impl CancelBlock {
    pub fn message(self) -> &'static str {
        match self {
            CancelBlock::NotAllowed => "Only organization admins and system operators can cancel a training.",
            CancelBlock::NotRunning => "This model is not training, so there is nothing to cancel.",
        }
    }
}

/// What the organisation gets back when a training is cancelled, as the
/// confirmation and docs/api.md say it.
pub const CANCEL_CREDIT_RULE: &str = "The training credit it used is given back to your organization.";

/// Whether `role` may cancel the training of a model with `status` now; the
/// button and the backend ask the same question. `None` means it may.
pub fn cancel_block(status: TrainingStatus, role: Role) -> Option<CancelBlock> {
    if !role.can_delete() {
        Some(CancelBlock::NotAllowed)
    } else if status != TrainingStatus::Running {
        Some(CancelBlock::NotRunning)
    } else {
        None
    }
}

/// The status a cancelled training leaves its model in: as if it had never
/// started, so Ready to Run while it has training data.
pub fn status_after_cancel(training_datasets: u64) -> TrainingStatus {
    status_after_dataset_change(TrainingStatus::NotRunning, training_datasets)
}

/// The training error codes of the spec, plus whatever else a server may send.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum TrainingErrorCode {
    ValidationFailed,
    InvalidAudioFormat,
    InvalidTranscriptFormat,
    NoClaimsAvailable,
    Other(String),
}

impl TrainingErrorCode {
    pub fn from_code(code: &str) -> Self {
        match code.trim() {
            "validation_failed" => Self::ValidationFailed,
            "invalid_audio_format" => Self::InvalidAudioFormat,
            "invalid_transcript_format" => Self::InvalidTranscriptFormat,
            "no-claims-available" => Self::NoClaimsAvailable,
            other => Self::Other(other.to_owned()),
        }
    }

    pub fn code(&self) -> &str {
        match self {
            Self::ValidationFailed => "validation_failed",
            Self::InvalidAudioFormat => "invalid_audio_format",
            Self::InvalidTranscriptFormat => "invalid_transcript_format",
            Self::NoClaimsAvailable => "no-claims-available",
            Self::Other(code) => code,
        }
    }

    /// What went wrong, in plain language.
    pub fn message(&self) -> String {
        match self {
            Self::ValidationFailed => "The datasets did not pass validation.".into(),
            Self::InvalidAudioFormat => "One or more audio files are not valid audio in a supported format.".into(),
            Self::InvalidTranscriptFormat => {
                "One or more transcript files are not valid VTT, SRT or plain text.".into()
            }
            Self::NoClaimsAvailable => "Your organization has no training credits left.".into(),
            Self::Other(code) if code.is_empty() => "Training failed for an unknown reason.".into(),
            Self::Other(code) => format!("Training failed ({code})."),
        }
    }

    /// What the user can do about it.
    pub fn next_step(&self) -> &'static str {
        match self {
            Self::ValidationFailed => {
                "Check that every dataset has the right type and content, remove the faulty ones and train again."
            }
            Self::InvalidAudioFormat => {
                "Remove the faulty audio datasets and upload WAV, MP3, M4A or FLAC files instead."
            }
            Self::InvalidTranscriptFormat => {
                "Remove the faulty transcripts and upload files in VTT, SRT or TXT format."
            }
            Self::NoClaimsAvailable => "Ask your organization admin for more training credits, then try again.",
            Self::Other(_) => "Try again later. If it keeps failing, contact support with the code above.",
        }
    }
}

impl From<String> for TrainingErrorCode {
    fn from(code: String) -> Self {
        Self::from_code(&code)
    }
}

impl From<TrainingErrorCode> for String {
    fn from(code: TrainingErrorCode) -> String {
        code.code().to_owned()
    }
}

/// "about 12 min left" for a running training that says when it should end.
pub fn time_left_text(estimated_finish: DateTime<Utc>, now: DateTime<Utc>) -> String {
    // Whole minutes, rounded up: 61 s left is "about 2 min".
    let minutes = ((estimated_finish - now).num_seconds().max(0) + 59).div_euclid(60);
    match minutes {
        _ if estimated_finish <= now => "finishing…".into(),
        0 | 1 => "less than a minute left".into(),
        m if m < 60 => format!("about {m} min left"),
        m => format!("about {} h {} min left", m / 60, m % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_left_reads_like_a_person_says_it() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-24T12:00:00Z").unwrap().with_timezone(&Utc);
        let at = |s: i64| now + chrono::Duration::seconds(s);
        assert_eq!(time_left_text(at(30), now), "less than a minute left");
        assert_eq!(time_left_text(at(11 * 60 + 20), now), "about 12 min left");
        assert_eq!(time_left_text(at(2 * 3600 + 5 * 60), now), "about 2 h 5 min left");
        assert_eq!(time_left_text(at(14 * 60), now), "about 14 min left");
        assert_eq!(time_left_text(at(14 * 60 + 1), now), "about 15 min left");
        assert_eq!(time_left_text(at(-5), now), "finishing…");
    }
    use TrainingStatus::*;

    #[test]
    fn ready_and_failed_models_with_data_and_credits_may_train() {
        assert_eq!(training_block(ReadyToRun, 1, 1), None);
        assert_eq!(training_block(Failed, 3, 5), None);
    }

    #[test]
    fn what_blocks_training() {
        assert_eq!(training_block(Running, 2, 5), Some(TrainingBlock::AlreadyRunning));
        assert_eq!(training_block(Success, 2, 5), Some(TrainingBlock::AlreadySucceeded));
        assert_eq!(training_block(NotRunning, 0, 5), Some(TrainingBlock::NoDatasets));
        assert_eq!(training_block(ReadyToRun, 2, 0), Some(TrainingBlock::NoCredits));
        assert_eq!(training_block(Unknown, 2, 5), Some(TrainingBlock::UnknownStatus));
    }

    #[test]
    fn datasets_move_models_between_not_running_and_ready() {
        assert_eq!(status_after_dataset_change(NotRunning, 1), ReadyToRun);
        assert_eq!(status_after_dataset_change(ReadyToRun, 0), NotRunning);
        assert_eq!(status_after_dataset_change(ReadyToRun, 2), ReadyToRun);
        assert_eq!(status_after_dataset_change(Failed, 0), Failed);
        assert_eq!(status_after_dataset_change(Success, 0), Success);
        assert_eq!(status_after_dataset_change(Running, 0), Running);
    }

    #[test]
    fn only_admins_cancel_and_only_a_running_training() {
        assert_eq!(cancel_block(Running, Role::OrgAdmin), None);
        assert_eq!(cancel_block(Running, Role::SysOp), None);
        assert_eq!(cancel_block(Running, Role::Member), Some(CancelBlock::NotAllowed));
        for status in [NotRunning, ReadyToRun, Success, Failed, Unknown] {
            assert_eq!(cancel_block(status, Role::OrgAdmin), Some(CancelBlock::NotRunning), "{status}");
        }
        assert_eq!(status_after_cancel(2), ReadyToRun);
        assert_eq!(status_after_cancel(0), NotRunning);
    }

    #[test]
    fn error_codes_round_trip_and_explain_themselves() {
        for code in [
            "validation_failed",
            "invalid_audio_format",
            "invalid_transcript_format",
            "no-claims-available",
            "gpu_on_fire",
        ] {
            assert_eq!(TrainingErrorCode::from_code(code).code(), code);
        }
        assert!(TrainingErrorCode::NoClaimsAvailable.message().contains("no training credits"));
        assert!(TrainingErrorCode::from_code("gpu_on_fire").message().contains("gpu_on_fire"));
        let json = serde_json::to_string(&TrainingErrorCode::InvalidAudioFormat).unwrap();
        assert_eq!(json, "\"invalid_audio_format\"");
    }
}
