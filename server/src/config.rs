//! The service's settings, read from environment variables and checked at
//! start-up: every missing or malformed one is reported at once, with the
//! variable's name (what the old `validate_env.py` did).

use std::fmt;
use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::keys::ApiKeys;

/// The service's settings.
#[derive(Clone, Serialize, Deserialize)]
pub struct ServerConfig {
    /// The address to listen on (`HOST`, default `127.0.0.1`; `0.0.0.0` in
    /// a container).
    pub host: IpAddr,
    /// The port (`PORT`, default 8000; 0 picks a free one).
    pub port: u16,
    /// The API keys callers present in `X-API-Key`, kept hashed.
    #[serde(skip)]
    pub keys: ApiKeys,
    /// Serve without API keys (`RESUME_ENGINE_ANONYMOUS=true`): every
    /// caller sees every job. For local use only.
    pub anonymous: bool,
    /// Requests per minute per key, with bursts up to the same number
    /// (`RESUME_ENGINE_RATE_LIMIT`, default 120; 0 turns the limit off).
    pub rate_limit_per_minute: u32,
    /// The largest accepted request body in bytes
    /// (`RESUME_ENGINE_MAX_UPLOAD_MB`, default 10).
    pub max_upload_bytes: usize,
    /// How long a request may take before it is answered `408`
    /// (`RESUME_ENGINE_REQUEST_TIMEOUT_SECS`, default 30).
    pub request_timeout: Duration,
    /// The origins browsers may call from (`RESUME_ENGINE_CORS_ORIGINS`,
    /// comma-separated, or `*`); empty: no CORS headers.
    pub cors_origins: Vec<String>,
    /// The URL clients reach this service at, which signed file URLs start
    /// with (`RESUME_ENGINE_PUBLIC_URL`, default `http://HOST:PORT`).
    pub public_url: Option<String>,
}

impl fmt::Debug for ServerConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServerConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("keys", &self.keys.len())
            .field("anonymous", &self.anonymous)
            .field("rate_limit_per_minute", &self.rate_limit_per_minute)
            .field("max_upload_bytes", &self.max_upload_bytes)
            .field("request_timeout", &self.request_timeout)
            .field("cors_origins", &self.cors_origins)
            .field("public_url", &self.public_url)
            .finish()
    }
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            host: IpAddr::from([127, 0, 0, 1]),
            port: 8000,
            keys: ApiKeys::default(),
            anonymous: false,
            rate_limit_per_minute: 120,
            max_upload_bytes: 10 * 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            cors_origins: Vec::new(),
            public_url: None,
        }
    }
}

/// What is wrong with the environment: one line per variable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid configuration:\n  {}", .problems.join("\n  "))]
pub struct ConfigError {
    /// Each problem, naming its variable.
    pub problems: Vec<String>,
}

