//! System notifications (the Notification API) for "Notify me when it
//! finishes". Nothing here asks for permission by itself: [`request_permission`]
//! is only called from the user's click, as browsers expect.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Notification, NotificationOptions, NotificationPermission};

/// What the user allowed this site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    /// Not asked yet (or the prompt was dismissed): asking shows the prompt.
    Ask,
    Granted,
    /// Blocked; only the browser's site settings can change it.
    Denied,
}

/// Whether system notifications can be offered here: the API exists and the
/// page is a secure context (browsers refuse notifications on plain http).
pub fn available() -> bool {
    let Some(window) = web_sys::window() else { return false };
    window.is_secure_context() && js_sys::Reflect::has(&window, &JsValue::from_str("Notification")).unwrap_or(false)
}

/// The current permission, without asking; `None` where notifications are not available.
pub fn permission() -> Option<Permission> {
    available().then(|| from_web(Notification::permission()))
}

/// Shows the browser's prompt (call it from a click) and returns the answer.
pub async fn request_permission() -> Option<Permission> {
    if !available() {
        return None;
    }
    let promise = Notification::request_permission().ok()?;
    let answer = JsFuture::from(promise).await.ok()?;
    Some(match answer.as_string().as_deref() {
        Some("granted") => Permission::Granted,
        Some("denied") => Permission::Denied,
        _ => Permission::Ask,
    })
}

/// Shows a notification if allowed; clicking it brings the console's window to
/// the front. `tag` replaces an earlier notification with the same tag.
/// Whether it was shown.
pub fn show(title: &str, body: &str, tag: &str) -> bool {
    if permission() != Some(Permission::Granted) {
        return false;
    }
    let options = NotificationOptions::new();
    options.set_body(body);
    options.set_tag(tag);
    let Ok(notification) = Notification::new_with_options(title, &options) else { return false };
    let shown = notification.clone();
    let on_click = Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.focus();
        }
        shown.close();
    });
    notification.set_onclick(on_click.dyn_ref::<js_sys::Function>());
    true
}

fn from_web(permission: NotificationPermission) -> Permission {
    match permission {
        NotificationPermission::Granted => Permission::Granted,
        NotificationPermission::Denied => Permission::Denied,
        _ => Permission::Ask,
    }
}
