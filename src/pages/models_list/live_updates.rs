//! Keeps the list current while trainings run, and announces status changes
//! through the live region.

use std::collections::HashMap;

use domain::live::LiveKind;
use domain::model::status_changes;
use domain::{CustomModel, Page, TrainingStatus};
use leptos::prelude::*;

use crate::api::ApiResult;
use crate::hooks::polling::{refresh_while, Polling};
use crate::services::announcer::Announcer;
use crate::services::training_watch::use_training_watch;

pub fn refresh_while_running(models: LocalResource<ApiResult<Page<CustomModel>>>, announcer: Announcer) -> Polling {
    // Any model's change may move it into, out of or within this page.
    let polling = refresh_while(
        models,
        |page| page.items.iter().any(|m| m.status.is_in_progress()),
        |event| event.kind == LiveKind::Model,
    );
    let seen = StoredValue::new(HashMap::<String, TrainingStatus>::new());
    let watch = use_training_watch();
    Effect::new(move |_| {
        models.with(|result| {
            if let Some(Ok(page)) = result {
                let changes = seen.with_value(|seen| status_changes(seen, &page.items));
                // Trainings this page saw running and now sees ended (`TrainingWatch` reacts).
                let finished = seen.with_value(|seen| {
                    page.items
                        .iter()
                        .filter(|m| !m.status.is_in_progress() && seen.get(&m.id).is_some_and(|s| s.is_in_progress()))
                        .collect::<Vec<_>>()
                });
                for model in finished {
                    watch.status_changed(TrainingStatus::Running, model);
                }
                seen.update_value(|seen| seen.extend(page.items.iter().map(|m| (m.id.clone(), m.status))));
                if !changes.is_empty() {
                    announcer.say(changes.join(" "));
                }
            }
        })
    });
    polling
}
