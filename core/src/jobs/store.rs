//! The job store: the one trait every queue backend implements.

use std::fmt::Debug;
use std::time::Duration;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{
    Failure, Job, JobId, JobKind, JobStatus, JobSummary, JobsError, NewJob, Progress, Timestamp,
};

/// A worker's hold on a claimed job. Only the holder of the current lease
/// can report progress, complete or fail the job; once the lease expires
/// another worker may claim the job, and the first one's writes are refused
/// with [`JobsError::LeaseLost`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lease {
    /// The job held.
    pub job: JobId,
    /// A token unique to this claim.
    pub token: String,
    /// When the lease runs out unless renewed by a heartbeat.
    pub until: Timestamp,
}

impl Lease {
    /// The same lease, running until `extend` from now: what a heartbeat
    /// stores.
    pub fn renewed(&self, extend: Duration) -> Self {
        Self {
            until: Timestamp::now().plus(extend),
            ..self.clone()
        }
    }
}

/// A claimed job and the lease that guards it.
#[derive(Debug, Clone, PartialEq)]
pub struct Claimed {
    /// The job, with `status = processing` and `attempts` counting this one.
    pub job: Job,
    /// The lease.
    pub lease: Lease,
}

/// What a claim asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRequest {
    /// The claiming worker's name (for logs and the record).
    pub worker: String,
    /// How long the lease lasts before a heartbeat must renew it.
    pub lease: Duration,
    /// The kinds this worker runs (`None`: all).
    pub kinds: Option<Vec<JobKind>>,
}

impl ClaimRequest {
    /// A claim by `worker` of any kind with a lease of `lease`.
    pub fn new(worker: impl Into<String>, lease: Duration) -> Self {
        Self {
            worker: worker.into(),
            lease,
            kinds: None,
        }
    }

    /// Whether this claim accepts a job of `kind`.
    pub fn accepts(&self, kind: JobKind) -> bool {
        self.kinds
            .as_ref()
            .is_none_or(|kinds| kinds.contains(&kind))
    }
}

/// What a failed attempt leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// Queue the job again, claimable from this instant.
    RetryAt(Timestamp),
    /// Mark the job failed for good.
    Fail,
}

/// Which jobs to list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct JobFilter {
    /// Only this submitter's jobs.
    pub user: Option<String>,
    /// Only jobs in this status.
    pub status: Option<JobStatus>,
    /// At most this many (newest first); 0 means 100.
    pub limit: usize,
}

impl JobFilter {
    /// The limit in effect.
    pub fn effective_limit(&self) -> usize {
        if self.limit == 0 { 100 } else { self.limit }
    }

    /// Whether `job` passes the filter (ignoring the limit).
    pub fn matches(&self, job: &Job) -> bool {
        self.user
            .as_ref()
            .is_none_or(|user| job.user.as_ref() == Some(user))
            && self.status.is_none_or(|status| job.status == status)
    }
}

/// A queue and a table of jobs in one: the interface every backend
/// implements (embedded SQLite, in-memory, PostgreSQL, Redis).
///
/// Claims are exclusive: one job is held by one lease at a time. A job
/// whose lease expired is claimable again (a timeout counts as an attempt);
/// one whose lease expired on its last attempt is marked failed with the
/// code `lease_expired` by the next claim.
#[async_trait]
pub trait JobStore: Debug + Send + Sync {
    /// Stores a new job as `queued`. Idempotent: if a job with the same id
    /// exists, it is returned unchanged.
    async fn enqueue(&self, job: NewJob) -> Result<Job, JobsError>;

    /// Claims the oldest claimable job (queued and due, or processing with
    /// an expired lease), marking it `processing` with a new lease and one
    /// more attempt. `None` when nothing is claimable.
    async fn claim(&self, request: &ClaimRequest) -> Result<Option<Claimed>, JobsError>;

    /// Claims up to `max` jobs at once, each as [`claim`](Self::claim)
    /// would (oldest first, each under a lease of its own); empty when
    /// nothing is claimable. A store without a batch claim takes one job
    /// per call, so fewer than `max` does not mean the queue is empty.
    async fn claim_batch(
        &self,
        request: &ClaimRequest,
        max: usize,
    ) -> Result<Vec<Claimed>, JobsError> {
        if max == 0 {
            return Ok(Vec::new());
        }
        Ok(self.claim(request).await?.into_iter().collect())
    }

    /// Renews the lease for `extend` from now and records progress. A lease
    /// whose time ran out but that no other claim has taken yet is still
    /// held (expiry is applied lazily, by the next claim), so a slow
    /// heartbeat does not lose a job nobody else wanted.
    async fn heartbeat(
        &self,
        lease: &Lease,
        progress: Option<&Progress>,
        extend: Duration,
    ) -> Result<Lease, JobsError>;

    /// Marks the job completed with its result and cost, if `lease` still
    /// holds it.
    async fn complete(&self, lease: &Lease, result: Value, cost_usd: f64) -> Result<(), JobsError>;

    /// Records a failed attempt, if `lease` still holds the job: queues it
    /// again or marks it failed, as `after` says. Returns the job's new
    /// status.
    async fn fail(
        &self,
        lease: &Lease,
        failure: &Failure,
        after: AfterFailure,
    ) -> Result<JobStatus, JobsError>;

    /// Gives a claimed job back without counting the attempt (a worker
    /// shutting down gracefully).
    async fn release(&self, lease: &Lease) -> Result<(), JobsError>;

    /// The whole job, input and result included.
    async fn get(&self, id: JobId) -> Result<Option<Job>, JobsError>;

    /// The job without its input and result.
    async fn status(&self, id: JobId) -> Result<Option<JobSummary>, JobsError>;

    /// Jobs passing `filter`, newest first.
    async fn list(&self, filter: &JobFilter) -> Result<Vec<JobSummary>, JobsError>;

    /// Cancels a job that has not finished: it ends `failed` with the code
    /// `cancelled`, and a worker holding it loses its lease. Returns the job
    /// as it is afterwards (unchanged when already finished).
    async fn cancel(&self, id: JobId) -> Result<Option<JobSummary>, JobsError>;

    /// Deletes every job whose `expires_at` is at or before `now`, returning
    /// their ids (so their blobs can be deleted too).
    async fn sweep(&self, now: Timestamp) -> Result<Vec<JobId>, JobsError>;
}

/// The failure recorded when a job's last lease expired.
pub fn lease_expired() -> Failure {
    Failure::transient(
        "lease_expired",
        "the worker running this job stopped renewing its lease (crashed, killed or timed out)",
    )
}

/// The failure recorded when a job is cancelled.
pub fn cancelled() -> Failure {
    Failure::permanent("cancelled", "the job was cancelled")
}
