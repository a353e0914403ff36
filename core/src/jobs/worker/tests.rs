#![allow(clippy::unwrap_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use async_trait::async_trait;
use serde_json::{Value, json};

use super::{Worker, WorkerConfig, WorkerStats};
use crate::jobs::backend::MemoryStore;
use crate::jobs::{
    Failure, Job, JobHandler, JobId, JobKind, JobStatus, JobStore, NewJob, Outcome,
    ProgressReporter, RetryPolicy,
};

/// Doubles `n`, after `sleep_ms`; fails (transiently) its first `fail_first`
/// attempts, or always with `permanent`; panics on `panic`.
#[derive(Debug, Default)]
struct TestHandler {
    runs: AtomicU32,
}

#[async_trait]
impl JobHandler for TestHandler {
    async fn run(&self, job: &Job, progress: &ProgressReporter) -> Result<Outcome, Failure> {
        self.runs.fetch_add(1, Ordering::SeqCst);
        let field = |name: &str| job.input.get(name).and_then(Value::as_u64).unwrap_or(0);
        progress.report("working", 50);
        tokio::time::sleep(Duration::from_millis(field("sleep_ms"))).await;
        if job.input.get("panic").is_some() {
            panic!("the handler panicked");
        }
        if job.input.get("permanent").is_some() {
            return Err(Failure::permanent("parse", "the document is corrupt"));
        }
        if u64::from(job.attempts) <= field("fail_first") {
            return Err(Failure::transient(
                "provider",
                format!("outage on attempt {}", job.attempts),
            ));
        }
        Ok(Outcome {
            result: json!({"double": field("n") * 2}),
            cost_usd: 0.001,
        })
    }
}

fn config() -> WorkerConfig {
    WorkerConfig {
        concurrency: 4,
        lease_ms: 600,
        poll_ms: 10,
        retry: RetryPolicy {
            base_ms: 10,
            max_ms: 20,
        },
        shutdown_grace_ms: 200,
        ..WorkerConfig::default()
    }
}

