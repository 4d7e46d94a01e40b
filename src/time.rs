//! Dates shown in the user's locale, via the browser's `Intl`.

use chrono::{DateTime, Utc};
use wasm_bindgen::JsValue;

fn js_date(at: DateTime<Utc>) -> js_sys::Date {
    js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64))
}

fn locale() -> String {
    web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_else(|| "en-US".into())
}

/// The date alone, e.g. "24/11/2026" or "11/24/2026".
pub fn local_date(at: DateTime<Utc>) -> String {
    String::from(js_date(at).to_locale_date_string(&locale(), &JsValue::UNDEFINED))
}

/// Date and time to the second, for tooltips.
pub fn local_timestamp(at: DateTime<Utc>) -> String {
    String::from(js_date(at).to_locale_string(&locale(), &JsValue::UNDEFINED))
}

/// A date in the user's locale; the full timestamp shows on hover and on keyboard focus.
#[leptos::component]
pub fn LocalTime(at: DateTime<Utc>) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let full = local_timestamp(at);
    view! {
        <time class="cm-time" datetime=at.to_rfc3339() title=full.clone() data-full=full tabindex="0">
            {local_date(at)}
        </time>
    }
}
