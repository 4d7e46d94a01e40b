//! Notifications of what finishes while the user is elsewhere in the console:
//! trainings, uploads, deletions. A toast never takes focus, can be dismissed,
//! waits while hovered or focused, and at most three show at once. Successes
//! are polite (`status`), failures assertive (`alert`).

use std::time::Duration;

use leptos::prelude::*;

use crate::routes::Route;

/// How long a toast stays when nobody is looking at it.
const SHOWN_MS: u64 = 6_000;
const MOST: usize = 3;

#[derive(Clone, PartialEq)]
pub struct Toast {
    id: u32,
    pub failure: bool,
    pub text: String,
    pub link: Option<(String, Route)>,
    paused: bool,
}

#[derive(Clone, Copy)]
pub struct Toasts {
    items: RwSignal<Vec<Toast>>,
    next: StoredValue<u32>,
}

impl Toasts {
    pub fn new() -> Self {
        Toasts { items: RwSignal::new(Vec::new()), next: StoredValue::new(0) }
    }

    pub fn success(&self, text: impl Into<String>, link: Option<(String, Route)>) {
        self.push(false, text.into(), link);
    }

    pub fn failure(&self, text: impl Into<String>, link: Option<(String, Route)>) {
        self.push(true, text.into(), link);
    }

    fn push(&self, failure: bool, text: String, link: Option<(String, Route)>) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.items.update(|items| {
            items.push(Toast { id, failure, text, link, paused: false });
            let extra = items.len().saturating_sub(MOST);
            items.drain(..extra);
        });
        self.expire_later(id);
    }

    fn dismiss(&self, id: u32) {
        self.items.try_update(|items| items.retain(|t| t.id != id));
    }

    fn pause(&self, id: u32, paused: bool) {
        self.items.update(|items| items.iter_mut().filter(|t| t.id == id).for_each(|t| t.paused = paused));
        if !paused {
            self.expire_later(id);
        }
    }

    /// Removes the toast after a while, unless someone is looking at it then.
    fn expire_later(&self, id: u32) {
        let this = *self;
        set_timeout(
            move || {
                let paused = this.items.try_with(|items| items.iter().any(|t| t.id == id && t.paused));
                if paused == Some(false) {
                    this.dismiss(id);
                }
            },
            Duration::from_millis(SHOWN_MS),
        );
    }
}

impl Default for Toasts {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_toasts() -> Option<Toasts> {
    use_context::<Toasts>()
}

#[component]
pub fn ToastRegion(toasts: Toasts) -> impl IntoView {
    view! {
        <section class="cm-toasts" aria-label="Notifications">
            <For each=move || toasts.items.get() key=|t| t.id let:toast>
                <div
                    class="cm-toast"
                    class:cm-toast--failure=toast.failure
                    role=if toast.failure { "alert" } else { "status" }
                    on:mouseenter=move |_| toasts.pause(toast.id, true)
                    on:mouseleave=move |_| toasts.pause(toast.id, false)
                    on:focusin=move |_| toasts.pause(toast.id, true)
                    on:focusout=move |_| toasts.pause(toast.id, false)
                >
                    <p>
                        {toast.text.clone()}
                        {toast.link.clone().map(|(label, route)| view! { " " <a href=route.href()>{label}</a> })}
                    </p>
                    <button type="button" class="cm-btn cm-btn--link" aria-label="Dismiss notification" on:click=move |_| toasts.dismiss(toast.id)>"×"</button>
                </div>
            </For>
        </section>
    }
}
