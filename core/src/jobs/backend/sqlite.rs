//! The embedded job store: one SQLite file in WAL mode, which the processes
//! of one machine share (the CLI that submits, a `worker` process, an
//! embedding app). Claims take SQLite's write lock, so they are exclusive
//! across processes too.

mod queries;
mod rows;
mod schema;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use async_trait::async_trait;
use rusqlite::Connection;
use serde_json::Value;
use tokio::sync::oneshot;

use crate::jobs::store::{AfterFailure, ClaimRequest, Claimed, Lease};
use crate::jobs::{
    Failure, Job, JobFilter, JobId, JobStatus, JobStore, JobSummary, JobsError, NewJob, Progress,
    Timestamp,
};

/// A job store in an SQLite database: a file, or private memory.
///
/// One connection serves the store, so calls from one process write one at
/// a time; they run on tokio's blocking threads, never on the executor.
/// Concurrent submissions share commits: whichever call takes the
/// connection first inserts every submission waiting, in one transaction.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
    submissions: Arc<Mutex<Vec<Submission>>>,
}

/// A job waiting to be inserted, and where its stored version goes.
type Submission = (Job, oneshot::Sender<Result<Job, JobsError>>);

impl SqliteStore {
    /// Opens the job database at `path`, creating the file, its directory
    /// and the schema if absent.
    pub async fn open(path: impl AsRef<Path>) -> Result<Self, JobsError> {
        let path: PathBuf = path.as_ref().to_owned();
        let conn = tokio::task::spawn_blocking(move || schema::open_file(&path))
            .await
            .map_err(|error| JobsError::backend("sqlite", error))??;
        Ok(Self::wrap(conn))
    }

    /// A store in private memory, gone when dropped (SQLite's `:memory:`).
    pub fn open_in_memory() -> Result<Self, JobsError> {
        schema::open_memory().map(Self::wrap)
    }

    /// Opens the store a `sqlite:` URL names: `sqlite:PATH`,
    /// `sqlite://PATH`, or `sqlite::memory:` for private memory.
    pub(super) async fn open_url(url: &str) -> Result<Self, JobsError> {
        let rest = url.strip_prefix("sqlite:").unwrap_or(url);
        let location = rest.strip_prefix("//").unwrap_or(rest);
        match location {
            "" => Err(JobsError::InvalidBackend {
                url: url.to_owned(),
                reason: "expected sqlite:PATH (or sqlite::memory:)".to_owned(),
            }),
            ":memory:" => Self::open_in_memory(),
            path => Self::open(path).await,
        }
    }

    fn wrap(conn: Connection) -> Self {
        Self {
            conn: Arc::new(Mutex::new(conn)),
            submissions: Arc::new(Mutex::new(Vec::new())),
        }
    }

    /// Runs `work` on the connection on a blocking thread.
    async fn run<T, F>(&self, work: F) -> Result<T, JobsError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, JobsError> + Send + 'static,
    {
        let conn = Arc::clone(&self.conn);
        tokio::task::spawn_blocking(move || {
            // A panic mid-call rolls its transaction back as it unwinds, so
            // the connection is still consistent.
            let mut conn = conn.lock().unwrap_or_else(PoisonError::into_inner);
            work(&mut conn)
        })
        .await
        .map_err(|error| JobsError::backend("sqlite", error))?
    }
}

#[async_trait]
impl JobStore for SqliteStore {
    async fn enqueue(&self, new: NewJob) -> Result<Job, JobsError> {
        let (reply, stored) = oneshot::channel();
        self.submissions
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((new.into_job(Timestamp::now()), reply));
        let submissions = Arc::clone(&self.submissions);
        self.run(move |conn| {
            // Taken under the connection's lock: a call that finds the list
            // empty knows an earlier one has inserted its job and answered.
            let waiting =
                std::mem::take(&mut *submissions.lock().unwrap_or_else(PoisonError::into_inner));
            let (jobs, replies): (Vec<Job>, Vec<_>) = waiting.into_iter().unzip();
            for (reply, result) in replies.into_iter().zip(queries::insert_all(conn, jobs)) {
                let _ = reply.send(result);
            }
            Ok(())
        })
        .await?;
        stored
            .await
            .map_err(|_| JobsError::backend("sqlite", "the submission was dropped"))?
    }

    async fn claim(&self, request: &ClaimRequest) -> Result<Option<Claimed>, JobsError> {
        let request = request.clone();
        self.run(move |conn| queries::claim(conn, &request)).await
    }

    async fn heartbeat(
        &self,
        lease: &Lease,
        progress: Option<&Progress>,
        extend: Duration,
    ) -> Result<Lease, JobsError> {
        let lease = lease.clone();
        let progress = progress.cloned();
        self.run(move |conn| queries::heartbeat(conn, &lease, progress.as_ref(), extend))
            .await
    }

    async fn complete(&self, lease: &Lease, result: Value, cost_usd: f64) -> Result<(), JobsError> {
        let lease = lease.clone();
        self.run(move |conn| queries::complete(conn, &lease, &result, cost_usd))
            .await
    }

    async fn fail(
        &self,
        lease: &Lease,
        failure: &Failure,
        after: AfterFailure,
    ) -> Result<JobStatus, JobsError> {
        let lease = lease.clone();
        let failure = failure.clone();
        self.run(move |conn| queries::fail(conn, &lease, &failure, after))
            .await
    }

    async fn release(&self, lease: &Lease) -> Result<(), JobsError> {
        let lease = lease.clone();
        self.run(move |conn| queries::release(conn, &lease)).await
    }

    async fn get(&self, id: JobId) -> Result<Option<Job>, JobsError> {
        self.run(move |conn| queries::get(conn, id)).await
    }

    async fn status(&self, id: JobId) -> Result<Option<JobSummary>, JobsError> {
        self.run(move |conn| queries::status(conn, id)).await
    }

    async fn list(&self, filter: &JobFilter) -> Result<Vec<JobSummary>, JobsError> {
        let filter = filter.clone();
        self.run(move |conn| queries::list(conn, &filter)).await
    }

    async fn cancel(&self, id: JobId) -> Result<Option<JobSummary>, JobsError> {
        self.run(move |conn| queries::cancel(conn, id)).await
    }

    async fn sweep(&self, now: Timestamp) -> Result<Vec<JobId>, JobsError> {
        self.run(move |conn| queries::sweep(conn, now)).await
    }
}
