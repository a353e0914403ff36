//! The SQLite store's statements, one function per operation, each run on
//! a blocking thread with the store's connection.

use std::time::Duration;

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, Transaction, TransactionBehavior, named_params, params_from_iter};
use serde_json::Value;
use uuid::Uuid;

use super::rows::{self, JOB_COLUMNS, SUMMARY_COLUMNS, backend, json};
use crate::jobs::store::{AfterFailure, ClaimRequest, Claimed, Lease, cancelled, lease_expired};
use crate::jobs::{
    Failure, Job, JobFilter, JobId, JobStatus, JobSummary, JobsError, Progress, Timestamp,
};

/// The job `id` in full.
pub(super) fn get(conn: &Connection, id: JobId) -> Result<Option<Job>, JobsError> {
    let mut stmt = conn
        .prepare_cached(&format!("SELECT {JOB_COLUMNS} FROM jobs WHERE id = ?1"))
        .map_err(backend)?;
    let found = stmt.query([id.to_string()]).map_err(backend)?;
    rows::first(found, rows::job)
}

/// The job `id` without its input and result.
pub(super) fn status(conn: &Connection, id: JobId) -> Result<Option<JobSummary>, JobsError> {
    let mut stmt = conn
        .prepare_cached(&format!("SELECT {SUMMARY_COLUMNS} FROM jobs WHERE id = ?1"))
        .map_err(backend)?;
    let found = stmt.query([id.to_string()]).map_err(backend)?;
    rows::first(found, rows::summary)
}

/// Inserts `jobs` in one transaction (one commit for a whole batch of
/// concurrent submissions), each unless its id exists (idempotent
/// submission): each job's stored version, or its error, in order.
pub(super) fn insert_all(conn: &mut Connection, jobs: Vec<Job>) -> Vec<Result<Job, JobsError>> {
    let count = jobs.len();
    let all_failed = |error: &rusqlite::Error| {
        (0..count)
            .map(|_| Err(JobsError::backend("sqlite", error)))
            .collect()
    };
    let tx = match conn.transaction_with_behavior(TransactionBehavior::Immediate) {
        Ok(tx) => tx,
        Err(error) => return all_failed(&error),
    };
    let stored: Vec<_> = jobs.into_iter().map(|job| insert(&tx, job)).collect();
    match tx.commit() {
        Ok(()) => stored,
        Err(error) => all_failed(&error),
    }
}

/// Inserts `job` unless its id exists; the stored job either way.
fn insert(tx: &Transaction<'_>, job: Job) -> Result<Job, JobsError> {
    let inserted = tx
        .prepare_cached(
            "INSERT INTO jobs (id, kind, status, user, input, created_at, attempts, \
             max_attempts, run_at, expires_at, cost_usd) \
             VALUES (:id, :kind, :status, :user, :input, :created_at, :attempts, \
             :max_attempts, :run_at, :expires_at, :cost_usd) \
             ON CONFLICT (id) DO NOTHING",
        )
        .map_err(backend)?
        .execute(named_params! {
            ":id": job.id.to_string(),
            ":kind": job.kind.as_str(),
            ":status": job.status.as_str(),
            ":user": job.user,
            ":input": json(&job.input)?,
            ":created_at": job.created_at.as_millis(),
            ":attempts": job.attempts,
            ":max_attempts": job.max_attempts,
            ":run_at": job.run_at.as_millis(),
            ":expires_at": job.expires_at.as_millis(),
            ":cost_usd": job.cost_usd,
        })
        .map_err(backend)?;
    if inserted == 1 {
        return Ok(job);
    }
    get(tx, job.id)?.ok_or_else(|| JobsError::Corrupt(format!("job {} vanished", job.id)))
}

/// Returns jobs whose lease expired by `now` to the queue (due when their
/// lease ran out), or fails them when that was their last attempt.
fn reap(conn: &Connection, now: Timestamp) -> Result<(), JobsError> {
    let expired = json(&lease_expired())?;
    let params = named_params! { ":error": expired, ":now": now.as_millis() };
    conn.prepare_cached(
        "UPDATE jobs SET status = 'failed', error = :error, completed_at = :now, \
         lease_token = NULL, lease_until = NULL \
         WHERE status = 'processing' AND lease_until <= :now AND attempts >= max_attempts",
    )
    .map_err(backend)?
    .execute(params)
    .map_err(backend)?;
    conn.prepare_cached(
        "UPDATE jobs SET status = 'queued', error = :error, run_at = lease_until, \
         lease_token = NULL, lease_until = NULL \
         WHERE status = 'processing' AND lease_until <= :now",
    )
    .map_err(backend)?
    .execute(params)
    .map_err(backend)?;
    Ok(())
}

