//! The resume-engine HTTP API: the old FastAPI service's endpoints
//! (`/api/v1/analyze`, `/improve`, `/generate`, `/status/{id}`,
//! `/result/{id}`, `/improve/{id}/apply`, `/generate/{id}/regenerate`),
//! served from the library with API keys, per-key rate limits, upload and
//! time limits, CORS, request ids, structured logs and an OpenAPI document
//! at `/openapi.json`. `resume-engine serve` runs it.

mod auth;
mod config;
mod error;
mod keys;
mod openapi;
mod rate_limit;
mod routes;
mod state;
mod submission;

use std::future::Future;
use std::sync::Arc;

use resume_engine::Engine;
use tokio::net::TcpListener;

pub use auth::API_KEY_HEADER;
pub use config::{ConfigError, ServerConfig};
pub use error::{ApiError, ErrorBody, ErrorDetail};
pub use keys::{ApiKeys, Caller};
pub use openapi::ApiDoc;
pub use rate_limit::RateLimiter;
pub use routes::jobs::{Accepted, Regenerate, StatusBody};
pub use state::AppState;

/// The service's router over `engine` with `config`'s keys and limits.
pub fn router(engine: Engine, config: &ServerConfig) -> axum::Router {
    let state = Arc::new(AppState {
        engine,
        keys: config.keys.clone(),
        anonymous: config.anonymous,
        limiter: RateLimiter::new(config.rate_limit_per_minute),
        max_upload_bytes: config.max_upload_bytes,
    });
    routes::router(state, config)
}

/// Serves the API on `listener` until `shutdown` resolves, then finishes
/// the requests in flight.
pub async fn serve(
    engine: Engine,
    config: &ServerConfig,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = router(engine, config);
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}
