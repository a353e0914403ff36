//! Settings for the optional external parser, and turning them into a parser.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::Parser;

/// Where and how to reach an external parser service, tried when the built-in
/// parser fails or finds no sections. Needs the `http-parser` feature.
///
/// The service receives the document bytes in a `POST` (`Content-Type:
/// application/octet-stream`) and answers with the resume as JSON in this
/// crate's [`Resume`](crate::Resume) schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExternalParserConfig {
    /// The URL documents are posted to (`http://` or `https://`).
    pub endpoint: String,
    /// Time allowed for a whole request, answer included, in milliseconds.
    #[serde(default = "default_timeout_ms")]
    pub timeout_ms: u64,
    /// Name of the environment variable holding the API key, sent as
    /// `Authorization: Bearer <key>`, so the key never sits in a config file.
    #[serde(default)]
    pub api_key_env: Option<String>,
}

fn default_timeout_ms() -> u64 {
    10_000
}

impl ExternalParserConfig {
    /// A configuration for `endpoint` with the default timeout (10 s) and no API key.
    pub fn new(endpoint: impl Into<String>) -> Self {
        Self {
            endpoint: endpoint.into(),
            timeout_ms: default_timeout_ms(),
            api_key_env: None,
        }
    }

    /// Sets the request timeout in milliseconds.
    pub fn with_timeout_ms(mut self, timeout_ms: u64) -> Self {
        self.timeout_ms = timeout_ms;
        self
    }

    /// Sets the name of the environment variable holding the API key.
    pub fn with_api_key_env(mut self, name: impl Into<String>) -> Self {
        self.api_key_env = Some(name.into());
        self
    }
}

/// Builds the parser `config` describes, or says what is wrong with it.
#[cfg(feature = "http-parser")]
pub(crate) fn external_parser(config: &ExternalParserConfig) -> Result<Arc<dyn Parser>, String> {
    use super::HttpParser;

    let endpoint = config.endpoint.trim();
    let uri: ureq::http::Uri = endpoint
        .parse()
        .map_err(|e| format!("external_parser.endpoint {endpoint:?} is not a URL: {e}"))?;
    if !matches!(uri.scheme_str(), Some("http" | "https")) || uri.host().is_none() {
        return Err(format!(
            "external_parser.endpoint must be an http:// or https:// URL with a host (got {endpoint:?})"
        ));
    }
    if config.timeout_ms == 0 {
        return Err("external_parser.timeout_ms must be greater than 0".into());
    }
    let timeout = std::time::Duration::from_millis(config.timeout_ms);
    let mut parser = HttpParser::new(endpoint, timeout);
    if let Some(name) = &config.api_key_env {
        let key = std::env::var(name).map_err(|_| {
            format!("external_parser.api_key_env names {name}, which is not set (or not UTF-8)")
        })?;
        let key = key.trim();
        if key.is_empty() {
            return Err(format!(
                "external_parser.api_key_env names {name}, which is empty"
            ));
        }
        parser = parser.with_api_key(key);
    }
    Ok(Arc::new(parser))
}

/// Without the `http-parser` feature there is no external parser to build.
#[cfg(not(feature = "http-parser"))]
pub(crate) fn external_parser(_config: &ExternalParserConfig) -> Result<Arc<dyn Parser>, String> {
    Err("external_parser needs the http-parser feature".into())
}
