//! Jobs as records: what `submit` takes besides the kind and the source
//! (the core's `JobRequest`), a job's status, and what a worker did.

use resume_engine::engine::JobRequest;
use resume_engine::jobs;

/// What a submission takes besides its kind and source; every field is
/// optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, uniffi::Record)]
pub struct JobOptions {
    /// A job description to match keywords against.
    #[uniffi(default)]
    pub job_description: Option<String>,
    /// A built-in keyword pack.
    #[uniffi(default)]
    pub keywords: Option<String>,
    /// The template for generate and process jobs.
    #[uniffi(default)]
    pub template: Option<String>,
    /// The output formats for generate and process jobs (`pdf`, `docx`).
    #[uniffi(default)]
    pub formats: Vec<String>,
    /// Improver providers in fallback order (`rules` offline).
    #[uniffi(default)]
    pub providers: Vec<String>,
    /// The document's file name, kept for the record.
    #[uniffi(default)]
    pub filename: Option<String>,
    /// A previous job whose resume is rendered again.
    #[uniffi(default)]
    pub source_job: Option<String>,
    /// The job id to use (idempotent submission).
    #[uniffi(default)]
    pub job_id: Option<String>,
    /// Who submits the job.
    #[uniffi(default)]
    pub user: Option<String>,
    /// Attempts before the job fails for good.
    #[uniffi(default)]
    pub max_attempts: Option<u32>,
}

/// A job's status without its input and result.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct JobSummary {
    /// Its id.
    pub id: String,
    /// What it does: `analyze`, `improve`, `generate` or `process`.
    pub kind: String,
    /// Where it is: `queued`, `processing`, `completed` or `failed`.
    pub status: String,
    /// True once it completed or failed for good.
    pub finished: bool,
    /// Who submitted it.
    pub user: Option<String>,
    /// How far the running attempt has got.
    pub progress: Option<JobProgress>,
    /// Why its last attempt failed.
    pub error: Option<JobFailure>,
    /// When it was submitted, in milliseconds since the Unix epoch.
    pub created_at_ms: i64,
    /// When its latest attempt started.
    pub started_at_ms: Option<i64>,
    /// When it completed or failed for good.
    pub completed_at_ms: Option<i64>,
    /// Attempts started so far.
    pub attempts: u32,
    /// Attempts allowed.
    pub max_attempts: u32,
    /// When it and its files are deleted.
    pub expires_at_ms: i64,
    /// What it cost in US dollars.
    pub cost_usd: f64,
}

/// How far a running job has got.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct JobProgress {
    /// The stage being worked on (`parse`, `analyze`, `improve`,
    /// `render`…).
    pub stage: String,
    /// Percent done, 0 to 100.
    pub percent: u8,
}

/// Why a job's attempt failed.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct JobFailure {
    /// The stable error code (as in `ResumeEngineError`).
    pub code: String,
    /// A message for people.
    pub message: String,
    /// Whether trying again may succeed.
    pub retryable: bool,
}

/// What a worker did before it stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, uniffi::Record)]
pub struct WorkerStats {
    /// Attempts that completed their job.
    pub completed: u64,
    /// Attempts that failed and were queued again.
    pub retried: u64,
    /// Attempts that failed for good.
    pub failed: u64,
    /// Attempts abandoned because the lease was lost.
    pub lease_lost: u64,
    /// Jobs given back to the queue on shutdown.
    pub released: u64,
    /// Expired jobs swept.
    pub swept: u64,
}

impl From<JobOptions> for JobRequest {
    fn from(options: JobOptions) -> Self {
        let JobOptions {
            job_description,
            keywords,
            template,
            formats,
            providers,
            filename,
            source_job,
            job_id,
            user,
            max_attempts,
        } = options;
        Self {
            job_description,
            keywords,
            template,
            formats,
            providers,
            filename,
            source_job,
            job_id,
            user,
            max_attempts,
        }
    }
}

impl From<jobs::JobSummary> for JobSummary {
    fn from(summary: jobs::JobSummary) -> Self {
        let jobs::JobSummary {
            id,
            kind,
            status,
            user,
            progress,
            error,
            created_at,
            started_at,
            completed_at,
            attempts,
            max_attempts,
            expires_at,
            cost_usd,
        } = summary;
        Self {
            id: id.to_string(),
            kind: kind.as_str().to_owned(),
            status: status.as_str().to_owned(),
            finished: status.is_terminal(),
            user,
            progress: progress
                .map(|jobs::Progress { stage, percent }| JobProgress { stage, percent }),
            error: error.map(
                |jobs::Failure {
                     code,
                     message,
                     retryable,
                 }| JobFailure {
                    code,
                    message,
                    retryable,
                },
            ),
            created_at_ms: created_at.as_millis(),
            started_at_ms: started_at.map(jobs::Timestamp::as_millis),
            completed_at_ms: completed_at.map(jobs::Timestamp::as_millis),
            attempts,
            max_attempts,
            expires_at_ms: expires_at.as_millis(),
            cost_usd,
        }
    }
}

impl From<jobs::WorkerStats> for WorkerStats {
    fn from(stats: jobs::WorkerStats) -> Self {
        let jobs::WorkerStats {
            completed,
            retried,
            failed,
            lease_lost,
            released,
            swept,
        } = stats;
        Self {
            completed,
            retried,
            failed,
            lease_lost,
            released,
            swept,
        }
    }
}
