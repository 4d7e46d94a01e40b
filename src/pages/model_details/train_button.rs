//! "Train the Language": the organisation's credits, why training is not
//! possible when it is not, and the confirmation that starts it.

use domain::training::training_block;
use domain::{CustomModel, TrainingStatus};
use leptos::prelude::*;

use super::context::use_model;
use crate::api::{use_api, ApiResult};
use crate::components::confirm_dialog::ConfirmDialog;
use crate::hooks::idempotency::IdempotencyKeys;
use crate::hooks::mutation::Mutation;
use crate::services::announcer::use_announcer;

/// The training's state, shared by the button and its confirmation.
#[derive(Clone, Copy)]
pub struct Training {
    credits: LocalResource<ApiResult<u64>>,
    open: RwSignal<bool>,
    train: Mutation<(String, String), CustomModel>,
    keys: IdempotencyKeys<String>,
}

impl Training {
    pub fn new() -> Training {
        let (ctx, api, announcer) = (use_model(), use_api(), use_announcer());
        let credits_api = api.clone();
        let credits = LocalResource::new(move || {
            let api = credits_api.clone();
            async move { api.credits().await }
        });
        let open = RwSignal::new(false);
        let keys = IdempotencyKeys::new();
        let events = crate::services::host_events::use_host_events();
        let train = Mutation::new(
            move |(id, key): &(String, String)| {
                let (api, id, key) = (api.clone(), id.clone(), key.clone());
                async move { api.start_training(&id, &key).await }
            },
            move |model: CustomModel| {
                keys.made();
                open.set(false);
                announcer.say(format!("Training of {} started.", model.name));
                events.model("cm-training-started", &model);
                ctx.model.set(Some(model));
                credits.refetch();
                ctx.reload.run(());
            },
        );
        // Credits that could not be read are asked again when the model loads
        // again: the server is back (it was down, or the network was).
        Effect::watch(
            move || ctx.model.track(),
            move |_, _, _| {
                if credits.with_untracked(|c| matches!(c, Some(Err(_)))) {
                    credits.refetch();
                }
            },
            false,
        );
        Training { credits, open, train, keys }
    }

    /// Asks for the credits again (a cancelled training gave one back).
    pub fn refresh_credits(self) {
        self.credits.refetch();
    }

    fn known_credits(self) -> Option<u64> {
        self.credits.with(|c| c.as_ref().and_then(|c| c.as_ref().ok()).copied())
    }

    fn credit_text(self) -> String {
        match self.credits.get() {
            Some(Ok(1)) => "1 training credit left".to_owned(),
            Some(Ok(n)) => format!("{n} training credits left"),
            Some(Err(_)) => "Training credits unknown".to_owned(),
            None => "Checking training credits…".to_owned(),
        }
    }
}

/// The button, the credits beside it, and the reason it is disabled.
#[component]
pub fn TrainButton(training: Training) -> impl IntoView {
    let ctx = use_model();
    let block = move || {
        let credits = training.known_credits()?;
        let status = ctx.model.with(|m| m.as_ref().map_or(TrainingStatus::NotRunning, |m| m.status));
        // The list is paged and cannot tell types apart; the status can: Not Running
        // means no training data, and otherwise any dataset may be.
        let datasets = if status == TrainingStatus::NotRunning { 0 } else { ctx.dataset_total.get().unwrap_or(0) };
        training_block(status, datasets, credits)
            .map(|b| b.message().to_owned())
            .or_else(|| ctx.datasets.with(|d| domain::dataset_check::dataset_block(d)))
    };
    view! {
        <button
            type="button"
            class="cm-btn cm-btn--primary"
            disabled=move || block().is_some() || training.known_credits().is_none()
            aria-describedby="cm-train-credits cm-train-reason"
            on:click=move |_| {
                training.train.error.set(None);
                training.open.set(true);
            }
        >
            "Train the Language"
        </button>
        <span id="cm-train-credits" class="cm-credits">{move || training.credit_text()}</span>
        <p id="cm-train-reason" class="cm-hint">{block}</p>
    }
}

/// "Train the Language?": what training does and costs, then the call.
#[component]
pub fn TrainDialog(training: Training, #[prop(into)] language: Signal<String>) -> impl IntoView {
    let model = use_model().model;
    let name = move || model.with(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default());
    let start = Callback::new(move |()| {
        if let Some(id) = model.with_untracked(|m| m.as_ref().map(|m| m.id.clone())) {
            let key = training.keys.key_for(&id);
            training.train.dispatch((id, key));
        }
    });
    view! {
        <ConfirmDialog
            open=training.open
            title="Train the Language?"
            confirm_label="Train"
            primary=true
            pending=training.train.pending()
            error=training.train.error
            on_confirm=start
        >
            <p>
                "Training builds " <strong>{name}</strong> " on " {language}
                " from its datasets. The datasets are validated first; the training itself can take a while, depending on how much data there is. You can leave this page meanwhile."
            </p>
            <p>{move || format!("This uses one training credit ({}).", training.credit_text())}</p>
        </ConfirmDialog>
    }
}
