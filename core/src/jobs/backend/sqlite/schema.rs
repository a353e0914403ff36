//! Opening an SQLite job database: connection settings, and the schema,
//! versioned with `PRAGMA user_version` so later releases can migrate it.

use std::fmt::Display;
use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode, TransactionBehavior};

use crate::jobs::JobsError;

/// The schema version this build writes and reads.
const VERSION: i64 = 1;

/// How long a statement waits for another connection's write lock before
/// failing with `SQLITE_BUSY`.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The pause between two attempts to configure a connection whose file
/// another connection holds locked.
const BUSY_RETRY: Duration = Duration::from_millis(5);

/// The jobs table, its large columns (input, result) last so that reading
/// the others (a status query) never walks their overflow pages; and one
/// index per hot query: the claim (queued jobs by due time, then
/// submission order), the lease reaper, the expiry sweep, and listing
/// newest first, per user or overall.
const SCHEMA_V1: &str = "
CREATE TABLE jobs (
    seq          INTEGER PRIMARY KEY,
    id           TEXT    NOT NULL UNIQUE,
    kind         TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    user         TEXT,
    created_at   INTEGER NOT NULL,
    started_at   INTEGER,
    completed_at INTEGER,
    attempts     INTEGER NOT NULL,
    max_attempts INTEGER NOT NULL,
    run_at       INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    cost_usd     REAL    NOT NULL,
    lease_token  TEXT,
    lease_until  INTEGER,
    worker       TEXT,
    error        TEXT,
    progress     TEXT,
    input        TEXT    NOT NULL,
    result       TEXT
) STRICT;
CREATE INDEX jobs_claim   ON jobs (status, run_at, seq);
CREATE INDEX jobs_lease   ON jobs (status, lease_until);
CREATE INDEX jobs_expiry  ON jobs (expires_at);
CREATE INDEX jobs_user    ON jobs (user, created_at, seq);
CREATE INDEX jobs_created ON jobs (created_at, seq);
";

/// Opens (creating it and its directory if absent) the database file at
/// `path` in WAL mode, with the schema in place.
pub(super) fn open_file(path: &Path) -> Result<Connection, JobsError> {
    let failed =
        |error: &dyn Display| JobsError::backend("sqlite", format!("{}: {error}", path.display()));
    if let Some(parent) = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent).map_err(|error| failed(&error))?;
    }
    let mut conn = Connection::open(path).map_err(|error| failed(&error))?;
    configure_when_free(&mut conn).map_err(|error| failed(&error))?;
    Ok(conn)
}

/// Runs `configure`, again while another connection holds the lock it
/// needs: switching a new file to WAL mode answers `SQLITE_BUSY` at once,
/// without waiting for the busy timeout, when another process opens the
/// same file at that moment (a worker and a `submit` started together).
/// Every step of `configure` is idempotent, so a retry is safe.
fn configure_when_free(conn: &mut Connection) -> Result<(), Box<dyn std::error::Error>> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match configure(conn) {
            Err(error) if is_busy(error.as_ref()) && Instant::now() < deadline => {
                std::thread::sleep(BUSY_RETRY);
            }
            done => return done,
        }
    }
}

/// Whether `error` is SQLite's "database is busy / locked".
fn is_busy(error: &(dyn std::error::Error + 'static)) -> bool {
    matches!(
        error.downcast_ref::<rusqlite::Error>(),
        Some(rusqlite::Error::SqliteFailure(failure, _))
            if matches!(failure.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// Opens a private in-memory database with the schema in place.
pub(super) fn open_memory() -> Result<Connection, JobsError> {
    let mut conn =
        Connection::open_in_memory().map_err(|error| JobsError::backend("sqlite", error))?;
    configure(&mut conn).map_err(|error| JobsError::backend("sqlite", error))?;
    Ok(conn)
}

/// Sets WAL mode (several processes share the file: readers never wait for
/// the writer), `synchronous=NORMAL` (safe in WAL mode: a crash of the
/// process loses nothing, a power cut at most the last commits), the busy
/// timeout, and creates or checks the schema.
fn configure(conn: &mut Connection) -> Result<(), Box<dyn std::error::Error>> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.set_prepared_statement_cache_capacity(32);
    let mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    if !matches!(mode.as_str(), "wal" | "memory") {
        tracing::warn!(
            mode,
            "SQLite job store: WAL mode unavailable, readers will wait for writers"
        );
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    migrate(conn)
}

/// Creates the schema in an empty database; refuses one written by a newer
/// build. Runs under the write lock so two processes opening a new file at
/// once create it once.
fn migrate(conn: &mut Connection) -> Result<(), Box<dyn std::error::Error>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
    match version {
        0 => {
            tx.execute_batch(SCHEMA_V1)?;
            tx.pragma_update(None, "user_version", VERSION)?;
        }
        VERSION => {}
        other => {
            return Err(format!(
                "the job database has schema version {other}, newer than this build's {VERSION}"
            )
            .into());
        }
    }
    tx.commit()?;
    Ok(())
}
