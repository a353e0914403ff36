//! What every request handler shares: the engine and the access rules.

use resume_engine::Engine;

use crate::keys::ApiKeys;
use crate::rate_limit::RateLimiter;

/// The service's shared state.
#[derive(Debug)]
pub struct AppState {
    /// The engine: its job store, blob store and improver.
    pub engine: Engine,
    /// The configured keys; empty when the service is anonymous.
    pub keys: ApiKeys,
    /// Whether requests without a key are served (no keys configured).
    pub anonymous: bool,
    /// The per-key request budget.
    pub limiter: RateLimiter,
    /// The largest accepted request body, in bytes.
    pub max_upload_bytes: usize,
}
