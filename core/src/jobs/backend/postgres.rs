//! A PostgreSQL job store (Supabase included): a `jobs` table shared by any
//! number of submitting processes and workers, claims with
//! `FOR UPDATE SKIP LOCKED`.

mod claim;
mod row;
mod sql;
#[cfg(test)]
mod tests;

use std::fmt;
use std::time::Duration;

use async_trait::async_trait;
use deadpool_postgres::{Manager, Object, Pool, Runtime};
use serde_json::Value;
use tokio_postgres::types::ToSql;
use tokio_postgres::{Config, NoTls, Row};

use crate::jobs::store::{AfterFailure, ClaimRequest, Claimed, Lease, cancelled};
use crate::jobs::{
    Failure, Job, JobFilter, JobId, JobStatus, JobStore, JobSummary, JobsError, NewJob, Progress,
    Timestamp,
};

/// How long opening one connection may take when the URL sets no
/// `connect_timeout`: an unreachable server is an error, not a hang.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// The most connections one store opens (lazily, as concurrent calls need
/// them). Calls mostly wait on the server's commits rather than on the CPU,
/// so more connections than cores pay off.
const POOL_SIZE: usize = 16;

/// How long a call waits for a pooled connection when all are busy.
const POOL_WAIT: Duration = Duration::from_secs(30);

/// A job store in a PostgreSQL database, over a pool of up to 16
/// connections (`deadpool-postgres`) with each statement prepared once per
/// connection.
///
/// Connecting creates the `jobs` table and its indexes if they are missing
/// (`migrations/001_jobs_table.sql`), serialized across processes by an
/// advisory lock.
///
/// **Supabase**: use a direct connection (port 5432 on `db.<project>.supabase.co`)
/// or the *session* pooler (port 5432 on the pooler host). The *transaction*
/// pooler (port 6543) hands each transaction to any server connection, which
/// breaks the prepared statements this store relies on. Connections are
/// unencrypted (no TLS support is compiled in): reach the server over a
/// private network or a tunnel.
///
/// **Throughput**: a claim takes up to a batch of jobs (a worker asks for
/// as many as it has free slots) in one round trip, its transaction's
/// requests pipelined on one connection, and commits without waiting for
/// the server to flush its log: a claim lost in a server crash only queues
/// its jobs again. Expired leases are reaped when a claim finds fewer jobs
/// than it asked for, and at most once a second otherwise, so under a
/// backlog a job whose lease expired waits up to a second before it is
/// claimable again. Each enqueue and completion is one commit, which by
/// default waits for the log flush (a result acknowledged is on disk), so
/// a slow disk bounds the jobs per second. Adding
/// `?options=-c%20synchronous_commit%3Doff` to the URL lifts that bound; the
/// price is that a crash of the *server* can lose the last fraction of a
/// second of acknowledged writes (never corrupting the table).
///
/// **Input and results** are `jsonb`, which cannot hold the character
/// U+0000 in a string: such a job is refused with a backend error.
pub struct PostgresStore {
    pool: Pool,
    schema: Option<String>,
    reaps: claim::ReapClock,
}

impl fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PostgresStore")
            .field("schema", &self.schema)
            .field("pool", &self.pool.status())
            .finish()
    }
}

fn backend(error: impl fmt::Display) -> JobsError {
    JobsError::backend("postgres", error)
}

impl PostgresStore {
    /// Connects to the database at `url` (`postgres://user:password@host:port/db`,
    /// with the driver's parameters such as `connect_timeout`) and creates
    /// the `jobs` table in the connection's default schema if it is missing.
    pub async fn connect(url: &str) -> Result<Self, JobsError> {
        Self::open(url, None).await
    }

    /// Connects like [`connect`](Self::connect), but keeps the table in
    /// `schema` (created if missing; a plain identifier: ASCII letters,
    /// digits and `_`). Separate schemas keep separate queues in one
    /// database, such as tests running in parallel.
    pub async fn connect_in_schema(url: &str, schema: &str) -> Result<Self, JobsError> {
        Self::open(url, Some(schema)).await
    }

