//! Tests of trained models: the demo recognizers are the TEST transcripts
//! with seeded errors (`domain::hypothesis`), the custom model mostly better
//! than the base and a few utterances worse; `summary` is computed with the
//! same code as the console's per-utterance figures, so the two agree.

use super::*;
use domain::dataset_check::cues;
use domain::evaluation::{self, Evaluation, EvaluationStatus, Summary, Utterance, UtteranceFilter, UtteranceSort};
use domain::wer;

/// How much of a TEST file's text the backend keeps (the demo saves it in localStorage).
pub(super) const MAX_TEXT_CHARS: usize = 64 * 1024;
/// The base model's error rate on the demo's transcripts, and the custom model's.
const BASE_ERRORS: f64 = 0.2;
const CUSTOM_ERRORS: f64 = 0.04;
/// One utterance in this many the custom model does worse on, as real ones do.
const WORSE_EVERY: usize = 8;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct StoredEvaluation {
    pub(crate) evaluation: Evaluation,
    runs_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    /// Every utterance, once the test succeeded: kept, so deleting a dataset
    /// later does not change a finished test.
    #[serde(default)]
    utterances: Vec<Utterance>,
}

impl StoredEvaluation {
    pub(super) fn model_id(&self) -> &str {
        &self.evaluation.model_id
    }
}

impl Store {
    /// How long a test takes in the demo: a third of a training, at least 1.5 s.
    fn evaluation_ms(&self) -> i64 {
        (self.training_ms / 3).max(1500)
    }

    pub fn create_evaluation(
        &mut self,
        model_id: &str,
        name: &str,
        dataset_ids: &[String],
        now: DateTime<Utc>,
    ) -> Result<Evaluation, Refusal> {
        let model = self.model(model_id)?;
        let name = evaluation::validate_name(name).map_err(|m| Refusal::new(400, "invalid_name", m))?;
        let datasets: Vec<Dataset> = self.datasets.iter().filter(|d| d.model_id == model_id).cloned().collect();
        if let Some(block) = evaluation::evaluation_block(&model, &datasets) {
            return Err(Refusal::new(400, "validation_failed", block));
        }
        let usable = |id: &String| datasets.iter().any(|d| &d.id == id && evaluation::is_test_data(d));
        if dataset_ids.is_empty() || !dataset_ids.iter().all(usable) {
            return Err(Refusal::new(
                400,
                "validation_failed",
                "Choose one or more valid TEST datasets of this model.",
            ));
        }
        let evaluation = Evaluation {
            id: self.fresh_id("ev"),
            model_id: model_id.into(),
            name,
            dataset_ids: dataset_ids.to_vec(),
            status: EvaluationStatus::Queued.into(),
            created_at: Some(now),
            finished_at: None,
            failure_code: None,
            summary: None,
        };
        let (runs_at, ends_at) =
            (now + Duration::milliseconds(500), now + Duration::milliseconds(self.evaluation_ms()));
        self.evaluations.push(StoredEvaluation {
            evaluation: evaluation.clone(),
            runs_at,
            ends_at,
            utterances: vec![],
        });
        Ok(evaluation)
    }

    /// [`Store::create_evaluation`] once per idempotency key.
    pub fn create_evaluation_once(
        &mut self,
        model_id: &str,
        name: &str,
        dataset_ids: &[String],
        now: DateTime<Utc>,
        key: &str,
    ) -> Result<Evaluation, Refusal> {
        self.once(
            "evaluation",
            key,
            |s| s.create_evaluation(model_id, name, dataset_ids, now),
            |e| e.id.clone(),
            |s, id| s.evaluation(id).ok(),
        )
    }

    pub fn list_evaluations(&self, model_id: &str, page: u32, page_size: u32) -> Result<Page<Evaluation>, Refusal> {
        self.model(model_id)?;
        let hits: Vec<&Evaluation> =
            self.evaluations.iter().rev().map(|s| &s.evaluation).filter(|e| e.model_id == model_id).collect();
        Ok(paged(hits, page, page_size))
    }

