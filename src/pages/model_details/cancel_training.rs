//! "Cancel training" on a Running model, for organization admins and system
//! operators (a MEMBER does not see it): a training stuck for hours need not be
//! waited out or the model deleted. The confirmation says what happens to the
//! credit; the model goes back to Ready to Run and the page says so.

use domain::training::{cancel_block, CANCEL_CREDIT_RULE};
use domain::CustomModel;
use leptos::html::Button;
use leptos::prelude::*;

use super::context::use_model;
use super::train_button::Training;
use crate::api::use_api;
use crate::browser::focus::reveal_in_page;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::hooks::mutation::Mutation;
use crate::services::announcer::use_announcer;
use crate::services::workspace::use_workspace;

/// The button (only where [`cancel_block`] allows it) and its confirmation.
#[component]
pub fn CancelTraining(training: Training) -> impl IntoView {
    let (ctx, api, announcer, workspace) = (use_model(), use_api(), use_announcer(), use_workspace());
    let open = RwSignal::new(false);
    let button = NodeRef::<Button>::new();
    let offered = move || {
        let role = workspace.user.with(|u| u.as_ref().and_then(|u| u.as_ref().ok()).map(|u| u.role));
        let status = ctx.model.with(|m| m.as_ref().map(|m| m.status));
        matches!((status, role), (Some(status), Some(role)) if cancel_block(status, role).is_none())
    };
    let cancel = Mutation::new(
        move |id: &String| {
            let (api, id) = (api.clone(), id.clone());
            async move { api.cancel_training(&id).await }
        },
        move |model: CustomModel| {
            // The button goes with the Running status, so focus moves to the status it left
            // behind, found from the page around the button while the button is still in it.
            let near = button.get_untracked().and_then(|b| b.closest(".cm-page").ok().flatten());
            open.set(false);
            announcer.say(format!(
                "Training of {} cancelled. The model is {} again, and its training credit was given back.",
                model.name,
                model.status.label()
            ));
            ctx.model.set(Some(model));
            training.refresh_credits();
            ctx.reload.run(());
            if let Some(near) = near {
                request_animation_frame(move || {
                    reveal_in_page(&near, "cm-status-title");
                });
            }
        },
    );
    // A refusal (the training ended meanwhile, or someone cancelled it first)
    // stays in the dialog; the page loads the model again to show where it is.
    Effect::new(move |_| {
        if cancel.error.with(Option::is_some) {
            ctx.reload.run(());
        }
    });
    let name = move || ctx.model.with(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default());
    let confirm = Callback::new(move |()| {
        if let Some(id) = ctx.model.with_untracked(|m| m.as_ref().map(|m| m.id.clone())) {
            cancel.dispatch(id);
        }
    });
    view! {
        <Show when=offered>
            <button
                type="button"
                class="cm-btn"
                node_ref=button
                on:click=move |_| {
                    cancel.error.set(None);
                    open.set(true);
                }
            >
                "Cancel training"
            </button>
        </Show>
        <ConfirmDialog
            open
            title="Cancel training?"
            confirm_label="Cancel training"
            dismiss_label="Keep training"
            pending=cancel.pending()
            error=cancel.error
            on_confirm=confirm
        >
            <p>
                "The training of " <strong>{name}</strong>
                " stops now and its progress is lost. The model goes back to Ready to Run, and you can train it again later."
            </p>
            <p><strong>{CANCEL_CREDIT_RULE}</strong></p>
        </ConfirmDialog>
    }
}
