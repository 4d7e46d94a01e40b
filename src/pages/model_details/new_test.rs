//! "New Test": a name and one or more of the model's TEST datasets.

use domain::evaluation::{is_test_data, validate_name, Evaluation};
use leptos::prelude::*;

use super::context::use_model;
use crate::api::use_api;
use crate::components::load_error::LoadError;
use crate::components::modal::Modal;
use crate::hooks::idempotency::IdempotencyKeys;
use crate::hooks::loaded::{load, Shown};
use crate::hooks::mutation::Mutation;
use crate::services::announcer::use_announcer;

#[component]
pub fn NewTestDialog(open: RwSignal<bool>, on_created: Callback<Evaluation>) -> impl IntoView {
    let (ctx, api, announcer) = (use_model(), use_api(), use_announcer());
    let model_id = Memo::new(move |_| ctx.model.with(|m| m.as_ref().map(|m| m.id.clone()).unwrap_or_default()));
    let name = RwSignal::new(String::new());
    let chosen = RwSignal::new(Vec::<String>::new());
    let submitted = RwSignal::new(false);
    // All the model's TEST data, whichever page of the datasets table is shown.
    let list_api = api.clone();
    let candidates = LocalResource::new(move || {
        let (api, id, opened) = (list_api.clone(), model_id.get(), open.get());
        async move {
            if !opened {
                return Ok(Vec::new());
            }
            let page = api.list_datasets(&id, 1, 100).await?;
            Ok::<_, crate::api::ApiError>(page.items.into_iter().filter(is_test_data).collect::<Vec<_>>())
        }
    });
    let loaded = load(candidates, |_, _| {});
    let keys = IdempotencyKeys::<(String, String, Vec<String>)>::new();
    let create = Mutation::new(
        move |(id, name, datasets, key): &(String, String, Vec<String>, String)| {
            let (api, id, name, datasets, key) = (api.clone(), id.clone(), name.clone(), datasets.clone(), key.clone());
            async move { api.create_evaluation(&id, &name, &datasets, &key).await }
        },
        move |test: Evaluation| {
            keys.made();
            open.set(false);
            name.set(String::new());
            chosen.set(Vec::new());
            submitted.set(false);
            announcer.say(format!("Test {} started.", test.name));
            on_created.run(test);
        },
    );
    let name_error = move || validate_name(&name.get()).err();
    let datasets_error = move || chosen.with(Vec::is_empty).then_some("Choose at least one TEST dataset.");
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        if create.pending().get_untracked() || name_error().is_some() || datasets_error().is_some() {
            return;
        }
        let request = (model_id.get_untracked(), name.get_untracked(), chosen.get_untracked());
        let key = keys.key_for(&request);
        create.dispatch((request.0, request.1, request.2, key));
    };
    let toggle = move |id: String, on: bool| {
        chosen.update(|c| {
            c.retain(|x| x != &id);
            if on {
                c.push(id);
            }
        })
    };
    view! {
        <Modal open title="New Test">
            <form class="cm-form" on:submit=on_submit novalidate>
                <div class="cm-field">
                    <label for="cm-test-name">"Name"</label>
                    <input
                        id="cm-test-name"
                        type="text"
                        autofocus
                        autocomplete="off"
                        aria-invalid=move || (submitted.get() && name_error().is_some()).to_string()
                        aria-describedby="cm-test-name-error"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                    <p id="cm-test-name-error" class="cm-field__error">{move || submitted.get().then(name_error).flatten()}</p>
                </div>
                <fieldset class="cm-field cm-choices" aria-describedby="cm-test-datasets-error">
                    <legend>"TEST datasets"</legend>
                    {move || match loaded.shown.get() {
                        Shown::Loading => view! { <p class="cm-loading" role="status">"Loading datasets…"</p> }.into_any(),
                        Shown::Failed(message) | Shown::NotFound(message) => view! {
                            <LoadError title="The TEST datasets could not be loaded" message on_retry=Callback::new(move |()| candidates.refetch()) />
                        }.into_any(),
                        Shown::Ready => (move || loaded.value.get().map(|list| if list.is_empty() {
                            view! {
                                <p>"This model has no TEST datasets yet. Upload transcripts as TEST with “New Dataset” first."</p>
                            }.into_any()
                        } else {
                            list.into_iter().map(|d| {
                                let id = d.id.clone();
                                let checked_id = d.id.clone();
                                view! {
                                    <label class="cm-choice">
                                        <input
                                            type="checkbox"
                                            prop:checked=move || chosen.with(|c| c.contains(&checked_id))
                                            on:change=move |ev| toggle(id.clone(), event_target_checked(&ev))
                                        />
                                        {d.name.clone()}
                                    </label>
                                }
                            }).collect_view().into_any()
                        })).into_any(),
                    }}
                    <p id="cm-test-datasets-error" class="cm-field__error">{move || submitted.get().then(datasets_error).flatten()}</p>
                </fieldset>
                {move || create.error.get().map(|message| view! { <p class="cm-form-error" role="alert">{message}</p> })}
                <div class="cm-dialog__actions">
                    <button type="button" class="cm-btn" on:click=move |_| open.set(false)>"Cancel"</button>
                    <button type="submit" class="cm-btn cm-btn--primary" disabled=move || create.pending().get()>
                        {move || if create.pending().get() { "Starting…" } else { "Start Test" }}
                    </button>
                </div>
            </form>
        </Modal>
    }
}
