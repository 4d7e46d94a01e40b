//! Training statuses as the spec names and numbers them (1–5).

use serde::{Deserialize, Serialize};

/// Where a custom model is in its training life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "u8", try_from = "u8")]
pub enum TrainingStatus {
    NotRunning,
    ReadyToRun,
    Running,
    Success,
    Failed,
    /// A status the server sent that this console does not know (a newer backend's);
    /// shown neutrally and offered no action that depends on the status.
    Unknown,
}

/// The badge colour of a status; the UI maps each to a CSS class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadgeColour {
    Gray,
    Amber,
    Blue,
    Green,
    Red,
}

impl BadgeColour {
    pub fn css_name(self) -> &'static str {
        match self {
            BadgeColour::Gray => "gray",
            BadgeColour::Amber => "amber",
            BadgeColour::Blue => "blue",
            BadgeColour::Green => "green",
            BadgeColour::Red => "red",
        }
    }
}

impl TrainingStatus {
    pub const ALL: [TrainingStatus; 5] = [
        TrainingStatus::NotRunning,
        TrainingStatus::ReadyToRun,
        TrainingStatus::Running,
        TrainingStatus::Success,
        TrainingStatus::Failed,
    ];

    /// The spec's numeric code: 1 Not Running … 5 Failed; 0 for [`TrainingStatus::Unknown`].
    pub fn code(self) -> u8 {
        match self {
            TrainingStatus::NotRunning => 1,
            TrainingStatus::ReadyToRun => 2,
            TrainingStatus::Running => 3,
            TrainingStatus::Success => 4,
            TrainingStatus::Failed => 5,
            TrainingStatus::Unknown => 0,
        }
    }

    pub fn from_code(code: i64) -> Option<Self> {
        Self::ALL.into_iter().find(|s| i64::from(s.code()) == code)
    }

    /// The status a server sent, read leniently: the numeric code, the code as text,
    /// or the spec's label in any case ("running"). Anything else is [`TrainingStatus::Unknown`].
    pub fn from_wire(raw: &serde_json::Value) -> Self {
        let known = match raw {
            serde_json::Value::Number(n) => n.as_i64().and_then(Self::from_code),
            serde_json::Value::String(s) => {
                let s = s.trim();
                s.parse::<i64>().ok().and_then(Self::from_code).or_else(|| {
                    Self::ALL.into_iter().find(|status| {
                        status.label().eq_ignore_ascii_case(s)
                            || status.label().replace(' ', "_").eq_ignore_ascii_case(s)
                    })
                })
            }
            _ => None,
        };
        known.unwrap_or(TrainingStatus::Unknown)
    }

    /// The label the UI shows, word for word from the spec.
    pub fn label(self) -> &'static str {
        match self {
            TrainingStatus::NotRunning => "Not Running",
            TrainingStatus::ReadyToRun => "Ready to Run",
            TrainingStatus::Running => "Running",
            TrainingStatus::Success => "Success",
            TrainingStatus::Failed => "Failed",
            TrainingStatus::Unknown => "Unknown",
        }
    }

    pub fn badge(self) -> BadgeColour {
        match self {
            TrainingStatus::NotRunning | TrainingStatus::Unknown => BadgeColour::Gray,
            TrainingStatus::ReadyToRun => BadgeColour::Amber,
            TrainingStatus::Running => BadgeColour::Blue,
            TrainingStatus::Success => BadgeColour::Green,
            TrainingStatus::Failed => BadgeColour::Red,
        }
    }

    /// The one-line help of the spec's "Status-Specific Help".
    pub fn summary(self) -> &'static str {
        match self {
            TrainingStatus::NotRunning => "Upload datasets to start",
            TrainingStatus::ReadyToRun => "Click Train button",
            TrainingStatus::Running => "Wait for completion",
            TrainingStatus::Success => "Model ready to use",
            TrainingStatus::Failed => "Try again with new datasets",
            TrainingStatus::Unknown => "Status not recognised by this console",
        }
    }

    /// The spec's "Training Status Messages" for this status.
    pub fn help(self) -> [&'static str; 3] {
        match self {
            TrainingStatus::NotRunning => [
                "Upload datasets to get started",
                "Add audio files and/or transcripts",
                "Status will change to \"Ready to Run\"",
            ],
            TrainingStatus::ReadyToRun => {
                ["Datasets uploaded", "Click \"Train the Language\" to start", "Training credits required"]
            }
            TrainingStatus::Running => {
                ["Training in progress", "Wait for completion", "Can take time depending on dataset size"]
            }
            TrainingStatus::Success => {
                ["Training completed successfully", "Model ready to use", "Select model when creating transcripts"]
            }
            TrainingStatus::Failed => {
                ["Training failed", "Check datasets and try again", "Upload new datasets if needed"]
            }
            TrainingStatus::Unknown => [
                "The server reports a status this console does not know",
                "Training is not offered until the status is known",
                "Reload later, or ask your administrator to update the console",
            ],
        }
    }

    /// Whether the backend is still working on the model, so views keep polling.
    pub fn is_in_progress(self) -> bool {
        self == TrainingStatus::Running
    }
}

