//! Files the user picked, read as little as possible: a bounded prefix for the
//! content checks (`Blob.slice`, never the whole file) and the duration, which
//! the browser reads from the audio's own metadata.

use std::time::Duration;

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File};

/// The first `limit` bytes of a file.
pub async fn read_prefix(file: &File, limit: u64) -> Result<Vec<u8>, String> {
    let end = (file.size()).min(limit as f64);
    let slice = file.slice_with_f64_and_f64(0.0, end).map_err(|_| "the file could not be read".to_owned())?;
    let buffer = JsFuture::from(slice.array_buffer()).await.map_err(|_| "the file could not be read".to_owned())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A slice of a file to send as one upload chunk; its bytes stay in the browser.
pub fn slice(file: &File, start: u64, end: u64) -> Option<Blob> {
    file.slice_with_f64_and_f64(start as f64, end as f64).ok()
}

/// The audio's duration in seconds when the browser can tell it within a few
/// seconds; `None` otherwise (unsupported codec, damaged header).
pub async fn audio_duration(file: &File) -> Option<f64> {
    let document = web_sys::window()?.document()?;
    let audio: web_sys::HtmlAudioElement = document.create_element("audio").ok()?.dyn_into().ok()?;
    let url = web_sys::Url::create_object_url_with_blob(file).ok()?;
    audio.set_preload("metadata");

    // Resolving twice is harmless, so the handlers may fire any number of times;
    // they live until they are detached below.
    let mut settle = None;
    let done = js_sys::Promise::new(&mut |resolve, _| {
        let handler = Closure::<dyn FnMut()>::new(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        audio.set_onloadedmetadata(Some(handler.as_ref().unchecked_ref()));
        audio.set_onerror(Some(handler.as_ref().unchecked_ref()));
        settle = Some(handler);
    });
    audio.set_src(&url);
    let timeout = async {
        gloo_timers::future::sleep(Duration::from_secs(4)).await;
    };
    futures_select(JsFuture::from(done), timeout).await;
    let duration = audio.duration();
    audio.set_onloadedmetadata(None);
    audio.set_onerror(None);
    drop(settle);
    let _ = web_sys::Url::revoke_object_url(&url);
    (duration.is_finite() && duration > 0.0).then_some(duration)
}

/// Waits for whichever finishes first.
async fn futures_select(a: JsFuture, b: impl std::future::Future<Output = ()>) {
    use std::future::Future;
    use std::pin::pin;
    use std::task::Poll;
    let mut a = pin!(a);
    let mut b = pin!(b);
    std::future::poll_fn(|cx| {
        if a.as_mut().poll(cx).is_ready() || b.as_mut().poll(cx).is_ready() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await
}
