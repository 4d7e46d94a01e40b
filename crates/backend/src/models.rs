//! Models: read, create, rename, delete, start a training and cancel it.

use super::*;

impl Store {
    pub fn model(&self, id: &str) -> Result<CustomModel, Refusal> {
        let org = self.user.organization_id.as_deref();
        if let Some(stored) =
            self.models.iter().find(|s| s.model.id == id && org == Some(s.model.organization_id.as_str()))
        {
            return Ok(stored.model.clone());
        }
        self.generator
            .as_ref()
            .filter(|_| org == Some(ORG))
            .and_then(|g| g.index_of(id).filter(|&i| g.is_live(i)).map(|i| g.model(i)))
            .ok_or_else(|| Refusal::not_found("model"))
    }

    /// The stored model, a generated one first becoming stored.
    pub(super) fn stored_mut(&mut self, id: &str) -> Result<&mut StoredModel, Refusal> {
        let org = self.user.organization_id.clone();
        let sees = |s: &StoredModel| s.model.id == id && org.as_deref() == Some(s.model.organization_id.as_str());
        let position = match self.models.iter().position(sees) {
            Some(position) => position,
            None => {
                let generated = self.generator.as_mut().filter(|_| org.as_deref() == Some(ORG));
                let Some((g, i)) = generated.and_then(|g| g.index_of(id).map(|i| (g, i))) else {
                    return Err(Refusal::not_found("model"));
                };
                if !g.take(i) {
                    return Err(Refusal::not_found("model"));
                }
                let stored = StoredModel { model: g.model(i), training: g.training(i) };
                self.models.push(stored);
                self.reindex();
                self.models.len() - 1
            }
        };
        Ok(&mut self.models[position])
    }

    /// [`Store::create_model`] once per idempotency key.
    pub fn create_model_once(
        &mut self,
        name: &str,
        language: &str,
        now: DateTime<Utc>,
        key: &str,
    ) -> Result<CustomModel, Refusal> {
        self.once("model", key, |s| s.create_model(name, language, now), |m| m.id.clone(), |s, id| s.model(id).ok())
    }

    /// [`Store::start_training`] once per idempotency key: a retry answers the
    /// model as it is now, and no second credit is used.
    pub fn start_training_once(&mut self, id: &str, now: DateTime<Utc>, key: &str) -> Result<CustomModel, Refusal> {
        self.once("train", key, |s| s.start_training(id, now), |m| m.id.clone(), |s, id| s.model(id).ok())
    }

    pub fn create_model(&mut self, name: &str, language: &str, now: DateTime<Utc>) -> Result<CustomModel, Refusal> {
        let Some(org) = self.user.organization_id.clone() else {
            return Err(Refusal::new(
                403,
                "no_organization",
                "You need to belong to an organization to create custom models.",
            ));
        };
        let name = validate_name(name).map_err(|e| Refusal::new(400, "invalid_name", e.message()))?;
        if !self.languages.iter().any(|l| l.code == language && l.trainable) {
            return Err(Refusal::new(400, "invalid_language", "Custom models cannot be trained on that language."));
        }
        let model = CustomModel {
            id: self.fresh_id("cm"),
            name,
            language: language.into(),
            organization_id: org,
            status: TrainingStatus::NotRunning,
            status_text: None,
            last_modified: Some(now),
            failure: None,
            from_model_id: None,
            progress: None,
            estimated_finish: None,
        };
        self.models.push(StoredModel { model: model.clone(), training: None });
        self.reindex();
        Ok(model)
    }

    pub fn rename_model(&mut self, id: &str, name: &str, now: DateTime<Utc>) -> Result<CustomModel, Refusal> {
        let name = validate_name(name).map_err(|e| Refusal::new(400, "invalid_name", e.message()))?;
        let stored = self.stored_mut(id)?;
        stored.model.name = name;
        stored.model.last_modified = Some(now);
        let model = stored.model.clone();
        self.reindex();
        Ok(model)
    }

