//! Tests of a trained model: its error rate beside the base model's on TEST
//! datasets (`docs/api.md`, Evaluations). The totals come from the server's
//! `summary`; each utterance's figures are computed here from its texts.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::status::BadgeColour;
use crate::wer::{self, Alignment, Counts, Scoring};
use crate::{CustomModel, Dataset, DatasetType, TrainingStatus};

/// The longest name a test may have, in characters.
pub const MAX_NAME_CHARS: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EvaluationStatus {
    Queued,
    Running,
    Succeeded,
    Failed,
}

impl crate::named::Label for EvaluationStatus {
    fn label(self) -> &'static str {
        match self {
            EvaluationStatus::Queued => "Queued",
            EvaluationStatus::Running => "Running",
            EvaluationStatus::Succeeded => "Succeeded",
            EvaluationStatus::Failed => "Failed",
        }
    }
}

impl EvaluationStatus {
    pub const ALL: [EvaluationStatus; 4] =
        [EvaluationStatus::Queued, EvaluationStatus::Running, EvaluationStatus::Succeeded, EvaluationStatus::Failed];

    pub fn as_wire(self) -> &'static str {
        match self {
            EvaluationStatus::Queued => "queued",
            EvaluationStatus::Running => "running",
            EvaluationStatus::Succeeded => "succeeded",
            EvaluationStatus::Failed => "failed",
        }
    }

    pub fn from_wire(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_wire().eq_ignore_ascii_case(raw.trim()))
    }

    /// The badge colour: amber queued, blue running, green succeeded, red failed.
    pub fn badge(self) -> BadgeColour {
        match self {
            EvaluationStatus::Queued => BadgeColour::Amber,
            EvaluationStatus::Running => BadgeColour::Blue,
            EvaluationStatus::Succeeded => BadgeColour::Green,
            EvaluationStatus::Failed => BadgeColour::Red,
        }
    }

    /// Whether the server is still working on it (and the console should keep asking).
    pub fn is_pending(self) -> bool {
        matches!(self, EvaluationStatus::Queued | EvaluationStatus::Running)
    }
}

/// Both models' errors over every utterance of a test.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub base: Counts,
    pub custom: Counts,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub id: String,
    pub model_id: String,
    pub name: String,
    pub dataset_ids: Vec<String>,
    /// As the server named it; a status newer than this console is kept as sent.
    pub status: crate::Named<EvaluationStatus>,
    pub created_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    pub failure_code: Option<String>,
    /// Present once the test succeeded.
    pub summary: Option<Summary>,
}

impl Evaluation {
    /// The status badge's colour; gray for a status this console does not know.
    pub fn badge(&self) -> BadgeColour {
        self.status.known().map_or(BadgeColour::Gray, EvaluationStatus::badge)
    }

    /// Whether the console should keep asking: queued, running, or a status it does not know.
    pub fn is_pending(&self) -> bool {
        self.status.known().is_none_or(EvaluationStatus::is_pending)
    }

    /// Why it failed, in words, when it did.
    pub fn failure_message(&self) -> Option<String> {
        (self.status.known() == Some(EvaluationStatus::Failed)).then(|| failure_message(self.failure_code.as_deref()))
    }
}

/// What an evaluation's `failure_code` means.
pub fn failure_message(code: Option<&str>) -> String {
    match code.unwrap_or_default() {
        "no_reference_text" => "The test datasets hold no transcript text to compare with.".into(),
        "dataset_deleted" => "A test dataset was deleted while the test ran.".into(),
        "" => "The test failed for an unknown reason.".into(),
        other => format!("The test failed ({other})."),
    }
}

/// One utterance of a test: the human transcript and what each model heard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Utterance {
    pub file: String,
    /// Seconds into the audio, when the transcript has times.
    pub start: Option<f64>,
    pub end: Option<f64>,
    pub reference: String,
    pub base: String,
    pub custom: String,
}

/// An utterance with both alignments, as its table row shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    pub utterance: Utterance,
    pub base: Alignment,
    pub custom: Alignment,
}

impl Compared {
    pub fn new(utterance: Utterance, scoring: Scoring) -> Self {
        let base = wer::align(&utterance.reference, &utterance.base, scoring);
        let custom = wer::align(&utterance.reference, &utterance.custom, scoring);
        Compared { utterance, base, custom }
    }
}

/// Which utterances a test's table lists (`filter` of the utterances request).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UtteranceFilter {
    #[default]
    All,
    /// Either model made at least one error.
    Errors,
    /// The custom model made more errors than the base model.
    CustomWorse,
}

