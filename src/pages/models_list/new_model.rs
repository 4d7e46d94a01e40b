//! The "New Custom Model" dialog: a name and a trainable base language.

use domain::model::validate_name;
use domain::CustomModel;
use leptos::prelude::*;

use crate::api::use_api;
use crate::components::language_options::language_options;
use crate::components::modal::Modal;
use crate::hooks::idempotency::IdempotencyKeys;
use crate::hooks::mutation::Mutation;
use crate::services::workspace::use_workspace;

#[component]
pub fn NewModelDialog(open: RwSignal<bool>, on_created: Callback<CustomModel>) -> impl IntoView {
    let api = use_api();
    let workspace = use_workspace();
    let name = RwSignal::new(String::new());
    let language = RwSignal::new(String::new());
    let submitted = RwSignal::new(false);
    let keys = IdempotencyKeys::<(String, String)>::new();
    let create = Mutation::new(
        move |(name, language, key): &(String, String, String)| {
            let (api, name, language, key) = (api.clone(), name.clone(), language.clone(), key.clone());
            async move { api.create_model(&name, &language, &key).await }
        },
        move |model| {
            keys.made();
            open.set(false);
            name.set(String::new());
            language.set(String::new());
            submitted.set(false);
            on_created.run(model);
        },
    );

    let name_error = move || validate_name(&name.get()).err().map(|e| e.message());
    let language_error = move || language.with(|l| l.is_empty()).then_some("Choose a base language.");
    let show_name_error = move || if submitted.get() { name_error() } else { None };
    let show_language_error = move || {
        if submitted.get() {
            language_error()
        } else {
            None
        }
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        if create.pending().get_untracked() || name_error().is_some() || language_error().is_some() {
            return;
        }
        let request = (name.get_untracked(), language.get_untracked());
        let key = keys.key_for(&request);
        create.dispatch((request.0, request.1, key));
    };

    // Only trainable languages may be the base of a model (sorted by name by the domain rule).
    let options = language_options(workspace, |l| l.trainable, language);

    view! {
        <Modal open title="New Custom Model">
            <form class="cm-form" on:submit=on_submit novalidate>
                <div class="cm-field">
                    <label for="cm-new-name">"Name"</label>
                    <input
                        id="cm-new-name"
                        type="text"
                        autofocus
                        autocomplete="off"
                        required
                        aria-invalid=move || show_name_error().is_some().to_string()
                        aria-describedby="cm-new-name-error"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                    <p id="cm-new-name-error" class="cm-field__error">{show_name_error}</p>
                </div>
                <div class="cm-field">
                    <label for="cm-new-language">"Base language"</label>
                    <select
                        id="cm-new-language"
                        required
                        aria-invalid=move || show_language_error().is_some().to_string()
                        aria-describedby="cm-new-language-hint cm-new-language-error"
                        on:change=move |ev| language.set(event_target_value(&ev))
                    >
                        <option value="" selected=move || language.with(String::is_empty)>"Select a language"</option>
                        {options}
                    </select>
                    <p id="cm-new-language-hint" class="cm-hint">"Only languages that can be trained are listed. The language cannot be changed later."</p>
                    <p id="cm-new-language-error" class="cm-field__error">{show_language_error}</p>
                </div>
                {move || create.error.get().map(|message| view! { <p class="cm-form-error" role="alert">{message}</p> })}
                <div class="cm-dialog__actions">
                    <button type="button" class="cm-btn" on:click=move |_| open.set(false)>"Cancel"</button>
                    <button type="submit" class="cm-btn cm-btn--primary" disabled=move || create.pending().get()>
                        {move || if create.pending().get() { "Creating…" } else { "Create" }}
                    </button>
                </div>
            </form>
        </Modal>
    }
}