    pub fn delete_model(&mut self, id: &str) -> Result<(), Refusal> {
        if !self.user.role.can_delete() {
            return Err(Refusal::new(
                403,
                "forbidden",
                "Only organization admins and system operators can delete models.",
            ));
        }
        self.stored_mut(id)?;
        self.models.retain(|s| s.model.id != id);
        self.datasets.retain(|d| d.model_id != id);
        self.evaluations.retain(|e| e.model_id() != id);
        self.reindex();
        Ok(())
    }

    pub(super) fn training_datasets(&self, model_id: &str) -> u64 {
        self.datasets
            .iter()
            .filter(|d| d.model_id == model_id && d.dataset_type.known().is_some_and(DatasetType::is_training_data))
            .count() as u64
    }

    /// Starts a training, using one credit. Its outcome is decided now from the
    /// datasets: a file whose content check failed fails the training with that code.
    pub fn start_training(&mut self, id: &str, now: DateTime<Utc>) -> Result<CustomModel, Refusal> {
        let status = self.model(id)?.status;
        if let Some(block) = training_block(status, self.training_datasets(id), self.credits) {
            let (http, code) = match block {
                TrainingBlock::AlreadyRunning => (409, "training_running"),
                TrainingBlock::AlreadySucceeded => (409, "already_trained"),
                TrainingBlock::NoDatasets => (400, "validation_failed"),
                TrainingBlock::NoCredits => (402, "no-claims-available"),
                TrainingBlock::UnknownStatus => (409, "training_running"),
            };
            return Err(Refusal::new(http, code, block.message()));
        }
        let datasets: Vec<Dataset> = self.datasets.iter().filter(|d| d.model_id == id).cloned().collect();
        if let Some(block) = domain::dataset_check::dataset_block(&datasets) {
            return Err(Refusal::new(400, "validation_failed", block));
        }
        let failure = training_failure(&datasets);
        let ends_at = now + Duration::milliseconds(self.training_ms);
        self.credits -= 1;
        let stored = self.stored_mut(id)?;
        stored.model.status = TrainingStatus::Running;
        stored.model.failure = None;
        stored.model.last_modified = Some(now);
        stored.model.progress = Some(0);
        stored.model.estimated_finish = Some(ends_at);
        stored.training = Some(PendingTraining { ends_at, started_at: Some(now), failure });
        let model = stored.model.clone();
        self.earliest_end = None;
        self.reindex();
        Ok(model)
    }

    /// Cancels a running training (docs/api.md, "Cancelling a training"): only
    /// ORGADMIN and SYSOP, only while Running. The model goes back to where it
    /// was before training (Ready to Run while it has training data) and the
    /// credit the training used is given back.
    pub fn cancel_training(&mut self, id: &str, now: DateTime<Utc>) -> Result<CustomModel, Refusal> {
        let status = self.model(id)?.status;
        if let Some(block) = cancel_block(status, self.user.role) {
            let (http, code) = match block {
                CancelBlock::NotAllowed => (403, "forbidden"),
                CancelBlock::NotRunning => (409, "training_not_running"),
            };
            return Err(Refusal::new(http, code, block.message()));
        }
        let status = status_after_cancel(self.training_datasets(id));
        let stored = self.stored_mut(id)?;
        stored.training = None;
        stored.model.status = status;
        stored.model.failure = None;
        stored.model.last_modified = Some(now);
        stored.model.progress = None;
        stored.model.estimated_finish = None;
        let model = stored.model.clone();
        self.credits += 1;
        self.earliest_end = None;
        self.reindex();
        Ok(model)
    }
}

/// How a training on `datasets` will fail, if it will: with the first faulty
/// file's code, naming every faulty file and what is wrong with it.
pub(super) fn training_failure(datasets: &[Dataset]) -> Option<TrainingFailure> {
    let faulty: Vec<&Dataset> = datasets.iter().filter(|d| d.content_problem.is_some()).collect();
    let code = faulty.first()?.content_problem.clone()?;
    let datasets = faulty
        .iter()
        .map(|d| FailedDataset {
            id: Some(d.id.clone()),
            name: d.name.clone(),
            problems: if d.check.problems.is_empty() {
                vec![domain::dataset_check::DatasetProblem {
                    line: None,
                    message: file_problem(d.content_problem.as_ref()),
                }]
            } else {
                d.check.problems.clone()
            },
        })
        .collect::<Vec<_>>();
    let message = Some(match datasets.len() {
        1 => "1 dataset could not be used for training.".to_owned(),
        n => format!("{n} datasets could not be used for training."),
    });
    Some(TrainingFailure { code, message, datasets })
}

