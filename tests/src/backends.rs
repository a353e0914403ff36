//! The job backends tests run against, each isolated: an SQLite file
//! in a temporary folder, a PostgreSQL schema and a Redis key prefix of
//! their own (so tests run in parallel). PostgreSQL and Redis are skipped,
//! with a message, when their server is not reachable, unless
//! `RESUME_ENGINE_REQUIRE_SERVICES=1` (CI) makes that a failure.

#![allow(clippy::expect_used)]

use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

/// A backend URL and whatever keeps it alive.
pub struct Backend {
    /// The URL to open the backend with.
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

/// A fresh SQLite file.
pub fn sqlite() -> Backend {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let url = format!("sqlite:{}", dir.path().join("jobs.sqlite3").display());
    Backend { url, _dir: Some(dir) }
}

/// A fresh schema on the PostgreSQL server ($RESUME_ENGINE_TEST_POSTGRES).
pub fn postgres() -> Option<Backend> {
    let base = std::env::var("RESUME_ENGINE_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
    reachable("PostgreSQL", "127.0.0.1:5432")?;
    let schema = format!("re_cli_{}", uuid::Uuid::new_v4().simple());
    Some(Backend { url: format!("{base}?schema={schema}"), _dir: None })
}

/// A fresh key prefix on the Redis server ($RESUME_ENGINE_TEST_REDIS).
pub fn redis() -> Option<Backend> {
    let base = std::env::var("RESUME_ENGINE_TEST_REDIS")
        .unwrap_or_else(|_| "redis://127.0.0.1:6379".to_owned());
    reachable("Redis", "127.0.0.1:6379")?;
    let prefix = format!("re-cli-{}", uuid::Uuid::new_v4().simple());
    Some(Backend { url: format!("{base}/?prefix={prefix}"), _dir: None })
}

fn reachable(name: &str, address: &str) -> Option<()> {
    let address = address.to_socket_addrs().ok()?.next()?;
    if TcpStream::connect_timeout(&address, Duration::from_secs(2)).is_ok() {
        return Some(());
    }
    assert!(
        std::env::var("RESUME_ENGINE_REQUIRE_SERVICES").as_deref() != Ok("1"),
        "{name} is not reachable at {address} and RESUME_ENGINE_REQUIRE_SERVICES=1"
    );
    eprintln!("skipped: {name} is not reachable at {address}");
    None
}
