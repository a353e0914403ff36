//! The conformance suite and PostgreSQL-specific tests, against the server
//! in `RESUME_ENGINE_TEST_POSTGRES` (default: the loopback `test` database),
//! each test in its own schema so they run in parallel.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod measure;

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::json;

use super::PostgresStore;
use crate::jobs::{ClaimRequest, JobFilter, JobKind, JobStatus, JobStore, JobsError, NewJob};

/// Test schemas older than this are left over from killed runs: dropped.
const STALE_AFTER_SECS: u64 = 3600;

fn url() -> String {
    std::env::var("RESUME_ENGINE_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

fn unix_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// A schema name no other test uses: `re_test_<unix seconds>_<random>`.
fn fresh_schema() -> String {
    format!("re_test_{}_{}", unix_secs(), fastrand::u32(..))
}

/// A store in `schema`, or `None` (the test is skipped) when the server is
/// unreachable and services are not required.
async fn store_in(schema: &str) -> Option<PostgresStore> {
    match PostgresStore::connect_in_schema(&url(), schema).await {
        Ok(store) => {
            drop_stale_schemas(&store).await;
            Some(store)
        }
        Err(error) if std::env::var("RESUME_ENGINE_REQUIRE_SERVICES").as_deref() == Ok("1") => {
            panic!("PostgreSQL at {} is required but failed: {error}", url())
        }
        Err(error) => {
            eprintln!("skipped: PostgreSQL at {} is unreachable: {error}", url());
            None
        }
    }
}

async fn drop_schema(store: &PostgresStore) {
    let schema = store.schema.as_deref().unwrap();
    let client = store.client().await.unwrap();
    client
        .batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
        .await
        .unwrap();
}

/// Drops, once per test process, the schemas of earlier runs that did not
/// clean up (the conformance tests cannot: the suite owns their store).
async fn drop_stale_schemas(store: &PostgresStore) {
    static DONE: AtomicBool = AtomicBool::new(false);
    if DONE.swap(true, Ordering::SeqCst) {
        return;
    }
    let client = store.client().await.unwrap();
    let rows = client
        .query(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE 're\\_test\\_%'",
            &[],
        )
        .await
        .unwrap();
    let cutoff = unix_secs() - STALE_AFTER_SECS;
    for row in rows {
        let name: &str = row.get(0);
        let created = name
            .split('_')
            .nth(2)
            .and_then(|secs| secs.parse::<u64>().ok());
        if created.is_some_and(|secs| secs < cutoff) {
            // Another test process may drop it at the same time: ignore.
            let _ = client
                .batch_execute(&format!("DROP SCHEMA IF EXISTS {name} CASCADE"))
                .await;
        }
    }
}

crate::jobs::conformance::suite!(async {
    store_in(&fresh_schema())
        .await
        .map(|store| Arc::new(store) as Arc<dyn JobStore>)
});

fn claim_request() -> ClaimRequest {
    ClaimRequest::new("test", Duration::from_secs(60))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_pools_never_double_claim() {
    let schema = fresh_schema();
    let Some(first) = store_in(&schema).await else {
        return;
    };
    let second = store_in(&schema).await.unwrap();
    let mut ids = HashSet::new();
    for n in 0..200 {
        let job = NewJob::new(JobKind::Analyze, json!({ "n": n }));
        ids.insert(first.enqueue(job).await.unwrap().id);
    }
    let stores = [Arc::new(first), Arc::new(second)];
    let mut workers = Vec::new();
    for store in &stores {
        for _ in 0..4 {
            let store = store.clone();
            workers.push(tokio::spawn(async move {
                let mut mine = Vec::new();
                while let Some(claimed) = store.claim(&claim_request()).await.unwrap() {
                    store
                        .complete(&claimed.lease, json!({}), 0.0)
                        .await
                        .unwrap();
                    mine.push(claimed.job.id);
                }
                mine
            }));
        }
    }
    let mut seen = Vec::new();
    for worker in workers {
        seen.extend(worker.await.unwrap());
    }
    let unique: HashSet<_> = seen.iter().copied().collect();
    assert_eq!(seen.len(), 200, "each job claimed once");
    assert_eq!(unique, ids);
    let completed = stores[1]
        .list(&JobFilter {
            status: Some(JobStatus::Completed),
            limit: 1000,
            ..JobFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(completed.len(), 200);
    drop_schema(&stores[0]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batch_claim_takes_the_oldest_jobs_at_once() {
    let Some(store) = store_in(&fresh_schema()).await else {
        return;
    };
    let mut ids = Vec::new();
    for n in 0..5 {
        let job = NewJob::new(JobKind::Analyze, json!({ "n": n }));
        ids.push(store.enqueue(job).await.unwrap().id);
        tokio::time::sleep(Duration::from_millis(3)).await;
    }
    let first = store.claim_batch(&claim_request(), 3).await.unwrap();
    let first: Vec<_> = first.iter().map(|claimed| claimed.job.id).collect();
    assert_eq!(first, ids[..3]);
    let rest = store.claim_batch(&claim_request(), 5).await.unwrap();
    let rest: Vec<_> = rest.iter().map(|claimed| claimed.job.id).collect();
    assert_eq!(rest, ids[3..]);
    drop_schema(&store).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_claim_rolls_back_and_leaves_no_open_transaction() {
    let Some(store) = store_in(&fresh_schema()).await else {
        return;
    };
    let id = store
        .enqueue(NewJob::new(JobKind::Analyze, json!({})))
        .await
        .unwrap()
        .id;
    let client = store.client().await.unwrap();
    client
        .batch_execute(
            "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS \
             $$ BEGIN RAISE EXCEPTION 'refused'; END $$; \
             CREATE TRIGGER refuse BEFORE UPDATE ON jobs FOR EACH ROW EXECUTE FUNCTION refuse()",
        )
        .await
        .unwrap();
    drop(client);
    for _ in 0..3 {
        let refused = store.claim(&claim_request()).await;
        assert!(
            matches!(refused, Err(JobsError::Backend { .. })),
            "{refused:?}"
        );
    }
    let client = store.client().await.unwrap();
    client
        .batch_execute("DROP TRIGGER refuse ON jobs")
        .await
        .unwrap();
    drop(client);
    let claimed = store.claim(&claim_request()).await.unwrap().unwrap();
    assert_eq!((claimed.job.id, claimed.job.attempts), (id, 1));
    let status = store.status(id).await.unwrap().unwrap();
    assert_eq!(status.status, JobStatus::Processing);
    drop_schema(&store).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_migrations_succeed() {
    let Some(probe) = store_in(&fresh_schema()).await else {
        return;
    };
    drop_schema(&probe).await;
    let schema = fresh_schema();
    let connects: Vec<_> = (0..4)
        .map(|_| {
            let schema = schema.clone();
            tokio::spawn(async move { PostgresStore::connect_in_schema(&url(), &schema).await })
        })
        .collect();
    let mut stores = Vec::new();
    for connect in connects {
        stores.push(connect.await.unwrap().unwrap());
    }
    let again = PostgresStore::connect_in_schema(&url(), &schema)
        .await
        .unwrap();
    let job = stores[0]
        .enqueue(NewJob::new(JobKind::Generate, json!({})))
        .await
        .unwrap();
    assert_eq!(again.get(job.id).await.unwrap().unwrap().id, job.id);
    drop_schema(&again).await;
}

#[tokio::test]
async fn malformed_urls_and_schemas_are_invalid_backends() {
    let bad_port = PostgresStore::connect("postgres://postgres@127.0.0.1:notaport/test").await;
    assert!(matches!(bad_port, Err(JobsError::InvalidBackend { .. })));
    let bad_schema = PostgresStore::connect_in_schema(&url(), "x; DROP TABLE jobs").await;
    assert!(matches!(bad_schema, Err(JobsError::InvalidBackend { .. })));
    let opened = crate::jobs::open("postgresql://postgres@127.0.0.1:notaport/test").await;
    assert!(matches!(opened, Err(JobsError::InvalidBackend { .. })));
}

#[tokio::test]
async fn refused_connection_is_a_backend_error() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let url = format!("postgres://postgres@127.0.0.1:{port}/test?connect_timeout=1");
    let started = Instant::now();
    let result = tokio::time::timeout(Duration::from_secs(20), PostgresStore::connect(&url))
        .await
        .expect("connecting to a closed port hung");
    assert!(
        matches!(
            result,
            Err(JobsError::Backend {
                backend: "postgres",
                ..
            })
        ),
        "{result:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[tokio::test]
async fn silent_server_times_out() {
    // Accepts connections and never answers: the startup handshake hangs
    // unless the pool's creation timeout ends it.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let silent = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    let url = format!("postgres://postgres@127.0.0.1:{port}/test?connect_timeout=1");
    let result = tokio::time::timeout(Duration::from_secs(20), PostgresStore::connect(&url))
        .await
        .expect("connecting to a silent server hung");
    assert!(
        matches!(
            result,
            Err(JobsError::Backend {
                backend: "postgres",
                ..
            })
        ),
        "{result:?}"
    );
    silent.abort();
}
