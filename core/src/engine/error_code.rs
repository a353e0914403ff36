//! Stable, machine-readable codes for engine errors: what job records, the
//! HTTP API and the bindings report beside the message.

use super::EngineError;
use crate::improve::ImproveError;
use crate::parse::ParseError;

impl EngineError {
    /// A stable code for the error (`encrypted`, `no_text_layer`, `corrupt`,
    /// `unknown_template`, `provider`…), for programs to branch on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Parse(error) => match error {
                ParseError::TooLarge { .. } => "too_large",
                ParseError::Empty => "empty",
                ParseError::UnsupportedFormat { .. } => "unsupported_format",
                ParseError::LegacyDoc => "legacy_doc",
                ParseError::Encrypted => "encrypted",
                ParseError::NoTextLayer => "no_text_layer",
                ParseError::Corrupt { .. } => "corrupt",
                ParseError::LimitExceeded { .. } => "limit_exceeded",
                ParseError::External { .. } => "external_parser",
            },
            Self::Model(_) => "invalid_json",
            Self::Score(_) => "keywords",
            Self::Render(error) => match error {
                crate::RenderError::UnknownTemplate(_) => "unknown_template",
                crate::RenderError::UnknownFormat(_) => "unknown_format",
                _ => "render",
            },
            Self::Improve(ImproveError::Config(_)) => "config",
            Self::Improve(ImproveError::Stale { .. }) => "stale_suggestion",
            Self::Improve(_) => "provider",
            Self::Config(_) => "config",
            Self::Jobs(crate::jobs::JobsError::NotFound(_)) => "job_not_found",
            Self::Jobs(crate::jobs::JobsError::NoResult { .. }) => "job_not_finished",
            Self::Jobs(_) => "jobs",
            Self::InvalidInput(_) => "invalid_input",
        }
    }

    /// Whether the same call may succeed later: provider outages, rate
    /// limits and timeouts, backend hiccups; not bad documents or settings.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Improve(error) => matches!(
                error,
                ImproveError::RateLimited { .. }
                    | ImproveError::Timeout { .. }
                    | ImproveError::Http { .. }
                    | ImproveError::AllFailed(_)
            ),
            Self::Parse(ParseError::External { .. }) => true,
            Self::Jobs(crate::jobs::JobsError::Backend { .. } | crate::jobs::JobsError::Storage(_)) => true,
            _ => false,
        }
    }
}
