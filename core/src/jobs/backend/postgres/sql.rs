//! The statements of the PostgreSQL job store, each prepared once per
//! pooled connection (the claim's transaction control aside).

/// The columns of a whole job, in the order `row::job` reads them by name.
macro_rules! job_columns {
    () => {
        "id, user_id, job_type, status, input, result, error, progress, created_at, \
         started_at, completed_at, attempts, max_attempts, run_at, expires_at, cost_usd"
    };
}

/// The columns of a job summary (no input or result).
macro_rules! summary_columns {
    () => {
        "id, job_type, status, user_id, error, progress, created_at, started_at, completed_at, \
         attempts, max_attempts, expires_at, cost_usd"
    };
}

/// The schema, applied at every connect (idempotent).
pub(super) const MIGRATION: &str = include_str!("../../../../../migrations/001_jobs_table.sql");

/// Serializes concurrent migrations (any schema, any process): the key of a
/// transaction-scoped advisory lock.
pub(super) const MIGRATION_LOCK: &str = "SELECT pg_advisory_xact_lock(7346551029114501)";

/// $1 id, $2 user, $3 kind, $4 input, $5 now, $6 max attempts, $7 expiry.
/// Inserts nothing when the id exists (idempotent submission).
pub(super) const ENQUEUE: &str = "INSERT INTO jobs \
     (id, user_id, job_type, status, input, created_at, attempts, max_attempts, run_at, expires_at, cost_usd) \
     VALUES ($1, $2, $3, 'queued', $4, $5, 0, $6, $5, $7, 0) \
     ON CONFLICT (id) DO NOTHING";

/// $1 now, $2 the `lease_expired` failure. Requeues the jobs whose lease
/// ran out at the time it ran out, or fails them if that was their last
/// attempt. Rows another claimer is reaping are skipped.
pub(super) const REAP: &str = "UPDATE jobs SET \
     status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END, \
     error = $2, \
     completed_at = CASE WHEN attempts >= max_attempts THEN $1 ELSE completed_at END, \
     run_at = CASE WHEN attempts >= max_attempts THEN run_at ELSE lease_until END, \
     lease_token = NULL, lease_until = NULL \
     WHERE id IN (SELECT id FROM jobs \
         WHERE status = 'processing' AND lease_until <= $1 \
         FOR UPDATE SKIP LOCKED)";

/// Opens a claim's transaction, which commits without waiting for its WAL
/// flush: a claim lost in a server crash only queues its jobs again.
pub(super) const BEGIN_CLAIM: &str = "BEGIN; SET LOCAL synchronous_commit TO OFF";

/// Ends a claim's transaction (a rollback if one of its statements failed).
pub(super) const COMMIT: &str = "COMMIT";

/// $1 now, $2 kinds (NULL: all), $3 the most jobs, $4 lease end, $5 worker.
/// Takes the oldest due queued jobs no other claim holds, each under a
/// lease token of its own, and returns them oldest first.
pub(super) const CLAIM: &str = concat!(
    "WITH claimed AS (UPDATE jobs SET status = 'processing', attempts = attempts + 1, \
     started_at = $1, progress = NULL, lease_token = gen_random_uuid()::text, \
     lease_until = $4, worker = $5 \
     WHERE id IN (SELECT id FROM jobs \
         WHERE status = 'queued' AND run_at <= $1 \
         AND ($2::text[] IS NULL OR job_type = ANY($2)) \
         ORDER BY run_at, seq \
         FOR UPDATE SKIP LOCKED LIMIT $3) \
     RETURNING seq, lease_token, ",
    job_columns!(),
    ") SELECT lease_token, ",
    job_columns!(),
    " FROM claimed ORDER BY run_at, seq"
);

/// $1 id, $2 token, $3 lease end, $4 progress (NULL: unchanged).
pub(super) const HEARTBEAT: &str = "UPDATE jobs SET lease_until = $3, \
     progress = COALESCE($4, progress) \
     WHERE id = $1 AND lease_token = $2 AND status = 'processing'";

/// $1 id, $2 token, $3 result, $4 cost, $5 now.
pub(super) const COMPLETE: &str = "UPDATE jobs SET status = 'completed', result = $3, \
     cost_usd = $4, error = NULL, completed_at = $5, lease_token = NULL, lease_until = NULL \
     WHERE id = $1 AND lease_token = $2 AND status = 'processing'";

/// $1 id, $2 token, $3 failure, $4 retry instant (NULL: fail for good),
/// $5 now. Queues the job again only while attempts remain.
pub(super) const FAIL: &str = "UPDATE jobs SET error = $3, \
     status = CASE WHEN $4::timestamptz IS NOT NULL AND attempts < max_attempts \
         THEN 'queued' ELSE 'failed' END, \
     run_at = CASE WHEN $4::timestamptz IS NOT NULL AND attempts < max_attempts \
         THEN $4 ELSE run_at END, \
     completed_at = CASE WHEN $4::timestamptz IS NOT NULL AND attempts < max_attempts \
         THEN completed_at ELSE $5 END, \
     lease_token = NULL, lease_until = NULL \
     WHERE id = $1 AND lease_token = $2 AND status = 'processing' \
     RETURNING status";

/// $1 id, $2 token, $3 now. Gives the attempt back.
pub(super) const RELEASE: &str = "UPDATE jobs SET status = 'queued', \
     attempts = GREATEST(attempts - 1, 0), progress = NULL, run_at = $3, \
     lease_token = NULL, lease_until = NULL \
     WHERE id = $1 AND lease_token = $2 AND status = 'processing'";

/// $1 id.
pub(super) const GET: &str = concat!("SELECT ", job_columns!(), " FROM jobs WHERE id = $1");

/// $1 id.
pub(super) const STATUS: &str = concat!("SELECT ", summary_columns!(), " FROM jobs WHERE id = $1");

/// $1 id, $2 the `cancelled` failure, $3 now. Touches unfinished jobs only.
pub(super) const CANCEL: &str = concat!(
    "UPDATE jobs SET status = 'failed', error = $2, completed_at = $3, \
     lease_token = NULL, lease_until = NULL \
     WHERE id = $1 AND status IN ('queued', 'processing') \
     RETURNING ",
    summary_columns!()
);

/// $1 now.
pub(super) const SWEEP: &str = "DELETE FROM jobs WHERE expires_at <= $1 RETURNING id";

/// The listing for a filter on user and status, newest first: one
/// statement per combination so each uses its index. The parameters are
/// the limit, then the user and the status that are set.
pub(super) fn list(user: bool, status: bool) -> &'static str {
    match (user, status) {
        (false, false) => concat!(
            "SELECT ",
            summary_columns!(),
            " FROM jobs ORDER BY created_at DESC, seq DESC LIMIT $1"
        ),
        (true, false) => concat!(
            "SELECT ",
            summary_columns!(),
            " FROM jobs WHERE user_id = $2 ORDER BY created_at DESC, seq DESC LIMIT $1"
        ),
        (false, true) => concat!(
            "SELECT ",
            summary_columns!(),
            " FROM jobs WHERE status = $2 ORDER BY created_at DESC, seq DESC LIMIT $1"
        ),
        (true, true) => concat!(
            "SELECT ",
            summary_columns!(),
            " FROM jobs WHERE user_id = $2 AND status = $3 \
             ORDER BY created_at DESC, seq DESC LIMIT $1"
        ),
    }
}
