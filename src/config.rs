//! How the console is configured at start-up: API mode, base URL, token, route
//! prefix and the mock's knobs. A host sets `window.customModelsConfig` before
//! the app loads (see README); anything missing or malformed takes its default,
//! and with no `apiBaseUrl` the console runs on the in-browser mock.

use domain::{Role, User};
use send_wrapper::SendWrapper;
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};

/// A host's function that returns the current bearer token (or a promise of it),
/// asked before every request so the console never holds a stale token.
#[derive(Clone)]
pub struct TokenProvider(pub SendWrapper<js_sys::Function>);

impl PartialEq for TokenProvider {
    fn eq(&self, other: &Self) -> bool {
        JsValue::from(&*self.0) == JsValue::from(&*other.0)
    }
}

impl std::fmt::Debug for TokenProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenProvider(..)")
    }
}

/// Where the console's API calls go.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiMode {
    Mock(MockOptions),
    Http { base_url: String, token: Option<String>, token_provider: Option<TokenProvider> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct MockOptions {
    /// Simulated network latency per call.
    pub latency_ms: u32,
    /// Simulated transfer time of one upload chunk (1 MiB in the mock).
    pub chunk_latency_ms: u32,
    /// How long a simulated training runs before it succeeds or fails.
    pub training_ms: u32,
    /// Start as this role (the header's demo switcher changes it later).
    pub role: Option<Role>,
    /// Start from an empty organisation instead of the seeded demo.
    pub empty: bool,
    /// Start as a user who belongs to no organisation.
    pub no_organization: bool,
    /// Start with this many training credits instead of the demo's five.
    pub credits: Option<u64>,
    /// Generate this many models instead of the demo (for trying the console at scale).
    pub generate: Option<usize>,
    /// With `generate`: this many datasets on the first model.
    pub generate_datasets: usize,
    /// The localStorage key the demo's state is kept under.
    pub storage_key: String,
    /// Network trouble the demo plays, so it shows waiting and resuming offline.
    pub faults: MockFaults,
}

/// `mock.faults`: what goes wrong in the demo's uploads.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct MockFaults {
    /// The share of chunks answered "503 busy" (0 to 1).
    pub chunk_failure_rate: f64,
    /// After this many chunks the demo's network drops for `offline_for_ms`.
    pub offline_after_chunk: Option<u64>,
    pub offline_for_ms: u32,
}

impl Default for MockOptions {
    fn default() -> Self {
        MockOptions {
            latency_ms: 300,
            chunk_latency_ms: 40,
            training_ms: 8_000,
            role: None,
            empty: false,
            no_organization: false,
            credits: None,
            generate: None,
            generate_datasets: 0,
            storage_key: "customModelsMockState".into(),
            faults: MockFaults::default(),
        }
    }
}

/// A request without an answer after this long has failed; an upload chunk gets
/// more time for its size (`domain::upload::retry::chunk_timeout_ms`).
pub const DEFAULT_REQUEST_TIMEOUT_MS: u32 = 30_000;

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
}

