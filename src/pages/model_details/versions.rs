//! Versions: "New Version" on a trained model (a new model on the same
//! language with the datasets copied by the server), "Based on …" on a
//! version, and the versions made from this model.

use domain::evaluation::next_version_name;
use domain::model::validate_name;
use domain::{CustomModel, TrainingStatus};
use leptos::prelude::*;
use leptos_router::components::A;

use super::context::use_model;
use crate::api::use_api;
use crate::components::modal::Modal;
use crate::hooks::idempotency::IdempotencyKeys;
use crate::hooks::mutation::Mutation;
use crate::routes::{use_go, Route};
use crate::services::announcer::use_announcer;

/// "New Version", on a Success or Failed model.
#[component]
pub fn NewVersionButton() -> impl IntoView {
    let ctx = use_model();
    let open = RwSignal::new(false);
    let trained = move || {
        ctx.model
            .with(|m| m.as_ref().is_some_and(|m| matches!(m.status, TrainingStatus::Success | TrainingStatus::Failed)))
    };
    view! {
        <Show when=trained>
            <button type="button" class="cm-btn" on:click=move |_| open.set(true)>"New Version"</button>
        </Show>
        <NewVersionDialog open />
    }
}

#[component]
fn NewVersionDialog(open: RwSignal<bool>) -> impl IntoView {
    let (ctx, api, announcer, go) = (use_model(), use_api(), use_announcer(), use_go());
    let name = RwSignal::new(String::new());
    let submitted = RwSignal::new(false);
    // Each opening starts from the suggested name.
    Effect::new(move |_| {
        if open.get() {
            let old = ctx.model.with_untracked(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default());
            name.set(next_version_name(&old));
            submitted.set(false);
        }
    });
    let keys = IdempotencyKeys::<(String, String)>::new();
    let create = Mutation::new(
        move |(from, name, key): &(String, String, String)| {
            let (api, from, name, key) = (api.clone(), from.clone(), name.clone(), key.clone());
            async move { api.create_version(&from, &name, &key).await }
        },
        move |model: CustomModel| {
            keys.made();
            open.set(false);
            announcer.say(format!("Version {} created with the datasets copied.", model.name));
            go.run((Route::model(&model.id), false));
        },
    );
    let error = move || validate_name(&name.get()).err().map(|e| e.message());
    let shown_error = move || submitted.get().then(error).flatten();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        let Some(from) = ctx.model.with_untracked(|m| m.as_ref().map(|m| m.id.clone())) else { return };
        if create.pending().get_untracked() || error().is_some() {
            return;
        }
        let request = (from, name.get_untracked());
        let key = keys.key_for(&request);
        create.dispatch((request.0, request.1, key));
    };
    let old_name = move || ctx.model.with(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default());
    view! {
        <Modal open title="New Version">
            <form class="cm-form" on:submit=on_submit novalidate>
                <p>
                    "A new model on the same base language, with the datasets of " <strong>{old_name}</strong>
                    " copied by the server: nothing is uploaded again. " <strong>{old_name}</strong> " stays as it is."
                </p>
                <div class="cm-field">
                    <label for="cm-version-name">"Name"</label>
                    <input
                        id="cm-version-name"
                        type="text"
                        autofocus
                        autocomplete="off"
                        aria-invalid=move || shown_error().is_some().to_string()
                        aria-describedby="cm-version-name-error"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                    <p id="cm-version-name-error" class="cm-field__error">{shown_error}</p>
                </div>
                {move || create.error.get().map(|message| view! { <p class="cm-form-error" role="alert">{message}</p> })}
                <div class="cm-dialog__actions">
                    <button type="button" class="cm-btn" on:click=move |_| open.set(false)>"Cancel"</button>
                    <button type="submit" class="cm-btn cm-btn--primary" disabled=move || create.pending().get()>
                        {move || if create.pending().get() { "Creating…" } else { "Create Version" }}
                    </button>
                </div>
            </form>
        </Modal>
    }
}

/// "Based on Call centre" on a version, and the versions made from this model.
#[component]
pub fn VersionLinks() -> impl IntoView {
    let (ctx, api) = (use_model(), use_api());
    let id = Memo::new(move |_| ctx.model.with(|m| m.as_ref().map(|m| m.id.clone()).unwrap_or_default()));
    let from = Memo::new(move |_| ctx.model.with(|m| m.as_ref().and_then(|m| m.from_model_id.clone())));
    let parent_api = api.clone();
    let parent = LocalResource::new(move || {
        let (api, from) = (parent_api.clone(), from.get());
        async move {
            match from {
                Some(from) => Some(api.model(&from).await.map_err(|e| (from, e))),
                None => None,
            }
        }
    });
    let versions = LocalResource::new(move || {
        let (api, id) = (api.clone(), id.get());
        async move {
            if id.is_empty() {
                None
            } else {
                api.versions(&id).await.ok()
            }
        }
    });
    view! {
        {move || parent.get().flatten().map(|found| match found {
            Ok(parent) => view! {
                <p class="cm-version-of">"Based on " <A href=Route::model(&parent.id).href()>{parent.name.clone()}</A></p>
            }.into_any(),
            Err((from, err)) if err.is_not_found() => view! {
                <p class="cm-version-of">{format!("Based on a model that was deleted ({from}).")}</p>
            }.into_any(),
            Err((from, _)) => view! {
                <p class="cm-version-of">"Based on " <A href=Route::model(&from).href()>"the previous version"</A></p>
            }.into_any(),
        })}
        {move || versions.get().flatten().filter(|page| !page.items.is_empty()).map(|page| view! {
            <nav class="cm-versions" aria-label="Versions of this model">
                <h2 class="cm-versions__title">"Versions"</h2>
                <ul>
                    {page.items.into_iter().map(|v| view! {
                        <li><A href=Route::model(&v.id).href()>{v.name.clone()}</A> " · " {v.status.label()}</li>
                    }).collect_view()}
                </ul>
            </nav>
        })}
    }
}
