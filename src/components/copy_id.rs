//! An id with a Copy button: "Model ID cm_42 [Copy]", confirmed in words. When
//! the clipboard is refused, the id is selected so the user can copy it by hand.

use leptos::html::Code;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::browser::clipboard;

#[component]
pub fn CopyId(#[prop(into)] label: String, #[prop(into)] value: Signal<String>) -> impl IntoView {
    let note = RwSignal::new(None::<&'static str>);
    let code = NodeRef::<Code>::new();
    let copy = move |_| {
        spawn_local(async move {
            let copied = clipboard::copy(&value.get_untracked()).await;
            if !copied {
                select_text(code);
            }
            note.try_set(Some(if copied { "Copied." } else { "Copy failed: the id is selected, press Ctrl+C." }));
        });
    };
    view! {
        <p class="cm-copy-id">
            <span class="cm-card__label">{label.clone()}</span>
            " "
            <code node_ref=code>{move || value.get()}</code>
            " "
            <button type="button" class="cm-btn cm-btn--small" on:click=copy aria-label=format!("Copy {label}")>"Copy"</button>
            " "
            <span class="cm-hint" role="status">{move || note.get()}</span>
        </p>
    }
}

fn select_text(code: NodeRef<Code>) {
    let Some(element) = code.get_untracked() else { return };
    let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) else { return };
    let Ok(range) = web_sys::Range::new() else { return };
    if range.select_node_contents(element.unchecked_ref()).is_ok() {
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&range);
    }
}
