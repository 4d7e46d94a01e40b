//! The server's check of each uploaded file: "validating" for a moment, then
//! valid, or invalid with the problems found and their lines.

use super::*;
use domain::dataset_check::{check_transcript, CheckStatus, DatasetCheck};

/// How long the demo's check of a file takes.
pub(super) const CHECK_MS: i64 = 1500;
/// The most problems one file reports.
const MAX_PROBLEMS: usize = 20;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct PendingCheck {
    pub(crate) dataset_id: String,
    ends_at: DateTime<Utc>,
    problems: Vec<domain::dataset_check::DatasetProblem>,
}

impl Store {
    /// Starts checking a new dataset whose first bytes were `text` (for transcripts).
    pub(super) fn start_check(&mut self, dataset: &mut Dataset, text: Option<&str>, now: DateTime<Utc>) {
        let is_text =
            dataset.dataset_type.known().is_some_and(|t| matches!(t, DatasetType::Transcript | DatasetType::Test));
        let mut problems = match text {
            Some(text) if is_text => check_transcript(text),
            _ => Vec::new(),
        };
        problems.truncate(MAX_PROBLEMS);
        dataset.check = DatasetCheck { status: CheckStatus::Validating.into(), problems: Vec::new() };
        self.checks.push(PendingCheck {
            dataset_id: dataset.id.clone(),
            ends_at: now + Duration::milliseconds(CHECK_MS),
            problems,
        });
    }

    /// Ends the checks whose time has come; returns whether any did.
    pub(super) fn advance_checks(&mut self, now: DateTime<Utc>) -> bool {
        let (done, waiting): (Vec<PendingCheck>, Vec<PendingCheck>) =
            std::mem::take(&mut self.checks).into_iter().partition(|c| c.ends_at <= now);
        self.checks = waiting;
        for check in &done {
            if let Some(d) = self.datasets.iter_mut().find(|d| d.id == check.dataset_id) {
                let status = if check.problems.is_empty() { CheckStatus::Valid } else { CheckStatus::Invalid };
                d.check = DatasetCheck { status: status.into(), problems: check.problems.clone() };
            }
        }
        !done.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::*;

    #[test]
    fn uploads_are_checked_then_valid_or_invalid_with_lines() {
        let mut store = Store::empty(0);
        let m = store.create_model("A", "en-US", now()).unwrap();
        let good = upload_text(
            &mut store,
            &m.id,
            "good.vtt",
            DatasetType::Transcript,
            "WEBVTT\n\n00:01.000 --> 00:02.000\nHello\n",
        );
        let bad = upload_text(
            &mut store,
            &m.id,
            "bad.vtt",
            DatasetType::Transcript,
            "WEBVTT\n\n00:05.000 --> 00:02.000\nBackwards\n",
        );
        assert!(good.check.is_validating());
        assert_eq!(store.start_training(&m.id, now()).unwrap_err().code, "validation_failed");
        store.advance(now() + Duration::milliseconds(super::CHECK_MS));
        let list = store.list_datasets(&m.id, 1, 25).unwrap().items;
        assert!(!list[0].check.is_validating() && !list[0].check.is_invalid());
        assert!(list[1].check.is_invalid());
        assert_eq!(list[1].check.problems[0].text(), "Line 3: cue ends before it starts");
        let err = store.start_training(&m.id, now()).unwrap_err();
        assert_eq!(err.message, "Fix or delete the invalid datasets first: bad.vtt.");
        store.delete_dataset(&m.id, &bad.id, now()).unwrap();
        assert_eq!(store.start_training(&m.id, now()).unwrap().status, TrainingStatus::Running);
    }
}
