//! The focused element, also when it sits inside a shadow root: the document
//! only knows the shadow host, so this follows each root's own active element.

use wasm_bindgen::JsCast;

pub fn active_element() -> Option<web_sys::HtmlElement> {
    let mut active = web_sys::window()?.document()?.active_element()?;
    while let Some(inner) = active.shadow_root().and_then(|root| root.active_element()) {
        active = inner;
    }
    active.dyn_into().ok()
}
