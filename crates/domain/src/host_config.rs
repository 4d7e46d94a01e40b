//! The host's configuration (`window.customModelsConfig` or `mount(el, config)`),
//! read field by field. A host's slip must never send the user's work to the wrong
//! place: each malformed field is named in a [`ConfigProblem`]; a field that decides
//! where data goes (`apiBaseUrl`, `basePath`, `manualMount`) being malformed is fatal,
//! and any other takes its default. What hosts naturally pass is accepted: numbers
//! where text is expected (`user.id: 42`), `"true"`/`1` for flags, numbers as text.

use serde_json::{Map, Value};

use crate::role::{Role, User};

/// A request without an answer after this long has failed.
pub const DEFAULT_REQUEST_TIMEOUT_MS: u32 = 30_000;

/// One field the console could not use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigProblem {
    /// The field's path as the host writes it: `user.id`, `mock.latencyMs`.
    pub field: String,
    /// What the field should hold, in words.
    pub expected: &'static str,
    /// The console cannot start safely without this field.
    pub fatal: bool,
}

impl ConfigProblem {
    pub fn message(&self) -> String {
        let outcome = if self.fatal { "" } else { "; its default is used" };
        format!("{} should be {}{outcome}.", self.field, self.expected)
    }
}

/// The mock's settings (`mock` in the config); see the README.
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
    /// The share of chunks answered "503 busy" (0 to 0.9).
    pub chunk_failure_rate: f64,
    /// The share of reads (lists, a model, credits) answered "503 busy" (0 to 1),
    /// so the demo shows failed refreshes and their recovery.
    pub read_failure_rate: f64,
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
            faults: MockFaults { offline_for_ms: 5_000, ..MockFaults::default() },
        }
    }
}

/// The configuration as read, JavaScript functions aside.
#[derive(Clone, Debug, PartialEq)]
pub struct HostConfig {
    /// Set: the console talks to this backend and never to the demo.
    pub api_base_url: Option<String>,
    pub token: Option<String>,
    /// `/workspace`, or empty for none.
    pub base_path: String,
    pub manual_mount: bool,
    pub request_timeout_ms: u32,
    pub user: Option<User>,
    /// `auto` (follow the system), `light` or `dark`.
    pub theme: &'static str,
    pub mock: MockOptions,
    pub problems: Vec<ConfigProblem>,
}

impl HostConfig {
    pub fn is_fatal(&self) -> bool {
        self.problems.iter().any(|p| p.fatal)
    }
}

/// Reads a configuration object; `null` or absent is the empty configuration.
pub fn read(value: &Value) -> HostConfig {
    let mut r = Reader::default();
    let empty = Map::new();
    let root = match value {
        Value::Object(map) => map,
        Value::Null => &empty,
        _ => {
            r.problem("customModelsConfig", "an object", true);
            &empty
        }
    };
    let api_base_url = r.text(root, "", "apiBaseUrl", true).and_then(|url| {
        let url = url.trim().trim_end_matches('/').to_owned();
        let usable = url.starts_with("https://") || url.starts_with("http://") || url.starts_with('/');
        if usable {
            Some(url)
        } else {
            r.problem("apiBaseUrl", "a URL such as https://api.example.com/v1", true);
            None
        }
    });
    let timeouts = r.object(root, "", "timeouts");
    let request_timeout_ms = timeouts
        .and_then(|t| r.count(t, "timeouts.", "requestMs"))
        .and_then(|ms| u32::try_from(ms).ok())
        .filter(|ms| *ms > 0)
        .unwrap_or(DEFAULT_REQUEST_TIMEOUT_MS);
    HostConfig {
        token: r.text(root, "", "token", false).filter(|t| !t.trim().is_empty()),
        base_path: normalise_base_path(&r.text(root, "", "basePath", true).unwrap_or_default()),
        manual_mount: r.flag(root, "", "manualMount", true).unwrap_or(false),
        request_timeout_ms,
        user: r.object(root, "", "user").and_then(|u| r.user(u)),
        theme: r.theme(root),
        mock: r.object(root, "", "mock").map(|m| r.mock(m)).unwrap_or_default(),
        api_base_url,
        problems: r.problems,
    }
}

#[derive(Default)]
struct Reader {
    problems: Vec<ConfigProblem>,
}

impl Reader {
    fn problem(&mut self, field: &str, expected: &'static str, fatal: bool) {
        self.problems.push(ConfigProblem { field: field.to_owned(), expected, fatal });
    }

