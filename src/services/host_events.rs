//! What the console tells the page around it: bubbling, composed `CustomEvent`s
//! (they cross a shadow root) fired from the console's root element, each with
//! a JSON `detail`. The README lists them; `embed/types.d.ts` types them.

use leptos::html::Div;
use leptos::prelude::*;
use serde_json::{json, Value};

use domain::CustomModel;

#[derive(Clone, Copy)]
pub struct HostEvents {
    root: NodeRef<Div>,
}

impl HostEvents {
    pub fn new(root: NodeRef<Div>) -> Self {
        HostEvents { root }
    }

    /// Fires `name` with `detail`; a page without listeners loses nothing.
    pub fn emit(&self, name: &str, detail: Value) {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(detail) = js_sys::JSON::parse(&detail.to_string()) {
            init.set_detail(&detail);
        }
        let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) else { return };
        let target = self
            .root
            .get_untracked()
            .map(web_sys::EventTarget::from)
            .or_else(|| web_sys::window().and_then(|w| w.document()).map(web_sys::EventTarget::from));
        if let Some(target) = target {
            let _ = target.dispatch_event(&event);
        }
    }

    /// `cm-model-created`, `cm-model-renamed`, … with the model as the API gives it.
    pub fn model(&self, name: &str, model: &CustomModel) {
        self.emit(name, json!({ "model": model_detail(model) }));
    }
}

/// A model as events describe it: id, name, language and status code and label.
pub fn model_detail(model: &CustomModel) -> Value {
    json!({
        "id": model.id,
        "name": model.name,
        "language": model.language,
        "status": model.status.code(),
        "statusLabel": model.status.label(),
    })
}

pub fn use_host_events() -> HostEvents {
    expect_context::<HostEvents>()
}
