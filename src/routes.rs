//! Paths inside the console, which may live under a host's prefix.
//!
//! leptos_router 0.8 adds the router's base to paths given to `navigate`, but
//! not to absolute `<A href>`s; so every link goes through [`link`] and every
//! navigation takes the plain in-app path.

use leptos::prelude::use_context;

use crate::config::Config;

/// The URL of an in-app path such as `/custom-models`, with the base path.
pub fn link(path: &str) -> String {
    let base = use_context::<Config>().map(|c| c.base_path).unwrap_or_default();
    format!("{base}{path}")
}

/// `path` with `params` as its query string (values encoded); no `?` when empty.
pub fn with_query(path: &str, params: &[(&str, String)]) -> String {
    if params.is_empty() {
        return path.to_owned();
    }
    let pairs: Vec<String> = params.iter().map(|(k, v)| format!("{k}={}", js_sys::encode_uri_component(v))).collect();
    format!("{path}?{}", pairs.join("&"))
}
