//! A model's next version: a new model on the same language with the old
//! one's datasets copied, so nothing is uploaded again.

use super::*;

impl Store {
    pub fn create_version(
        &mut self,
        from_model_id: &str,
        name: &str,
        now: DateTime<Utc>,
    ) -> Result<CustomModel, Refusal> {
        let source = self.model(from_model_id)?;
        if !matches!(source.status, TrainingStatus::Success | TrainingStatus::Failed) {
            return Err(Refusal::new(
                400,
                "validation_failed",
                "Only a trained model (Success or Failed) can have a new version.",
            ));
        }
        let mut model = self.create_model(name, &source.language, now)?;
        let copies: Vec<Dataset> = self.datasets.iter().filter(|d| d.model_id == from_model_id).cloned().collect();
        for mut copy in copies {
            let old_id = std::mem::replace(&mut copy.id, self.fresh_id("ds"));
            copy.model_id = model.id.clone();
            if let Some(text) = self.texts.get(&old_id).cloned() {
                self.texts.insert(copy.id.clone(), text);
            }
            self.datasets.push(copy);
        }
        let stored = self.stored_mut(&model.id)?;
        stored.model.from_model_id = Some(from_model_id.to_owned());
        self.refresh_status(&model.id, now)?;
        model = self.model(&model.id)?;
        Ok(model)
    }

    /// [`Store::create_version`] once per idempotency key.
    pub fn create_version_once(
        &mut self,
        from_model_id: &str,
        name: &str,
        now: DateTime<Utc>,
        key: &str,
    ) -> Result<CustomModel, Refusal> {
        self.once(
            "model",
            key,
            |s| s.create_version(from_model_id, name, now),
            |m| m.id.clone(),
            |s, id| s.model(id).ok(),
        )
    }

    /// The models made from `model_id`, oldest first.
    pub fn versions(&self, model_id: &str) -> Result<Page<CustomModel>, Refusal> {
        self.model(model_id)?;
        let hits: Vec<&CustomModel> =
            self.models.iter().map(|s| &s.model).filter(|m| m.from_model_id.as_deref() == Some(model_id)).collect();
        let size = u32::try_from(hits.len()).unwrap_or(u32::MAX).max(1);
        Ok(paged(hits, 1, size))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::*;

    #[test]
    fn a_version_copies_the_datasets_and_is_ready_to_run() {
        let mut store = Store::empty(0);
        let m = store.create_model("Call centre", "de-DE", now()).unwrap();
        upload(&mut store, &m.id, "a.vtt", DatasetType::Transcript, None);
        upload(&mut store, &m.id, "t.vtt", DatasetType::Test, None);
        assert_eq!(store.create_version(&m.id, "v2", now()).unwrap_err().code, "validation_failed");
        store.start_training(&m.id, now()).unwrap();
        store.advance(now());
        let v2 = store.create_version(&m.id, "Call centre v2", now()).unwrap();
        assert_eq!((v2.language.as_str(), v2.status), ("de-DE", TrainingStatus::ReadyToRun));
        assert_eq!(v2.from_model_id.as_deref(), Some(m.id.as_str()));
        let names: Vec<String> =
            store.list_datasets(&v2.id, 1, 25).unwrap().items.into_iter().map(|d| d.name).collect();
        assert_eq!(names, ["a.vtt", "t.vtt"]);
        assert_eq!(store.list_datasets(&m.id, 1, 25).unwrap().total, 2, "the old model keeps its datasets");
        assert_eq!(store.versions(&m.id).unwrap().items[0].id, v2.id);
        assert_eq!(
            store.create_version_once(&m.id, "Call centre v3", now(), "k").unwrap().id,
            store.create_version_once(&m.id, "Call centre v3", now(), "k").unwrap().id
        );
        assert_eq!(store.versions(&m.id).unwrap().total, 2);
    }
}
