//! The job record and its parts: id, kind, status, progress and failure.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::JobsError;
use super::time::Timestamp;

/// How long a job and its files are kept by default: 30 days.
pub const DEFAULT_TTL: Duration = Duration::from_secs(30 * 24 * 60 * 60);

/// How many times a job is tried by default before it is marked failed.
pub const DEFAULT_MAX_ATTEMPTS: u32 = 3;

/// A job's identifier: a UUID, shown in its hyphenated form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(type = "string"))]
#[serde(transparent)]
pub struct JobId(Uuid);

impl JobId {
    /// A new random (version 4) id.
    pub fn new() -> Self {
        Self(Uuid::new_v4())
    }

    /// The id as a UUID.
    pub fn as_uuid(&self) -> Uuid {
        self.0
    }
}

impl Default for JobId {
    fn default() -> Self {
        Self::new()
    }
}

impl From<Uuid> for JobId {
    fn from(uuid: Uuid) -> Self {
        Self(uuid)
    }
}

impl fmt::Display for JobId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl FromStr for JobId {
    type Err = JobsError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(text.trim())
            .map(Self)
            .map_err(|_| JobsError::InvalidId(text.to_owned()))
    }
}

/// What a job does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum JobKind {
    /// Parse and score a resume.
    Analyze,
    /// Parse a resume and suggest rewrites of its bullets.
    Improve,
    /// Render a resume (or a previous job's resume) to PDF or DOCX.
    Generate,
    /// The whole pipeline: parse, score, improve, apply, render.
    Process,
}

impl JobKind {
    /// Every kind, in pipeline order.
    pub const ALL: [JobKind; 4] = [Self::Analyze, Self::Improve, Self::Generate, Self::Process];

    /// The kind's name as used in JSON, URLs and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Analyze => "analyze",
            Self::Improve => "improve",
            Self::Generate => "generate",
            Self::Process => "process",
        }
    }
}

impl fmt::Display for JobKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for JobKind {
    type Err = JobsError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text)
            .ok_or_else(|| JobsError::Corrupt(format!("unknown job kind `{text}`")))
    }
}

/// Where a job is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum JobStatus {
    /// Waiting for a worker (new, or retrying after a failed attempt).
    Queued,
    /// Claimed by a worker that holds its lease.
    Processing,
    /// Finished with a result.
    Completed,
    /// Finished without a result: attempts exhausted, a permanent error, or
    /// cancelled.
    Failed,
}

impl JobStatus {
    /// Every status.
    pub const ALL: [JobStatus; 4] = [
        Self::Queued,
        Self::Processing,
        Self::Completed,
        Self::Failed,
    ];

    /// The status's name as used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Processing => "processing",
            Self::Completed => "completed",
            Self::Failed => "failed",
        }
    }

    /// Whether the job is finished (completed or failed).
    pub fn is_terminal(self) -> bool {
        matches!(self, Self::Completed | Self::Failed)
    }
}

impl fmt::Display for JobStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for JobStatus {
    type Err = JobsError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == text)
            .ok_or_else(|| JobsError::Corrupt(format!("unknown job status `{text}`")))
    }
}

/// How far a running job has got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Progress {
    /// The stage being worked on (`parse`, `analyze`, `improve`, `render`…).
    pub stage: String,
    /// Percent done, 0 to 100.
    pub percent: u8,
}

impl Progress {
    /// Progress at `stage`, `percent` clamped to 100.
    pub fn new(stage: impl Into<String>, percent: u8) -> Self {
        Self {
            stage: stage.into(),
            percent: percent.min(100),
        }
    }
}

/// Why an attempt failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Failure {
    /// A stable, machine-readable code (`parse`, `encrypted`, `timeout`,
    /// `lease_expired`, `cancelled`, `provider`…).
    pub code: String,
    /// A message for people.
    pub message: String,
    /// Whether trying again may succeed (a timeout or a provider outage), as
    /// opposed to a permanent error such as a corrupt document.
    pub retryable: bool,
}

impl Failure {
    /// A failure that another attempt may fix.
    pub fn transient(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            retryable: true,
        }
    }

    /// A failure no retry can fix.
    pub fn permanent(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            retryable: false,
        }
    }
}

