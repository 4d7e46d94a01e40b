//! The Training Status badge: the spec's label and colour, with a spinner
//! while training runs so the row shows that work is in progress.

use domain::TrainingStatus;
use leptos::prelude::*;

#[component]
pub fn StatusBadge(#[prop(into)] status: Signal<TrainingStatus>) -> impl IntoView {
    view! {
        <span class=move || format!("cm-badge cm-badge--{}", status.get().badge().css_name())>
            <Show when=move || status.get().is_in_progress()>
                <span class="cm-spinner" aria-hidden="true"></span>
            </Show>
            {move || status.get().label()}
        </span>
    }
}
