-- The jobs table of the PostgreSQL job store (the old service's Supabase
-- `jobs` table, plus the columns leases, retries and expiry need).
--
-- Applied at every connect by `PostgresStore`, under an advisory lock, so
-- every statement is idempotent. Times are written by the clients (UTC,
-- millisecond precision).

CREATE TABLE IF NOT EXISTS jobs (
    id           uuid PRIMARY KEY,
    -- Insertion order: breaks ties between jobs due in the same millisecond.
    seq          bigint GENERATED ALWAYS AS IDENTITY,
    user_id      text,
    job_type     text NOT NULL,
    status       text NOT NULL
                 CHECK (status IN ('queued', 'processing', 'completed', 'failed')),
    input        jsonb NOT NULL,
    result       jsonb,
    -- The last attempt's failure: {"code", "message", "retryable"}.
    error        jsonb,
    -- The running attempt's progress: {"stage", "percent"}.
    progress     jsonb,
    created_at   timestamptz NOT NULL,
    started_at   timestamptz,
    completed_at timestamptz,
    attempts     integer NOT NULL DEFAULT 0,
    max_attempts integer NOT NULL DEFAULT 3,
    -- When a queued job may next be claimed (later than now while backing off).
    run_at       timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    cost_usd     double precision NOT NULL DEFAULT 0,
    -- The current claim: its token, when it runs out, and who holds it.
    lease_token  text,
    lease_until  timestamptz,
    worker       text
);

-- The claim: the oldest due queued job.
CREATE INDEX IF NOT EXISTS jobs_queued_run_at_idx
    ON jobs (run_at, seq) WHERE status = 'queued';

-- Expired leases, reaped by the claims.
CREATE INDEX IF NOT EXISTS jobs_processing_lease_until_idx
    ON jobs (lease_until) WHERE status = 'processing';

-- The expiry sweep.
CREATE INDEX IF NOT EXISTS jobs_expires_at_idx
    ON jobs (expires_at);

-- A user's jobs, newest first.
CREATE INDEX IF NOT EXISTS jobs_user_created_at_idx
    ON jobs (user_id, created_at DESC);

-- Jobs in one status, newest first.
CREATE INDEX IF NOT EXISTS jobs_status_created_at_idx
    ON jobs (status, created_at DESC);
