//! Custom models and the rules for their names.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::failure::TrainingFailure;
use crate::status::{change_note, TrainingStatus};

/// The longest name a model may have, in characters.
pub const MAX_NAME_CHARS: usize = 100;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomModel {
    pub id: String,
    pub name: String,
    /// Code of the base language; fixed at creation.
    pub language: String,
    /// Fixed at creation.
    pub organization_id: String,
    pub status: TrainingStatus,
    /// The status exactly as the server sent it, when the console does not know it
    /// ([`TrainingStatus::Unknown`]), so people can tell the administrator what they see.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_text: Option<String>,
    pub last_modified: Option<DateTime<Utc>>,
    /// Why the last training failed, when it did, with the datasets at fault.
    pub failure: Option<TrainingFailure>,
    /// The model this one is a version of (its datasets were copied from it).
    #[serde(default)]
    pub from_model_id: Option<String>,
    /// How far a running training is, 0–100, when the server says.
    #[serde(default)]
    pub progress: Option<u8>,
    /// When a running training should end, when the server says.
    #[serde(default)]
    pub estimated_finish: Option<DateTime<Utc>>,
}

/// Why a typed name cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameError {
    Empty,
    TooLong { chars: usize },
}

impl NameError {
    pub fn message(&self) -> String {
        match self {
            NameError::Empty => "Enter a name for the model.".into(),
            NameError::TooLong { chars } => {
                format!("The name is {chars} characters long; use at most {MAX_NAME_CHARS}.")
            }
        }
    }
}

/// The name to store for what the user typed: trimmed, not empty, at most
/// [`MAX_NAME_CHARS`] characters.
pub fn validate_name(typed: &str) -> Result<String, NameError> {
    let name = typed.trim();
    let chars = name.chars().count();
    if chars == 0 {
        Err(NameError::Empty)
    } else if chars > MAX_NAME_CHARS {
        Err(NameError::TooLong { chars })
    } else {
        Ok(name.to_owned())
    }
}

/// The notes for the models of `models` whose status differs from the one `seen`
/// last; models not seen before say nothing (a page change is not a change).
pub fn status_changes(seen: &std::collections::HashMap<String, TrainingStatus>, models: &[CustomModel]) -> Vec<String> {
    models
        .iter()
        .filter(|m| seen.get(&m.id).is_some_and(|before| *before != m.status))
        .map(|m| change_note(&m.name, m.status))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed() {
        assert_eq!(validate_name("  Call centre  "), Ok("Call centre".to_owned()));
    }

    #[test]
    fn blank_names_are_refused() {
        assert_eq!(validate_name(""), Err(NameError::Empty));
        assert_eq!(validate_name(" \t\n "), Err(NameError::Empty));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert!(validate_name(&"é".repeat(100)).is_ok());
        assert_eq!(validate_name(&"é".repeat(101)), Err(NameError::TooLong { chars: 101 }));
        assert!(NameError::TooLong { chars: 101 }.message().contains("at most 100"));
    }

    #[test]
    fn status_changes_are_noted_only_for_models_seen_before() {
        let model = |id: &str, status| CustomModel {
            id: id.into(),
            name: format!("Model {id}"),
            language: "en-US".into(),
            organization_id: "o".into(),
            status,
            status_text: None,
            last_modified: None,
            failure: None,
            from_model_id: None,
            progress: None,
            estimated_finish: None,
        };
        let seen = std::collections::HashMap::from([("1".to_owned(), TrainingStatus::Running)]);
        let now = [model("1", TrainingStatus::Success), model("2", TrainingStatus::Failed)];
        assert_eq!(status_changes(&seen, &now), ["Model 1: training status is now Success."]);
        assert!(status_changes(&seen, &[model("1", TrainingStatus::Running)]).is_empty());
    }
}
