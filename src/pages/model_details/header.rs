//! The page header and cards: the editable name with "Update", the status,
//! base language and last change, "Train the Language" and "Cancel training".

use domain::TrainingStatus;
use leptos::prelude::*;

use super::cancel_training::CancelTraining;
use super::context::use_model;
use super::rename_form::{NameCard, Rename, RenameFeedback, UpdateButton};
use super::train_button::{TrainButton, TrainDialog, Training};
use super::versions::NewVersionButton;
use crate::browser::time::LocalTime;
use crate::components::copy_id::CopyId;
use crate::components::status_badge::StatusBadge;
use crate::services::workspace::use_workspace;

#[component]
pub fn ModelHeader() -> impl IntoView {
    let ctx = use_model();
    let workspace = use_workspace();
    let rename = Rename::new();
    let training = Training::new();
    let saved_name = move || ctx.model.with(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default());
    let status =
        Signal::derive(move || ctx.model.with(|m| m.as_ref().map_or(TrainingStatus::NotRunning, |m| m.status)));
    let raw_status = Signal::derive(move || ctx.model.with(|m| m.as_ref().and_then(|m| m.status_text.clone())));
    let language = Signal::derive(move || {
        ctx.model.with(|m| m.as_ref().map(|m| workspace.language_name(&m.language)).unwrap_or_default())
    });
    let last_modified = move || ctx.model.with(|m| m.as_ref().and_then(|m| m.last_modified));

    view! {
        <form
            class="cm-details"
            novalidate
            on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                rename.submit();
            }
        >
            <div class="cm-page__head">
                <h1 id="cm-details-title">{saved_name}</h1>
                <div class="cm-page__actions">
                    <UpdateButton rename />
                    <NewVersionButton />
                    <CancelTraining training />
                    <TrainButton training />
                </div>
            </div>
            <RenameFeedback rename />
            <CopyId label="Model ID" value=Signal::derive(move || ctx.model.with(|m| m.as_ref().map(|m| m.id.clone()).unwrap_or_default())) />
            <div class="cm-cards">
                <NameCard rename />
                <div class="cm-card">
                    <p class="cm-card__label">"Training Status"</p>
                    <StatusBadge status raw=raw_status />
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
        <TrainDialog training language />
    }
}
