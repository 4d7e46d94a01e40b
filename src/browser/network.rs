//! What uploads need from the browser: a chunk's digest computed by
//! `crypto.subtle` (the bytes stay in a JS buffer, never in WASM memory),
//! idempotency keys, and waits that end early on the `online` event or the
//! user's Cancel.

use js_sys::{Function, Object, Promise, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Blob};

/// `sha-256=:…:` (RFC 9530) of the blob's bytes; `None` where the page has no
/// `crypto.subtle` (it needs HTTPS or localhost).
pub async fn content_digest(blob: &Blob) -> Option<String> {
    let window = web_sys::window()?;
    let subtle = window.crypto().ok()?.subtle();
    let buffer = JsFuture::from(blob.array_buffer()).await.ok()?;
    let hash =
        JsFuture::from(subtle.digest_with_str_and_buffer_source("SHA-256", buffer.unchecked_ref::<Object>()).ok()?)
            .await
            .ok()?;
    let binary: String = Uint8Array::new(&hash).to_vec().into_iter().map(char::from).collect();
    Some(format!("sha-256=:{}:", window.btoa(&binary).ok()?))
}

/// A fresh `Idempotency-Key`.
pub fn idempotency_key() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("{:x}-{:x}", js_sys::Date::now() as u64, (js_sys::Math::random() * 1e15) as u64))
}

pub fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Waits `ms` (or, with `None`, until the browser is back online), ending early
/// when `cancel` fires. Answers whether the wait ran out without a cancel.
pub async fn wait(ms: Option<u32>, cancel: &AbortSignal) -> bool {
    let Some(window) = web_sys::window() else { return false };
    if cancel.aborted() {
        return false;
    }
    let mut resolver = None::<Function>;
    let done = Promise::new(&mut |resolve, _| resolver = Some(resolve));
    let Some(resolve) = resolver else { return false };
    let timer = ms.and_then(|ms| {
        let ms = i32::try_from(ms).unwrap_or(i32::MAX);
        window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).ok()
    });
    if ms.is_none() {
        let _ = window.add_event_listener_with_callback("online", &resolve);
    }
    let _ = cancel.add_event_listener_with_callback("abort", &resolve);
    let _ = JsFuture::from(done).await;
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    let _ = window.remove_event_listener_with_callback("online", &resolve);
    let _ = cancel.remove_event_listener_with_callback("abort", &resolve);
    !cancel.aborted()
}

/// A signal for one upload that its Cancel aborts.
pub fn abort_controller() -> Option<web_sys::AbortController> {
    web_sys::AbortController::new().ok()
}
