//! The page header and cards: the editable name with "Update", the status,
//! base language and last change, and "Train the Language" with the
//! organisation's credits and, when it is disabled, the reason.

use domain::model::validate_name;
use domain::training::training_block;
use domain::TrainingStatus;
use leptos::prelude::*;

use super::use_model;
use crate::components::announcer::use_announcer;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::status_badge::StatusBadge;
use crate::time::LocalTime;
use crate::workspace::{use_api, use_workspace};

#[component]
pub fn ModelHeader() -> impl IntoView {
    let ctx = use_model();
    let api = use_api();
    let workspace = use_workspace();
    let announcer = use_announcer();
    let field =
        move |f: fn(&domain::CustomModel) -> String| move || ctx.model.with(|m| m.as_ref().map(f).unwrap_or_default());
    let saved_name = field(|m| m.name.clone());
    let status =
        Signal::derive(move || ctx.model.with(|m| m.as_ref().map_or(TrainingStatus::NotRunning, |m| m.status)));

    // Rename.
    let draft = RwSignal::new(saved_name());
    let feedback = RwSignal::new(None::<Result<String, String>>);
    let rename_api = api.clone();
    let rename = Action::new_local(move |(id, name): &(String, String)| {
        let (api, id, name) = (rename_api.clone(), id.clone(), name.clone());
        async move { api.rename_model(&id, &name).await }
    });
    Effect::new(move |_| match rename.value().get() {
        Some(Ok(model)) => {
            draft.set(model.name.clone());
            feedback.set(Some(Ok("Name saved.".into())));
            announcer.say(format!("Name saved: {}.", model.name));
            ctx.model.set(Some(model));
        }
        Some(Err(err)) => feedback.set(Some(Err(err.user_message()))),
        None => {}
    });
    let name_error = move || validate_name(&draft.get()).err().map(|e| e.message());
    let can_update = move || !rename.pending().get() && validate_name(&draft.get()).is_ok_and(|n| n != saved_name());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !can_update() {
            return;
        }
        if let (Some(id), Ok(name)) =
            (ctx.model.with_untracked(|m| m.as_ref().map(|m| m.id.clone())), validate_name(&draft.get_untracked()))
        {
            feedback.set(None);
            rename.dispatch((id, name));
        }
    };

    // Training.
    let credits_api = api.clone();
    let credits = LocalResource::new(move || {
        let api = credits_api.clone();
        async move { api.credits().await }
    });
    let known_credits = move || credits.with(|c| c.as_ref().and_then(|c| c.as_ref().ok()).copied());
    let block = move || {
        let credits = known_credits()?;
        // The list is paged and cannot tell types apart; the status can: Not Running
        // means no training data, and otherwise any dataset may be.
        let datasets =
            if status.get() == TrainingStatus::NotRunning { 0 } else { ctx.dataset_total.get().unwrap_or(0) };
        training_block(status.get(), datasets, credits)
    };
    let train_open = RwSignal::new(false);
    let train_error = RwSignal::new(None::<String>);
    let train = Action::new_local(move |id: &String| {
        let (api, id) = (api.clone(), id.clone());
        async move { api.start_training(&id).await }
    });
    Effect::new(move |_| match train.value().get() {
        Some(Ok(model)) => {
            train_open.set(false);
            announcer.say(format!("Training of {} started.", model.name));
            ctx.model.set(Some(model));
            credits.refetch();
            ctx.reload.run(());
        }
        Some(Err(err)) => train_error.set(Some(err.user_message())),
        None => {}
    });
    let start = Callback::new(move |()| {
        if let Some(id) = ctx.model.with_untracked(|m| m.as_ref().map(|m| m.id.clone())) {
            train_error.set(None);
            train.dispatch(id);
        }
    });

    let language =
        move || ctx.model.with(|m| m.as_ref().map(|m| workspace.language_name(&m.language)).unwrap_or_default());
    let last_modified = move || ctx.model.with(|m| m.as_ref().and_then(|m| m.last_modified));
    let credit_text = move || match credits.get() {
        Some(Ok(1)) => "1 training credit left".to_owned(),
        Some(Ok(n)) => format!("{n} training credits left"),
        Some(Err(_)) => "Training credits unknown".to_owned(),
        None => "Checking training credits…".to_owned(),
    };

    view! {
        <form class="cm-details" on:submit=on_submit novalidate>
            <div class="cm-page__head">
                <h1 id="cm-details-title">{saved_name}</h1>
                <div class="cm-page__actions">
                    <button type="submit" class="cm-btn" disabled=move || !can_update()>
                        {move || if rename.pending().get() { "Saving…" } else { "Update" }}
                    </button>
                    <button
                        type="button"
                        class="cm-btn cm-btn--primary"
                        disabled=move || block().is_some() || known_credits().is_none()
                        aria-describedby="cm-train-credits cm-train-reason"
                        on:click=move |_| {
                            train_error.set(None);
                            train_open.set(true);
                        }
                    >
                        "Train the Language"
                    </button>
                    <span id="cm-train-credits" class="cm-credits">{credit_text}</span>
                    <p id="cm-train-reason" class="cm-hint">{move || block().map(|b| b.message())}</p>
                </div>
            </div>
            {move || feedback.get().map(|f| match f {
                Ok(text) => view! { <p class="cm-success" role="status">{text}</p> }.into_any(),
                Err(text) => view! { <p class="cm-form-error" role="alert">{format!("The name was not saved: {text}")}</p> }.into_any(),
            })}
            <div class="cm-cards">
                <div class="cm-card">
                    <label class="cm-card__label" for="cm-model-name">"Name"</label>
                    <input
                        id="cm-model-name"
                        type="text"
                        autocomplete="off"
                        aria-invalid=move || name_error().is_some().to_string()
                        aria-describedby="cm-model-name-error"
                        prop:value=move || draft.get()
                        on:input=move |ev| {
                            feedback.set(None);
                            draft.set(event_target_value(&ev));
                        }
                    />
                    <p id="cm-model-name-error" class="cm-field__error">{name_error}</p>
                </div>
                <div class="cm-card">
                    <p class="cm-card__label">"Training Status"</p>
                    <StatusBadge status />
                </div>
                <div class="cm-card">
                    <p class="cm-card__label">"Base Language Model"</p>
                    <p class="cm-card__value">{language}</p>
                </div>
                <div class="cm-card">
                    <p class="cm-card__label">"Last Modified"</p>
                    <p class="cm-card__value">{move || last_modified().map(|at| view! { <LocalTime at /> })}</p>
                </div>
            </div>
        </form>
        <ConfirmDialog
            open=train_open
            title="Train the Language?"
            confirm_label="Train"
            primary=true
            pending=train.pending()
            error=train_error
            on_confirm=start
        >
            <p>
                "Training builds " <strong>{saved_name}</strong> " on " {language}
                " from its datasets. The datasets are validated first; the training itself can take a while, depending on how much data there is. You can leave this page meanwhile."
            </p>
            <p>{move || format!("This uses one training credit ({}).", credit_text())}</p>
        </ConfirmDialog>
    }
}
