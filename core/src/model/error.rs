//! Errors of the model layer.

use thiserror::Error;

/// Why resume data could not be read.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ModelError {
    /// The input is not valid JSON for the expected schema.
    #[error("invalid resume JSON: {0}")]
    InvalidJson(#[source] serde_json::Error),
    /// The input is JSON but not a JSON Resume document.
    #[error("invalid JSON Resume document: {0}")]
    InvalidJsonResume(String),
}