impl Default for Config {
    fn default() -> Self {
        Config {
            api: ApiMode::Mock(MockOptions::default()),
            base_path: String::new(),
            user: None,
            manual_mount: false,
            request_timeout_ms: DEFAULT_REQUEST_TIMEOUT_MS,
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct RawConfig {
    api_base_url: Option<String>,
    token: Option<String>,
    base_path: Option<String>,
    mock: RawMock,
    user: Option<RawUser>,
    manual_mount: bool,
    timeouts: RawTimeouts,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct RawTimeouts {
    request_ms: Option<u32>,
}

#[derive(Deserialize)]
struct RawUser {
    id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    organization_id: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct RawMock {
    latency_ms: Option<u32>,
    chunk_latency_ms: Option<u32>,
    training_ms: Option<u32>,
    role: Option<String>,
    seed: Option<String>,
    storage_key: Option<String>,
    no_organization: bool,
    credits: Option<u64>,
    generate: Option<usize>,
    generate_datasets: Option<usize>,
    faults: RawFaults,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct RawFaults {
    chunk_failure_rate: Option<f64>,
    offline_after_chunk: Option<u64>,
    offline_for_ms: Option<u32>,
}

impl Config {
    /// Reads `window.customModelsConfig`; never fails.
    pub fn from_window() -> Config {
        let Some(window) = web_sys::window() else {
            return Config::default();
        };
        let raw = js_sys::Reflect::get(&window, &JsValue::from_str("customModelsConfig")).unwrap_or(JsValue::UNDEFINED);
        Config::from_js(&raw)
    }

    /// Reads a config object as a host passes it; junk gives the defaults.
    pub fn from_js(raw: &JsValue) -> Config {
        if raw.is_undefined() || raw.is_null() {
            return Config::default();
        }
        let json = js_sys::JSON::stringify(raw).ok().and_then(|s| s.as_string()).unwrap_or_default();
        match Config::from_json(&json) {
            Ok(mut config) => {
                let get_token = js_sys::Reflect::get(raw, &JsValue::from_str("getToken")).ok();
                if let (ApiMode::Http { token_provider, .. }, Some(f)) =
                    (&mut config.api, get_token.and_then(|f| f.dyn_into::<js_sys::Function>().ok()))
                {
                    *token_provider = Some(TokenProvider(SendWrapper::new(f)));
                }
                config
            }
            Err(reason) => {
                web_sys::console::warn_1(&format!("customModelsConfig ignored: {reason}").into());
                Config::default()
            }
        }
    }

    pub fn from_json(json: &str) -> Result<Config, String> {
        let raw: RawConfig = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let defaults = MockOptions::default();
        let api = match raw.api_base_url.map(|u| u.trim().trim_end_matches('/').to_owned()) {
            Some(base_url) if !base_url.is_empty() => {
                ApiMode::Http { base_url, token: raw.token.filter(|t| !t.is_empty()), token_provider: None }
            }
            _ => ApiMode::Mock(MockOptions {
                latency_ms: raw.mock.latency_ms.unwrap_or(defaults.latency_ms),
                chunk_latency_ms: raw.mock.chunk_latency_ms.unwrap_or(defaults.chunk_latency_ms),
                training_ms: raw.mock.training_ms.unwrap_or(defaults.training_ms),
                role: raw.mock.role.map(|r| Role::from_wire(&r)),
                empty: raw.mock.seed.as_deref() == Some("empty"),
                no_organization: raw.mock.no_organization,
                credits: raw.mock.credits,
                generate: raw.mock.generate.map(|n| n.min(1_000_000)),
                generate_datasets: raw.mock.generate_datasets.unwrap_or(0).min(100_000),
                storage_key: raw.mock.storage_key.unwrap_or(defaults.storage_key),
                faults: MockFaults {
                    chunk_failure_rate: raw
                        .mock
                        .faults
                        .chunk_failure_rate
                        .filter(|r| r.is_finite())
                        .unwrap_or(0.0)
                        .clamp(0.0, 0.9),
                    offline_after_chunk: raw.mock.faults.offline_after_chunk,
                    offline_for_ms: raw.mock.faults.offline_for_ms.unwrap_or(5_000),
                },
            }),
        };
        let user = raw.user.map(|u| User {
            id: u.id,
            name: u.name,
            role: Role::from_wire(&u.role),
            organization_id: u.organization_id.filter(|o| !o.is_empty()),
        });
        Ok(Config {
            api,
            base_path: normalise_base_path(raw.base_path.as_deref().unwrap_or("")),
            user,
            manual_mount: raw.manual_mount,
            request_timeout_ms: raw.timeouts.request_ms.filter(|ms| *ms > 0).unwrap_or(DEFAULT_REQUEST_TIMEOUT_MS),
        })
    }
}

/// `workspace/` → `/workspace`; `/` and empty → no prefix.
fn normalise_base_path(raw: &str) -> String {
    let trimmed = raw.trim().trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}
