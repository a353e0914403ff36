//! Rows to jobs and back: timestamps, JSON columns and counters.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use tokio_postgres::Row;
use uuid::Uuid;

use crate::jobs::store::{Claimed, Lease};
use crate::jobs::{Job, JobId, JobSummary, JobsError, Timestamp};

/// The latest instant PostgreSQL's `timestamptz` holds, in milliseconds
/// since the Unix epoch (the end of 294276 AD); later instants are stored
/// as this one.
const MAX_MILLIS: i64 = 9_224_318_015_999_999;
/// The earliest (4714 BC).
const MIN_MILLIS: i64 = -212_760_172_800_000;

/// An instant as the driver writes it to a `timestamptz`.
pub(super) fn time(stamp: Timestamp) -> SystemTime {
    let millis = stamp.as_millis().clamp(MIN_MILLIS, MAX_MILLIS);
    let offset = Duration::from_millis(millis.unsigned_abs());
    if millis >= 0 {
        UNIX_EPOCH + offset
    } else {
        UNIX_EPOCH - offset
    }
}

/// A `timestamptz` read back as an instant.
fn stamp(time: SystemTime) -> Timestamp {
    let millis = match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_millis()).unwrap_or(i64::MAX),
        Err(before) => i64::try_from(before.duration().as_millis()).map_or(i64::MIN, |ms| -ms),
    };
    Timestamp::from_millis(millis)
}

/// A value as a `jsonb` parameter.
pub(super) fn json(value: &impl Serialize) -> Result<Value, JobsError> {
    serde_json::to_value(value).map_err(|error| JobsError::Corrupt(error.to_string()))
}

fn get<'a, T: tokio_postgres::types::FromSql<'a>>(
    row: &'a Row,
    column: &str,
) -> Result<T, JobsError> {
    row.try_get(column)
        .map_err(|error| JobsError::Corrupt(format!("column `{column}`: {error}")))
}

fn parsed<T: std::str::FromStr<Err = JobsError>>(row: &Row, column: &str) -> Result<T, JobsError> {
    get::<&str>(row, column)?.parse()
}

fn instant(row: &Row, column: &str) -> Result<Timestamp, JobsError> {
    get::<SystemTime>(row, column).map(stamp)
}

fn optional_instant(row: &Row, column: &str) -> Result<Option<Timestamp>, JobsError> {
    Ok(get::<Option<SystemTime>>(row, column)?.map(stamp))
}

fn count(row: &Row, column: &str) -> Result<u32, JobsError> {
    let value: i32 = get(row, column)?;
    u32::try_from(value).map_err(|_| JobsError::Corrupt(format!("column `{column}`: {value}")))
}

fn document<T: DeserializeOwned>(row: &Row, column: &str) -> Result<Option<T>, JobsError> {
    get::<Option<Value>>(row, column)?
        .map(|value| {
            serde_json::from_value(value)
                .map_err(|error| JobsError::Corrupt(format!("column `{column}`: {error}")))
        })
        .transpose()
}

/// The id in a row's `id` column.
pub(super) fn id(row: &Row) -> Result<JobId, JobsError> {
    get::<Uuid>(row, "id").map(JobId::from)
}

/// A whole job from the columns `sql::job_columns!` names.
pub(super) fn job(row: &Row) -> Result<Job, JobsError> {
    Ok(Job {
        id: id(row)?,
        kind: parsed(row, "job_type")?,
        status: parsed(row, "status")?,
        user: get(row, "user_id")?,
        input: get(row, "input")?,
        result: get(row, "result")?,
        error: document(row, "error")?,
        progress: document(row, "progress")?,
        created_at: instant(row, "created_at")?,
        started_at: optional_instant(row, "started_at")?,
        completed_at: optional_instant(row, "completed_at")?,
        attempts: count(row, "attempts")?,
        max_attempts: count(row, "max_attempts")?,
        run_at: instant(row, "run_at")?,
        expires_at: instant(row, "expires_at")?,
        cost_usd: get(row, "cost_usd")?,
    })
}

/// A claimed job and its lease from a row of `sql::CLAIM`, the lease
/// running `until`.
pub(super) fn claimed(row: &Row, until: Timestamp) -> Result<Claimed, JobsError> {
    let job = job(row)?;
    let lease = Lease {
        job: job.id,
        token: get(row, "lease_token")?,
        until,
    };
    Ok(Claimed { job, lease })
}

/// A job summary from the columns `sql::summary_columns!` names.
pub(super) fn summary(row: &Row) -> Result<JobSummary, JobsError> {
    Ok(JobSummary {
        id: id(row)?,
        kind: parsed(row, "job_type")?,
        status: parsed(row, "status")?,
        user: get(row, "user_id")?,
        error: document(row, "error")?,
        progress: document(row, "progress")?,
        created_at: instant(row, "created_at")?,
        started_at: optional_instant(row, "started_at")?,
        completed_at: optional_instant(row, "completed_at")?,
        attempts: count(row, "attempts")?,
        max_attempts: count(row, "max_attempts")?,
        expires_at: instant(row, "expires_at")?,
        cost_usd: get(row, "cost_usd")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_round_trip_and_clamp() {
        for millis in [0, 1_796_000_123_456, -86_400_001] {
            let stamp_in = Timestamp::from_millis(millis);
            assert_eq!(stamp(time(stamp_in)), stamp_in);
        }
        let far = Timestamp::from_millis(i64::MAX);
        assert_eq!(stamp(time(far)).as_millis(), MAX_MILLIS);
    }
}