    async fn open(url: &str, schema: Option<&str>) -> Result<Self, JobsError> {
        let invalid = |reason: String| JobsError::InvalidBackend {
            url: url.to_owned(),
            reason,
        };
        let mut config: Config = url.parse().map_err(|error| invalid(format!("{error}")))?;
        if let Some(schema) = schema {
            if !is_identifier(schema) {
                return Err(invalid(format!("`{schema}` is not a plain schema name")));
            }
            let options = match config.get_options() {
                Some(options) => format!("{options} -c search_path={schema}"),
                None => format!("-c search_path={schema}"),
            };
            config.options(options);
        }
        let timeout = config
            .get_connect_timeout()
            .copied()
            .unwrap_or(CONNECT_TIMEOUT);
        config.connect_timeout(timeout);
        let pool = Pool::builder(Manager::new(config, NoTls))
            .max_size(POOL_SIZE)
            .runtime(Runtime::Tokio1)
            .create_timeout(Some(timeout))
            .recycle_timeout(Some(timeout))
            .wait_timeout(Some(POOL_WAIT))
            .build()
            .map_err(backend)?;
        let store = Self {
            pool,
            schema: schema.map(str::to_owned),
            reaps: claim::ReapClock::default(),
        };
        store.migrate().await?;
        Ok(store)
    }

    /// Creates the schema (if any), the table and its indexes if missing.
    async fn migrate(&self) -> Result<(), JobsError> {
        let mut client = self.client().await?;
        let transaction = client.transaction().await.map_err(backend)?;
        transaction
            .batch_execute(sql::MIGRATION_LOCK)
            .await
            .map_err(backend)?;
        if let Some(schema) = &self.schema {
            transaction
                .batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS {schema}"))
                .await
                .map_err(backend)?;
        }
        transaction
            .batch_execute(sql::MIGRATION)
            .await
            .map_err(backend)?;
        transaction.commit().await.map_err(backend)
    }

    async fn client(&self) -> Result<Object, JobsError> {
        self.pool.get().await.map_err(backend)
    }

