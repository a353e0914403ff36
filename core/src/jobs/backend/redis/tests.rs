#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ::redis::AsyncCommands;
use async_trait::async_trait;
use serde_json::{Value, json};

use super::RedisStore;
use crate::jobs::store::{AfterFailure, ClaimRequest, Claimed, Lease};
use crate::jobs::{
    Failure, Job, JobFilter, JobId, JobKind, JobStatus, JobStore, JobSummary, JobsError, NewJob,
    Progress, Timestamp,
};

fn url() -> String {
    std::env::var("RESUME_ENGINE_TEST_REDIS").unwrap_or_else(|_| "redis://127.0.0.1:6379".into())
}

/// A store under a fresh prefix, or `None` (skip) when no server answers,
/// unless `RESUME_ENGINE_REQUIRE_SERVICES=1`.
pub(super) async fn store() -> Option<Scoped> {
    let prefix = format!("re-test:{}:", uuid::Uuid::new_v4());
    match RedisStore::connect_with_prefix(&url(), &prefix).await {
        Ok(store) => Some(Scoped(store)),
        Err(error) if std::env::var("RESUME_ENGINE_REQUIRE_SERVICES").as_deref() == Ok("1") => {
            panic!("Redis at {} is required but unreachable: {error}", url())
        }
        Err(error) => {
            eprintln!("skipped: no Redis at {} ({error})", url());
            None
        }
    }
}

/// A test's store, whose keys are deleted when it is dropped.
#[derive(Debug, Clone)]
pub(super) struct Scoped(RedisStore);

impl Drop for Scoped {
    fn drop(&mut self) {
        let Ok(mut connection) =
            ::redis::Client::open(url()).and_then(|client| client.get_connection())
        else {
            return;
        };
        let keys: Vec<String> = ::redis::cmd("KEYS")
            .arg(format!("{}*", self.0.prefix))
            .query(&mut connection)
            .unwrap_or_default();
        if !keys.is_empty() {
            let _: Result<(), _> = ::redis::cmd("DEL").arg(keys).query(&mut connection);
        }
    }
}

#[async_trait]
impl JobStore for Scoped {
    async fn enqueue(&self, job: NewJob) -> Result<Job, JobsError> {
        self.0.enqueue(job).await
    }
    async fn claim(&self, request: &ClaimRequest) -> Result<Option<Claimed>, JobsError> {
        self.0.claim(request).await
    }
    async fn heartbeat(
        &self,
        lease: &Lease,
        progress: Option<&Progress>,
        extend: Duration,
    ) -> Result<Lease, JobsError> {
        self.0.heartbeat(lease, progress, extend).await
    }
    async fn complete(&self, lease: &Lease, result: Value, cost_usd: f64) -> Result<(), JobsError> {
        self.0.complete(lease, result, cost_usd).await
    }
    async fn fail(
        &self,
        lease: &Lease,
        failure: &Failure,
        after: AfterFailure,
    ) -> Result<JobStatus, JobsError> {
        self.0.fail(lease, failure, after).await
    }
    async fn release(&self, lease: &Lease) -> Result<(), JobsError> {
        self.0.release(lease).await
    }
    async fn get(&self, id: JobId) -> Result<Option<Job>, JobsError> {
        self.0.get(id).await
    }
    async fn status(&self, id: JobId) -> Result<Option<JobSummary>, JobsError> {
        self.0.status(id).await
    }
    async fn list(&self, filter: &JobFilter) -> Result<Vec<JobSummary>, JobsError> {
        self.0.list(filter).await
    }
    async fn cancel(&self, id: JobId) -> Result<Option<JobSummary>, JobsError> {
        self.0.cancel(id).await
    }
    async fn sweep(&self, now: Timestamp) -> Result<Vec<JobId>, JobsError> {
        self.0.sweep(now).await
    }
}

crate::jobs::conformance::suite!(async {
    store()
        .await
        .map(|store| Arc::new(store) as Arc<dyn JobStore>)
});

