//! Whether the tab is shown, and a hook for when it is shown again: background
//! work pauses in a hidden tab and catches up once when the user comes back.

use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub fn is_hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden())
}

/// Calls `shown` each time the tab becomes visible, until the current owner
/// (page or component) is cleaned up.
pub fn on_shown(shown: impl Fn() + 'static) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let listener = Closure::<dyn Fn()>::new(move || {
        if !is_hidden() {
            shown();
        }
    });
    let function: js_sys::Function = listener.as_ref().unchecked_ref::<js_sys::Function>().clone();
    if document.add_event_listener_with_callback("visibilitychange", &function).is_err() {
        return;
    }
    let held = SendWrapper::new((document, function, listener));
    on_cleanup(move || {
        let (document, function, _listener) = &*held;
        let _ = document.remove_event_listener_with_callback("visibilitychange", function);
    });
}
