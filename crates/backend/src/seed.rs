//! The demo's data: the seeded organisation, an empty start, and generated
//! stores of any size for the scale benchmarks.

use super::*;
use crate::numbered::numbered;

fn language(code: &str, name: &str, trainable: bool) -> Language {
    Language { code: code.into(), name: name.into(), trainable }
}

impl Store {
    /// A store with no models, for tests and for a clean demo.
    pub fn empty(training_ms: i64) -> Self {
        Store {
            version: STATE_VERSION,
            user: User {
                id: "u_demo".into(),
                name: "Dana Demo".into(),
                role: Role::OrgAdmin,
                organization_id: Some(ORG.into()),
            },
            languages: vec![
                language("en-US", "English (US)", true),
                language("en-GB", "English (UK)", true),
                language("de-DE", "German", true),
                language("fr-FR", "French", true),
                language("es-ES", "Spanish", true),
                language("ja-JP", "Japanese", false),
                language("pt-BR", "Portuguese (Brazil)", false),
                language("ar-SA", "Arabic", false),
            ],
            credits: 5,
            training_ms,
            models: Vec::new(),
            datasets: Vec::new(),
            next_id: 1,
            sessions: Vec::new(),
            uploads: Vec::new(),
            replies: Default::default(),
            evaluations: Vec::new(),
            texts: Default::default(),
            checks: Vec::new(),
            index: Default::default(),
            earliest_end: None,
            generator: None,
        }
    }

    /// The demo: models in every status spread over trainable languages, enough
    /// of them to need paging, datasets of each type, and one training running.
    pub fn seeded(now: DateTime<Utc>, training_ms: i64) -> Self {
        let mut store = Self::empty(training_ms);
        let domains = [
            "Call centre",
            "Radiology notes",
            "Legal hearings",
            "Field service",
            "Podcast",
            "Pharma sales",
            "Court records",
            "Insurance claims",
            "Aviation ATC",
            "Retail support",
        ];
        let trainable: Vec<String> = store.languages.iter().filter(|l| l.trainable).map(|l| l.code.clone()).collect();
        for i in 0..60usize {
            let name = format!("{} {}", domains[i % domains.len()], i / domains.len() + 1);
            let status = TrainingStatus::ALL[i % 5];
            let id = store.fresh_id("cm");
            let modified = now - Duration::minutes(37 * i as i64 + 5);
            let model = CustomModel {
                id: id.clone(),
                name,
                // Offset every five rows, so statuses and languages mix.
                language: trainable[(i + i / 5) % trainable.len()].clone(),
                organization_id: ORG.into(),
                status,
                status_text: None,
                last_modified: Some(modified),
                failure: None,
                from_model_id: None,
                progress: None,
                estimated_finish: None,
            };
            let training = (status == TrainingStatus::Running).then(|| PendingTraining {
                ends_at: now + Duration::milliseconds(training_ms),
                started_at: Some(now),
                failure: None,
            });
            store.models.push(StoredModel { model, training });
            if status != TrainingStatus::NotRunning {
                store.seed_datasets(&id, i, modified);
            }
            if status == TrainingStatus::Failed {
                store.seed_failure(&id);
            }
            // One ready model holds a recording that is not really audio, so the
            // demo can show a training that fails, and why.
            if i == FAULTY_SEED {
                if let Some(d) = store.datasets.iter_mut().find(|d| d.model_id == id) {
                    d.content_problem = Some(TrainingErrorCode::InvalidAudioFormat);
                }
            }
        }
        // The first trained model has a finished test, and the second a failed
        // one, so the demo shows both without waiting.
        let trained: Vec<String> = store
            .models
            .iter()
            .filter(|s| s.model.status == TrainingStatus::Success)
            .map(|s| s.model.id.clone())
            .collect();
        if let Some(id) = trained.first() {
            store.seed_evaluation(id, "Holdout November", now);
        }
        if let Some(id) = trained.get(1) {
            let tests: Vec<String> =
                store.datasets.iter().filter(|d| &d.model_id == id).map(|d| d.id.clone()).collect();
            store.texts.retain(|dataset, _| !tests.contains(dataset));
            store.seed_evaluation(id, "Holdout (empty export)", now);
        }
        store
    }

