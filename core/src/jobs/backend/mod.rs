//! Job store backends, one module each, and [`open`], which picks one from a
//! URL.

use std::sync::Arc;

use super::{JobStore, JobsError};

pub mod memory;
#[cfg(feature = "postgres")]
pub mod postgres;

pub use memory::MemoryStore;
#[cfg(feature = "postgres")]
pub use postgres::PostgresStore;

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
    let scheme = url.split_once(':').map(|(scheme, _)| scheme).unwrap_or("");
    match scheme {
        "memory" => Ok(Arc::new(MemoryStore::new())),
        #[cfg(feature = "postgres")]
        "postgres" | "postgresql" => Ok(Arc::new(PostgresStore::connect(url).await?)),
        _ => Err(invalid(&match feature_for(scheme) {
            Some(feature) => format!("this build lacks the `{feature}` feature"),
            None => "expected memory:, sqlite:PATH, postgres://… or redis://…".to_owned(),
        })),
    }
}

/// The cargo feature that provides the backend a URL scheme names.
fn feature_for(scheme: &str) -> Option<&'static str> {
    match scheme {
        "sqlite" => Some("sqlite"),
        "postgres" | "postgresql" => Some("postgres"),
        "redis" | "rediss" => Some("redis"),
        _ => None,
    }
}
