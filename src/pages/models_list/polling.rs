//! Keeps the list current while trainings run: refetches with backoff while a
//! visible model is Running, stops when none is or when the page is left, and
//! announces status changes through the live region.

use std::collections::HashMap;
use std::time::Duration;

use domain::{CustomModel, Page, TrainingStatus};
use leptos::prelude::*;

use crate::api::ApiResult;
use crate::components::announcer::Announcer;

/// The first wait, in ms; each further poll waits 1.5× longer, up to [`LONGEST_MS`].
/// Starting at 2 s keeps a page under 30 requests a minute.
const FIRST_MS: u64 = 2_000;
const LONGEST_MS: u64 = 10_000;

pub fn refresh_while_running(
    models: LocalResource<ApiResult<Page<CustomModel>>>,
    announcer: Announcer,
) {
    let delay = StoredValue::new(FIRST_MS);
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let seen = StoredValue::new(HashMap::<String, TrainingStatus>::new());
    let stop = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(None);
    };

    Effect::new(move |_| {
        let running = models.with(|result| {
            let Some(Ok(page)) = result else { return false };
            announce_changes(&page.items, seen, announcer);
            page.items.iter().any(|m| m.status.is_in_progress())
        });
        stop();
        if running {
            let wait = delay.get_value();
            delay.set_value((wait * 3 / 2).min(LONGEST_MS));
            timer.set_value(
                set_timeout_with_handle(move || models.refetch(), Duration::from_millis(wait)).ok(),
            );
        } else {
            delay.set_value(FIRST_MS);
        }
    });
    on_cleanup(stop);
}

fn announce_changes(
    models: &[CustomModel],
    seen: StoredValue<HashMap<String, TrainingStatus>>,
    announcer: Announcer,
) {
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