/// Runs a worker over `store` until every job in `ids` is finished, then
/// stops it and returns its stats.
async fn run_until_done(
    store: Arc<dyn JobStore>,
    config: WorkerConfig,
    ids: &[JobId],
) -> WorkerStats {
    let handler = Arc::new(TestHandler::default());
    let worker = Worker::new(store.clone(), handler, config);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(worker.run(async move {
        let _ = stopped.await;
    }));
    for _ in 0..500 {
        let mut done = true;
        for id in ids {
            done &= store
                .status(*id)
                .await
                .unwrap()
                .unwrap()
                .status
                .is_terminal();
        }
        if done {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let _ = stop.send(());
    running.await.unwrap()
}

async fn submit(store: &Arc<dyn JobStore>, input: Value) -> JobId {
    store
        .enqueue(NewJob::new(JobKind::Analyze, input))
        .await
        .unwrap()
        .id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn runs_every_job_once() {
    let store: Arc<dyn JobStore> = Arc::new(MemoryStore::new());
    let mut ids = Vec::new();
    for n in 0..60 {
        ids.push(submit(&store, json!({"n": n})).await);
    }
    let stats = run_until_done(store.clone(), config(), &ids).await;
    assert_eq!(stats.completed, 60);
    for (n, id) in ids.iter().enumerate() {
        let job = store.get(*id).await.unwrap().unwrap();
        assert_eq!(job.status, JobStatus::Completed);
        assert_eq!(job.result, Some(json!({"double": n * 2})));
        assert_eq!(job.attempts, 1);
        assert!((job.cost_usd - 0.001).abs() < 1e-12);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failing_twice_then_succeeding_completes_on_the_third_attempt() {
    let store: Arc<dyn JobStore> = Arc::new(MemoryStore::new());
    let id = submit(&store, json!({"n": 4, "fail_first": 2})).await;
    let stats = run_until_done(store.clone(), config(), &[id]).await;
    let job = store.get(id).await.unwrap().unwrap();
    assert_eq!(job.status, JobStatus::Completed);
    assert_eq!(job.attempts, 3);
    assert_eq!(job.result, Some(json!({"double": 8})));
    assert_eq!((stats.retried, stats.completed), (2, 1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn always_failing_ends_failed_with_its_error() {
    let store: Arc<dyn JobStore> = Arc::new(MemoryStore::new());
    let id = submit(&store, json!({"fail_first": 99})).await;
    run_until_done(store.clone(), config(), &[id]).await;
    let job = store.get(id).await.unwrap().unwrap();
    assert_eq!(job.status, JobStatus::Failed);
    assert_eq!(job.attempts, 3);
    let error = job.error.unwrap();
    assert_eq!(
        (error.code.as_str(), error.message.as_str()),
        ("provider", "outage on attempt 3")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn permanent_failures_and_panics_are_not_retried() {
    let store: Arc<dyn JobStore> = Arc::new(MemoryStore::new());
    let corrupt = submit(&store, json!({"permanent": true})).await;
    let panics = submit(&store, json!({"panic": true})).await;
    run_until_done(store.clone(), config(), &[corrupt, panics]).await;
    let corrupt = store.get(corrupt).await.unwrap().unwrap();
    assert_eq!((corrupt.status, corrupt.attempts), (JobStatus::Failed, 1));
    assert_eq!(corrupt.error.unwrap().code, "parse");
    let panics = store.get(panics).await.unwrap().unwrap();
    assert_eq!((panics.status, panics.attempts), (JobStatus::Failed, 1));
    assert_eq!(panics.error.unwrap().code, "internal");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_timeout_counts_as_an_attempt() {
    let store: Arc<dyn JobStore> = Arc::new(MemoryStore::new());
    let id = submit(&store, json!({"sleep_ms": 2_000})).await;
    let mut config = config();
    config.timeouts.analyze_ms = 50;
    run_until_done(store.clone(), config, &[id]).await;
    let job = store.get(id).await.unwrap().unwrap();
    assert_eq!((job.status, job.attempts), (JobStatus::Failed, 3));
    assert_eq!(job.error.unwrap().code, "timeout");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn heartbeats_keep_a_long_job_and_report_progress() {
    let store: Arc<dyn JobStore> = Arc::new(MemoryStore::new());
    // Four lease lengths long: without heartbeats a second worker would take it.
    let id = submit(&store, json!({"sleep_ms": 1_200, "n": 1})).await;
    let mut config = config();
    config.lease_ms = 300;
    let watcher = {
        let store = store.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(500)).await;
            store.status(id).await.unwrap().unwrap()
        })
    };
    let ids = [id];
    let (first, second) = tokio::join!(
        run_until_done(store.clone(), config.clone(), &ids),
        run_until_done(store.clone(), config, &ids),
    );
    let midway = watcher.await.unwrap();
    assert_eq!(midway.status, JobStatus::Processing);
    assert_eq!(
        midway.progress.map(|p| (p.stage, p.percent)),
        Some(("working".into(), 50))
    );
    let job = store.get(id).await.unwrap().unwrap();
    assert_eq!((job.status, job.attempts), (JobStatus::Completed, 1));
    assert_eq!(first.completed + second.completed, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_finishes_short_jobs_and_gives_long_ones_back() {
    let store: Arc<dyn JobStore> = Arc::new(MemoryStore::new());
    let short = submit(&store, json!({"sleep_ms": 50})).await;
    let long = submit(&store, json!({"sleep_ms": 5_000})).await;
    let worker = Worker::new(store.clone(), Arc::new(TestHandler::default()), config());
    let stats = worker
        .run(tokio::time::sleep(Duration::from_millis(30)))
        .await;
    assert_eq!((stats.completed, stats.released), (1, 1));
    assert_eq!(
        store.status(short).await.unwrap().unwrap().status,
        JobStatus::Completed
    );
    let long = store.status(long).await.unwrap().unwrap();
    assert_eq!((long.status, long.attempts), (JobStatus::Queued, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_a_running_job_abandons_it() {
    let store: Arc<dyn JobStore> = Arc::new(MemoryStore::new());
    let id = submit(&store, json!({"sleep_ms": 3_000})).await;
    let mut config = config();
    config.lease_ms = 150;
    let canceller = {
        let store = store.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(100)).await;
            store.cancel(id).await.unwrap()
        })
    };
    let stats = run_until_done(store.clone(), config, &[id]).await;
    canceller.await.unwrap();
    let job = store.get(id).await.unwrap().unwrap();
    assert_eq!(job.status, JobStatus::Failed);
    assert_eq!(job.error.unwrap().code, "cancelled");
    assert_eq!(stats.completed, 0);
}