fn request() -> ClaimRequest {
    ClaimRequest::new("redis-test", Duration::from_secs(30))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_connections_never_double_claim() {
    let Some(first) = store().await else { return };
    // A second connection on the same prefix: another process's store.
    let second = RedisStore::connect_with_prefix(&url(), &first.0.prefix)
        .await
        .unwrap();
    let mut ids = HashSet::new();
    for n in 0..300 {
        let job = NewJob::new(JobKind::Analyze, json!({ "n": n }));
        ids.insert(first.enqueue(job).await.unwrap().id);
    }
    let mut workers = Vec::new();
    for worker in 0..8 {
        let store = if worker % 2 == 0 {
            first.0.clone()
        } else {
            second.clone()
        };
        workers.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            while let Some(claimed) = store.claim(&request()).await.unwrap() {
                mine.push(claimed.job.id);
            }
            mine
        }));
    }
    let mut seen = Vec::new();
    for worker in workers {
        seen.extend(worker.await.unwrap());
    }
    assert_eq!(seen.len(), 300, "no job claimed twice");
    assert_eq!(seen.into_iter().collect::<HashSet<_>>(), ids);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn job_hashes_expire_in_redis() {
    let Some(store) = store().await else { return };
    let long = store
        .enqueue(NewJob::new(JobKind::Analyze, json!({})).with_ttl(Duration::from_secs(60)))
        .await
        .unwrap();
    let mut connection = store.0.connection.clone();
    let ttl: i64 = connection.pttl(store.0.job_key(long.id)).await.unwrap();
    assert!((50_000..=60_000).contains(&ttl), "PTTL {ttl}");

    let short = store
        .enqueue(NewJob::new(JobKind::Analyze, json!({})).with_ttl(Duration::from_millis(100)))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(250)).await;
    let exists: bool = connection.exists(store.0.job_key(short.id)).await.unwrap();
    assert!(!exists, "Redis dropped the hash at expires_at");
    assert!(store.get(short.id).await.unwrap().is_none());
    let claimed = store.claim(&request()).await.unwrap().unwrap();
    assert_eq!(
        claimed.job.id, long.id,
        "the expired job's queue entry is skipped"
    );
    assert_eq!(
        store.sweep(Timestamp::now()).await.unwrap(),
        vec![short.id],
        "the sweep still reports it, for its blobs"
    );
    let left: Vec<String> = connection
        .zrange(format!("{}created", store.0.prefix), 0, -1)
        .await
        .unwrap();
    assert_eq!(left.len(), 1, "its index entries are gone: {left:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scripts_survive_script_flush() {
    let Some(store) = store().await else { return };
    store
        .enqueue(NewJob::new(JobKind::Generate, json!({})))
        .await
        .unwrap();
    let mut connection = store.0.connection.clone();
    let _: () = ::redis::cmd("SCRIPT")
        .arg("FLUSH")
        .query_async(&mut connection)
        .await
        .unwrap();
    let claimed = store.claim(&request()).await.unwrap().unwrap();
    store
        .complete(&claimed.lease, json!({"ok": true}), 0.0)
        .await
        .unwrap();
    assert_eq!(
        store.status(claimed.job.id).await.unwrap().unwrap().status,
        JobStatus::Completed
    );
}

#[tokio::test]
async fn unreachable_server_is_a_typed_error_not_a_hang() {
    let started = Instant::now();
    let result = tokio::time::timeout(
        Duration::from_secs(10),
        crate::jobs::open("redis://127.0.0.1:1"),
    )
    .await
    .expect("connecting gives up on its own");
    assert!(
        matches!(
            result,
            Err(JobsError::Backend {
                backend: "redis",
                ..
            })
        ),
        "{result:?}"
    );
    eprintln!("unreachable server reported after {:?}", started.elapsed());
    let invalid = crate::jobs::open("redis://:bad:port").await;
    assert!(
        matches!(invalid, Err(JobsError::InvalidBackend { .. })),
        "{invalid:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_connects_by_url() {
    let Some(_) = store().await else { return };
    let store = crate::jobs::open(&url()).await.unwrap();
    assert!(store.get(JobId::new()).await.unwrap().is_none());
}
