//! An expired sign-in, handled once for the whole console: the first `401`
//! shows "Your session has expired — sign in again", stops background requests
//! (polls check [`SessionExpiry::expired`]), and tells the host through its
//! `onUnauthorized` callback and a `cm-unauthorized` DOM event that
//! bubbles out of the console (through a shadow root too).

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::api::Answer;
use crate::config::HostFunction;
use crate::services::host_events::HostEvents;

/// The DOM event a host can listen for on the console's element or the document.
pub const UNAUTHORIZED_EVENT: &str = "cm-unauthorized";

#[derive(Clone, Copy)]
pub struct SessionExpiry {
    pub expired: RwSignal<bool>,
    /// What the HTTP client calls with each answer. The first `401` expires the
    /// session; it is back when a request with another token gets through (the
    /// host signed in again), never with the refused one.
    pub report: Callback<Answer>,
}

impl SessionExpiry {
    pub fn new(host: Option<HostFunction>, events: HostEvents) -> Self {
        let expired = RwSignal::new(false);
        let refused = StoredValue::new(None::<Option<String>>);
        let report = Callback::new(move |answer: Answer| {
            if !answer.unauthorized {
                if expired.get_untracked() && refused.with_value(|r| r.as_ref() != Some(&answer.token)) {
                    expired.set(false);
                }
                return;
            }
            if expired.get_untracked() {
                return;
            }
            refused.set_value(Some(answer.token));
            expired.set(true);
            if let Some(host) = &host {
                host.notify(&JsValue::UNDEFINED);
            }
            events.emit(UNAUTHORIZED_EVENT, serde_json::json!({}));
        });
        SessionExpiry { expired, report }
    }
}

pub fn use_expiry() -> SessionExpiry {
    expect_context::<SessionExpiry>()
}
