//! Mounting the console into a host page that is not a Leptos app:
//!
//! ```js
//! import init, { mount } from "/console/custom-models-console.js";
//! await init();
//! const handle = mount(document.getElementById("slot"), {
//!   apiBaseUrl: "https://api.example.com/v1",
//!   getToken: () => auth.currentToken(),   // or token: "…"
//!   basePath: "/workspace",
//!   user: { id: "u1", name: "Ana", role: "ORGADMIN", organization_id: "org1" },
//! });
//! // later
//! handle.unmount();
//! ```

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::config::Config;
use crate::embed::Mounted;
use crate::App;

/// A mounted console; `unmount()` removes it and stops all its work.
#[wasm_bindgen]
pub struct ConsoleHandle {
    mounted: Mounted,
}

#[wasm_bindgen]
impl ConsoleHandle {
    /// Removes the console from the page and stops its requests, polls and
    /// timers. Calling it twice is harmless.
    pub fn unmount(&mut self) {
        self.mounted.unmount();
    }
}

/// Mounts the console into `element` with `config` (the same keys as
/// `window.customModelsConfig`, plus `getToken` and `user`; see README).
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, config: JsValue) -> ConsoleHandle {
    crate::install_panic_hook();
    let config = Config::from_js(&config);
    let mounted = Mounted::new(move || {
        Box::new(leptos::mount::mount_to(element, move || view! { <App config=config.clone() /> }))
    });
    ConsoleHandle { mounted }
}
