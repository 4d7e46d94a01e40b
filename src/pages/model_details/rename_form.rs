//! Renaming the model on its details page: the draft name in the Name card,
//! "Update", and what became of the last try.

use domain::model::validate_name;
use domain::CustomModel;
use leptos::prelude::*;

use super::context::use_model;
use crate::api::use_api;
use crate::hooks::mutation::Mutation;
use crate::services::announcer::use_announcer;

/// The rename's state, shared by the pieces of the header that show it.
#[derive(Clone, Copy)]
pub struct Rename {
    model: RwSignal<Option<CustomModel>>,
    draft: RwSignal<String>,
    saved: RwSignal<Option<String>>,
    save: Mutation<(String, String), CustomModel>,
}

impl Rename {
    pub fn new() -> Rename {
        let (ctx, api, announcer) = (use_model(), use_api(), use_announcer());
        let draft = RwSignal::new(ctx.model.with_untracked(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default()));
        let saved = RwSignal::new(None);
        let events = crate::services::host_events::use_host_events();
        let save = Mutation::new(
            move |(id, name): &(String, String)| {
                let (api, id, name) = (api.clone(), id.clone(), name.clone());
                async move { api.rename_model(&id, &name).await }
            },
            move |model: CustomModel| {
                draft.set(model.name.clone());
                saved.set(Some("Name saved.".to_owned()));
                announcer.say(format!("Name saved: {}.", model.name));
                events.model("cm-model-renamed", &model);
                ctx.model.set(Some(model));
            },
        );
        Rename { model: ctx.model, draft, saved, save }
    }

    fn saved_name(self) -> String {
        self.model.with(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default())
    }

    fn error(self) -> Option<String> {
        validate_name(&self.draft.get()).err().map(|e| e.message())
    }

    fn can_update(self) -> bool {
        !self.save.pending().get() && validate_name(&self.draft.get()).is_ok_and(|n| n != self.saved_name())
    }

    /// Saves the draft, when it is a valid new name.
    pub fn submit(self) {
        if !self.can_update() {
            return;
        }
        let id = self.model.with_untracked(|m| m.as_ref().map(|m| m.id.clone()));
        if let (Some(id), Ok(name)) = (id, validate_name(&self.draft.get_untracked())) {
            self.saved.set(None);
            self.save.dispatch((id, name));
        }
    }
}

/// "Update": submits the header's form.
#[component]
pub fn UpdateButton(rename: Rename) -> impl IntoView {
    view! {
        <button type="submit" class="cm-btn" disabled=move || !rename.can_update()>
            {move || if rename.save.pending().get() { "Saving…" } else { "Update" }}
        </button>
    }
}

/// Whether the last rename was saved, or why not.
#[component]
pub fn RenameFeedback(rename: Rename) -> impl IntoView {
    move || {
        if let Some(text) = rename.save.error.get() {
            Some(
                view! { <p class="cm-form-error" role="alert">{format!("The name was not saved: {text}")}</p> }
                    .into_any(),
            )
        } else {
            rename.saved.get().map(|text| view! { <p class="cm-success" role="status">{text}</p> }.into_any())
        }
    }
}

/// The Name card, where the name is edited.
#[component]
pub fn NameCard(rename: Rename) -> impl IntoView {
    let name_error = move || rename.error();
    view! {
        <div class="cm-card">
            <label class="cm-card__label" for="cm-model-name">"Name"</label>
            <input
                id="cm-model-name"
                type="text"
                autocomplete="off"
                aria-invalid=move || name_error().is_some().to_string()
                aria-describedby="cm-model-name-error"
                prop:value=move || rename.draft.get()
                on:input=move |ev| {
                    rename.saved.set(None);
                    rename.save.error.set(None);
                    rename.draft.set(event_target_value(&ev));
                }
            />
            <p id="cm-model-name-error" class="cm-field__error">{name_error}</p>
        </div>
    }
}
