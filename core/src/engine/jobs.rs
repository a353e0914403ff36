//! Jobs through the engine: submit work, poll its status and result, and
//! run workers on the engine's job store.

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use tokio::sync::Notify;
use tokio::task::JoinHandle;

use super::{Engine, EngineError};
use crate::jobs::backend::MemoryStore;
use crate::jobs::{
    EngineHandler, JobId, JobInput, JobKind, JobStatus, JobStore, JobSummary, JobsError, NewJob,
    Worker, WorkerConfig, WorkerStats,
};
use crate::storage::{BlobStore, LocalStore};

/// How long a binding's `wait` waits when the caller gives no timeout.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(60);

/// The engine's job store, blob store and the signal that wakes its
/// in-process workers on submission.
#[derive(Debug, Clone)]
pub(super) struct JobParts {
    pub(super) store: Arc<dyn JobStore>,
    pub(super) blobs: Arc<dyn BlobStore>,
    pub(super) wake: Arc<Notify>,
}

impl JobParts {
    /// The given stores, or the defaults: jobs in memory, files in a
    /// temporary folder with URLs signed by a random per-process key.
    pub(super) fn new(
        store: Option<Arc<dyn JobStore>>,
        blobs: Option<Arc<dyn BlobStore>>,
    ) -> Result<Self, EngineError> {
        let store = store.unwrap_or_else(|| Arc::new(MemoryStore::new()));
        let blobs = match blobs {
            Some(blobs) => blobs,
            None => Arc::new(
                LocalStore::temporary().map_err(|error| EngineError::Config(error.to_string()))?,
            ),
        };
        Ok(Self {
            store,
            blobs,
            wake: Arc::new(Notify::new()),
        })
    }
}

/// A worker running inside this process; stop it with
/// [`WorkerHandle::shutdown`].
#[derive(Debug)]
pub struct WorkerHandle {
    stop: tokio::sync::oneshot::Sender<()>,
    task: JoinHandle<WorkerStats>,
}

impl WorkerHandle {
    /// Stops claiming, lets running jobs finish within the grace period,
    /// and returns what the worker did.
    pub async fn shutdown(self) -> WorkerStats {
        let _ = self.stop.send(());
        self.task.await.unwrap_or_default()
    }
}

impl Engine {
    /// The job store jobs are submitted to.
    pub fn job_store(&self) -> &Arc<dyn JobStore> {
        &self.jobs.store
    }

    /// The blob store generated files are written to.
    pub fn blob_store(&self) -> &Arc<dyn BlobStore> {
        &self.jobs.blobs
    }

    /// Submits a job and returns its id at once; a worker runs it.
    pub async fn submit(&self, kind: JobKind, input: JobInput) -> Result<JobId, EngineError> {
        let input = serde_json::to_value(&input)
            .map_err(|error| EngineError::InvalidInput(error.to_string()))?;
        self.submit_job(NewJob::new(kind, input)).await
    }

    /// Submits a job built by the caller (own id for idempotent retries,
    /// user, attempts, expiry).
    pub async fn submit_job(&self, job: NewJob) -> Result<JobId, EngineError> {
        let stored = self.jobs.store.enqueue(job).await?;
        self.jobs.wake.notify_one();
        Ok(stored.id)
    }

    /// A job's status, progress and error.
    pub async fn status(&self, id: JobId) -> Result<JobSummary, EngineError> {
        Ok(self
            .jobs
            .store
            .status(id)
            .await?
            .ok_or(JobsError::NotFound(id))?)
    }

    /// A completed job's result; [`JobsError::NoResult`] while it runs or
    /// when it failed.
    pub async fn result(&self, id: JobId) -> Result<Value, EngineError> {
        let job = self
            .jobs
            .store
            .get(id)
            .await?
            .ok_or(JobsError::NotFound(id))?;
        match (job.status, job.result) {
            (JobStatus::Completed, Some(result)) => Ok(result),
            (status, _) => Err(JobsError::NoResult { id, status }.into()),
        }
    }

    /// Waits until the job is finished (completed, failed or cancelled) or
    /// `timeout` has passed, polling its status with a backoff from 20 ms
    /// to 500 ms, and returns its last status either way: check
    /// [`JobStatus::is_terminal`] to tell a finished job from a timeout.
    pub async fn wait(&self, id: JobId, timeout: Duration) -> Result<JobSummary, EngineError> {
        let deadline = tokio::time::Instant::now() + timeout;
        let mut pause = Duration::from_millis(20);
        loop {
            let summary = self.status(id).await?;
            let now = tokio::time::Instant::now();
            if summary.status.is_terminal() || now >= deadline {
                return Ok(summary);
            }
            tokio::time::sleep(pause.min(deadline - now)).await;
            pause = (pause * 2).min(Duration::from_millis(500));
        }
    }

    /// Cancels a job that has not finished.
    pub async fn cancel(&self, id: JobId) -> Result<JobSummary, EngineError> {
        Ok(self
            .jobs
            .store
            .cancel(id)
            .await?
            .ok_or(JobsError::NotFound(id))?)
    }

    /// A worker running this engine's jobs from its job store (run it with
    /// [`Worker::run`], in this process or in a separate worker process).
    pub fn worker(&self, config: WorkerConfig) -> Worker {
        let handler = EngineHandler::new(
            self.clone(),
            self.jobs.store.clone(),
            self.jobs.blobs.clone(),
        );
        Worker::new(self.jobs.store.clone(), Arc::new(handler), config)
            .with_blobs(self.jobs.blobs.clone())
            .with_wake(self.jobs.wake.clone())
    }

    /// Starts a worker on the current tokio runtime: submissions from this
    /// engine wake it at once.
    pub fn spawn_worker(&self, config: WorkerConfig) -> WorkerHandle {
        let worker = self.worker(config);
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(worker.run(async move {
            let _ = stopped.await;
        }));
        WorkerHandle { stop, task }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    const RESUME: &str = r#"{"name": "Ana", "email": "ana@example.pt"}"#;

    #[tokio::test]
    async fn wait_returns_the_last_status_on_timeout_and_the_final_one_when_done() {
        let engine = Engine::builder().build().unwrap();
        let id = engine
            .submit(JobKind::Analyze, JobInput::document(RESUME.as_bytes()))
            .await
            .unwrap();
        let pending = engine.wait(id, Duration::from_millis(30)).await.unwrap();
        assert_eq!(pending.status, JobStatus::Queued);

        let worker = engine.spawn_worker(WorkerConfig::default());
        let done = engine.wait(id, Duration::from_secs(30)).await.unwrap();
        assert_eq!(done.status, JobStatus::Completed);
        worker.shutdown().await;

        let unknown = engine.wait(JobId::new(), Duration::from_millis(10)).await;
        assert!(matches!(
            unknown,
            Err(EngineError::Jobs(JobsError::NotFound(_)))
        ));
    }
}