    /// `count` generated models (and `datasets` datasets on the first one), for
    /// trying the console at scale. Deterministic: the same count gives the same data.
    pub fn generated(count: usize, datasets: usize, now: DateTime<Utc>, training_ms: i64) -> Self {
        Self::generate(count, datasets, now, training_ms, STORED_GENERATED_MAX)
    }

    /// Up to `stored_max` models, all stored; above it, only the one that trains.
    pub(super) fn generate(
        count: usize,
        datasets: usize,
        now: DateTime<Utc>,
        training_ms: i64,
        stored_max: usize,
    ) -> Self {
        let mut store = Self::empty(training_ms);
        let trainable = store.languages.iter().filter(|l| l.trainable).map(|l| l.code.clone()).collect();
        let mut generator = Generator::new(count, now, trainable);
        let stored = if count <= stored_max { count } else { count.min(1) };
        store.models.reserve(stored);
        for i in 0..stored {
            generator.take(i);
            store.models.push(StoredModel { model: generator.model(i), training: generator.training(i) });
        }
        store.generator = (generator.live_count() > 0).then_some(generator);
        for j in 0..datasets.min(count.max(1) * 100_000) {
            let Some(first) = store.models.first().map(|m| m.model.id.clone()) else { break };
            let dataset_type = DatasetType::ALL[j % 4];
            store.datasets.push(Dataset {
                id: numbered("gd_", j, 0, ""),
                model_id: first,
                name: numbered("recording-", j, 5, dataset_type.extensions()[0]),
                dataset_type: dataset_type.into(),
                duration_seconds: (dataset_type == DatasetType::Audio).then_some(60.0 + j as f64),
                url: Some(numbered("https://storage.example.com/generated/", j, 0, "")),
                started_at: Some(now - Duration::minutes(j as i64 + 2)),
                finished_at: Some(now - Duration::minutes(j as i64)),
                content_problem: None,
                check: Default::default(),
            });
        }
        store.next_id = (count + datasets) as u64 + 1;
        store
    }

    /// A failed model's reason: its first transcript has a cue that ends before
    /// it starts, so the demo shows which file failed, where, and why.
    fn seed_failure(&mut self, model_id: &str) {
        let transcript = self
            .datasets
            .iter_mut()
            .find(|d| d.model_id == model_id && d.dataset_type.known() == Some(DatasetType::Transcript));
        if let Some(d) = transcript {
            d.content_problem = Some(TrainingErrorCode::InvalidTranscriptFormat);
        }
        let datasets: Vec<Dataset> = self.datasets.iter().filter(|d| d.model_id == model_id).cloned().collect();
        let mut failure = models::training_failure(&datasets)
            .unwrap_or_else(|| TrainingFailure::code_only(TrainingErrorCode::InvalidTranscriptFormat));
        if let Some(d) = failure.datasets.first_mut() {
            let message = "The cue ends (00:00:41.200) before it starts (00:00:43.900).".to_owned();
            d.problems = vec![domain::dataset_check::DatasetProblem { line: Some(14), message }];
        }
        if let Some(stored) = self.models.iter_mut().find(|s| s.model.id == model_id) {
            stored.model.failure = Some(failure);
        }
    }

