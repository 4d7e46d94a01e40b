//! What happens when a training ends, in one place, wherever the console saw it
//! end (the list's poll or the model's page): the host hears
//! `cm-training-finished`; a toast tells the user, unless that model's page is
//! open (its banner and the live region say it there); and a model the user
//! asked to be notified about ("Notify me when it finishes",
//! `components::notify_button`) shows a system notification if the tab is
//! hidden ("Training finished", "Call centre: Success"), for a user in another tab.

use domain::status::{announcement, finished_notification};
use domain::{CustomModel, TrainingStatus};
use leptos::prelude::*;

use crate::browser::notifications;
use crate::browser::visibility::is_hidden;
use crate::routes::Route;
use crate::services::host_events::HostEvents;
use crate::services::toasts::Toasts;

/// The trainings the console follows, for the console's life.
#[derive(Clone, Copy)]
pub struct TrainingWatch {
    /// The models whose end the user asked to hear about.
    models: RwSignal<Vec<String>>,
    /// The model whose page is open, if one is.
    on_screen: RwSignal<Option<String>>,
    events: HostEvents,
    toasts: Toasts,
}

impl TrainingWatch {
    pub fn new(events: HostEvents, toasts: Toasts) -> Self {
        TrainingWatch { models: RwSignal::new(Vec::new()), on_screen: RwSignal::new(None), events, toasts }
    }

    /// Whether the user asked to hear when `id`'s training ends.
    pub fn watches(&self, id: &str) -> bool {
        self.models.with(|m| m.iter().any(|m| m == id))
    }

    pub fn set(&self, id: &str, on: bool) {
        self.models.update(|m| {
            m.retain(|m| m != id);
            if on {
                m.push(id.to_owned());
            }
        });
    }

    /// Whether a hidden tab should keep polling: someone waits for a training to end.
    pub fn waiting(&self) -> bool {
        self.models.try_with_untracked(|m| !m.is_empty()).unwrap_or(false)
    }

    /// The model page showing `id` is open until the current owner (that page) is cleaned up.
    pub fn showing(&self, id: Signal<String>) {
        let on_screen = self.on_screen;
        Effect::new(move |_| on_screen.set(Some(id.get())));
        on_cleanup(move || {
            on_screen.try_set(None);
        });
    }

    /// Where a page sees a model's status change (`before` is what it saw last):
    /// a training that ended gets the reactions this module describes.
    pub fn status_changed(&self, before: TrainingStatus, model: &CustomModel) {
        if !before.is_in_progress() || model.status.is_in_progress() {
            return;
        }
        self.events.model("cm-training-finished", model);
        if self.on_screen.with_untracked(|id| id.as_deref() != Some(model.id.as_str())) {
            let link = Some((format!("Open {}", model.name), Route::model(&model.id)));
            let text = announcement(&model.name, model.status);
            if model.status == TrainingStatus::Failed {
                self.toasts.failure(text, link);
            } else {
                self.toasts.success(text, link);
            }
        }
        let Some((title, body)) = finished_notification(&model.name, before, model.status) else { return };
        if !self.models.with_untracked(|m| m.contains(&model.id)) {
            return;
        }
        self.set(&model.id, false);
        if is_hidden() {
            notifications::show(title, &body, &format!("cm-training-{}", model.id));
        }
    }
}

pub fn use_training_watch() -> TrainingWatch {
    expect_context::<TrainingWatch>()
}
