//! The clock: trainings, tests and checks that end while nobody is looking, and
//! uploads that expire.

use super::*;

impl Store {
    /// Finishes every training whose time has come. Returns whether anything changed.
    pub fn advance(&mut self, now: DateTime<Utc>) -> bool {
        // Progress is derived from the clock on every call, so it is not a change to save.
        self.advance_progress(now);
        let moved = self.advance_checks(now) | self.advance_evaluations(now) | self.expire_uploads(now);
        self.end_trainings(now) || moved
    }

    /// Running trainings report how far they are, as a backend with progress would.
    fn advance_progress(&mut self, now: DateTime<Utc>) {
        if self.earliest_end == Some(None) {
            return;
        }
        for stored in &mut self.models {
            let Some(PendingTraining { ends_at, started_at: Some(started), .. }) = &stored.training else { continue };
            let total = (*ends_at - *started).num_milliseconds().max(1);
            let done = (now - *started).num_milliseconds().clamp(0, total);
            let progress = u8::try_from(done * 100 / total).unwrap_or(100).min(99);
            stored.model.progress = Some(progress);
            stored.model.estimated_finish = Some(*ends_at);
        }
    }

    fn end_trainings(&mut self, now: DateTime<Utc>) -> bool {
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
                stored.model.progress = None;
                stored.model.estimated_finish = None;
                changed = true;
            }
        }
        if changed {
            self.reindex();
        }
        changed
    }
}
