//! Errors of the jobs layer.

use thiserror::Error;

use super::JobId;

/// Errors of the jobs layer: stores, workers and blob storage.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum JobsError {
    /// No job has this id (never submitted, or expired and swept).
    #[error("job {0} not found")]
    NotFound(JobId),
    /// The text is not a job id.
    #[error("`{0}` is not a job id (expected a UUID)")]
    InvalidId(String),
    /// The worker's lease on the job is gone: it expired and another worker
    /// took the job, or the job was cancelled. Its result is discarded.
    #[error("the lease on job {0} was lost (expired, taken by another worker, or cancelled)")]
    LeaseLost(JobId),
    /// The job exists but has no result yet, or failed.
    #[error("job {id} has no result: it is {status}")]
    NoResult {
        /// The job.
        id: JobId,
        /// Its status.
        status: super::JobStatus,
    },
    /// The backend URL is malformed or names a scheme this build lacks.
    #[error("invalid backend `{url}`: {reason}")]
    InvalidBackend {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The backend failed (connection, query, I/O).
    #[error("{backend} backend: {message}")]
    Backend {
        /// Which backend (`sqlite`, `postgres`, `redis`, `memory`).
        backend: &'static str,
        /// What went wrong.
        message: String,
    },
    /// A stored record could not be read back.
    #[error("corrupt job record: {0}")]
    Corrupt(String),
    /// Blob storage failed.
    #[error(transparent)]
    Storage(#[from] crate::storage::StorageError),
    /// A job input could not be built or read.
    #[error("invalid job input: {0}")]
    InvalidInput(String),
}

impl JobsError {
    /// A backend failure from any displayable error.
    pub fn backend(backend: &'static str, error: impl std::fmt::Display) -> Self {
        Self::Backend {
            backend,
            message: error.to_string(),
        }
    }
}
