//! The one line a list shows when the server sent items it could not show
//! (no id, say): the rest of the list is shown, and nobody wonders where one went.

use leptos::prelude::*;

#[component]
pub fn SkippedNote(#[prop(into)] note: Signal<Option<String>>) -> impl IntoView {
    move || note.get().map(|note| view! { <p class="cm-hint cm-skipped">{note}</p> })
}
