//! Errors of the improver layer.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why an improvement failed.
#[derive(Debug, Clone, Error)]
#[non_exhaustive]
pub enum ImproveError {
    /// The improver configuration is invalid (unknown model, missing API
    /// key, a provider compiled out).
    #[error("invalid improver configuration: {0}")]
    Config(String),
    /// Rate limited, and still so after the retries.
    #[error("{provider}: rate limited after {retries} retries")]
    RateLimited {
        /// Provider name.
        provider: String,
        /// Retries made.
        retries: u32,
    },
    /// A daily (or other long) quota is used up: retrying today is useless.
    #[error("{provider}: quota exhausted: {message}")]
    QuotaExhausted {
        /// Provider name.
        provider: String,
        /// The provider's message.
        message: String,
    },
    /// The model does not exist (retired or misspelt).
    #[error(
        "{provider}: model {model} not found (retired? set another model in the configuration)"
    )]
    ModelNotFound {
        /// Provider name.
        provider: String,
        /// Model id.
        model: String,
    },
    /// The provider refused the content (safety filter, refusal).
    #[error("{provider}: response blocked ({reason})")]
    Blocked {
        /// Provider name.
        provider: String,
        /// The block or finish reason.
        reason: String,
    },
    /// The answer was not the JSON the schema asks for.
    #[error("{provider}: invalid response: {message}")]
    InvalidResponse {
        /// Provider name.
        provider: String,
        /// What was wrong.
        message: String,
    },
    /// No answer within the timeout, after the retries.
    #[error("{provider}: timed out after {retries} retries")]
    Timeout {
        /// Provider name.
        provider: String,
        /// Retries made.
        retries: u32,
    },
    /// Any other HTTP or network failure.
    #[error("{provider}: {message}")]
    Http {
        /// Provider name.
        provider: String,
        /// HTTP status, when there was a response.
        status: Option<u16>,
        /// What went wrong.
        message: String,
    },
    /// Every provider of the chain failed; the resume is unchanged.
    #[error("every improver failed, the resume is unchanged: {}", summary(.0))]
    AllFailed(Vec<ProviderFailure>),
    /// A suggestion no longer matches the resume (its location is gone or
    /// the text changed), so nothing was applied.
    #[error("suggestion {id} does not match the resume ({reason}); nothing was applied")]
    Stale {
        /// The suggestion's id.
        id: String,
        /// What did not match.
        reason: String,
    },
}

/// One provider's failure inside a chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ProviderFailure {
    /// Provider and model (`gemini:gemini-2.5-flash-lite`).
    pub provider: String,
    /// What went wrong.
    pub error: String,
}

fn summary(failures: &[ProviderFailure]) -> String {
    failures
        .iter()
        .map(|f| f.error.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}
