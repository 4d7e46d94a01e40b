//! `mount_model_select(element, config)`: the STT Session's model picker on its
//! own, for a host's transcription form (`<custom-model-select>` wraps it). It
//! needs only the API and the workspace's languages; the host element owns the
//! form value and hears each change through `config.onChange(value)`.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;

use crate::api::Api;
use crate::components::model_select::CustomModelSelect;
use crate::config::Config;
use crate::embed::Mounted;
use crate::services::workspace::Workspace;

/// A mounted model select; the element drives it through these methods.
#[wasm_bindgen]
pub struct SelectHandle {
    mounted: Mounted,
    language: RwSignal<String>,
    value: RwSignal<Option<String>>,
    disabled: RwSignal<bool>,
}

#[wasm_bindgen]
impl SelectHandle {
    /// Lists the models of another language; a choice that does not fit it resets.
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&self, language: String) {
        self.language.set(language);
    }

    /// Chooses a model by id ("" for the base model).
    #[wasm_bindgen(js_name = setValue)]
    pub fn set_value(&self, value: String) {
        self.value.set((!value.is_empty()).then_some(value));
    }

    /// Disables the picker (the element's `disabled`, or a disabled fieldset or form around it).
    #[wasm_bindgen(js_name = setDisabled)]
    pub fn set_disabled(&self, disabled: bool) {
        self.disabled.set(disabled);
    }

    pub fn unmount(&mut self) {
        self.mounted.unmount();
    }
}

#[wasm_bindgen(js_name = mountModelSelect)]
pub fn mount_model_select(element: web_sys::HtmlElement, config: JsValue, language: String) -> SelectHandle {
    crate::install_panic_hook();
    let on_change = js_sys::Reflect::get(&config, &JsValue::from_str("onChange"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .map(SendWrapper::new);
    let config = Config::from_js(&config);
    let language = RwSignal::new(language);
    let value = RwSignal::new(None::<String>);
    let disabled = RwSignal::new(false);
    let mounted = Mounted::new(move || {
        Box::new(leptos::mount::mount_to(element, move || {
            view! { <SelectRoot config=config.clone() language value disabled on_change=on_change.clone() /> }
        }))
    });
    SelectHandle { mounted, language, value, disabled }
}

#[component]
fn SelectRoot(
    config: Config,
    language: RwSignal<String>,
    value: RwSignal<Option<String>>,
    disabled: RwSignal<bool>,
    on_change: Option<SendWrapper<js_sys::Function>>,
) -> impl IntoView {
    if config.is_fatal() {
        let problems: Vec<String> = config.problems.iter().map(|p| p.message()).collect();
        return view! { <p class="cm-form-error" role="alert">{problems.join(" ")}</p> }.into_any();
    }
    let Some(api) = Api::from_config(&config, None, None) else {
        return view! { <p class="cm-form-error" role="alert">"Not connected: set api-base-url."</p> }.into_any();
    };
    provide_context(Workspace::new(api.clone()));
    provide_context(api);
    // The host hears every change of value, the user's and a reset for a new language.
    Effect::watch(
        move || value.get(),
        move |now, previous, _| {
            if previous.is_some_and(|p| p != now) {
                if let Some(f) = &on_change {
                    let _ = f.call1(&JsValue::NULL, &JsValue::from_str(now.as_deref().unwrap_or("")));
                }
            }
        },
        false,
    );
    // A disabled fieldset disables the select inside it, as a host's own fieldset would.
    view! {
        <div class="cm-root cm-select-root">
            <fieldset class="cm-select-fieldset" disabled=disabled>
                <CustomModelSelect language value />
            </fieldset>
        </div>
    }
    .into_any()
}
