//! Keyboard shortcuts: `/` focuses the search, `n` opens New Custom Model, `?`
//! lists them. They never fire while the user types in a field or holds a
//! modifier, and inside a host page only while focus is in the console, so the
//! host's own keys stay the host's.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::modal::Modal;
use crate::services::shortcuts::Shortcuts;

/// Listens for the shortcuts on behalf of the console rooted at `root`;
/// `embedded` when a host page owns the rest of the document.
#[component]
pub fn ShortcutKeys(root: NodeRef<Div>, embedded: bool, shortcuts: Shortcuts) -> impl IntoView {
    let help = RwSignal::new(false);
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let Some(root) = root.get_untracked() else { return };
        let path = ev.composed_path();
        let target = path.get(0);
        if is_field(&target) {
            return;
        }
        let root_value: &wasm_bindgen::JsValue = root.as_ref();
        let inside = (0..path.length()).any(|i| path.get(i) == *root_value);
        let on_page = !embedded && target.dyn_ref::<web_sys::Element>().is_some_and(|t| t.tag_name() == "BODY");
        if !inside && !on_page {
            return;
        }
        match ev.key().as_str() {
            "/" => {
                if let Some(search) = root.query_selector("#cm-search").ok().flatten() {
                    ev.prevent_default();
                    let _ = search.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
            "n" if root.query_selector("#cm-search").ok().flatten().is_some() => {
                ev.prevent_default();
                shortcuts.new_model.update(|n| *n += 1);
            }
            "?" => {
                ev.prevent_default();
                help.set(true);
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <Modal open=help title="Keyboard shortcuts">
            <dl class="cm-shortcuts">
                <dt><kbd>"/"</kbd></dt><dd>"Search models (on the Custom Models page)"</dd>
                <dt><kbd>"n"</kbd></dt><dd>"New Custom Model (on the Custom Models page)"</dd>
                <dt><kbd>"?"</kbd></dt><dd>"Show these shortcuts"</dd>
            </dl>
            <p class="cm-hint">"Shortcuts do nothing while you type in a field."</p>
            <div class="cm-dialog__actions">
                <button type="button" class="cm-btn cm-btn--primary" on:click=move |_| help.set(false)>"Close"</button>
            </div>
        </Modal>
    }
}

fn is_field(target: &wasm_bindgen::JsValue) -> bool {
    let Some(element) = target.dyn_ref::<web_sys::HtmlElement>() else { return false };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || element.is_content_editable()
}
