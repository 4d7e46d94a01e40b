//! Dates shown in the user's locale, via the browser's `Intl`.

use chrono::{DateTime, Utc};
use wasm_bindgen::JsValue;

fn js_date(at: DateTime<Utc>) -> js_sys::Date {
    js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64))
}

/// A formatter for the user's locale. Building one is costly (it is what
/// `toLocaleString` does on every call), so each is built once and kept.
fn formatter(options: &[(&str, &str)]) -> js_sys::Intl::DateTimeFormat {
    let opts = js_sys::Object::new();
    for (key, value) in options {
        let _ = js_sys::Reflect::set(&opts, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    // No locales: the browser's own, as the user set it.
    js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &opts)
}

thread_local! {
    static DATE: js_sys::Function =
        formatter(&[("year", "numeric"), ("month", "numeric"), ("day", "numeric")]).format();
    static TIMESTAMP: js_sys::Function = formatter(&[
        ("year", "numeric"), ("month", "numeric"), ("day", "numeric"),
        ("hour", "numeric"), ("minute", "2-digit"), ("second", "2-digit"),
    ])
    .format();
}

fn format_with(f: &'static std::thread::LocalKey<js_sys::Function>, at: DateTime<Utc>) -> String {
    f.with(|format| format.call1(&JsValue::NULL, &js_date(at)).ok().and_then(|v| v.as_string()).unwrap_or_default())
}

/// The date alone, e.g. "24/11/2026" or "11/24/2026".
pub fn local_date(at: DateTime<Utc>) -> String {
    format_with(&DATE, at)
}

/// Date and time to the second, for tooltips.
pub fn local_timestamp(at: DateTime<Utc>) -> String {
    format_with(&TIMESTAMP, at)
}

/// A date in the user's locale; the full timestamp shows on hover and on keyboard focus.
#[leptos::component]
pub fn LocalTime(#[prop(into)] at: leptos::prelude::Signal<DateTime<Utc>>) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let full = Memo::new(move |_| local_timestamp(at.get()));
    view! {
        <time class="cm-time" datetime=move || at.get().to_rfc3339() title=full data-full=full tabindex="0">
            {move || local_date(at.get())}
        </time>
    }
}
