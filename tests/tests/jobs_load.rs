//! Load through every backend: 100 concurrent submissions, then 10,000
//! jobs run by 4 workers (each on its own connection). Nothing is lost and
//! nothing runs twice.

#![allow(clippy::unwrap_used)]

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use resume_engine::jobs::{
    Failure, Job, JobFilter, JobHandler, JobId, JobKind, JobStatus, JobStore, NewJob, Outcome,
    ProgressReporter, Worker, WorkerConfig, open,
};
use resume_engine_tests::backends::{self, Backend};
use serde_json::json;

/// Counts the runs of each job and echoes its input.
#[derive(Debug, Default)]
struct Counting {
    runs: Mutex<HashMap<JobId, u32>>,
}

#[async_trait]
impl JobHandler for Counting {
    async fn run(&self, job: &Job, _progress: &ProgressReporter) -> Result<Outcome, Failure> {
        *self.runs.lock().unwrap().entry(job.id).or_default() += 1;
        Ok(Outcome::free(json!({"n": job.input["n"]})))
    }
}

async fn submit_concurrently(store: &Arc<dyn JobStore>, count: usize) -> Vec<JobId> {
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..count {
        let store = store.clone();
        tasks.spawn(async move {
            store
                .enqueue(NewJob::new(JobKind::Analyze, json!({"n": n})))
                .await
                .unwrap()
                .id
        });
    }
    tasks.join_all().await
}

async fn load(backend: Backend) {
    let store = open(&backend.url).await.unwrap();

    let first = submit_concurrently(&store, 100).await;
    assert_eq!(first.iter().collect::<HashSet<_>>().len(), 100);
    let listed = store
        .list(&JobFilter { status: Some(JobStatus::Queued), limit: 1_000, ..JobFilter::default() })
        .await
        .unwrap();
    assert_eq!(listed.len(), 100, "every concurrent submission is stored");

    let mut ids = first;
    for _ in 0..33 {
        ids.extend(submit_concurrently(&store, 300).await);
    }
    assert_eq!(ids.len(), 10_000);

    let handler = Arc::new(Counting::default());
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let mut workers = Vec::new();
    for n in 0..4 {
        let store = open(&backend.url).await.unwrap();
        let config = WorkerConfig {
            name: format!("load-{n}"),
            concurrency: 8,
            poll_ms: 20,
            sweep_secs: 0,
            ..WorkerConfig::default()
        };
        let worker = Worker::new(store, handler.clone(), config);
        let mut stopped = stopped.clone();
        workers.push(tokio::spawn(worker.run(async move {
            let _ = stopped.wait_for(|stop| *stop).await;
        })));
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(240);
    while handler.runs.lock().unwrap().len() < ids.len() {
        assert!(tokio::time::Instant::now() < deadline, "the workers stalled");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    stop.send_replace(true);
    let mut completed = 0;
    for worker in workers {
        completed += worker.await.unwrap().completed;
    }
    assert_eq!(completed, 10_000, "each job completed once");
    let runs = handler.runs.lock().unwrap().clone();
    assert!(runs.values().all(|&count| count == 1), "no job ran twice");
    for id in ids.iter().step_by(97) {
        let job = store.get(*id).await.unwrap().unwrap();
        assert_eq!(job.status, JobStatus::Completed);
        assert_eq!(job.result, Some(json!({"n": job.input["n"]})));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_runs_ten_thousand_jobs_once_each() {
    load(backends::sqlite()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_runs_ten_thousand_jobs_once_each() {
    if let Some(backend) = backends::postgres() {
        load(backend).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_runs_ten_thousand_jobs_once_each() {
    if let Some(backend) = backends::redis() {
        load(backend).await;
    }
}
