//! The generated demo at scale. Model `i` is a pure function of `i`, so a store
//! of 100,000 generated models builds none of them up front: lists, sorts and
//! searches read their fields from `i`, a page builds only its rows, and a
//! model is stored like any other only once a request changes it.

use chrono::{DateTime, Duration, Utc};

use crate::numbered::{numbered, push_numbered};
use crate::records::{PendingTraining, ORG};
use domain::failure::TrainingFailure;
use domain::model::CustomModel;
use domain::status::TrainingStatus;
use domain::training::TrainingErrorCode;

const WORDS: [&str; 12] = [
    "Call",
    "Radiology",
    "Legal",
    "Field",
    "Podcast",
    "Pharma",
    "Court",
    "Claims",
    "Aviation",
    "Retail",
    "Support",
    "Sales",
];

#[derive(Clone, Debug)]
pub(super) struct Generator {
    count: usize,
    now: DateTime<Utc>,
    now_ms: i64,
    trainable: Vec<String>,
    /// "Call Radiology ", …: every pair of words, in the order `i` walks them.
    prefixes: Vec<String>,
    /// Models now stored in the store's own list, or deleted.
    taken: Vec<bool>,
    taken_count: usize,
}

impl Generator {
    pub(super) fn new(count: usize, now: DateTime<Utc>, trainable: Vec<String>) -> Self {
        let prefixes = (0..WORDS.len() * WORDS.len())
            .map(|k| format!("{} {} ", WORDS[k % WORDS.len()], WORDS[k / WORDS.len()]))
            .collect();
        Generator {
            count,
            now,
            now_ms: now.timestamp_millis(),
            trainable,
            prefixes,
            taken: vec![false; count],
            taken_count: 0,
        }
    }

    /// How many generated models, stored ones included.
    pub(super) fn count(&self) -> usize {
        self.count
    }

    /// Generated models not yet stored or deleted.
    pub(super) fn live_count(&self) -> usize {
        self.count - self.taken_count
    }

    pub(super) fn is_live(&self, i: usize) -> bool {
        self.taken.get(i).is_some_and(|taken| !taken)
    }

    /// Marks `i` as stored elsewhere or deleted; false when it already was.
    pub(super) fn take(&mut self, i: usize) -> bool {
        match self.taken.get_mut(i) {
            Some(taken) if !*taken => {
                *taken = true;
                self.taken_count += 1;
                true
            }
            _ => false,
        }
    }

    /// The `i` of a generated model's id ("gm_42" → 42).
    pub(super) fn index_of(&self, id: &str) -> Option<usize> {
        let digits = id.strip_prefix("gm_")?;
        let canonical = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits == "0" || !digits.starts_with('0'));
        digits.parse().ok().filter(|&i| canonical && i < self.count)
    }

    pub(super) fn status(&self, i: usize) -> TrainingStatus {
        // One model trains, so polling can be observed; the rest never run.
        if i == 0 {
            TrainingStatus::Running
        } else {
            [TrainingStatus::NotRunning, TrainingStatus::ReadyToRun, TrainingStatus::Success, TrainingStatus::Failed]
                [i % 4]
        }
    }

    /// Older with each index, so the models come already ordered by date.
    pub(super) fn last_modified(&self, i: usize) -> Option<DateTime<Utc>> {
        DateTime::from_timestamp_millis(self.last_modified_ms(i))
    }

    pub(super) fn last_modified_ms(&self, i: usize) -> i64 {
        self.now_ms - i as i64 * 311_000
    }

    pub(super) fn language(&self, i: usize) -> &str {
        self.trainable.get((i + i / 7) % self.trainable.len().max(1)).map_or("", String::as_str)
    }

    fn name_prefix(&self, i: usize) -> &str {
        &self.prefixes[i % self.prefixes.len()]
    }

    /// Appends the lower-cased name of model `i`.
    pub(super) fn push_lower_name(&self, i: usize, out: &mut String) {
        let start = out.len();
        push_numbered(out, self.name_prefix(i), i, 6, "");
        out[start..].make_ascii_lowercase();
    }

    pub(super) fn model(&self, i: usize) -> CustomModel {
        let status = self.status(i);
        CustomModel {
            id: numbered("gm_", i, 0, ""),
            name: numbered(self.name_prefix(i), i, 6, ""),
            language: self.language(i).to_owned(),
            organization_id: ORG.into(),
            status,
            status_text: None,
            last_modified: self.last_modified(i),
            failure: (status == TrainingStatus::Failed)
                .then(|| TrainingFailure::code_only(TrainingErrorCode::ValidationFailed)),
            from_model_id: None,
            progress: None,
            estimated_finish: None,
        }
    }

    pub(super) fn training(&self, i: usize) -> Option<PendingTraining> {
        (self.status(i) == TrainingStatus::Running).then(|| PendingTraining {
            ends_at: self.now + Duration::days(365),
            started_at: None,
            failure: None,
        })
    }
}