impl From<TrainingStatus> for u8 {
    fn from(status: TrainingStatus) -> u8 {
        status.code()
    }
}

impl TryFrom<u8> for TrainingStatus {
    type Error = String;
    fn try_from(code: u8) -> Result<Self, String> {
        Self::from_code(i64::from(code)).ok_or_else(|| format!("unknown training status {code}"))
    }
}

impl std::fmt::Display for TrainingStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// What the live region says when the details page sees a model's status change:
/// a finished training says what it means for the user.
pub fn announcement(model_name: &str, status: TrainingStatus) -> String {
    match status {
        TrainingStatus::Success => {
            format!("Training of {model_name} finished successfully. The model is ready to use.")
        }
        TrainingStatus::Failed => format!("Training of {model_name} failed."),
        other => change_note(model_name, other),
    }
}

/// The system notification for a training that ended, as the spec words its
/// outcome: ("Training finished", "Call centre: Success"). `None` unless the
/// model went from Running to Success or Failed.
pub fn finished_notification(
    model_name: &str,
    before: TrainingStatus,
    now: TrainingStatus,
) -> Option<(&'static str, String)> {
    let ended = before == TrainingStatus::Running && matches!(now, TrainingStatus::Success | TrainingStatus::Failed);
    ended.then(|| ("Training finished", format!("{model_name}: {}", now.label())))
}

/// One model's status change in the list's announcement.
pub fn change_note(model_name: &str, status: TrainingStatus) -> String {
    format!("{model_name}: training status is now {}.", status.label())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_training_that_ends_makes_a_system_notification() {
        use TrainingStatus::*;
        assert_eq!(
            finished_notification("Calls", Running, Success),
            Some(("Training finished", "Calls: Success".to_owned()))
        );
        assert_eq!(finished_notification("Calls", Running, Failed).map(|(_, body)| body), Some("Calls: Failed".into()));
        assert_eq!(finished_notification("Calls", ReadyToRun, Running), None);
        assert_eq!(finished_notification("Calls", Running, Running), None);
        assert_eq!(finished_notification("Calls", Success, Failed), None);
        assert_eq!(finished_notification("Calls", Running, Unknown), None);
    }

    #[test]
    fn finished_trainings_are_announced_in_words() {
        assert_eq!(
            announcement("Call centre", TrainingStatus::Success),
            "Training of Call centre finished successfully. The model is ready to use."
        );
        assert_eq!(announcement("Call centre", TrainingStatus::Failed), "Training of Call centre failed.");
        assert_eq!(announcement("A", TrainingStatus::Running), "A: training status is now Running.");
    }

    #[test]
    fn codes_follow_the_spec_and_round_trip() {
        let codes: Vec<u8> = TrainingStatus::ALL.iter().map(|s| s.code()).collect();
        assert_eq!(codes, [1, 2, 3, 4, 5]);
        for s in TrainingStatus::ALL {
            assert_eq!(TrainingStatus::from_code(i64::from(s.code())), Some(s));
        }
        assert_eq!(TrainingStatus::from_code(0), None);
        assert_eq!(TrainingStatus::from_code(6), None);
        assert_eq!(TrainingStatus::from_code(-1), None);
        assert_eq!(TrainingStatus::from_code(0), None, "Unknown is never read from a code");
    }

    #[test]
    fn wire_statuses_are_read_leniently_and_never_fail() {
        use serde_json::json;
        let read = |v| TrainingStatus::from_wire(&v);
        assert_eq!(read(json!(3)), TrainingStatus::Running);
        assert_eq!(read(json!("4")), TrainingStatus::Success);
        assert_eq!(read(json!(" running ")), TrainingStatus::Running);
        assert_eq!(read(json!("READY_TO_RUN")), TrainingStatus::ReadyToRun);
        assert_eq!(read(json!("Not Running")), TrainingStatus::NotRunning);
        for odd in [json!(9), json!(0), json!(-1), json!(3.5), json!("Validating"), json!(null), json!([3]), json!({})]
        {
            assert_eq!(read(odd.clone()), TrainingStatus::Unknown, "{odd}");
        }
        assert_eq!(TrainingStatus::Unknown.badge(), BadgeColour::Gray);
        assert!(!TrainingStatus::Unknown.is_in_progress());
    }

    #[test]
    fn badges_have_the_spec_colours() {
        use BadgeColour::*;
        let colours: Vec<_> = TrainingStatus::ALL.iter().map(|s| s.badge()).collect();
        assert_eq!(colours, [Gray, Amber, Blue, Green, Red]);
    }

    #[test]
    fn only_running_keeps_views_polling() {
        let polling: Vec<_> = TrainingStatus::ALL.into_iter().filter(|s| s.is_in_progress()).collect();
        assert_eq!(polling, [TrainingStatus::Running]);
    }

    #[test]
    fn serialises_as_the_numeric_code() {
        assert_eq!(serde_json::to_string(&TrainingStatus::Success).unwrap(), "4");
        assert_eq!(serde_json::from_str::<TrainingStatus>("2").unwrap(), TrainingStatus::ReadyToRun);
        assert!(serde_json::from_str::<TrainingStatus>("9").is_err());
    }
}
