//! An external parser service reached over HTTP (feature `http-parser`).

mod failure;
#[cfg(test)]
mod tests;

use std::fmt;
use std::time::Duration;

use ureq::Agent;

use super::Parser;
use crate::model::Resume;
use crate::parse::{ParseError, ParseLimits};

/// The largest answer accepted from the service: 2 MiB of resume JSON.
pub const MAX_RESPONSE_BYTES: u64 = 2 * 1024 * 1024;

/// Posts the document bytes to a service that answers with resume JSON in this
/// crate's [`Resume`] schema.
///
/// Every failure (refused connection, timeout, non-2xx status, invalid JSON,
/// an answer over [`MAX_RESPONSE_BYTES`]) is a [`ParseError::External`].
#[derive(Clone)]
pub struct HttpParser {
    endpoint: String,
    timeout: Duration,
    api_key: Option<String>,
    agent: Agent,
}

impl HttpParser {
    /// A parser posting to `endpoint`, allowing `timeout` for the whole
    /// request, answer included.
    pub fn new(endpoint: impl Into<String>, timeout: Duration) -> Self {
        let agent = Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .max_redirects(0)
            .build()
            .into();
        Self {
            endpoint: endpoint.into(),
            timeout,
            api_key: None,
            agent,
        }
    }

    /// Sends `key` as `Authorization: Bearer <key>`.
    pub fn with_api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// The URL documents are posted to.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// The time allowed for a whole request.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    fn error(&self, reason: impl fmt::Display) -> ParseError {
        ParseError::external(self.name(), reason)
    }

    fn post(&self, bytes: &[u8]) -> Result<Vec<u8>, ParseError> {
        let mut request = self
            .agent
            .post(&self.endpoint)
            .header("Content-Type", "application/octet-stream")
            .header("Accept", "application/json");
        if let Some(key) = &self.api_key {
            request = request.header("Authorization", format!("Bearer {key}"));
        }
        let mut response = request
            .send(bytes)
            .map_err(|e| self.error(failure::describe(&e, &self.endpoint, self.timeout)))?;
        let status = response.status();
        if !status.is_success() {
            return Err(self.error(failure::status(status, &self.endpoint)));
        }
        response
            .body_mut()
            .with_config()
            .limit(MAX_RESPONSE_BYTES)
            .read_to_vec()
            .map_err(|e| self.error(failure::describe(&e, &self.endpoint, self.timeout)))
    }
}

impl fmt::Debug for HttpParser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpParser")
            .field("endpoint", &self.endpoint)
            .field("timeout", &self.timeout)
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .finish_non_exhaustive()
    }
}

impl Parser for HttpParser {
    fn name(&self) -> &str {
        "http"
    }

    fn parse(&self, bytes: &[u8], limits: &ParseLimits) -> Result<Resume, ParseError> {
        let size = bytes.len() as u64;
        if size > limits.max_input_bytes {
            return Err(ParseError::TooLarge {
                size,
                limit: limits.max_input_bytes,
            });
        }
        if bytes.is_empty() {
            return Err(ParseError::Empty);
        }
        let body = self.post(bytes)?;
        serde_json::from_slice(&body).map_err(|e| {
            self.error(format!(
                "{} did not answer with resume JSON in this crate's schema: {e}",
                self.endpoint
            ))
        })
    }
}
