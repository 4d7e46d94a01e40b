//! One polite live region for the whole console, so status changes, creations
//! and deletions are read out by screen readers without moving focus.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Announcer(RwSignal<String>);

impl Announcer {
    pub fn new() -> Self {
        Announcer(RwSignal::new(String::new()))
    }

    pub fn say(&self, message: impl Into<String>) {
        self.0.set(message.into());
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
    view! { <div class="cm-visually-hidden" role="status" aria-live="polite">{move || announcer.0.get()}</div> }
}
