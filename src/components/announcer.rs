//! One polite live region for the whole console, so status changes, creations
//! and deletions are read out by screen readers without moving focus. It keeps
//! the last few messages, so one arriving right after another does not erase it.

use leptos::prelude::*;

const KEPT: usize = 3;

#[derive(Clone, Copy)]
pub struct Announcer(RwSignal<Vec<(u64, String)>>);

impl Announcer {
    pub fn new() -> Self {
        Announcer(RwSignal::new(Vec::new()))
    }

    pub fn say(&self, message: impl Into<String>) {
        let message = message.into();
        self.0.try_update(|log| {
            let id = log.last().map_or(0, |(id, _)| id + 1);
            log.push((id, message));
            if log.len() > KEPT {
                log.remove(0);
            }
        });
    }
}

impl Default for Announcer {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_announcer() -> Announcer {
    expect_context::<Announcer>()
}

#[component]
pub fn LiveRegion(announcer: Announcer) -> impl IntoView {
    view! {
        <div class="cm-visually-hidden" role="status" aria-live="polite">
            <For each=move || announcer.0.get() key=|(id, _)| *id let((_, message))>
                <p>{message}</p>
            </For>
        </div>
    }
}