    pub(super) fn seed_datasets(&mut self, model_id: &str, i: usize, at: DateTime<Utc>) {
        let files = [
            ("support-calls-week1.wav", DatasetType::Audio, Some(5423.0)),
            ("support-calls-week1.vtt", DatasetType::Transcript, None),
            ("glossary.txt", DatasetType::Transcript, None),
            ("holdout.srt", DatasetType::Test, None),
            ("manifest.jsonl", DatasetType::Manifest, None),
        ];
        for (name, dataset_type, duration_seconds) in files.into_iter().take(1 + i % 5) {
            let id = self.fresh_id("ds");
            if dataset_type == DatasetType::Test {
                self.keep_text(&id, &demo_texts::holdout_srt(i, 24 + i % 12));
            }
            self.datasets.push(Dataset {
                url: Some(format!("https://storage.example.com/{model_id}/{name}")),
                id,
                model_id: model_id.into(),
                name: name.into(),
                dataset_type: dataset_type.into(),
                duration_seconds,
                started_at: Some(at - Duration::minutes(3)),
                finished_at: Some(at - Duration::minutes(1)),
                content_problem: None,
                check: Default::default(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::*;

    #[test]
    fn the_seed_has_every_status_and_needs_paging() {
        let store = Store::seeded(now(), 8000);
        let page = store.list_models(&ListQuery::default());
        assert_eq!(page.total, 60);
        assert_eq!(page.items.len(), 25);
        for status in TrainingStatus::ALL {
            assert!(store.models.iter().any(|s| s.model.status == status), "{status}");
        }
        assert!(store.languages.iter().any(|l| !l.trainable));
        for t in DatasetType::ALL {
            assert!(store.datasets.iter().any(|d| d.dataset_type.known() == Some(t)), "{t:?}");
        }
        let faulty = &store.models[FAULTY_SEED].model;
        assert_eq!((faulty.name.as_str(), faulty.status), ("Court records 1", TrainingStatus::ReadyToRun));
    }

    #[test]
    fn generated_models_computed_when_shown_list_like_stored_ones() {
        let stored = Store::generate(700, 0, now(), 0, usize::MAX);
        let computed = Store::generate(700, 0, now(), 0, 1);
        assert!(computed.is_partly_generated() && !stored.is_partly_generated());
        assert_eq!((computed.model_count(), computed.all_models()), (700, stored.all_models()));
        for q in queries() {
            assert_eq!(computed.list_models(&q), stored.list_models(&q), "{q:?}");
        }
        assert_eq!(computed.model("gm_699"), stored.model("gm_699"));
        assert!(computed.model("gm_0699").is_err() && computed.model("gm_700").is_err());
    }

    #[test]
    fn a_generated_model_that_changes_is_stored_and_the_lists_follow() {
        let mut store = Store::generate(500, 0, now(), 0, 1);
        let later = now() + Duration::hours(1);
        let renamed = store.rename_model("gm_321", "Aaa first", later).unwrap();
        assert_eq!(store.model("gm_321").unwrap(), renamed);
        let newest = store.list_models(&ListQuery::default());
        assert_eq!((newest.total, newest.items[0].id.as_str()), (500, "gm_321"));
        let by_name = store.list_models(&ListQuery { sort: SortKey::Name, dir: SortDir::Asc, ..ListQuery::default() });
        assert_eq!(by_name.items[0].name, "Aaa first");
        assert_eq!(store.list_models(&ListQuery { search: "000321".into(), ..ListQuery::default() }).total, 0);

        store.delete_model("gm_322").unwrap();
        assert_eq!(store.model("gm_322").unwrap_err().status, 404);
        assert_eq!(store.delete_model("gm_322").unwrap_err().status, 404);
        assert_eq!((store.list_models(&ListQuery::default()).total, store.model_count()), (499, 499));
        let created = store.create_model("Brand new", "en-US", later).unwrap();
        assert_eq!(store.list_models(&ListQuery::default()).items[0].id, created.id);
        assert_eq!(store.list_models(&ListQuery { page: 20, ..ListQuery::default() }).items.len(), 25);
        store.user.organization_id = None;
        assert_eq!(store.list_models(&ListQuery::default()).total, 0);
        assert!(store.model("gm_5").is_err());
    }

    #[test]
    fn the_state_survives_serialisation() {
        let store = Store::seeded(now(), 8000);
        let text = serde_json::to_string(&store).unwrap();
        let back: Store = serde_json::from_str(&text).unwrap();
        assert_eq!(back.list_models(&ListQuery::default()), store.list_models(&ListQuery::default()));
    }
}
