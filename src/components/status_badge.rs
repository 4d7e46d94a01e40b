//! The Training Status badge: the spec's label and colour, with a spinner
//! while training runs so the row shows that work is in progress. A status the
//! console does not know reads "Unknown", with the server's value in its
//! tooltip and for screen readers, so people can report what they see.

use domain::TrainingStatus;
use leptos::prelude::*;

#[component]
pub fn StatusBadge(
    #[prop(into)] status: Signal<TrainingStatus>,
    /// The status as the server sent it, when it is unknown.
    #[prop(optional, into)]
    raw: Signal<Option<String>>,
) -> impl IntoView {
    let raw_note = move || raw.get().filter(|_| status.get() == TrainingStatus::Unknown);
    view! {
        <span
            class=move || format!("cm-badge cm-badge--{}", status.get().badge().css_name())
            title=move || raw_note().map(|raw| format!("The server reports status “{raw}”, which this console does not know."))
        >
            <Show when=move || status.get().is_in_progress()>
                <span class="cm-spinner" aria-hidden="true"></span>
            </Show>
            {move || status.get().label()}
            {move || raw_note().map(|raw| view! { <span class="cm-visually-hidden">{format!(" (server status “{raw}”)")}</span> })}
        </span>
    }
}
