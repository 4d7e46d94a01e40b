//! Saving a file the console made: a Blob from parts (each a string the page
//! already handed to JS, so WASM memory never holds the whole file), offered
//! through an object URL and an `<a download>`.

use std::time::Duration;

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlElement, Url};

/// Saves `parts` (JS strings, joined in order) as `file_name`; `Err` when the
/// browser refuses (no document, a Blob too large for memory).
pub fn save(parts: &js_sys::Array, media_type: &str, file_name: &str) -> Result<(), String> {
    let refused = |_| "the browser refused to save the file".to_owned();
    let options = BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = Blob::new_with_str_sequence_and_options(parts, &options).map_err(refused)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(refused)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("there is no document")?;
    let link: HtmlElement = document.create_element("a").map_err(refused)?.dyn_into().map_err(|_| "no link")?;
    link.set_attribute("href", &url).map_err(refused)?;
    link.set_attribute("download", file_name).map_err(refused)?;
    link.click();
    // The download has started from the URL; it is released a little later
    // rather than at once, as some browsers read it after the click returns.
    leptos::task::spawn_local(async move {
        gloo_timers::future::sleep(Duration::from_secs(30)).await;
        let _ = Url::revoke_object_url(&url);
    });
    Ok(())
}