impl ServerConfig {
    /// The settings from the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// The settings from `lookup` (a variable's value by name); empty
    /// values count as unset.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        let mut problems = Vec::new();
        let defaults = Self::default();
        let mut number = |name: &str, default: u64, max: u64| -> u64 {
            let Some(text) = get(name) else {
                return default;
            };
            match text.trim().parse::<u64>() {
                Ok(value) if value <= max => value,
                _ => {
                    problems.push(format!(
                        "{name}={text:?}: expected a whole number from 0 to {max}"
                    ));
                    default
                }
            }
        };
        let port = number("PORT", u64::from(defaults.port), u64::from(u16::MAX));
        let rate = number(
            "RESUME_ENGINE_RATE_LIMIT",
            u64::from(defaults.rate_limit_per_minute),
            1_000_000,
        );
        let upload_mb = number("RESUME_ENGINE_MAX_UPLOAD_MB", 10, 1024);
        let timeout = number("RESUME_ENGINE_REQUEST_TIMEOUT_SECS", 30, 3600);
        let host = match get("HOST") {
            None => defaults.host,
            Some(text) => text.trim().parse().unwrap_or_else(|_| {
                problems.push(format!(
                    "HOST={text:?}: expected an IP address such as 0.0.0.0"
                ));
                defaults.host
            }),
        };
        let anonymous = match get("RESUME_ENGINE_ANONYMOUS").as_deref().map(str::trim) {
            None | Some("0" | "false" | "no") => false,
            Some("1" | "true" | "yes") => true,
            Some(other) => {
                problems.push(format!(
                    "RESUME_ENGINE_ANONYMOUS={other:?}: expected true or false"
                ));
                false
            }
        };
        let mut keys = ApiKeys::default();
        let problems_before_keys = problems.len();
        if let Some(list) = get("RESUME_ENGINE_API_KEYS") {
            if let Err(problem) = keys.add_list(&list) {
                problems.push(format!("RESUME_ENGINE_API_KEYS: {problem}"));
            }
        }
        if let Some(path) = get("RESUME_ENGINE_API_KEYS_FILE") {
            let path = PathBuf::from(path);
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    if let Err(problem) = keys.add_lines(&text) {
                        problems.push(format!(
                            "RESUME_ENGINE_API_KEYS_FILE ({}): {problem}",
                            path.display()
                        ));
                    }
                }
                Err(error) => problems.push(format!(
                    "RESUME_ENGINE_API_KEYS_FILE: cannot read {}: {error}",
                    path.display()
                )),
            }
        }
        if keys.is_empty() && !anonymous && problems.len() == problems_before_keys {
            problems.push(
                "no API keys: set RESUME_ENGINE_API_KEYS (comma-separated) or \
                 RESUME_ENGINE_API_KEYS_FILE (one a line), or RESUME_ENGINE_ANONYMOUS=true \
                 for local use without keys"
                    .to_owned(),
            );
        }
        let cors_origins: Vec<String> = get("RESUME_ENGINE_CORS_ORIGINS")
            .map(|list| {
                list.split(',')
                    .map(str::trim)
                    .filter(|origin| !origin.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        for origin in &cors_origins {
            if origin != "*" && !(origin.starts_with("http://") || origin.starts_with("https://")) {
                problems.push(format!(
                    "RESUME_ENGINE_CORS_ORIGINS: `{origin}` is not `*` or an http(s) origin"
                ));
            }
        }
        let public_url = get("RESUME_ENGINE_PUBLIC_URL").map(|url| url.trim().to_owned());
        if let Some(url) = &public_url {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                problems.push(format!(
                    "RESUME_ENGINE_PUBLIC_URL={url:?}: expected an http(s) URL"
                ));
            }
        }
        if !problems.is_empty() {
            return Err(ConfigError { problems });
        }
        Ok(Self {
            host,
            port: u16::try_from(port).unwrap_or(defaults.port),
            keys,
            anonymous,
            rate_limit_per_minute: u32::try_from(rate).unwrap_or(u32::MAX),
            max_upload_bytes: usize::try_from(upload_mb * 1024 * 1024).unwrap_or(usize::MAX),
            request_timeout: Duration::from_secs(timeout.max(1)),
            cors_origins,
            public_url,
        })
    }

    /// The URL clients reach the service at: the configured public URL, or
    /// this host and `port` (the port actually bound).
    pub fn public_url_for(&self, port: u16) -> String {
        match &self.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => {
                let host = if self.host.is_unspecified() {
                    IpAddr::from([127, 0, 0, 1])
                } else {
                    self.host
                };
                match host {
                    IpAddr::V4(v4) => format!("http://{v4}:{port}"),
                    IpAddr::V6(v6) => format!("http://[{v6}]:{port}"),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::collections::HashMap;

    use super::*;

    fn read(vars: &[(&str, &str)]) -> Result<ServerConfig, ConfigError> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        ServerConfig::from_lookup(|name| vars.get(name).cloned())
    }

    #[test]
    fn keys_are_required_unless_anonymous() {
        let error = read(&[]).unwrap_err();
        assert!(
            error.to_string().contains("RESUME_ENGINE_API_KEYS"),
            "{error}"
        );
        let config = read(&[("RESUME_ENGINE_ANONYMOUS", "true")]).unwrap();
        assert!(config.anonymous && config.keys.is_empty());
        let config = read(&[(
            "RESUME_ENGINE_API_KEYS",
            "key-one-long-enough, key-two-long-enough",
        )])
        .unwrap();
        assert_eq!(config.keys.len(), 2);
        assert_eq!(config.port, 8000);
    }

    #[test]
    fn every_problem_is_reported_with_its_variable() {
        let error = read(&[
            ("PORT", "eighty"),
            ("HOST", "localhost:80"),
            ("RESUME_ENGINE_RATE_LIMIT", "-1"),
            ("RESUME_ENGINE_API_KEYS", "short"),
            ("RESUME_ENGINE_CORS_ORIGINS", "example.com"),
            ("RESUME_ENGINE_PUBLIC_URL", "ftp://x"),
            ("RESUME_ENGINE_API_KEYS_FILE", "/nonexistent/keys"),
        ])
        .unwrap_err();
        let text = error.to_string();
        for name in [
            "PORT=",
            "HOST=",
            "RESUME_ENGINE_RATE_LIMIT=",
            "RESUME_ENGINE_API_KEYS:",
            "RESUME_ENGINE_CORS_ORIGINS",
            "RESUME_ENGINE_PUBLIC_URL=",
            "RESUME_ENGINE_API_KEYS_FILE",
        ] {
            assert!(text.contains(name), "{name} missing from:\n{text}");
        }
        assert_eq!(error.problems.len(), 7, "{text}");
    }

    #[test]
    fn public_url_defaults_to_the_bound_address() {
        let config = read(&[("RESUME_ENGINE_ANONYMOUS", "1"), ("HOST", "0.0.0.0")]).unwrap();
        assert_eq!(config.public_url_for(4321), "http://127.0.0.1:4321");
        let config = read(&[
            ("RESUME_ENGINE_ANONYMOUS", "1"),
            ("RESUME_ENGINE_PUBLIC_URL", "https://api.example.com/"),
        ])
        .unwrap();
        assert_eq!(config.public_url_for(1), "https://api.example.com");
    }
}
