//! The job backends the jobs benchmarks measure, each in a fresh namespace
//! (an SQLite file, a PostgreSQL schema, a Redis key prefix); a server that
//! is not reachable is skipped with a message.

use std::net::TcpStream;
use std::time::Duration;

/// A backend to measure: its name and URL.
pub struct BenchBackend {
    /// `memory`, `sqlite`, `postgres` or `redis`.
    pub name: &'static str,
    /// The URL [`resume_engine::jobs::open`] takes.
    pub url: String,
}

/// Every backend reachable from here, each in a fresh namespace (the SQLite
/// file goes in `dir`).
pub fn bench_backends(dir: &std::path::Path) -> Vec<BenchBackend> {
    let tag = uuid::Uuid::new_v4().simple().to_string();
    let mut backends = vec![
        BenchBackend { name: "memory", url: "memory:".into() },
        BenchBackend {
            name: "sqlite",
            url: format!("sqlite:{}", dir.join(format!("bench-{tag}.sqlite3")).display()),
        },
    ];
    let postgres = std::env::var("RESUME_ENGINE_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    if reachable("PostgreSQL", "127.0.0.1:5432") {
        backends.push(BenchBackend {
            name: "postgres",
            url: format!("{postgres}?schema=re_bench_{tag}"),
        });
    }
    let redis = std::env::var("RESUME_ENGINE_TEST_REDIS")
        .unwrap_or_else(|_| "redis://127.0.0.1:6379".into());
    if reachable("Redis", "127.0.0.1:6379") {
        backends.push(BenchBackend { name: "redis", url: format!("{redis}/?prefix=re-bench-{tag}") });
    }
    backends
}

fn reachable(name: &str, address: &str) -> bool {
    let ok = address
        .parse()
        .is_ok_and(|address| TcpStream::connect_timeout(&address, Duration::from_secs(1)).is_ok());
    if !ok {
        eprintln!("{name} is not reachable at {address}: skipped");
    }
    ok
}
