//! A job as a Redis hash: the fields written at submission, and reading a
//! hash (whole, or only its summary fields) back into a job.

use std::collections::HashMap;
use std::str::FromStr;

use serde::de::DeserializeOwned;

use crate::jobs::{Job, JobId, JobSummary, JobsError, Timestamp};

/// The fields a status query reads (never `input` or `result`).
pub(super) const SUMMARY_FIELDS: [&str; 12] = [
    "kind",
    "status",
    "user",
    "progress",
    "error",
    "created_at",
    "started_at",
    "completed_at",
    "attempts",
    "max_attempts",
    "expires_at",
    "cost_usd",
];

/// The field/value pairs of a new job's hash (the scripts add the lease
/// and queue fields as the job moves).
pub(super) fn new_fields(job: &Job) -> Result<Vec<(&'static str, String)>, JobsError> {
    let input = serde_json::to_string(&job.input)
        .map_err(|error| JobsError::InvalidInput(error.to_string()))?;
    let mut fields = vec![
        ("kind", job.kind.as_str().to_owned()),
        ("status", job.status.as_str().to_owned()),
        ("input", input),
        ("created_at", job.created_at.as_millis().to_string()),
        ("attempts", job.attempts.to_string()),
        ("max_attempts", job.max_attempts.to_string()),
        ("run_at", job.run_at.as_millis().to_string()),
        ("expires_at", job.expires_at.as_millis().to_string()),
        ("cost_usd", job.cost_usd.to_string()),
    ];
    if let Some(user) = &job.user {
        fields.push(("user", user.clone()));
    }
    Ok(fields)
}

/// A job hash's fields as read back.
pub(super) struct Record {
    id: JobId,
    fields: HashMap<String, String>,
}

impl Record {
    /// From HGETALL's flat field, value, field, value… list; `None` when
    /// empty (no such job).
    pub fn from_pairs(id: JobId, flat: Vec<String>) -> Option<Self> {
        let mut fields = HashMap::with_capacity(flat.len() / 2);
        let mut items = flat.into_iter();
        while let (Some(name), Some(value)) = (items.next(), items.next()) {
            fields.insert(name, value);
        }
        (!fields.is_empty()).then_some(Self { id, fields })
    }

    /// From HMGET's values for [`SUMMARY_FIELDS`]; `None` when the job does
    /// not exist.
    pub fn from_summary(id: JobId, values: Vec<Option<String>>) -> Option<Self> {
        let fields: HashMap<String, String> = SUMMARY_FIELDS
            .iter()
            .zip(values)
            .filter_map(|(name, value)| value.map(|value| ((*name).to_owned(), value)))
            .collect();
        fields.contains_key("status").then_some(Self { id, fields })
    }

    /// The whole job.
    pub fn job(&self) -> Result<Job, JobsError> {
        let summary = self.summary()?;
        Ok(Job {
            id: self.id,
            kind: summary.kind,
            status: summary.status,
            user: self.fields.get("user").cloned(),
            input: self
                .json("input")?
                .ok_or_else(|| self.corrupt("input", "missing"))?,
            result: self.json("result")?,
            error: summary.error,
            progress: summary.progress,
            created_at: summary.created_at,
            started_at: summary.started_at,
            completed_at: summary.completed_at,
            attempts: summary.attempts,
            max_attempts: summary.max_attempts,
            run_at: self.time("run_at")?.unwrap_or(summary.created_at),
            expires_at: summary.expires_at,
            cost_usd: summary.cost_usd,
        })
    }

    /// The job without its input and result.
    pub fn summary(&self) -> Result<JobSummary, JobsError> {
        Ok(JobSummary {
            id: self.id,
            kind: self.parse("kind")?,
            status: self.parse("status")?,
            user: self.fields.get("user").cloned(),
            progress: self.json("progress")?,
            error: self.json("error")?,
            created_at: self.required_time("created_at")?,
            started_at: self.time("started_at")?,
            completed_at: self.time("completed_at")?,
            attempts: self.parse("attempts")?,
            max_attempts: self.parse("max_attempts")?,
            expires_at: self.required_time("expires_at")?,
            cost_usd: self.parse("cost_usd")?,
        })
    }

    fn corrupt(&self, name: &str, problem: impl std::fmt::Display) -> JobsError {
        JobsError::Corrupt(format!("job {}: field `{name}`: {problem}", self.id))
    }

    fn parse<T: FromStr>(&self, name: &str) -> Result<T, JobsError>
    where
        T::Err: std::fmt::Display,
    {
        let text = self
            .fields
            .get(name)
            .ok_or_else(|| self.corrupt(name, "missing"))?;
        text.parse().map_err(|error| self.corrupt(name, error))
    }

    fn time(&self, name: &str) -> Result<Option<Timestamp>, JobsError> {
        self.fields
            .get(name)
            .map(|text| {
                text.parse()
                    .map(Timestamp::from_millis)
                    .map_err(|error| self.corrupt(name, error))
            })
            .transpose()
    }

    fn required_time(&self, name: &str) -> Result<Timestamp, JobsError> {
        self.time(name)?
            .ok_or_else(|| self.corrupt(name, "missing"))
    }

    fn json<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, JobsError> {
        self.fields
            .get(name)
            .map(|text| serde_json::from_str(text).map_err(|error| self.corrupt(name, error)))
            .transpose()
    }
}
