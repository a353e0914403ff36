//! Latency and throughput of the PostgreSQL store, printed, not asserted:
//! `cargo test --release -p resume-engine --no-default-features --features
//! postgres --lib -- --ignored postgres::tests::measure --nocapture`.
//! Each commit waits for the server's WAL flush: add
//! `?options=-c%20synchronous_commit%3Doff` to `RESUME_ENGINE_TEST_POSTGRES`
//! to measure without it.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::json;

use super::{drop_schema, fresh_schema, store_in};
use crate::jobs::{ClaimRequest, JobId, JobKind, JobStore, NewJob};

const SAMPLES: usize = 2000;
const JOBS: usize = 5000;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn trivial() -> NewJob {
    NewJob::new(JobKind::Analyze, json!({ "noop": true }))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "measures; run by hand with --release --nocapture"]
async fn latency_and_throughput() {
    let Some(store) = store_in(&fresh_schema()).await else {
        return;
    };
    let store = Arc::new(store);
    let mut ids: Vec<JobId> = Vec::new();
    let mut enqueues = Vec::new();
    for _ in 0..SAMPLES {
        let started = Instant::now();
        ids.push(store.enqueue(trivial()).await.unwrap().id);
        enqueues.push(started.elapsed());
    }
    let mut statuses = Vec::new();
    for _ in 0..SAMPLES {
        let id = ids[fastrand::usize(..ids.len())];
        let started = Instant::now();
        store.status(id).await.unwrap().unwrap();
        statuses.push(started.elapsed());
    }
    println!(
        "postgres: enqueue median {:?}, status median {:?} ({SAMPLES} sequential calls each)",
        median(enqueues),
        median(statuses)
    );
    drain(&store).await;
    for tasks in [4, 8, 16] {
        let done = Arc::new(AtomicUsize::new(0));
        let started = Instant::now();
        let workers: Vec<_> = (0..tasks)
            .map(|_| {
                let store = store.clone();
                let done = done.clone();
                tokio::spawn(async move {
                    let request = ClaimRequest::new("measure", Duration::from_secs(60));
                    while done.fetch_add(1, Ordering::SeqCst) < JOBS {
                        store.enqueue(trivial()).await.unwrap();
                        // A claim's snapshot may miss jobs enqueued while
                        // it ran, after it skipped the ones others took.
                        let claimed = loop {
                            if let Some(claimed) = store.claim(&request).await.unwrap() {
                                break claimed;
                            }
                            tokio::time::sleep(Duration::from_millis(1)).await;
                        };
                        store
                            .complete(&claimed.lease, json!({}), 0.0)
                            .await
                            .unwrap();
                    }
                })
            })
            .collect();
        for worker in workers {
            worker.await.unwrap();
        }
        let elapsed = started.elapsed();
        println!(
            "postgres: {JOBS} jobs enqueued, claimed and completed by {tasks} tasks in {elapsed:?}: {:.0} jobs/s",
            JOBS as f64 / elapsed.as_secs_f64()
        );
    }
    drop_schema(&store).await;
}

async fn drain(store: &Arc<impl JobStore>) {
    let request = ClaimRequest::new("measure", Duration::from_secs(60));
    while let Some(claimed) = store.claim(&request).await.unwrap() {
        store
            .complete(&claimed.lease, json!({}), 0.0)
            .await
            .unwrap();
    }
}