/// What the trainer says of a file that failed it.
fn file_problem(code: Option<&TrainingErrorCode>) -> String {
    match code {
        Some(TrainingErrorCode::InvalidAudioFormat) => {
            "The file is not audio in a supported format (its header is not WAV, MP3, M4A or FLAC).".into()
        }
        Some(TrainingErrorCode::InvalidTranscriptFormat) => {
            "The file is not a VTT, SRT or plain-text transcript.".into()
        }
        Some(code) => code.message(),
        None => "The file could not be read.".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::*;

    #[test]
    fn created_models_start_not_running_on_a_trainable_language() {
        let mut store = Store::empty(1000);
        let m = store.create_model("  Radiology  ", "de-DE", now()).unwrap();
        assert_eq!((m.name.as_str(), m.status), ("Radiology", TrainingStatus::NotRunning));
        assert_eq!(store.create_model("x", "ja-JP", now()).unwrap_err().code, "invalid_language");
        assert_eq!(store.create_model(" ", "de-DE", now()).unwrap_err().code, "invalid_name");
        store.user.organization_id = None;
        assert_eq!(store.create_model("x", "de-DE", now()).unwrap_err().status, 403);
    }

    #[test]
    fn a_retried_create_or_training_with_the_same_key_acts_once() {
        let mut store = Store::empty(1000);
        let m = store.create_model_once("Radiology", "de-DE", now(), "k").unwrap();
        assert_eq!(store.create_model_once("Radiology", "de-DE", now(), "k").unwrap().id, m.id);
        assert_eq!(store.model_count(), 1);
        upload(&mut store, &m.id, "a.txt", DatasetType::Transcript, None);
        let credits = store.credits;
        store.start_training_once(&m.id, now(), "t").unwrap();
        assert_eq!(store.start_training_once(&m.id, now(), "t").unwrap().status, TrainingStatus::Running);
        assert_eq!(store.credits, credits - 1, "one training, one credit");
        assert_eq!(store.start_training_once(&m.id, now(), "t2").unwrap_err().code, "training_running");
    }

    #[test]
    fn only_admins_delete() {
        let mut store = Store::empty(1000);
        let m = store.create_model("A", "en-US", now()).unwrap();
        store.set_role(Role::Member);
        assert_eq!(store.delete_model(&m.id).unwrap_err().code, "forbidden");
        store.set_role(Role::SysOp);
        store.delete_model(&m.id).unwrap();
        assert_eq!(store.model(&m.id).unwrap_err().status, 404);
    }

    #[test]
    fn training_runs_to_success_and_uses_a_credit() {
        let mut store = Store::empty(1000);
        let m = store.create_model("A", "en-US", now()).unwrap();
        assert_eq!(store.start_training(&m.id, now()).unwrap_err().code, "validation_failed");
        upload(&mut store, &m.id, "a.wav", DatasetType::Audio, None);
        assert_eq!(store.model(&m.id).unwrap().status, TrainingStatus::ReadyToRun);
        assert_eq!(store.start_training(&m.id, now()).unwrap().status, TrainingStatus::Running);
        assert_eq!(store.credits, 4);
        assert_eq!(store.start_training(&m.id, now()).unwrap_err().code, "training_running");
        assert!(!store.advance(now() + Duration::milliseconds(999)));
        assert!(store.advance(now() + Duration::milliseconds(1000)));
        assert_eq!(store.model(&m.id).unwrap().status, TrainingStatus::Success);
        assert_eq!(store.start_training(&m.id, now()).unwrap_err().code, "already_trained");
    }

    #[test]
    fn a_training_started_after_the_clock_found_none_still_finishes() {
        let mut store = Store::empty(1000);
        let m = store.create_model("A", "en-US", now()).unwrap();
        upload(&mut store, &m.id, "a.wav", DatasetType::Audio, None);
        assert!(!store.advance(now()));
        store.start_training(&m.id, now()).unwrap();
        assert!(!store.advance(now() + Duration::milliseconds(500)));
        assert!(store.advance(now() + Duration::milliseconds(1000)));
        assert_eq!(store.model(&m.id).unwrap().status, TrainingStatus::Success);
        assert!(!store.advance(now() + Duration::days(1)));
    }

    #[test]
    fn faulty_uploads_fail_the_training_with_their_code() {
        let mut store = Store::empty(0);
        let m = store.create_model("A", "en-US", now()).unwrap();
        upload(&mut store, &m.id, "fake.wav", DatasetType::Audio, Some(TrainingErrorCode::InvalidAudioFormat));
        store.start_training(&m.id, now()).unwrap();
        store.advance(now());
        let m = store.model(&m.id).unwrap();
        assert_eq!(m.status, TrainingStatus::Failed);
        let failure = m.failure.unwrap();
        assert_eq!(failure.code, TrainingErrorCode::InvalidAudioFormat);
        let named: Vec<_> = failure.datasets.iter().map(|d| (d.id.clone(), d.name.as_str())).collect();
        let fake = store.list_datasets(&m.id, 1, 25).unwrap().items.remove(0);
        assert_eq!(named, [(Some(fake.id), "fake.wav")]);
        assert!(failure.datasets[0].problems[0].message.contains("not audio"));
    }

    #[test]
    fn an_admin_cancels_a_running_training_and_gets_the_credit_back() {
        let mut store = Store::empty(60_000);
        let m = store.create_model("A", "en-US", now()).unwrap();
        upload(&mut store, &m.id, "a.wav", DatasetType::Audio, None);
        let credits = store.credits;
        store.start_training(&m.id, now()).unwrap();
        let later = now() + Duration::seconds(10);
        let cancelled = store.cancel_training(&m.id, later).unwrap();
        assert_eq!(cancelled.status, TrainingStatus::ReadyToRun);
        assert_eq!(
            (cancelled.progress, cancelled.estimated_finish, cancelled.last_modified),
            (None, None, Some(later))
        );
        assert_eq!(store.credits, credits, "the credit is given back");
        assert!(!store.advance(now() + Duration::days(1)), "the cancelled training never ends");
        assert_eq!(store.model(&m.id).unwrap().status, TrainingStatus::ReadyToRun);
        let again = store.cancel_training(&m.id, later).unwrap_err();
        assert_eq!((again.status, again.code.as_str()), (409, "training_not_running"));
        assert_eq!(store.start_training(&m.id, later).unwrap().status, TrainingStatus::Running, "it may train again");
    }

    #[test]
    fn a_member_may_not_cancel_and_unknown_models_are_not_found() {
        let mut store = Store::empty(60_000);
        let m = store.create_model("A", "en-US", now()).unwrap();
        upload(&mut store, &m.id, "a.wav", DatasetType::Audio, None);
        store.start_training(&m.id, now()).unwrap();
        store.set_role(Role::Member);
        let refused = store.cancel_training(&m.id, now()).unwrap_err();
        assert_eq!((refused.status, refused.code.as_str()), (403, "forbidden"));
        assert_eq!(store.model(&m.id).unwrap().status, TrainingStatus::Running);
        store.set_role(Role::SysOp);
        assert_eq!(store.cancel_training("cm_nope", now()).unwrap_err().status, 404);
        assert_eq!(store.cancel_training(&m.id, now()).unwrap().status, TrainingStatus::ReadyToRun);
    }

    #[test]
    fn no_credits_is_no_claims_available() {
        let mut store = Store::empty(0);
        store.credits = 0;
        let m = store.create_model("A", "en-US", now()).unwrap();
        upload(&mut store, &m.id, "a.txt", DatasetType::Transcript, None);
        let err = store.start_training(&m.id, now()).unwrap_err();
        assert_eq!((err.status, err.code.as_str()), (402, "no-claims-available"));
    }
}
