//! What the list page shows around and instead of the table: the create
//! button with its reason, loading, empty and no-match states.

use domain::ListQuery;
use leptos::prelude::*;

/// "New Custom Model", disabled with the reason shown when the user may not create.
#[component]
pub fn NewModelButton(open: RwSignal<bool>, blocker: Signal<Option<&'static str>>) -> impl IntoView {
    view! {
        <button
            type="button"
            class="cm-btn cm-btn--primary"
            disabled=move || blocker.get().is_some()
            aria-describedby=move || blocker.get().map(|_| "cm-create-blocked")
            on:click=move |_| open.set(true)
        >
            "New Custom Model"
        </button>
        {move || blocker.get().map(|reason| view! { <p id="cm-create-blocked" class="cm-hint">{reason}</p> })}
    }
}

#[component]
pub fn TableSkeleton() -> impl IntoView {
    view! {
        <div class="cm-skeleton" role="status" aria-label="Loading models">
            {(0..6).map(|_| view! { <div class="cm-skeleton__row"></div> }).collect_view()}
        </div>
    }
}

#[component]
pub fn EmptyState(open: RwSignal<bool>, blocker: Signal<Option<&'static str>>) -> impl IntoView {
    view! {
        <div class="cm-empty">
            <h2>"No custom models yet"</h2>
            <p>
                "Custom models improve transcription accuracy for specialized vocabularies, industry terms, or unique audio conditions. "
                "Create one on a base language, upload your audio and transcripts, and train it."
            </p>
            <button type="button" class="cm-btn cm-btn--primary" disabled=move || blocker.get().is_some() on:click=move |_| open.set(true)>
                "New Custom Model"
            </button>
        </div>
    }
}

#[component]
pub fn NoMatches(query: Memo<ListQuery>, go: Callback<(ListQuery, bool)>) -> impl IntoView {
    let workspace = crate::services::workspace::use_workspace();
    view! {
        <div class="cm-empty">
            <h2>{move || format!("No models match {}", query.with(|q| q.narrowed_by(|code| workspace.language_name(code))))}</h2>
            <p>"Check the spelling, search for part of the name, or clear the filters."</p>
            <Show when=move || query.with(|q| !q.search.is_empty())>
                <button type="button" class="cm-btn" on:click=move |_| go.run((ListQuery { search: String::new(), page: 1, ..query.get_untracked() }, false))>
                    "Clear search"
                </button>
            </Show>
            " "
            <Show when=move || query.with(ListQuery::has_filters)>
                <button type="button" class="cm-btn" on:click=move |_| go.run((ListQuery { status: None, language: None, page: 1, ..query.get_untracked() }, false))>
                    "Clear filters"
                </button>
            </Show>
        </div>
    }
}
