//! "Are you sure?" before something that cannot be undone.

use leptos::prelude::*;

use super::modal::Modal;
use crate::hooks::mutation::DeleteFlow;

#[component]
pub fn ConfirmDialog(
    open: RwSignal<bool>,
    #[prop(into)] title: Signal<String>,
    /// The confirm button's label, e.g. "Delete".
    #[prop(into)]
    confirm_label: String,
    /// True while the confirmed request runs: the button is disabled then.
    #[prop(into)]
    pending: Signal<bool>,
    /// Why the last attempt failed; the dialog stays open to show it.
    #[prop(into)]
    error: Signal<Option<String>>,
    on_confirm: Callback<()>,
    /// A constructive action (e.g. "Train") rather than a destructive one.
    #[prop(optional)]
    primary: bool,
    /// The button that closes the dialog doing nothing; "Cancel" unless that
    /// would be confused with the action ("Cancel training" is dismissed by "Keep training").
    #[prop(optional, into)]
    dismiss_label: Option<&'static str>,
    /// What will happen, in the user's words.
    children: ChildrenFn,
) -> impl IntoView {
    let confirm_label = StoredValue::new(confirm_label);
    view! {
        <Modal open title>
            <div class="cm-dialog__body">{children()}</div>
            {move || error.get().map(|message| view! { <p class="cm-form-error" role="alert">{message}</p> })}
            <div class="cm-dialog__actions">
                <button type="button" class="cm-btn" on:click=move |_| open.set(false)>{dismiss_label.unwrap_or("Cancel")}</button>
                <button
                    type="button"
                    class=if primary { "cm-btn cm-btn--primary" } else { "cm-btn cm-btn--danger" }
                    disabled=move || pending.get()
                    on:click=move |_| {
                        if !pending.get_untracked() {
                            on_confirm.run(());
                        }
                    }
                >
                    {move || if pending.get() { "Working…".to_owned() } else { confirm_label.get_value() }}
                </button>
            </div>
        </Modal>
    }
}

/// The confirmation of a [`DeleteFlow`]: "Delete", pending while the call runs,
/// its error kept in the dialog.
#[component]
pub fn ConfirmDelete<T: Clone + Send + Sync + 'static>(
    flow: DeleteFlow<T>,
    #[prop(into)] title: Signal<String>,
    /// What will be lost, in the user's words.
    children: ChildrenFn,
) -> impl IntoView {
    view! {
        <ConfirmDialog
            open=flow.open
            title
            confirm_label="Delete"
            pending=flow.delete.pending()
            error=flow.delete.error
            on_confirm=flow.confirm()
            children
        />
    }
}