    pub fn evaluation(&self, id: &str) -> Result<Evaluation, Refusal> {
        self.stored_evaluation(id).map(|s| s.evaluation.clone())
    }

    fn stored_evaluation(&self, id: &str) -> Result<&StoredEvaluation, Refusal> {
        self.evaluations
            .iter()
            .find(|s| s.evaluation.id == id && self.model(&s.evaluation.model_id).is_ok())
            .ok_or_else(|| Refusal::not_found("test"))
    }

    pub fn delete_evaluation(&mut self, id: &str) -> Result<(), Refusal> {
        self.stored_evaluation(id)?;
        self.evaluations.retain(|s| s.evaluation.id != id);
        Ok(())
    }

    /// A page of a finished test's utterances, filtered and sorted by the
    /// same figures the console shows.
    pub fn utterances(
        &self,
        id: &str,
        page: u32,
        page_size: u32,
        filter: UtteranceFilter,
        sort: UtteranceSort,
    ) -> Result<Page<Utterance>, Refusal> {
        let stored = self.stored_evaluation(id)?;
        let unit = wer::unit_for(&self.model(&stored.evaluation.model_id)?.language);
        let mut rows: Vec<(i64, &Utterance)> = stored
            .utterances
            .iter()
            .filter_map(|u| {
                let base = wer::count(&u.reference, &u.base, unit);
                let custom = wer::count(&u.reference, &u.custom, unit);
                filter.keeps(&base, &custom).then(|| (sort.key(&base, &custom), u))
            })
            .collect();
        rows.sort_by_key(|(key, _)| *key);
        Ok(paged(rows.into_iter().map(|(_, u)| u).collect(), page, page_size))
    }

    /// Moves tests along; returns whether any changed.
    pub(super) fn advance_evaluations(&mut self, now: DateTime<Utc>) -> bool {
        let mut changed = false;
        for i in 0..self.evaluations.len() {
            let (status, runs_at, ends_at) = {
                let s = &self.evaluations[i];
                (s.evaluation.status.known(), s.runs_at, s.ends_at)
            };
            if status == Some(EvaluationStatus::Queued) && now >= runs_at {
                self.evaluations[i].evaluation.status = EvaluationStatus::Running.into();
                changed = true;
            }
            if status.is_some_and(EvaluationStatus::is_pending) && now >= ends_at {
                self.finish_evaluation(i, ends_at);
                changed = true;
            }
        }
        changed
    }

    fn finish_evaluation(&mut self, i: usize, at: DateTime<Utc>) {
        let evaluation = self.evaluations[i].evaluation.clone();
        // Time moves for every organisation at once (a server's tick), so the model is
        // found whoever the store acts as.
        let language =
            self.models.iter().find(|s| s.model.id == evaluation.model_id).map(|s| s.model.language.as_str());
        let unit = wer::unit_for(language.unwrap_or_default());
        let mut utterances = Vec::new();
        let mut failure = None;
        for dataset_id in &evaluation.dataset_ids {
            let Some(dataset) = self.datasets.iter().find(|d| &d.id == dataset_id) else {
                failure = Some("dataset_deleted");
                break;
            };
            let text = self.texts.get(dataset_id).map_or("", String::as_str);
            for cue in cues(text).into_iter().filter(|c| !c.text.is_empty()) {
                let n = utterances.len();
                let seed = seed_of(&evaluation.id, n);
                // Every few utterances the models trade places: the custom model is worse there.
                let (base_rate, custom_rate) = if n % WORSE_EVERY == WORSE_EVERY - 1 {
                    (CUSTOM_ERRORS, BASE_ERRORS * 1.5)
                } else {
                    (BASE_ERRORS, CUSTOM_ERRORS)
                };
                utterances.push(Utterance {
                    file: dataset.name.clone(),
                    start: cue.start,
                    end: cue.end,
                    base: domain::hypothesis::degrade(&cue.text, seed, base_rate, unit),
                    custom: domain::hypothesis::degrade(&cue.text, seed ^ 0x9e37_79b9, custom_rate, unit),
                    reference: cue.text,
                });
            }
        }
        if failure.is_none() && utterances.is_empty() {
            failure = Some("no_reference_text");
        }
        let stored = &mut self.evaluations[i];
        stored.evaluation.finished_at = Some(at);
        if let Some(code) = failure {
            stored.evaluation.status = EvaluationStatus::Failed.into();
            stored.evaluation.failure_code = Some(code.into());
            return;
        }
        let mut summary = Summary::default();
        for u in &utterances {
            summary.base.add(&wer::count(&u.reference, &u.base, unit));
            summary.custom.add(&wer::count(&u.reference, &u.custom, unit));
        }
        stored.evaluation.status = EvaluationStatus::Succeeded.into();
        stored.evaluation.summary = Some(summary);
        stored.utterances = utterances;
    }

