//! Job store backends, one module each, and [`open`], which picks one from a
//! URL.

use std::sync::Arc;

use super::{JobStore, JobsError};

pub mod memory;
#[cfg(feature = "redis")]
pub mod redis;

pub use memory::MemoryStore;

/// Opens the job store a URL names:
///
/// - `memory:` — in memory, gone with the process;
/// - `sqlite:PATH` (or `sqlite://PATH`) — an SQLite file, created if absent
///   (feature `sqlite`, on by default);
/// - `postgres://…` or `postgresql://…` — PostgreSQL (feature `postgres`);
/// - `redis://…` or `rediss://…` — Redis (feature `redis`).
pub async fn open(url: &str) -> Result<Arc<dyn JobStore>, JobsError> {
    let invalid = |reason: &str| JobsError::InvalidBackend {
        url: url.to_owned(),
        reason: reason.to_owned(),
    };
    let missing = |feature: &str| invalid(&format!("this build lacks the `{feature}` feature"));
    let scheme = url.split_once(':').map(|(scheme, _)| scheme).unwrap_or("");
    match scheme {
        "memory" => Ok(Arc::new(MemoryStore::new())),
        #[cfg(feature = "redis")]
        "redis" | "rediss" => Ok(Arc::new(redis::RedisStore::connect(url).await?)),
        #[cfg(not(feature = "redis"))]
        "redis" | "rediss" => Err(missing("redis")),
        "postgres" | "postgresql" => Err(missing("postgres")),
        "sqlite" => Err(missing("sqlite")),
        _ => Err(invalid(
            "expected memory:, sqlite:PATH, postgres://… or redis://…",
        )),
    }
}
