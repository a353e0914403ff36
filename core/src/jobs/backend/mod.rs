//! Job store backends, one module each, and [`open`], which picks one from a
//! URL.

use std::sync::Arc;

use super::{JobStore, JobsError};

mod location;
pub mod memory;
#[cfg(feature = "sqlite")]
pub mod sqlite;

pub use location::{data_dir, default_url};
pub use memory::MemoryStore;
#[cfg(feature = "sqlite")]
pub use sqlite::SqliteStore;

/// Opens the job store a URL names:
///
/// - `memory:` — in memory, gone with the process;
/// - `sqlite:PATH` (or `sqlite://PATH`) — an SQLite file, created if absent
///   (feature `sqlite`, on by default); `sqlite::memory:` for a private
///   in-memory SQLite database;
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
        #[cfg(feature = "sqlite")]
        "sqlite" => Ok(Arc::new(SqliteStore::open_url(url).await?)),
        #[cfg(not(feature = "sqlite"))]
        "sqlite" => Err(invalid("this build lacks the `sqlite` feature")),
        "postgres" | "postgresql" | "redis" | "rediss" => Err(invalid(&format!(
            "this build lacks the `{}` feature",
            if scheme.starts_with("postgres") {
                "postgres"
            } else if scheme.starts_with("redis") {
                "redis"
            } else {
                "sqlite"
            }
        ))),
        _ => Err(invalid(
            "expected memory:, sqlite:PATH, postgres://… or redis://…",
        )),
    }
}
