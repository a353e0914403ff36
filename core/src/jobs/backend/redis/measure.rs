//! Loopback latency and throughput, run by hand:
//! `cargo test --release -p resume-engine --no-default-features --features redis --lib -- --ignored redis::measure --nocapture`.
//! Prints numbers; asserts nothing about timing.
#![allow(clippy::unwrap_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::json;

use super::tests::store;
use crate::jobs::{ClaimRequest, JobKind, JobStore, NewJob};

const SAMPLES: usize = 2_000;
const JOBS: usize = 20_000;
const TASKS: usize = 8;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measurement, not a test: run by hand against a local Redis"]
async fn latency_and_throughput() {
    let Some(store) = store().await else { return };
    let input = json!({"resume": "trivial"});
    let mut ids = Vec::with_capacity(SAMPLES);
    let mut enqueue = Vec::with_capacity(SAMPLES);
    for _ in 0..SAMPLES {
        let started = Instant::now();
        let job = store
            .enqueue(NewJob::new(JobKind::Analyze, input.clone()))
            .await
            .unwrap();
        enqueue.push(started.elapsed());
        ids.push(job.id);
    }
    let mut status = Vec::with_capacity(SAMPLES);
    for &id in &ids {
        let started = Instant::now();
        store.status(id).await.unwrap().unwrap();
        status.push(started.elapsed());
    }
    eprintln!(
        "median enqueue {:?}, median status {:?} ({SAMPLES} sequential calls each)",
        median(enqueue),
        median(status)
    );
    while store.claim(&request()).await.unwrap().is_some() {}

    let store = Arc::new(store);
    let done = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..TASKS {
        let (store, done, input) = (store.clone(), done.clone(), input.clone());
        tasks.push(tokio::spawn(async move {
            while done.fetch_add(1, Ordering::Relaxed) < JOBS {
                store
                    .enqueue(NewJob::new(JobKind::Analyze, input.clone()))
                    .await
                    .unwrap();
                if let Some(claimed) = store.claim(&request()).await.unwrap() {
                    store
                        .complete(&claimed.lease, json!({"ok": true}), 0.0)
                        .await
                        .unwrap();
                }
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let elapsed = started.elapsed();
    eprintln!(
        "{JOBS} jobs enqueued, claimed and completed by {TASKS} tasks in {elapsed:?}: {:.0} jobs/s",
        JOBS as f64 / elapsed.as_secs_f64()
    );
}

fn request() -> ClaimRequest {
    ClaimRequest::new("measure", Duration::from_secs(60))
}
