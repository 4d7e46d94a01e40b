//! The custom-model select of an STT Session: "None (base model)" plus the
//! organisation's trained models for the session's language, each shown as
//! "Model name (Base language)". Usable on its own by a host page.

use domain::stt::{model_option_label, usable_for};
use domain::ListQuery;
use leptos::prelude::*;

use crate::api::use_api;
use crate::browser::ids::unique_id;
use crate::services::workspace::use_workspace;

/// Offers the trained models of `language`. `value` is the chosen model id
/// (`None` for the base model); a choice that no longer fits a new language
/// is reset to the base model.
#[component]
pub fn CustomModelSelect(#[prop(into)] language: Signal<String>, value: RwSignal<Option<String>>) -> impl IntoView {
    let api = use_api();
    let workspace = use_workspace();
    let id = unique_id("cm-model-select");
    let models = LocalResource::new(move || {
        let api = api.clone();
        let language = language.get();
        async move {
            if language.is_empty() {
                return Ok(Vec::new());
            }
            let page = api.list_models(&ListQuery::trained_on(&language)).await?;
            // The filter is the server's; keep only what truly fits, whatever it sent.
            Ok::<_, crate::api::ApiError>(
                page.items.into_iter().filter(|m| usable_for(m, &language)).collect::<Vec<_>>(),
            )
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(list)) = models.get() {
            if value.with_untracked(|v| v.as_ref().is_some_and(|id| !list.iter().any(|m| &m.id == id))) {
                value.set(None);
            }
        }
    });
    let options = move || match models.get() {
        Some(Ok(list)) => list
            .into_iter()
            .map(|m| {
                let label = model_option_label(&m.name, &workspace.language_name(&m.language));
                let selected = value.with(|v| v.as_deref() == Some(m.id.as_str()));
                view! { <option value=m.id selected=selected>{label}</option> }
            })
            .collect_view()
            .into_any(),
        Some(Err(_)) => view! { <option disabled>"Custom models could not be loaded"</option> }.into_any(),
        None => view! { <option disabled>"Loading custom models…"</option> }.into_any(),
    };
    view! {
        <div class="cm-field">
            <label for=id.clone()>"Custom model"</label>
            <select id=id on:change=move |ev| {
                let chosen = event_target_value(&ev);
                value.set((!chosen.is_empty()).then_some(chosen));
            }>
                <option value="" selected=move || value.with(Option::is_none)>"None (base model)"</option>
                {options}
            </select>
            <p class="cm-hint">"Only models trained successfully on this language are listed."</p>
        </div>
    }
}
