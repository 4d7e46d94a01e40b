//! The demo's clock: trainings that end while nobody is looking.

use super::*;

impl MockStore {
    /// Finishes every training whose time has come. Returns whether anything changed.
    pub fn advance(&mut self, now: DateTime<Utc>) -> bool {
        let earliest = match self.earliest_end {
            Some(known) => known,
            None => self.models.iter().filter_map(|s| s.training.as_ref().map(|t| t.ends_at)).min(),
        };
        self.earliest_end = Some(earliest);
        if earliest.is_none_or(|end| end > now) {
            return false;
        }
        self.earliest_end = None;
        let mut changed = false;
        for stored in &mut self.models {
            if let Some(done) = stored.training.take_if(|t| t.ends_at <= now) {
                stored.model.status =
                    if done.failure.is_some() { TrainingStatus::Failed } else { TrainingStatus::Success };
                stored.model.last_modified = Some(done.ends_at);
                stored.model.failure = done.failure;
                changed = true;
            }
        }
        if changed {
            self.reindex();
        }
        changed
    }
}