    /// The field's value; absent and `null` are the same: not set.
    fn get<'v>(map: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
        map.get(key).filter(|v| !v.is_null())
    }

    fn text(&mut self, map: &Map<String, Value>, at: &str, key: &str, fatal: bool) -> Option<String> {
        match Self::get(map, key)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => {
                self.problem(&format!("{at}{key}"), "text", fatal);
                None
            }
        }
    }

    fn theme(&mut self, map: &Map<String, Value>) -> &'static str {
        let theme = self.text(map, "", "theme", false).map(|t| t.trim().to_ascii_lowercase());
        match theme.as_deref() {
            None | Some("" | "auto") => "auto",
            Some("light") => "light",
            Some("dark") => "dark",
            Some(_) => {
                self.problem("theme", "auto, light or dark", false);
                "auto"
            }
        }
    }

    fn flag(&mut self, map: &Map<String, Value>, at: &str, key: &str, fatal: bool) -> Option<bool> {
        let value = Self::get(map, key)?;
        let read = match value {
            Value::Bool(b) => Some(*b),
            Value::Number(n) => n.as_u64().filter(|n| *n <= 1).map(|n| n == 1),
            Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" => Some(true),
                "false" | "0" | "no" | "" => Some(false),
                _ => None,
            },
            _ => None,
        };
        if read.is_none() {
            self.problem(&format!("{at}{key}"), "true or false", fatal);
        }
        read
    }

    fn number(&mut self, map: &Map<String, Value>, at: &str, key: &str, expected: &'static str) -> Option<f64> {
        let value = Self::get(map, key)?;
        let read = match value {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        }
        .filter(|n| n.is_finite() && *n >= 0.0);
        if read.is_none() {
            self.problem(&format!("{at}{key}"), expected, false);
        }
        read
    }

    fn count(&mut self, map: &Map<String, Value>, at: &str, key: &str) -> Option<u64> {
        let n = self.number(map, at, key, "a whole number of 0 or more")?;
        if n.fract() != 0.0 {
            self.problem(&format!("{at}{key}"), "a whole number of 0 or more", false);
            return None;
        }
        Some(n as u64)
    }

    fn object<'v>(&mut self, map: &'v Map<String, Value>, at: &str, key: &str) -> Option<&'v Map<String, Value>> {
        match Self::get(map, key)? {
            Value::Object(inner) => Some(inner),
            _ => {
                self.problem(&format!("{at}{key}"), "an object", false);
                None
            }
        }
    }

    /// The host's user; without a usable id the console asks the API instead.
    fn user(&mut self, map: &Map<String, Value>) -> Option<User> {
        let id = self.text(map, "user.", "id", false).filter(|id| !id.trim().is_empty());
        if id.is_none() && !map.contains_key("id") {
            self.problem("user.id", "text", false);
        }
        let name = self.text(map, "user.", "name", false).unwrap_or_default();
        let role = self.text(map, "user.", "role", false).map_or(Role::Member, |r| Role::from_wire(&r));
        let organization = if map.contains_key("organization_id") { "organization_id" } else { "organizationId" };
        let organization_id = self.text(map, "user.", organization, false).filter(|o| !o.trim().is_empty());
        Some(User { id: id?, name, role, organization_id })
    }

    fn mock(&mut self, map: &Map<String, Value>) -> MockOptions {
        let defaults = MockOptions::default();
        let ms = |r: &mut Self, key, default: u32| {
            r.count(map, "mock.", key).and_then(|n| u32::try_from(n).ok()).unwrap_or(default)
        };
        let faults = self.object(map, "mock.", "faults");
        let faults = match faults {
            Some(f) => MockFaults {
                chunk_failure_rate: self
                    .number(f, "mock.faults.", "chunkFailureRate", "a share from 0 to 1")
                    .unwrap_or(0.0)
                    .clamp(0.0, 0.9),
                read_failure_rate: self
                    .number(f, "mock.faults.", "readFailureRate", "a share from 0 to 1")
                    .unwrap_or(0.0)
                    .clamp(0.0, 1.0),
                offline_after_chunk: self.count(f, "mock.faults.", "offlineAfterChunk"),
                offline_for_ms: self
                    .count(f, "mock.faults.", "offlineForMs")
                    .and_then(|n| u32::try_from(n).ok())
                    .unwrap_or(defaults.faults.offline_for_ms),
            },
            None => defaults.faults.clone(),
        };
        MockOptions {
            latency_ms: ms(self, "latencyMs", defaults.latency_ms),
            chunk_latency_ms: ms(self, "chunkLatencyMs", defaults.chunk_latency_ms),
            training_ms: ms(self, "trainingMs", defaults.training_ms),
            role: self.text(map, "mock.", "role", false).map(|r| Role::from_wire(&r)),
            empty: self.text(map, "mock.", "seed", false).as_deref() == Some("empty"),
            no_organization: self.flag(map, "mock.", "noOrganization", false).unwrap_or(false),
            credits: self.count(map, "mock.", "credits"),
            generate: self.count(map, "mock.", "generate").map(|n| n.min(1_000_000) as usize),
            generate_datasets: self.count(map, "mock.", "generateDatasets").map_or(0, |n| n.min(100_000) as usize),
            storage_key: self.text(map, "mock.", "storageKey", false).unwrap_or(defaults.storage_key),
            faults,
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(config: &HostConfig) -> Vec<(&str, bool)> {
        config.problems.iter().map(|p| (p.field.as_str(), p.fatal)).collect()
    }

    #[test]
    fn a_plain_http_config_reads_cleanly() {
        let c = read(&json!({"apiBaseUrl": "https://api.example/v1/", "token": "t", "basePath": "workspace/"}));
        assert_eq!(c.api_base_url.as_deref(), Some("https://api.example/v1"));
        assert_eq!((c.token.as_deref(), c.base_path.as_str()), (Some("t"), "/workspace"));
        assert_eq!(c.request_timeout_ms, DEFAULT_REQUEST_TIMEOUT_MS);
        assert!(c.problems.is_empty());
        assert_eq!(read(&Value::Null), read(&json!({})));
        assert_eq!(read(&json!({})).api_base_url, None);
    }

    #[test]
    fn what_hosts_naturally_pass_is_accepted() {
        let c = read(&json!({
            "apiBaseUrl": "/api", "manualMount": "true",
            "user": {"id": 42, "name": "Ana", "role": "orgadmin", "organizationId": 7},
            "timeouts": {"requestMs": "5000"}
        }));
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        let user = c.user.unwrap();
        assert_eq!((user.id.as_str(), user.role, user.organization_id.as_deref()), ("42", Role::OrgAdmin, Some("7")));
        assert!(c.manual_mount);
        assert_eq!(c.request_timeout_ms, 5000);
        assert_eq!(read(&json!({"theme": "Dark"})).theme, "dark");
        let odd = read(&json!({"theme": "sepia"}));
        assert_eq!(
            (odd.theme, odd.problems[0].message().as_str()),
            ("auto", "theme should be auto, light or dark; its default is used.")
        );
    }

    #[test]
    fn a_malformed_field_beside_the_base_url_is_named_and_never_means_the_demo() {
        let c = read(&json!({"apiBaseUrl": "https://api.example", "user": {"id": {"x": 1}}, "mock": "yes"}));
        assert_eq!(c.api_base_url.as_deref(), Some("https://api.example"));
        assert_eq!(fields(&c), [("user.id", false), ("mock", false)]);
        assert!(!c.is_fatal());
        assert_eq!(c.user, None);
        assert_eq!(c.problems[0].message(), "user.id should be text; its default is used.");
    }

    #[test]
    fn fields_that_decide_where_data_goes_are_fatal() {
        for (config, field) in [
            (json!({"apiBaseUrl": 42}), "apiBaseUrl"),
            (json!({"apiBaseUrl": {"url": "x"}}), "apiBaseUrl"),
            (json!({"apiBaseUrl": "api.example.com"}), "apiBaseUrl"),
            (json!({"apiBaseUrl": "/api", "basePath": ["w"]}), "basePath"),
            (json!({"apiBaseUrl": "/api", "manualMount": "sometimes"}), "manualMount"),
            (json!("junk"), "customModelsConfig"),
        ] {
            let c = read(&config);
            assert!(c.is_fatal(), "{config}");
            assert_eq!(c.problems[0].field, field);
        }
        assert_eq!(read(&json!({"manualMount": 3})).problems[0].message(), "manualMount should be true or false.");
    }

    #[test]
    fn the_mock_block_reads_leniently() {
        let c = read(&json!({"mock": {"latencyMs": "5", "seed": "empty", "role": "MEMBER", "credits": -1,
            "faults": {"chunkFailureRate": 2, "offlineAfterChunk": 3}}}));
        assert_eq!((c.mock.latency_ms, c.mock.empty, c.mock.role), (5, true, Some(Role::Member)));
        assert_eq!(c.mock.credits, None);
        assert_eq!(fields(&c), [("mock.credits", false)]);
        assert_eq!(c.mock.faults.chunk_failure_rate, 0.9);
        assert_eq!((c.mock.faults.offline_after_chunk, c.mock.faults.offline_for_ms), (Some(3), 5_000));
        assert_eq!(read(&json!({"timeouts": {"requestMs": 1.5}})).problems[0].field, "timeouts.requestMs");
    }
}
