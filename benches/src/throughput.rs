//! Throughput of trivial jobs through a backend: the `job-throughput`
//! binary and the `jobs` criterion bench both time it.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use resume_engine::jobs::{
    Failure, Job, JobHandler, JobKind, NewJob, Outcome, ProgressReporter, Worker, WorkerConfig,
    open,
};
use serde_json::{Value, json};

/// Does nothing but count.
#[derive(Debug, Default)]
struct NoOp {
    done: AtomicUsize,
}

#[async_trait]
impl JobHandler for NoOp {
    async fn run(&self, _job: &Job, _progress: &ProgressReporter) -> Result<Outcome, Failure> {
        self.done.fetch_add(1, Ordering::Relaxed);
        Ok(Outcome::free(Value::Null))
    }
}

/// Submits `jobs` no-op jobs to the backend at `url`, then runs them with
/// `workers` workers of `concurrency` slots each, and answers how long the
/// runs took (submission excluded).
pub async fn drain(
    url: &str,
    jobs: usize,
    workers: usize,
    concurrency: usize,
) -> Result<Duration, String> {
    let store = open(url).await.map_err(|e| e.to_string())?;
    let mut submitted = tokio::task::JoinSet::new();
    for chunk in 0..jobs.div_ceil(500) {
        let store = store.clone();
        let count = 500.min(jobs - chunk * 500);
        submitted.spawn(async move {
            for n in 0..count {
                store
                    .enqueue(NewJob::new(JobKind::Analyze, json!({"n": n})))
                    .await?;
            }
            Ok::<_, resume_engine::jobs::JobsError>(())
        });
    }
    for result in submitted.join_all().await {
        result.map_err(|e| e.to_string())?;
    }
    let handler = Arc::new(NoOp::default());
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let start = Instant::now();
    let mut running = Vec::new();
    for n in 0..workers {
        // Each worker has a connection of its own; an in-memory store
        // exists once, so its workers share it.
        let store = if url.starts_with("memory:") {
            store.clone()
        } else {
            open(url).await.map_err(|e| e.to_string())?
        };
        let config = WorkerConfig {
            name: format!("bench-{n}"),
            concurrency,
            poll_ms: 5,
            sweep_secs: 0,
            ..WorkerConfig::default()
        };
        let mut stopped = stopped.clone();
        running.push(tokio::spawn(
            Worker::new(store, handler.clone(), config).run(async move {
                let _ = stopped.wait_for(|stop| *stop).await;
            }),
        ));
    }
    let mut completed = 0;
    while completed < jobs {
        tokio::time::sleep(Duration::from_millis(2)).await;
        completed = handler.done.load(Ordering::Relaxed);
    }
    stop.send_replace(true);
    let mut written = 0;
    for worker in running {
        written += worker.await.map_err(|e| e.to_string())?.completed;
    }
    let elapsed = start.elapsed();
    if written as usize != jobs {
        return Err(format!("{written} of {jobs} results written"));
    }
    Ok(elapsed)
}
