//! The focused element, also when it sits inside a shadow root: the document
//! only knows the shadow host, so this follows each root's own active element.
//! And moving focus to an element of the same page by its id, found from a
//! nearby element rather than the document, so it works inside a shadow root too.

use wasm_bindgen::JsCast;

pub fn active_element() -> Option<web_sys::HtmlElement> {
    let mut active = web_sys::window()?.document()?.active_element()?;
    while let Some(inner) = active.shadow_root().and_then(|root| root.active_element()) {
        active = inner;
    }
    active.dyn_into().ok()
}

/// Scrolls to and focuses the element with `id` inside the `.cm-page` that
/// holds `near` (the element must be focusable, e.g. `tabindex="-1"`). Ids are
/// compared as text, never put into a selector: they may come from a server.
/// Returns whether it was found.
pub fn reveal_in_page(near: &web_sys::Element, id: &str) -> bool {
    let Some(page) = near.closest(".cm-page").ok().flatten() else { return false };
    let Ok(candidates) = page.query_selector_all("[id]") else { return false };
    let found = (0..candidates.length())
        .filter_map(|i| candidates.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|el| el.id() == id);
    let Some(el) = found else { return false };
    el.scroll_into_view();
    el.focus().is_ok()
}
