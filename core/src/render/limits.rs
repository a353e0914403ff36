//! Bounds on what one render may take and produce.

use serde::{Deserialize, Serialize};

/// Limits applied to every render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RenderLimits {
    /// Largest resume accepted, measured as its template data in JSON bytes.
    pub max_data_bytes: u64,
    /// Most pages a document may have.
    pub max_pages: u64,
    /// Largest document written, in bytes.
    pub max_output_bytes: u64,
}

impl Default for RenderLimits {
    fn default() -> Self {
        Self {
            max_data_bytes: 1024 * 1024,
            max_pages: 40,
            max_output_bytes: 20 * 1024 * 1024,
        }
    }
}

impl RenderLimits {
    /// Fails when `size` of `what` is over `limit`.
    pub(crate) fn check(
        what: &'static str,
        size: usize,
        limit: u64,
    ) -> Result<(), super::RenderError> {
        if u64::try_from(size).unwrap_or(u64::MAX) > limit {
            return Err(super::RenderError::Limit { what, limit });
        }
        Ok(())
    }
}