/// Claims the oldest due job `request` accepts, in one write transaction.
pub(super) fn claim(
    conn: &mut Connection,
    request: &ClaimRequest,
) -> Result<Option<Claimed>, JobsError> {
    let now = Timestamp::now();
    let lease_until = now.plus(request.lease);
    let token = Uuid::new_v4().to_string();
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(backend)?;
    reap(&tx, now)?;
    let kinds = request.kinds.as_deref().map(|kinds| {
        let marks = (5..5 + kinds.len())
            .map(|n| format!("?{n}"))
            .collect::<Vec<_>>();
        format!("AND kind IN ({})", marks.join(", "))
    });
    let sql = format!(
        "UPDATE jobs SET status = 'processing', attempts = attempts + 1, started_at = ?1, \
         progress = NULL, lease_token = ?2, lease_until = ?3, worker = ?4 \
         WHERE seq = (SELECT seq FROM jobs WHERE status = 'queued' AND run_at <= ?1 {} \
         ORDER BY run_at, seq LIMIT 1) \
         RETURNING {JOB_COLUMNS}",
        kinds.unwrap_or_default()
    );
    let mut values = vec![
        SqlValue::Integer(now.as_millis()),
        SqlValue::Text(token.clone()),
        SqlValue::Integer(lease_until.as_millis()),
        SqlValue::Text(request.worker.clone()),
    ];
    values.extend(
        request
            .kinds
            .iter()
            .flatten()
            .map(|kind| SqlValue::Text(kind.as_str().to_owned())),
    );
    let job = {
        let mut stmt = tx.prepare_cached(&sql).map_err(backend)?;
        let found = stmt.query(params_from_iter(values)).map_err(backend)?;
        rows::first(found, rows::job)?
    };
    tx.commit().map_err(backend)?;
    Ok(job.map(|job| Claimed {
        lease: Lease {
            job: job.id,
            token,
            until: lease_until,
        },
        job,
    }))
}

/// `LeaseLost` unless a statement guarded by the lease changed its job.
fn held(changed: usize, lease: &Lease) -> Result<(), JobsError> {
    if changed == 1 {
        Ok(())
    } else {
        Err(JobsError::LeaseLost(lease.job))
    }
}

/// The SQL condition that `lease` still holds the job, on the parameters
/// `:id` and `:token`.
const HELD: &str = "id = :id AND status = 'processing' AND lease_token = :token";

pub(super) fn heartbeat(
    conn: &Connection,
    lease: &Lease,
    progress: Option<&Progress>,
    extend: Duration,
) -> Result<Lease, JobsError> {
    let renewed = lease.renewed(extend);
    let progress = progress.map(json).transpose()?;
    let changed = conn
        .prepare_cached(&format!(
            "UPDATE jobs SET lease_until = :until, progress = coalesce(:progress, progress) \
             WHERE {HELD}"
        ))
        .map_err(backend)?
        .execute(named_params! {
            ":until": renewed.until.as_millis(),
            ":progress": progress,
            ":id": lease.job.to_string(),
            ":token": lease.token,
        })
        .map_err(backend)?;
    held(changed, lease)?;
    Ok(renewed)
}

pub(super) fn complete(
    conn: &Connection,
    lease: &Lease,
    result: &Value,
    cost_usd: f64,
) -> Result<(), JobsError> {
    let changed = conn
        .prepare_cached(&format!(
            "UPDATE jobs SET status = 'completed', result = :result, cost_usd = :cost, \
             error = NULL, completed_at = :now, lease_token = NULL, lease_until = NULL \
             WHERE {HELD}"
        ))
        .map_err(backend)?
        .execute(named_params! {
            ":result": json(result)?,
            ":cost": cost_usd,
            ":now": Timestamp::now().as_millis(),
            ":id": lease.job.to_string(),
            ":token": lease.token,
        })
        .map_err(backend)?;
    held(changed, lease)
}

