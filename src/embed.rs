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

use std::any::Any;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::config::Config;
use crate::App;

/// A console (or model select) mounted by a host. Dropping Leptos's mount handle
/// only takes the view out of the page; whatever else still holds its reactive
/// owner (a pending request, a timer) would keep its window listeners alive, and
/// a stale router listener swallows the next console's link clicks. So the mount
/// runs under an owner of our own, cleaned up explicitly.
pub(crate) struct Mounted {
    owner: Owner,
    view: Option<Box<dyn Any>>,
}

impl Mounted {
    pub(crate) fn new(mount: impl FnOnce() -> Box<dyn Any>) -> Self {
        let owner = Owner::new();
        let view = owner.with(mount);
        Mounted { owner, view: Some(view) }
    }

    pub(crate) fn unmount(&mut self) {
        if self.view.take().is_some() {
            self.owner.cleanup();
        }
    }
}

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
