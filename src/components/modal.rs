//! A modal dialog on the native `<dialog>`: `showModal()` makes the rest of the
//! page inert (focus cannot leave), Escape closes it, and focus goes back to
//! whatever opened it.

use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::focus::active_element;
use crate::browser::ids::unique_id;

/// A modal dialog, open while `open` is true. Closing it by Escape sets `open`
/// to false. The first element marked `autofocus` (else the first field or
/// button) gets focus when it opens.
#[component]
pub fn Modal(
    open: RwSignal<bool>,
    /// The heading, which also names the dialog for assistive technology.
    #[prop(into)]
    title: Signal<String>,
    /// Extra class on the dialog, e.g. for a wider layout.
    #[prop(optional, into)]
    class: String,
    children: ChildrenFn,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let title_id = unique_id("cm-dialog-title");
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);

    Effect::new(move |_| {
        let Some(el) = dialog.get() else { return };
        if open.get() && !el.open() {
            opener.set_value(active_element());
            if el.show_modal().is_ok() {
                request_animation_frame(move || {
                    let Some(el) = dialog.get_untracked() else {
                        return;
                    };
                    let target = el
                        .query_selector("[autofocus]")
                        .ok()
                        .flatten()
                        .or_else(|| el.query_selector("input, select, textarea, button").ok().flatten());
                    if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                        let _ = target.focus();
                    }
                });
            }
        } else if !open.get() && el.open() {
            el.close();
        }
    });

    // The close event arrives a task after Escape closed the dialog; a user quick
    // enough may have reopened it since, so only a dialog still closed counts.
    let on_close = move |_| {
        if dialog.get_untracked().is_none_or(|el| el.open()) {
            return;
        }
        open.set(false);
        if let Some(opener) = opener.get_value() {
            if opener.is_connected() {
                let _ = opener.focus();
            }
        }
    };

    let heading_id = title_id.clone();
    view! {
        <dialog node_ref=dialog class=format!("cm-dialog {class}") aria-labelledby=title_id on:close=on_close>
            <Show when=move || open.get()>
                <h2 id=heading_id.clone() class="cm-dialog__title">{move || title.get()}</h2>
                {children()}
            </Show>
        </dialog>
    }
}
