//! Copying text for the user (ids that support and API users ask for), through
//! the Clipboard API; when the browser refuses (no permission, no secure
//! context), the caller shows the text selected for a manual copy instead.

use wasm_bindgen_futures::JsFuture;

/// Whether `text` is now on the clipboard.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let clipboard = window.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}
