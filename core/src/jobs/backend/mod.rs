//! Job store backends, one module each, and [`open`], which picks one from a
//! URL.

use std::sync::Arc;

use super::{JobStore, JobsError};

mod location;
pub mod memory;
#[cfg(feature = "postgres")]
pub mod postgres;
#[cfg(feature = "redis")]
pub mod redis;
#[cfg(feature = "sqlite")]
pub mod sqlite;

pub use location::{data_dir, default_url};
pub use memory::MemoryStore;
#[cfg(feature = "postgres")]
pub use postgres::PostgresStore;
#[cfg(feature = "redis")]
pub use redis::RedisStore;
#[cfg(feature = "sqlite")]
pub use sqlite::SqliteStore;

/// Opens the job store a URL names:
///
/// - `memory:` — in memory, gone with the process;
/// - `sqlite:PATH` (or `sqlite://PATH`) — an SQLite file, created if absent
///   (feature `sqlite`, on by default); `sqlite::memory:` for a private
///   in-memory SQLite database;
/// - `postgres://…` or `postgresql://…` — PostgreSQL (feature `postgres`);
///   `?schema=NAME` keeps the tables in that schema (created if absent);
/// - `redis://…` or `rediss://…` — Redis (feature `redis`); `?prefix=NAME`
///   keeps every key under that prefix.
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
        #[cfg(feature = "postgres")]
        "postgres" | "postgresql" => match take_param(url, "schema") {
            (url, Some(schema)) => Ok(Arc::new(PostgresStore::connect_in_schema(&url, &schema).await?)),
            (url, None) => Ok(Arc::new(PostgresStore::connect(&url).await?)),
        },
        #[cfg(feature = "redis")]
        "redis" | "rediss" => match take_param(url, "prefix") {
            (url, Some(prefix)) => Ok(Arc::new(RedisStore::connect_with_prefix(&url, &format!("{prefix}:")).await?)),
            (url, None) => Ok(Arc::new(RedisStore::connect(&url).await?)),
        },
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

/// Removes the query parameter `name` from `url`, returning the rest of the
/// URL and the parameter's value.
#[cfg_attr(not(any(feature = "postgres", feature = "redis")), allow(dead_code))]
fn take_param(url: &str, name: &str) -> (String, Option<String>) {
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_owned(), None);
    };
    let mut value = None;
    let rest: Vec<&str> = query
        .split('&')
        .filter(|pair| match pair.split_once('=') {
            Some((key, found)) if key == name => {
                value = Some(found.to_owned());
                false
            }
            _ => !pair.is_empty(),
        })
        .collect();
    let url = if rest.is_empty() { base.to_owned() } else { format!("{base}?{}", rest.join("&")) };
    (url, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespace_parameters_are_taken_out_of_the_url() {
        assert_eq!(
            take_param("postgres://u@h/db?schema=s1&sslmode=disable", "schema"),
            ("postgres://u@h/db?sslmode=disable".to_owned(), Some("s1".to_owned()))
        );
        assert_eq!(
            take_param("redis://h:6379/?prefix=p", "prefix"),
            ("redis://h:6379/".to_owned(), Some("p".to_owned()))
        );
        assert_eq!(take_param("redis://h", "prefix"), ("redis://h".to_owned(), None));
    }

    #[tokio::test]
    async fn unknown_schemes_are_typed_errors() {
        let error = open("mysql://localhost").await.err().map(|e| e.to_string());
        assert!(error.is_some_and(|e| e.contains("expected memory:")));
    }
}