pub(super) fn fail(
    conn: &Connection,
    lease: &Lease,
    failure: &Failure,
    after: AfterFailure,
) -> Result<JobStatus, JobsError> {
    let retry_at = match after {
        AfterFailure::RetryAt(at) => Some(at.as_millis()),
        AfterFailure::Fail => None,
    };
    let mut stmt = conn
        .prepare_cached(&format!(
            "UPDATE jobs SET error = :error, \
             status = CASE WHEN :retry_at IS NOT NULL AND attempts < max_attempts \
                 THEN 'queued' ELSE 'failed' END, \
             run_at = CASE WHEN :retry_at IS NOT NULL AND attempts < max_attempts \
                 THEN :retry_at ELSE run_at END, \
             completed_at = CASE WHEN :retry_at IS NOT NULL AND attempts < max_attempts \
                 THEN completed_at ELSE :now END, \
             lease_token = NULL, lease_until = NULL \
             WHERE {HELD} RETURNING status"
        ))
        .map_err(backend)?;
    let mut found = stmt
        .query(named_params! {
            ":error": json(failure)?,
            ":retry_at": retry_at,
            ":now": Timestamp::now().as_millis(),
            ":id": lease.job.to_string(),
            ":token": lease.token,
        })
        .map_err(backend)?;
    match found.next().map_err(backend)? {
        Some(row) => row.get::<_, String>(0).map_err(backend)?.parse(),
        None => Err(JobsError::LeaseLost(lease.job)),
    }
}

pub(super) fn release(conn: &Connection, lease: &Lease) -> Result<(), JobsError> {
    let changed = conn
        .prepare_cached(&format!(
            "UPDATE jobs SET status = 'queued', attempts = max(attempts - 1, 0), \
             progress = NULL, run_at = :now, lease_token = NULL, lease_until = NULL \
             WHERE {HELD}"
        ))
        .map_err(backend)?
        .execute(named_params! {
            ":now": Timestamp::now().as_millis(),
            ":id": lease.job.to_string(),
            ":token": lease.token,
        })
        .map_err(backend)?;
    held(changed, lease)
}

pub(super) fn list(conn: &Connection, filter: &JobFilter) -> Result<Vec<JobSummary>, JobsError> {
    let mut conditions = Vec::new();
    let status = filter.status.map(JobStatus::as_str);
    let limit = i64::try_from(filter.effective_limit()).unwrap_or(i64::MAX);
    let mut params: Vec<(&str, &dyn rusqlite::ToSql)> = vec![(":limit", &limit)];
    if let Some(user) = &filter.user {
        conditions.push("user = :user");
        params.push((":user", user));
    }
    if let Some(status) = &status {
        conditions.push("status = :status");
        params.push((":status", status));
    }
    let condition = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM jobs {condition} \
             ORDER BY created_at DESC, seq DESC LIMIT :limit"
        ))
        .map_err(backend)?;
    let found = stmt.query(params.as_slice()).map_err(backend)?;
    rows::all(found, rows::summary)
}

pub(super) fn cancel(conn: &mut Connection, id: JobId) -> Result<Option<JobSummary>, JobsError> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(backend)?;
    tx.prepare_cached(
        "UPDATE jobs SET status = 'failed', error = :error, completed_at = :now, \
         lease_token = NULL, lease_until = NULL \
         WHERE id = :id AND status IN ('queued', 'processing')",
    )
    .map_err(backend)?
    .execute(named_params! {
        ":error": json(&cancelled())?,
        ":now": Timestamp::now().as_millis(),
        ":id": id.to_string(),
    })
    .map_err(backend)?;
    let summary = status(&tx, id)?;
    tx.commit().map_err(backend)?;
    Ok(summary)
}

pub(super) fn sweep(conn: &Connection, now: Timestamp) -> Result<Vec<JobId>, JobsError> {
    let mut stmt = conn
        .prepare_cached("DELETE FROM jobs WHERE expires_at <= ?1 RETURNING id")
        .map_err(backend)?;
    let found = stmt.query([now.as_millis()]).map_err(backend)?;
    rows::all(found, rows::id)
}