impl UtteranceFilter {
    pub const ALL: [UtteranceFilter; 3] = [UtteranceFilter::All, UtteranceFilter::Errors, UtteranceFilter::CustomWorse];

    pub fn as_wire(self) -> &'static str {
        match self {
            UtteranceFilter::All => "all",
            UtteranceFilter::Errors => "errors",
            UtteranceFilter::CustomWorse => "custom_worse",
        }
    }

    pub fn from_wire(raw: &str) -> Self {
        Self::ALL.into_iter().find(|f| f.as_wire() == raw).unwrap_or_default()
    }

    pub fn label(self) -> &'static str {
        match self {
            UtteranceFilter::All => "All utterances",
            UtteranceFilter::Errors => "Only errors",
            UtteranceFilter::CustomWorse => "Custom worse than base",
        }
    }

    pub fn keeps(self, base: &Counts, custom: &Counts) -> bool {
        match self {
            UtteranceFilter::All => true,
            UtteranceFilter::Errors => base.errors() + custom.errors() > 0,
            UtteranceFilter::CustomWorse => custom.errors() > base.errors(),
        }
    }
}

/// The order of a test's utterances (`sort` of the utterances request).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UtteranceSort {
    /// As in the datasets.
    #[default]
    Original,
    /// Largest improvement (base errors minus custom errors) first.
    MostImproved,
    /// Largest regression first.
    LeastImproved,
}

impl UtteranceSort {
    pub const ALL: [UtteranceSort; 3] =
        [UtteranceSort::Original, UtteranceSort::MostImproved, UtteranceSort::LeastImproved];

    pub fn as_wire(self) -> &'static str {
        match self {
            UtteranceSort::Original => "original",
            UtteranceSort::MostImproved => "improvement_desc",
            UtteranceSort::LeastImproved => "improvement_asc",
        }
    }

    pub fn from_wire(raw: &str) -> Self {
        Self::ALL.into_iter().find(|s| s.as_wire() == raw).unwrap_or_default()
    }

    pub fn label(self) -> &'static str {
        match self {
            UtteranceSort::Original => "Order in the datasets",
            UtteranceSort::MostImproved => "Most improved first",
            UtteranceSort::LeastImproved => "Least improved first",
        }
    }

    /// The key to sort by, ascending: errors the custom model saved, negated for "most improved".
    pub fn key(self, base: &Counts, custom: &Counts) -> i64 {
        let saved = i64::from(base.errors()) - i64::from(custom.errors());
        match self {
            UtteranceSort::Original => 0,
            UtteranceSort::MostImproved => -saved,
            UtteranceSort::LeastImproved => saved,
        }
    }
}

/// A test page's table state, kept in the URL: page, size, filter and order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TestQuery {
    pub page: u32,
    pub page_size: u32,
    pub filter: UtteranceFilter,
    pub sort: UtteranceSort,
}

impl Default for TestQuery {
    fn default() -> Self {
        TestQuery {
            page: 1,
            page_size: crate::pagination::DEFAULT_PAGE_SIZE,
            filter: UtteranceFilter::All,
            sort: UtteranceSort::Original,
        }
    }
}

impl TestQuery {
    /// Reads a query leniently: anything missing or malformed takes its default.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let paging = crate::query::DatasetQuery::from_params(&get);
        TestQuery {
            page: paging.page,
            page_size: paging.page_size,
            filter: get("filter").map_or_else(UtteranceFilter::default, |f| UtteranceFilter::from_wire(&f)),
            sort: get("sort").map_or_else(UtteranceSort::default, |s| UtteranceSort::from_wire(&s)),
        }
    }

    /// Only the parameters that differ from the defaults, for a tidy URL.
    pub fn to_url_params(&self) -> Vec<(&'static str, String)> {
        let mut params = crate::query::DatasetQuery { page: self.page, page_size: self.page_size }.to_url_params();
        if self.filter != UtteranceFilter::All {
            params.push(("filter", self.filter.as_wire().to_owned()));
        }
        if self.sort != UtteranceSort::Original {
            params.push(("sort", self.sort.as_wire().to_owned()));
        }
        params
    }
}

/// Why a model cannot be tested now, or `None` when it can.
pub fn evaluation_block(model: &CustomModel, datasets: &[Dataset]) -> Option<&'static str> {
    if model.status != TrainingStatus::Success {
        return Some("Only a trained model (Success) can be tested.");
    }
    if !datasets.iter().any(is_test_data) {
        return Some("Upload a TEST dataset (.vtt, .srt or .txt transcripts) to test the model.");
    }
    None
}

/// A dataset a test may use: TEST data the server did not find invalid.
pub fn is_test_data(dataset: &Dataset) -> bool {
    dataset.dataset_type.known() == Some(DatasetType::Test) && !dataset.check.is_invalid()
}

