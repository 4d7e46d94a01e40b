//! "Notify me when it finishes" on a Running model: the browser's permission is
//! asked only on that click; once granted, the [`TrainingWatch`] remembers the
//! model and shows a system notification when its training ends in a hidden tab.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::notifications::{self, Permission};
use crate::services::training_watch::use_training_watch;

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
    let watch = use_training_watch();
    if !notifications::available() {
        return ().into_any();
    }
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
