//! Reading jobs back from rows, and the JSON text columns both ways.

use rusqlite::{Row, Rows};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::jobs::{Job, JobId, JobSummary, JobsError, Timestamp};

/// The columns [`job`] reads.
pub(super) const JOB_COLUMNS: &str = "id, kind, status, user, input, result, error, progress, \
     created_at, started_at, completed_at, attempts, max_attempts, run_at, expires_at, cost_usd";

/// The columns [`summary`] reads: no input or result, so a status query
/// stays cheap however large they are.
pub(super) const SUMMARY_COLUMNS: &str = "id, kind, status, user, progress, error, created_at, \
     started_at, completed_at, attempts, max_attempts, expires_at, cost_usd";

/// A driver error as a backend error.
pub(super) fn backend(error: rusqlite::Error) -> JobsError {
    JobsError::backend("sqlite", error)
}

/// `value` as JSON text for a column.
pub(super) fn json<T: Serialize + ?Sized>(value: &T) -> Result<String, JobsError> {
    serde_json::to_string(value).map_err(|error| JobsError::InvalidInput(error.to_string()))
}

/// The first row `read` turns into a value, if any.
pub(super) fn first<T>(
    mut rows: Rows<'_>,
    read: fn(&Row<'_>) -> Result<T, JobsError>,
) -> Result<Option<T>, JobsError> {
    rows.next().map_err(backend)?.map(read).transpose()
}

/// Every row, each turned into a value by `read`.
pub(super) fn all<T>(
    mut rows: Rows<'_>,
    read: fn(&Row<'_>) -> Result<T, JobsError>,
) -> Result<Vec<T>, JobsError> {
    let mut found = Vec::new();
    while let Some(row) = rows.next().map_err(backend)? {
        found.push(read(row)?);
    }
    Ok(found)
}

/// A whole job from a row of [`JOB_COLUMNS`].
pub(super) fn job(row: &Row<'_>) -> Result<Job, JobsError> {
    Ok(Job {
        id: id(row)?,
        kind: text(row, "kind")?.parse()?,
        status: text(row, "status")?.parse()?,
        user: row.get("user").map_err(backend)?,
        input: parsed(row, "input")?.ok_or_else(|| JobsError::Corrupt("no input".into()))?,
        result: parsed(row, "result")?,
        error: parsed(row, "error")?,
        progress: parsed(row, "progress")?,
        created_at: time(row, "created_at")?,
        started_at: optional_time(row, "started_at")?,
        completed_at: optional_time(row, "completed_at")?,
        attempts: row.get("attempts").map_err(backend)?,
        max_attempts: row.get("max_attempts").map_err(backend)?,
        run_at: time(row, "run_at")?,
        expires_at: time(row, "expires_at")?,
        cost_usd: row.get("cost_usd").map_err(backend)?,
    })
}

/// A job's summary from a row of [`SUMMARY_COLUMNS`].
pub(super) fn summary(row: &Row<'_>) -> Result<JobSummary, JobsError> {
    Ok(JobSummary {
        id: id(row)?,
        kind: text(row, "kind")?.parse()?,
        status: text(row, "status")?.parse()?,
        user: row.get("user").map_err(backend)?,
        progress: parsed(row, "progress")?,
        error: parsed(row, "error")?,
        created_at: time(row, "created_at")?,
        started_at: optional_time(row, "started_at")?,
        completed_at: optional_time(row, "completed_at")?,
        attempts: row.get("attempts").map_err(backend)?,
        max_attempts: row.get("max_attempts").map_err(backend)?,
        expires_at: time(row, "expires_at")?,
        cost_usd: row.get("cost_usd").map_err(backend)?,
    })
}

/// The `id` column alone.
pub(super) fn id(row: &Row<'_>) -> Result<JobId, JobsError> {
    let text = text(row, "id")?;
    text.parse()
        .map_err(|_| JobsError::Corrupt(format!("`{text}` is not a job id")))
}

fn text(row: &Row<'_>, column: &str) -> Result<String, JobsError> {
    row.get(column).map_err(backend)
}

fn time(row: &Row<'_>, column: &str) -> Result<Timestamp, JobsError> {
    row.get(column).map(Timestamp::from_millis).map_err(backend)
}

fn optional_time(row: &Row<'_>, column: &str) -> Result<Option<Timestamp>, JobsError> {
    row.get::<_, Option<i64>>(column)
        .map(|millis| millis.map(Timestamp::from_millis))
        .map_err(backend)
}

fn parsed<T: DeserializeOwned>(row: &Row<'_>, column: &str) -> Result<Option<T>, JobsError> {
    let Some(text) = row.get::<_, Option<String>>(column).map_err(backend)? else {
        return Ok(None);
    };
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|error| JobsError::Corrupt(format!("column {column}: {error}")))
}
