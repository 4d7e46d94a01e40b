//! "Notify me when it finishes" on a Running model: the browser's permission is
//! asked only on that click; once granted, the console remembers the model and,
//! when its training ends while the tab is hidden, shows a system notification
//! ("Training finished", "Call centre: Success"). The in-console toast and the
//! live region announce the end as always; this is for a user in another tab.

use domain::status::finished_notification;
use domain::{CustomModel, TrainingStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::notifications::{self, Permission};
use crate::browser::visibility::is_hidden;

/// The models whose end the user asked to hear about, for the console's life.
#[derive(Clone, Copy)]
pub struct TrainingWatch {
    models: RwSignal<Vec<String>>,
}

impl TrainingWatch {
    pub fn new() -> Self {
        TrainingWatch { models: RwSignal::new(Vec::new()) }
    }

    fn watches(&self, id: &str) -> bool {
        self.models.with(|m| m.iter().any(|m| m == id))
    }

    fn set(&self, id: &str, on: bool) {
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

    /// Where a page sees a model's status change: a watched training that ended
    /// shows its system notification if the tab is hidden, and is no longer watched.
    pub fn status_changed(&self, before: TrainingStatus, model: &CustomModel) {
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

impl Default for TrainingWatch {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_training_watch() -> Option<TrainingWatch> {
    use_context::<TrainingWatch>()
}

/// What the line beside the button says.
#[derive(Clone, Copy, PartialEq)]
enum Note {
    None,
    Watching,
    Blocked,
    NotAllowed,
}

/// The button, for the model `model_id`; nothing where the browser cannot notify
/// (no Notification API, or not a secure context).
#[component]
pub fn NotifyButton(#[prop(into)] model_id: Signal<String>) -> impl IntoView {
    let Some(watch) = use_training_watch().filter(|_| notifications::available()) else {
        return ().into_any();
    };
    let watching = Memo::new(move |_| model_id.with(|id| watch.watches(id)));
    let asking = RwSignal::new(false);
    let refused = RwSignal::new(None::<Note>);
    let note = move || match (watching.get(), refused.get()) {
        (true, _) => Note::Watching,
        (false, Some(note)) => note,
        (false, None) => Note::None,
    };
    let on_click = move |_| {
        // One prompt at a time; the button stays enabled (and focused) meanwhile.
        if asking.get_untracked() {
            return;
        }
        let id = model_id.get_untracked();
        if watching.get_untracked() {
            watch.set(&id, false);
            return;
        }
        refused.set(None);
        match notifications::permission() {
            Some(Permission::Granted) => watch.set(&id, true),
            Some(Permission::Denied) => refused.set(Some(Note::Blocked)),
            _ => {
                asking.set(true);
                spawn_local(async move {
                    let answer = notifications::request_permission().await;
                    let _ = asking.try_set(false);
                    match answer {
                        Some(Permission::Granted) => watch.set(&id, true),
                        Some(Permission::Denied) => {
                            let _ = refused.try_set(Some(Note::Blocked));
                        }
                        _ => {
                            let _ = refused.try_set(Some(Note::NotAllowed));
                        }
                    }
                });
            }
        }
    };
    view! {
        <div class="cm-notify">
            <button type="button" class="cm-btn cm-btn--small" aria-busy=move || asking.get().to_string() on:click=on_click>
                {move || if watching.get() { "Don’t notify me" } else { "Notify me when it finishes" }}
            </button>
            <span class="cm-hint" role="status">
                {move || match note() {
                    Note::None => "",
                    Note::Watching => "✓ You’ll be notified when it finishes, even in another tab.",
                    Note::Blocked => "Notifications are blocked for this site. Allow them in your browser’s site settings, then try again.",
                    Note::NotAllowed => "Notifications were not allowed. Press the button to be asked again.",
                }}
            </span>
        </div>
    }
    .into_any()
}
