//! Keeps the list current while trainings run, and announces status changes
//! through the live region.

use std::collections::HashMap;

use domain::{CustomModel, Page, TrainingStatus};
use leptos::prelude::*;

use crate::api::ApiResult;
use crate::components::announcer::Announcer;
use crate::polling::refresh_while;

pub fn refresh_while_running(models: LocalResource<ApiResult<Page<CustomModel>>>, announcer: Announcer) {
    refresh_while(models, |result| matches!(result, Ok(page) if page.items.iter().any(|m| m.status.is_in_progress())));
    let seen = StoredValue::new(HashMap::<String, TrainingStatus>::new());
    Effect::new(move |_| {
        models.with(|result| {
            if let Some(Ok(page)) = result {
                announce_changes(&page.items, seen, announcer);
            }
        })
    });
}

fn announce_changes(models: &[CustomModel], seen: StoredValue<HashMap<String, TrainingStatus>>, announcer: Announcer) {
    let changes: Vec<String> = seen.with_value(|seen| {
        models
            .iter()
            .filter(|m| seen.get(&m.id).is_some_and(|before| *before != m.status))
            .map(|m| format!("{}: training status is now {}.", m.name, m.status.label()))
            .collect()
    });
    seen.update_value(|seen| seen.extend(models.iter().map(|m| (m.id.clone(), m.status))));
    if !changes.is_empty() {
        announcer.say(changes.join(" "));
    }
}