    /// Keeps the text of a transcript or TEST file, which tests are run on.
    pub(super) fn keep_text(&mut self, dataset_id: &str, text: &str) {
        let kept: String = text.chars().take(MAX_TEXT_CHARS).collect();
        self.texts.insert(dataset_id.to_owned(), kept);
    }

    /// A finished test for the demo, so its results show without waiting.
    pub(super) fn seed_evaluation(&mut self, model_id: &str, name: &str, now: DateTime<Utc>) {
        let ids: Vec<String> = self
            .datasets
            .iter()
            .filter(|d| d.model_id == model_id && d.dataset_type.known() == Some(DatasetType::Test))
            .map(|d| d.id.clone())
            .collect();
        if let Ok(e) = self.create_evaluation(model_id, name, &ids, now - Duration::hours(2)) {
            if let Some(i) = self.evaluations.iter().position(|s| s.evaluation.id == e.id) {
                self.finish_evaluation(i, now - Duration::hours(2) + Duration::minutes(4));
            }
        }
    }
}

/// The same seed for the same test and utterance, whatever else the store holds.
fn seed_of(evaluation_id: &str, n: usize) -> u64 {
    evaluation_id
        .bytes()
        .fold(n as u64 ^ 0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::*;
    use domain::evaluation::{EvaluationStatus, Utterance, UtteranceFilter, UtteranceSort};
    use domain::wer;

    const SRT: &str = "1\n00:00:01,000 --> 00:00:02,000\nthe cat sat on the mat\n\n2\n00:00:03,000 --> 00:00:04,000\nplease send the invoice to my office today\n";

    fn trained(store: &mut Store) -> (CustomModel, Dataset) {
        let m = store.create_model("Call centre", "en-US", now()).unwrap();
        upload(store, &m.id, "a.vtt", DatasetType::Transcript, None);
        store.start_training(&m.id, now()).unwrap();
        store.advance(now() + Duration::milliseconds(store.training_ms));
        let t = upload_text(store, &m.id, "holdout.srt", DatasetType::Test, &SRT.repeat(10));
        store.advance(now() + Duration::milliseconds(super::super::checks::CHECK_MS));
        (store.model(&m.id).unwrap(), t)
    }

    #[test]
    fn only_trained_models_with_test_data_are_tested() {
        let mut store = Store::empty(0);
        let m = store.create_model("A", "en-US", now()).unwrap();
        let t = upload_text(&mut store, &m.id, "t.srt", DatasetType::Test, SRT);
        let err = store.create_evaluation(&m.id, "x", std::slice::from_ref(&t.id), now()).unwrap_err();
        assert_eq!((err.status, err.code.as_str()), (400, "validation_failed"));
        let (m, t) = trained(&mut store);
        let a = store.list_datasets(&m.id, 1, 25).unwrap().items[0].id.clone();
        assert_eq!(store.create_evaluation(&m.id, "x", &[a], now()).unwrap_err().code, "validation_failed");
        assert_eq!(
            store.create_evaluation(&m.id, " ", std::slice::from_ref(&t.id), now()).unwrap_err().code,
            "invalid_name"
        );
        let credits = store.credits;
        store.create_evaluation(&m.id, "Holdout", &[t.id], now()).unwrap();
        assert_eq!(store.credits, credits, "a test uses no training credit");
    }

    #[test]
    fn a_test_runs_and_its_summary_is_the_sum_of_its_utterances() {
        let mut store = Store::empty(3000);
        let (m, t) = trained(&mut store);
        let e = store.create_evaluation_once(&m.id, "Holdout", std::slice::from_ref(&t.id), now(), "k").unwrap();
        assert_eq!(store.create_evaluation_once(&m.id, "Holdout", &[t.id], now(), "k").unwrap().id, e.id);
        assert_eq!(e.status.known(), Some(EvaluationStatus::Queued));
        store.advance(now() + Duration::milliseconds(600));
        assert_eq!(store.evaluation(&e.id).unwrap().status.known(), Some(EvaluationStatus::Running));
        store.advance(now() + Duration::milliseconds(1500));
        let done = store.evaluation(&e.id).unwrap();
        assert_eq!(done.status.known(), Some(EvaluationStatus::Succeeded));
        let summary = done.summary.unwrap();
        let all = store.utterances(&e.id, 1, 100, UtteranceFilter::All, UtteranceSort::Original).unwrap();
        assert_eq!(all.total, 20);
        let mut base = wer::Counts::default();
        let mut custom = wer::Counts::default();
        for u in &all.items {
            base.add(&wer::align(&u.reference, &u.base, wer::Unit::Words).counts);
            custom.add(&wer::align(&u.reference, &u.custom, wer::Unit::Words).counts);
        }
        assert_eq!((summary.base, summary.custom), (base, custom));
        assert!(summary.custom.errors() < summary.base.errors(), "the custom model is mostly better");
        let worse = store.utterances(&e.id, 1, 100, UtteranceFilter::CustomWorse, UtteranceSort::Original).unwrap();
        assert!(worse.total > 0 && worse.total < all.total, "a few utterances are worse: {}", worse.total);
        let sorted = store.utterances(&e.id, 1, 100, UtteranceFilter::All, UtteranceSort::MostImproved).unwrap();
        let saved = |u: &Utterance| {
            wer::count(&u.reference, &u.base, wer::Unit::Words).errors() as i64
                - wer::count(&u.reference, &u.custom, wer::Unit::Words).errors() as i64
        };
        assert!(sorted.items.windows(2).all(|w| saved(&w[0]) >= saved(&w[1])));
        store.delete_evaluation(&e.id).unwrap();
        assert_eq!(store.evaluation(&e.id).unwrap_err().status, 404);
    }

    #[test]
    fn a_test_without_text_fails_and_says_why() {
        let mut store = Store::empty(0);
        let (m, _) = trained(&mut store);
        let empty = upload(&mut store, &m.id, "empty.txt", DatasetType::Test, None);
        let e = store.create_evaluation(&m.id, "Empty", &[empty.id], now()).unwrap();
        store.advance(now() + Duration::seconds(5));
        let failed = store.evaluation(&e.id).unwrap();
        assert_eq!(failed.failure_code.as_deref(), Some("no_reference_text"));
        assert!(failed.failure_message().is_some());
    }

    #[test]
    fn the_demo_has_a_finished_and_a_failed_test() {
        let store = Store::seeded(now(), 8000);
        let statuses: Vec<_> = store.evaluations.iter().map(|s| s.evaluation.status.known()).collect();
        assert_eq!(statuses, [Some(EvaluationStatus::Succeeded), Some(EvaluationStatus::Failed)]);
    }
}
