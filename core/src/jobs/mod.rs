//! Asynchronous jobs: submit work, get a job id at once, poll its status and
//! result while workers run it.
//!
//! A [`JobStore`] is the queue and the table of jobs in one; backends
//! ([`backend`]) serve one laptop (an SQLite file, or memory) or a fleet of
//! workers (PostgreSQL, Redis). Workers claim jobs under a lease they renew
//! with heartbeats: a worker that dies loses its lease and the job returns
//! to the queue, and a worker whose lease expired can no longer write a
//! result. Failed attempts retry with backoff up to `max_attempts`; jobs
//! and their files expire after 30 days by default.

pub mod backend;
mod error;
mod handler;
mod input;
mod job;
pub mod pipeline;
mod results;
mod retry;
pub mod store;
mod sweep;
mod time;
pub mod worker;

#[cfg(test)]
mod conformance;

pub use backend::open;
pub use error::JobsError;
pub use handler::{JobHandler, Outcome, ProgressReporter};
pub use input::JobInput;
pub use job::{
    DEFAULT_MAX_ATTEMPTS, DEFAULT_TTL, Failure, Job, JobId, JobKind, JobStatus, JobSummary, NewJob,
    Progress,
};
pub use pipeline::{DEFAULT_URL_TTL, EngineHandler, GeneratedFile};
pub use results::{AnalyzeResult, GenerateResult, ImproveResult, ProcessResult};
pub use retry::RetryPolicy;
pub use store::{AfterFailure, ClaimRequest, Claimed, JobFilter, JobStore, Lease};
pub use sweep::sweep_expired;
pub use time::Timestamp;
pub use worker::{Worker, WorkerConfig, WorkerStats};