/// The name to store for a new test, or what is wrong with it.
pub fn validate_name(typed: &str) -> Result<String, String> {
    let name = typed.trim();
    match name.chars().count() {
        0 => Err("Enter a name for the test.".into()),
        n if n > MAX_NAME_CHARS => Err(format!("The name is {n} characters long; use at most {MAX_NAME_CHARS}.")),
        _ => Ok(name.to_owned()),
    }
}

/// The name a model's next version is offered: "Call centre" → "Call centre v2",
/// "Call centre v2" → "Call centre v3".
pub fn next_version_name(name: &str) -> String {
    let name = name.trim();
    let numbered = name.rsplit_once(" v").and_then(|(stem, n)| Some((stem, n.parse::<u32>().ok()?)));
    let next = match numbered {
        Some((stem, n)) if !stem.is_empty() => format!("{stem} v{}", n.saturating_add(1)),
        _ => format!("{name} v2"),
    };
    next.chars().take(crate::model::MAX_NAME_CHARS).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(errors: u32) -> Counts {
        Counts { substitutions: errors, reference_words: 10, ..Counts::default() }
    }

    #[test]
    fn filters_keep_what_they_say() {
        assert!(UtteranceFilter::Errors.keeps(&counts(0), &counts(1)));
        assert!(!UtteranceFilter::Errors.keeps(&counts(0), &counts(0)));
        assert!(UtteranceFilter::CustomWorse.keeps(&counts(1), &counts(2)));
        assert!(!UtteranceFilter::CustomWorse.keeps(&counts(2), &counts(2)));
        assert_eq!(UtteranceFilter::from_wire("custom_worse"), UtteranceFilter::CustomWorse);
        assert_eq!(UtteranceFilter::from_wire("<script>"), UtteranceFilter::All);
    }

    #[test]
    fn most_improved_sorts_the_largest_saving_first() {
        let mut rows = [(3, 3), (5, 1), (1, 4)];
        rows.sort_by_key(|(b, c)| UtteranceSort::MostImproved.key(&counts(*b), &counts(*c)));
        assert_eq!(rows, [(5, 1), (3, 3), (1, 4)]);
        rows.sort_by_key(|(b, c)| UtteranceSort::LeastImproved.key(&counts(*b), &counts(*c)));
        assert_eq!(rows, [(1, 4), (3, 3), (5, 1)]);
    }

    #[test]
    fn the_table_state_round_trips_through_the_url() {
        let q = TestQuery {
            page: 3,
            page_size: 50,
            filter: UtteranceFilter::CustomWorse,
            sort: UtteranceSort::MostImproved,
        };
        let params = q.to_url_params();
        let read = TestQuery::from_params(|k| params.iter().find(|(key, _)| *key == k).map(|(_, v)| v.clone()));
        assert_eq!(read, q);
        assert!(TestQuery::default().to_url_params().is_empty());
        assert_eq!(TestQuery::from_params(|_| Some("junk".into())), TestQuery::default());
    }

    #[test]
    fn versions_count_up() {
        assert_eq!(next_version_name("Call centre"), "Call centre v2");
        assert_eq!(next_version_name("Call centre v2"), "Call centre v3");
        assert_eq!(next_version_name("v2"), "v2 v2");
        assert_eq!(next_version_name("Model vX"), "Model vX v2");
        assert_eq!(next_version_name(&"a".repeat(100)).chars().count(), 100);
    }

    #[test]
    fn test_names_are_trimmed_and_bounded() {
        assert_eq!(validate_name("  Holdout Nov "), Ok("Holdout Nov".into()));
        assert!(validate_name("   ").is_err());
        assert!(validate_name(&"x".repeat(101)).is_err());
    }

    #[test]
    fn unknown_statuses_keep_being_asked_about() {
        let mut e = Evaluation {
            id: "ev1".into(),
            model_id: "m".into(),
            name: "n".into(),
            dataset_ids: vec![],
            status: crate::Named::Other("scoring".into()),
            created_at: None,
            finished_at: None,
            failure_code: None,
            summary: None,
        };
        assert!(e.is_pending());
        assert_eq!(e.badge(), BadgeColour::Gray);
        e.status = EvaluationStatus::Failed.into();
        assert_eq!(e.badge(), BadgeColour::Red);
        e.failure_code = Some("no_reference_text".into());
        assert!(!e.is_pending());
        assert_eq!(e.failure_message().as_deref(), Some("The test datasets hold no transcript text to compare with."));
        assert_eq!(failure_message(Some("gpu_lost")), "The test failed (gpu_lost).");
    }
}
