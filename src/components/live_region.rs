//! One polite live region for the whole console, so screen readers hear what
//! the [`Announcer`] says.

use leptos::prelude::*;

use crate::services::announcer::Announcer;

#[component]
pub fn LiveRegion(announcer: Announcer) -> impl IntoView {
    view! {
        <div class="cm-visually-hidden" role="status" aria-live="polite">
            <For each=move || announcer.messages() key=|(id, _)| *id let((_, message))>
                <p>{message}</p>
            </For>
        </div>
    }
}
