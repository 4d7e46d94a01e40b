//! Status and base language filters beside the search: the API's `status` and
//! `language` parameters, kept in the URL with the rest of the list's state.

use domain::{ListQuery, TrainingStatus};
use leptos::prelude::*;

use crate::browser::ids::unique_id;
use crate::components::language_options::language_options;
use crate::services::workspace::use_workspace;

#[component]
pub fn Filters(query: Memo<ListQuery>, go: Callback<(ListQuery, bool)>) -> impl IntoView {
    let workspace = use_workspace();
    let language = RwSignal::new(String::new());
    Effect::new(move |_| language.set(query.with(|q| q.language.clone().unwrap_or_default())));
    let apply = move |change: &dyn Fn(&mut ListQuery)| {
        let mut next = ListQuery { page: 1, ..query.get_untracked() };
        change(&mut next);
        go.run((next, false));
    };
    let on_status = move |ev: leptos::ev::Event| {
        let status = event_target_value(&ev).parse().ok().and_then(TrainingStatus::from_code);
        apply(&|q| q.status = status);
    };
    let on_language = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        apply(&|q| q.language = (!code.is_empty()).then(|| code.clone()));
    };
    let status_options = TrainingStatus::ALL
        .into_iter()
        .map(|s| {
            let selected = move || query.with(|q| q.status == Some(s));
            view! { <option value=s.code().to_string() selected=selected>{s.label()}</option> }
        })
        .collect_view();
    let languages = language_options(workspace, |_| true, language);
    let (status_id, language_id) = (unique_id("cm-filter-status"), unique_id("cm-filter-language"));
    view! {
        <div class="cm-filters">
            <span class="cm-filter">
                <label for=status_id.clone()>"Status"</label>
                <select id=status_id on:change=on_status>
                    <option value="" selected=move || query.with(|q| q.status.is_none())>"All statuses"</option>
                    {status_options}
                </select>
            </span>
            <span class="cm-filter">
                <label for=language_id.clone()>"Base language"</label>
                <select id=language_id on:change=on_language>
                    <option value="" selected=move || query.with(|q| q.language.is_none())>"All languages"</option>
                    {languages}
                </select>
            </span>
            <Show when=move || query.with(ListQuery::has_filters)>
                <button type="button" class="cm-btn cm-btn--link" on:click=move |_| apply(&|q| {
                    q.status = None;
                    q.language = None;
                })>"Clear filters"</button>
            </Show>
        </div>
    }
}