/// A job as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Job {
    /// Its id.
    pub id: JobId,
    /// What it does.
    pub kind: JobKind,
    /// Where it is.
    pub status: JobStatus,
    /// Who submitted it (an API key's id, a user id), for listing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// What it works on: the kind's input as JSON.
    pub input: Value,
    /// What it produced, once completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Value>,
    /// Why its last attempt failed (kept when a later attempt is queued).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Failure>,
    /// How far the running attempt has got.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
    /// When it was submitted.
    pub created_at: Timestamp,
    /// When its latest attempt started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Timestamp>,
    /// When it completed or failed for good.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<Timestamp>,
    /// Attempts started so far (a lease that expired counts as one).
    pub attempts: u32,
    /// Attempts allowed before it is marked failed.
    pub max_attempts: u32,
    /// When it may next be claimed (later than now while backing off).
    pub run_at: Timestamp,
    /// When it and its files are deleted.
    pub expires_at: Timestamp,
    /// What it cost in US dollars (LLM calls), once completed.
    pub cost_usd: f64,
}

impl Job {
    /// The job without its input and result: what a status query returns.
    pub fn summary(&self) -> JobSummary {
        JobSummary {
            id: self.id,
            kind: self.kind,
            status: self.status,
            user: self.user.clone(),
            progress: self.progress.clone(),
            error: self.error.clone(),
            created_at: self.created_at,
            started_at: self.started_at,
            completed_at: self.completed_at,
            attempts: self.attempts,
            max_attempts: self.max_attempts,
            expires_at: self.expires_at,
            cost_usd: self.cost_usd,
        }
    }
}

/// A job's status without its input and result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct JobSummary {
    /// Its id.
    pub id: JobId,
    /// What it does.
    pub kind: JobKind,
    /// Where it is.
    pub status: JobStatus,
    /// Who submitted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// How far the running attempt has got.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
    /// Why its last attempt failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Failure>,
    /// When it was submitted.
    pub created_at: Timestamp,
    /// When its latest attempt started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Timestamp>,
    /// When it completed or failed for good.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<Timestamp>,
    /// Attempts started so far.
    pub attempts: u32,
    /// Attempts allowed.
    pub max_attempts: u32,
    /// When it and its files are deleted.
    pub expires_at: Timestamp,
    /// What it cost in US dollars.
    pub cost_usd: f64,
}

/// A job to submit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewJob {
    /// Its id; submitting the same id again returns the job already stored
    /// (idempotent submission).
    pub id: JobId,
    /// What it does.
    pub kind: JobKind,
    /// Who submits it.
    #[serde(default)]
    pub user: Option<String>,
    /// Its input.
    pub input: Value,
    /// Attempts allowed (at least 1).
    pub max_attempts: u32,
    /// How long it and its files are kept after submission.
    pub ttl: Duration,
}

impl NewJob {
    /// A job of `kind` on `input` with a fresh id and the defaults (3
    /// attempts, kept 30 days).
    pub fn new(kind: JobKind, input: Value) -> Self {
        Self {
            id: JobId::new(),
            kind,
            user: None,
            input,
            max_attempts: DEFAULT_MAX_ATTEMPTS,
            ttl: DEFAULT_TTL,
        }
    }

    /// Uses the caller's id (for idempotent retries of a submission).
    pub fn with_id(mut self, id: JobId) -> Self {
        self.id = id;
        self
    }

    /// Records who submits it.
    pub fn with_user(mut self, user: impl Into<String>) -> Self {
        self.user = Some(user.into());
        self
    }

    /// Sets the attempts allowed (at least 1).
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// Sets how long it is kept.
    pub fn with_ttl(mut self, ttl: Duration) -> Self {
        self.ttl = ttl;
        self
    }

    /// The stored job this submission creates at `now`.
    pub fn into_job(self, now: Timestamp) -> Job {
        Job {
            id: self.id,
            kind: self.kind,
            status: JobStatus::Queued,
            user: self.user,
            input: self.input,
            result: None,
            error: None,
            progress: None,
            created_at: now,
            started_at: None,
            completed_at: None,
            attempts: 0,
            max_attempts: self.max_attempts.max(1),
            run_at: now,
            expires_at: now.plus(self.ttl),
            cost_usd: 0.0,
        }
    }
}
