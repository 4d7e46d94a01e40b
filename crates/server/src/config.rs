//! How the server is configured: command-line flags, each with an environment
//! variable for containers (a flag wins over its variable).
//!
//! ```text
//! cm-server [--addr 127.0.0.1:8787] [--data-dir .data] [--cors-origin ORIGIN]...
//!           [--token TOKEN=USER_ID:ROLE[:ORG]]... [--training-ms 20000] [--seed demo|empty]
//! ```

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;

use domain::{Role, User};

/// The organisation of the demo data, which tokens join unless they name another.
pub const DEFAULT_ORG: &str = "org_acme";

/// The development tokens used when none is configured (README, "Reference server").
pub const DEV_TOKENS: [&str; 3] =
    ["dev-admin=u_admin:ORGADMIN", "dev-sysop=u_sysop:SYSOP", "dev-member=u_member:MEMBER"];

#[derive(Clone, Debug)]
pub struct Config {
    pub addr: SocketAddr,
    pub data_dir: PathBuf,
    pub cors_origins: Vec<String>,
    /// Bearer token → the user it signs in.
    pub tokens: HashMap<String, User>,
    pub training_ms: i64,
    pub seed: Seed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seed {
    /// The demo's models and datasets, as the in-browser demo starts with.
    Demo,
    Empty,
}

pub const USAGE: &str = "usage: cm-server [--addr HOST:PORT] [--data-dir DIR] [--cors-origin ORIGIN]... \
[--token TOKEN=USER_ID:ROLE[:ORG]]... [--training-ms MS] [--seed demo|empty]
  env: CM_ADDR, CM_DATA_DIR, CM_CORS_ORIGINS (comma-separated), CM_TOKENS (comma-separated),
       CM_TRAINING_MS, CM_SEED. Port 0 picks a free port; the bound address is printed first.";

impl Config {
    /// Reads `args` (without the program name), then the environment for what they leave out.
    pub fn parse(args: impl IntoIterator<Item = String>, env: impl Fn(&str) -> Option<String>) -> Result<Self, String> {
        let mut flags: HashMap<&'static str, Vec<String>> = HashMap::new();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n.to_owned(), Some(v.to_owned())),
                _ => (arg.clone(), None),
            };
            let key = match name.as_str() {
                "--addr" => "addr",
                "--data-dir" => "data-dir",
                "--cors-origin" => "cors-origin",
                "--token" => "token",
                "--training-ms" => "training-ms",
                "--seed" => "seed",
                "-h" | "--help" => return Err(USAGE.into()),
                other => return Err(format!("unknown argument {other}\n{USAGE}")),
            };
            let value = match inline {
                Some(v) => v,
                None => args.next().ok_or_else(|| format!("{name} needs a value\n{USAGE}"))?,
            };
            flags.entry(key).or_default().push(value);
        }
        let list = |key: &'static str, var: &str| -> Vec<String> {
            match flags.get(key) {
                Some(values) => values.clone(),
                None => env(var)
                    .map(|v| v.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect())
                    .unwrap_or_default(),
            }
        };
        let one = |key: &'static str, var: &str| -> Option<String> {
            flags.get(key).and_then(|v| v.last().cloned()).or_else(|| env(var))
        };
        let addr = one("addr", "CM_ADDR").unwrap_or_else(|| "127.0.0.1:8787".into());
        let addr = addr.parse().map_err(|_| format!("--addr {addr} is not HOST:PORT (e.g. 127.0.0.1:8787)"))?;
        let training_ms = match one("training-ms", "CM_TRAINING_MS") {
            Some(ms) => ms
                .parse()
                .ok()
                .filter(|ms| *ms >= 0)
                .ok_or(format!("--training-ms {ms} is not a number of milliseconds"))?,
            None => 20_000,
        };
        let seed = match one("seed", "CM_SEED").as_deref() {
            None | Some("demo") => Seed::Demo,
            Some("empty") => Seed::Empty,
            Some(other) => return Err(format!("--seed {other}: use demo or empty")),
        };
        let mut tokens = list("token", "CM_TOKENS");
        if tokens.is_empty() {
            tokens = DEV_TOKENS.iter().map(|t| t.to_string()).collect();
        }
        let tokens = tokens.iter().map(|t| parse_token(t)).collect::<Result<_, _>>()?;
        Ok(Config {
            addr,
            data_dir: PathBuf::from(one("data-dir", "CM_DATA_DIR").unwrap_or_else(|| ".data".into())),
            cors_origins: list("cors-origin", "CM_CORS_ORIGINS"),
            tokens,
            training_ms,
            seed,
        })
    }
}

/// `TOKEN=USER_ID:ROLE[:ORG]`; the organisation `-` is none.
fn parse_token(spec: &str) -> Result<(String, User), String> {
    let bad = || format!("--token {spec}: use TOKEN=USER_ID:ROLE[:ORG], ROLE one of ORGADMIN, SYSOP, MEMBER");
    let (token, user) = spec.split_once('=').ok_or_else(bad)?;
    let mut parts = user.split(':');
    let (Some(id), Some(role)) = (parts.next(), parts.next()) else { return Err(bad()) };
    let role = Role::ALL.into_iter().find(|r| r.as_wire() == role).ok_or_else(bad)?;
    let organization_id = match parts.next() {
        None => Some(DEFAULT_ORG.to_owned()),
        Some("-") => None,
        Some(org) => Some(org.to_owned()),
    };
    if token.is_empty() || id.is_empty() || parts.next().is_some() {
        return Err(bad());
    }
    Ok((token.to_owned(), User { id: id.to_owned(), name: id.to_owned(), role, organization_id }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Config, String> {
        Config::parse(args.iter().map(|a| a.to_string()), |_| None)
    }

    #[test]
    fn defaults_give_the_dev_tokens_and_a_local_address() {
        let c = parse(&[]).unwrap();
        assert_eq!(c.addr.to_string(), "127.0.0.1:8787");
        assert_eq!(c.tokens["dev-member"].role, Role::Member);
        assert_eq!(c.tokens["dev-admin"].organization_id.as_deref(), Some(DEFAULT_ORG));
        assert_eq!(c.seed, Seed::Demo);
    }

    #[test]
    fn flags_repeat_and_win_over_the_environment() {
        let c = Config::parse(
            [
                "--addr=127.0.0.1:0",
                "--token",
                "t1=u1:SYSOP:-",
                "--cors-origin",
                "http://a",
                "--cors-origin",
                "http://b",
            ]
            .map(String::from),
            |var| (var == "CM_CORS_ORIGINS").then(|| "http://env".to_owned()),
        )
        .unwrap();
        assert_eq!(c.cors_origins, ["http://a", "http://b"]);
        assert_eq!((c.tokens.len(), c.tokens["t1"].organization_id.clone()), (1, None));
    }

    #[test]
    fn mistakes_are_named() {
        for bad in
            [&["--addr", "nowhere"][..], &["--token", "x"], &["--token", "t=u:KING"], &["--seed", "x"], &["--port"]]
        {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }
}