    async fn execute(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<u64, JobsError> {
        let client = self.client().await?;
        let statement = client.prepare_cached(sql).await.map_err(backend)?;
        client.execute(&statement, params).await.map_err(backend)
    }

    async fn query(
        &self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<Row>, JobsError> {
        let client = self.client().await?;
        let statement = client.prepare_cached(sql).await.map_err(backend)?;
        client.query(&statement, params).await.map_err(backend)
    }

    async fn query_opt(
        &self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Option<Row>, JobsError> {
        let client = self.client().await?;
        let statement = client.prepare_cached(sql).await.map_err(backend)?;
        client.query_opt(&statement, params).await.map_err(backend)
    }

    /// Runs a lease-guarded update: `LeaseLost` when it touched no row.
    async fn guarded(
        &self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
        job: JobId,
    ) -> Result<(), JobsError> {
        match self.execute(sql, params).await? {
            0 => Err(JobsError::LeaseLost(job)),
            _ => Ok(()),
        }
    }
}

/// Whether `name` can stand unquoted in SQL as a schema name.
fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name.len() <= 63
}

fn attempts(count: u32) -> i32 {
    i32::try_from(count).unwrap_or(i32::MAX)
}

#[async_trait]
impl JobStore for PostgresStore {
    async fn enqueue(&self, new: NewJob) -> Result<Job, JobsError> {
        let job = new.into_job(Timestamp::now());
        let inserted = self
            .execute(
                sql::ENQUEUE,
                &[
                    &job.id.as_uuid(),
                    &job.user,
                    &job.kind.as_str(),
                    &job.input,
                    &row::time(job.created_at),
                    &attempts(job.max_attempts),
                    &row::time(job.expires_at),
                ],
            )
            .await?;
        if inserted == 1 {
            return Ok(job);
        }
        self.get(job.id)
            .await?
            .ok_or_else(|| backend(format!("job {} vanished during its submission", job.id)))
    }

    async fn claim(&self, request: &ClaimRequest) -> Result<Option<Claimed>, JobsError> {
        Ok(self.claim_up_to(request, 1).await?.into_iter().next())
    }

    async fn claim_batch(
        &self,
        request: &ClaimRequest,
        max: usize,
    ) -> Result<Vec<Claimed>, JobsError> {
        self.claim_up_to(request, max).await
    }

    async fn heartbeat(
        &self,
        lease: &Lease,
        progress: Option<&Progress>,
        extend: Duration,
    ) -> Result<Lease, JobsError> {
        let renewed = lease.renewed(extend);
        let progress = progress.map(row::json).transpose()?;
        self.guarded(
            sql::HEARTBEAT,
            &[
                &lease.job.as_uuid(),
                &lease.token,
                &row::time(renewed.until),
                &progress,
            ],
            lease.job,
        )
        .await?;
        Ok(renewed)
    }

    async fn complete(&self, lease: &Lease, result: Value, cost_usd: f64) -> Result<(), JobsError> {
        self.guarded(
            sql::COMPLETE,
            &[
                &lease.job.as_uuid(),
                &lease.token,
                &result,
                &cost_usd,
                &row::time(Timestamp::now()),
            ],
            lease.job,
        )
        .await
    }

    async fn fail(
        &self,
        lease: &Lease,
        failure: &Failure,
        after: AfterFailure,
    ) -> Result<JobStatus, JobsError> {
        let retry_at = match after {
            AfterFailure::RetryAt(at) => Some(row::time(at)),
            AfterFailure::Fail => None,
        };
        let updated = self
            .query_opt(
                sql::FAIL,
                &[
                    &lease.job.as_uuid(),
                    &lease.token,
                    &row::json(failure)?,
                    &retry_at,
                    &row::time(Timestamp::now()),
                ],
            )
            .await?
            .ok_or(JobsError::LeaseLost(lease.job))?;
        updated
            .try_get::<_, &str>("status")
            .map_err(|error| JobsError::Corrupt(error.to_string()))?
            .parse()
    }

    async fn release(&self, lease: &Lease) -> Result<(), JobsError> {
        self.guarded(
            sql::RELEASE,
            &[
                &lease.job.as_uuid(),
                &lease.token,
                &row::time(Timestamp::now()),
            ],
            lease.job,
        )
        .await
    }

    async fn get(&self, id: JobId) -> Result<Option<Job>, JobsError> {
        self.query_opt(sql::GET, &[&id.as_uuid()])
            .await?
            .as_ref()
            .map(row::job)
            .transpose()
    }

    async fn status(&self, id: JobId) -> Result<Option<JobSummary>, JobsError> {
        self.query_opt(sql::STATUS, &[&id.as_uuid()])
            .await?
            .as_ref()
            .map(row::summary)
            .transpose()
    }

    async fn list(&self, filter: &JobFilter) -> Result<Vec<JobSummary>, JobsError> {
        let limit = i64::try_from(filter.effective_limit()).unwrap_or(i64::MAX);
        let status = filter.status.map(JobStatus::as_str);
        let mut params: Vec<&(dyn ToSql + Sync)> = vec![&limit];
        if let Some(user) = &filter.user {
            params.push(user);
        }
        if let Some(status) = &status {
            params.push(status);
        }
        let statement = sql::list(filter.user.is_some(), status.is_some());
        self.query(statement, &params)
            .await?
            .iter()
            .map(row::summary)
            .collect()
    }

    async fn cancel(&self, id: JobId) -> Result<Option<JobSummary>, JobsError> {
        let cancelled = self
            .query_opt(
                sql::CANCEL,
                &[
                    &id.as_uuid(),
                    &row::json(&cancelled())?,
                    &row::time(Timestamp::now()),
                ],
            )
            .await?;
        match cancelled {
            Some(row) => row::summary(&row).map(Some),
            None => self.status(id).await,
        }
    }

    async fn sweep(&self, now: Timestamp) -> Result<Vec<JobId>, JobsError> {
        self.query(sql::SWEEP, &[&row::time(now)])
            .await?
            .iter()
            .map(row::id)
            .collect()
    }
}
