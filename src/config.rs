//! How the console is configured at start-up: API mode, base URL, token, route
//! prefix, the host's callbacks and the mock's knobs. A host sets
//! `window.customModelsConfig` before the app loads, or passes the same object to
//! `mount` (see README). The fields are read by `domain::host_config`, which names
//! every malformed one; with `apiBaseUrl` set the console never runs on demo data.

use domain::host_config::{self, ConfigProblem};
use domain::User;
use send_wrapper::SendWrapper;
use wasm_bindgen::{JsCast, JsValue};

pub use domain::host_config::{MockFaults, MockOptions, DEFAULT_REQUEST_TIMEOUT_MS};

/// A function the host passed in the config (`getToken`, `onUnauthorized`).
#[derive(Clone)]
pub struct HostFunction(pub SendWrapper<js_sys::Function>);

/// The host's function that returns the current bearer token (or a promise of it),
/// asked before every request so the console never holds a stale token.
pub type TokenProvider = HostFunction;

impl HostFunction {
    /// Calls it with `arg`; whatever it throws stays the host's business.
    pub fn notify(&self, arg: &JsValue) {
        let _ = self.0.call1(&JsValue::NULL, arg);
    }
}

impl PartialEq for HostFunction {
    fn eq(&self, other: &Self) -> bool {
        JsValue::from(&*self.0) == JsValue::from(&*other.0)
    }
}

impl std::fmt::Debug for HostFunction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HostFunction(..)")
    }
}

/// Where the console's API calls go.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiMode {
    Mock(MockOptions),
    Http { base_url: String, token: Option<String>, token_provider: Option<TokenProvider> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub api: ApiMode,
    /// Route prefix when the console lives under a host's path, e.g. `/workspace`.
    pub base_path: String,
    /// The signed-in user as the host knows them; when absent the API is asked.
    pub user: Option<User>,
    /// The host mounts the console itself (`mount(element, config)`), so the
    /// bundle must not mount to `<body>` on load.
    pub manual_mount: bool,
    /// How long a request may take before it counts as failed (`timeouts.requestMs`).
    pub request_timeout_ms: u32,
    /// Told once when the backend says the session has expired.
    pub on_unauthorized: Option<HostFunction>,
    /// `auto` (the system's choice), `light` or `dark`.
    pub theme: &'static str,
    /// The fields that could not be used; a fatal one stops the console.
    pub problems: Vec<ConfigProblem>,
}

impl Default for Config {
    fn default() -> Self {
        Config::from_host(host_config::read(&serde_json::Value::Null))
    }
}

impl Config {
    /// Reads `window.customModelsConfig`; never fails (problems are kept, not thrown).
    pub fn from_window() -> Config {
        let Some(window) = web_sys::window() else {
            return Config::default();
        };
        let raw = js_sys::Reflect::get(&window, &JsValue::from_str("customModelsConfig")).unwrap_or(JsValue::UNDEFINED);
        Config::from_js(&raw)
    }

    /// Reads a config object as a host passes it, with its functions.
    pub fn from_js(raw: &JsValue) -> Config {
        if raw.is_undefined() || raw.is_null() {
            return Config::default();
        }
        // JSON.stringify leaves the functions out (they are read below) and throws on
        // what JSON cannot hold (a cycle, a BigInt): that config cannot be trusted.
        let json = js_sys::JSON::stringify(raw).ok().and_then(|s| s.as_string());
        let Some(value) = json.and_then(|json| serde_json::from_str(&json).ok()) else {
            return Config::unreadable();
        };
        let mut config = Config::from_host(host_config::read(&value));
        let mut function = |key: &str| {
            let value = js_sys::Reflect::get(raw, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
            if value.is_undefined() || value.is_null() {
                return None;
            }
            let found = value.dyn_into::<js_sys::Function>().ok().map(|f| HostFunction(SendWrapper::new(f)));
            if found.is_none() {
                // A token callback that cannot be called must not mean requests without a token.
                config.problems.push(ConfigProblem { field: key.to_owned(), expected: "a function", fatal: true });
            }
            found
        };
        let get_token = function("getToken");
        let on_unauthorized = function("onUnauthorized");
        if let ApiMode::Http { token_provider, .. } = &mut config.api {
            *token_provider = get_token;
        }
        config.on_unauthorized = on_unauthorized;
        config
    }

    pub fn from_json(json: &str) -> Config {
        match serde_json::from_str(json) {
            Ok(value) => Config::from_host(host_config::read(&value)),
            Err(_) => Config::unreadable(),
        }
    }

    fn unreadable() -> Config {
        let mut config = Config::default();
        config.problems.push(ConfigProblem {
            field: "customModelsConfig".into(),
            expected: "a plain object (it could not be read as JSON)",
            fatal: true,
        });
        config
    }

    fn from_host(host: host_config::HostConfig) -> Config {
        let api = match host.api_base_url {
            Some(base_url) => ApiMode::Http { base_url, token: host.token, token_provider: None },
            None => ApiMode::Mock(host.mock),
        };
        Config {
            api,
            base_path: host.base_path,
            user: host.user,
            manual_mount: host.manual_mount,
            request_timeout_ms: host.request_timeout_ms,
            on_unauthorized: None,
            theme: host.theme,
            problems: host.problems,
        }
    }

    /// A problem stops the console: it could not tell where data should go.
    pub fn is_fatal(&self) -> bool {
        self.problems.iter().any(|p| p.fatal)
    }
}
