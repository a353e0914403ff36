//! The Redis job store: a hash per job, sorted sets for the queues, leases,
//! expiry and listing, and every state change one atomic Lua script. For a
//! fleet of workers sharing one Redis server.
//!
//! Keys, all under the store's prefix:
//!
//! - `job:ID` — the job's hash (expires in Redis at `expires_at`);
//! - `queue:KIND` — queued jobs of a kind, scored by `run_at` (ms); members
//!   are `SEQ:ID` with a zero-padded submission number, so jobs due at the
//!   same millisecond are claimed in submission order;
//! - `leases` — processing jobs by lease expiry; `expiry` — jobs by
//!   `expires_at`; `created` and `user:USER` — jobs by creation, for
//!   listing;
//! - `refs` — per job, the index entries naming it, so a sweep can clear
//!   them after the job's hash has expired; `seq` — the submission counter.
//!
//! The scripts derive key names from the prefix rather than declaring them,
//! so the store needs one server (standalone, or a primary with replicas),
//! not Redis Cluster.

#[cfg(test)]
mod measure;
mod record;
mod scripts;
#[cfg(test)]
mod tests;

use std::time::Duration;

use ::redis::aio::{ConnectionManager, ConnectionManagerConfig};
use ::redis::{AsyncCommands, Client, RedisError};
use async_trait::async_trait;
use serde_json::Value;
use uuid::Uuid;

use self::record::{Record, SUMMARY_FIELDS, new_fields};
use self::scripts::SCRIPTS;
use crate::jobs::store::{AfterFailure, ClaimRequest, Claimed, Lease, cancelled, lease_expired};
use crate::jobs::{
    Failure, Job, JobFilter, JobId, JobKind, JobStatus, JobStore, JobSummary, JobsError, NewJob,
    Progress, Timestamp,
};

/// The key prefix [`RedisStore::connect`] uses.
pub const DEFAULT_PREFIX: &str = "resume-engine:jobs:";

/// How many expired jobs one sweep script deletes before the next runs (so
/// a large sweep never blocks the server long).
const SWEEP_BATCH: usize = 500;

/// Jobs in Redis, shared by every process connected to the same server and
/// prefix. Clones share one multiplexed connection, which reconnects after
/// failures.
#[derive(Clone)]
pub struct RedisStore {
    connection: ConnectionManager,
    prefix: String,
}

impl std::fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisStore")
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

fn backend(error: RedisError) -> JobsError {
    JobsError::backend("redis", error)
}

fn to_json(value: &impl serde::Serialize) -> Result<String, JobsError> {
    serde_json::to_string(value).map_err(|error| JobsError::InvalidInput(error.to_string()))
}

impl RedisStore {
    /// Connects to the server at `url` (`redis://[user:password@]host[:port][/db]`)
    /// with the default key prefix.
    pub async fn connect(url: &str) -> Result<Self, JobsError> {
        Self::connect_with_prefix(url, DEFAULT_PREFIX).await
    }

    /// Connects to the server at `url`, keeping every key under `prefix` (so
    /// several stores can share a server).
    pub async fn connect_with_prefix(url: &str, prefix: &str) -> Result<Self, JobsError> {
        let client = Client::open(url).map_err(|error| JobsError::InvalidBackend {
            url: url.to_owned(),
            reason: error.to_string(),
        })?;
        // Fail fast when the server is unreachable (a few short retries),
        // and never wait on a reply forever.
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(Duration::from_secs(1)))
            .set_response_timeout(Some(Duration::from_secs(5)))
            .set_number_of_retries(2)
            .set_max_delay(Duration::from_millis(500));
        let connection = ConnectionManager::new_with_config(client, config)
            .await
            .map_err(backend)?;
        Ok(Self {
            connection,
            prefix: prefix.to_owned(),
        })
    }

    fn job_key(&self, id: JobId) -> String {
        format!("{}job:{id}", self.prefix)
    }

    /// The ids of up to `count` jobs from `start` in a listing index,
    /// newest first.
    async fn index_page(
        &self,
        index: &str,
        start: usize,
        count: usize,
    ) -> Result<Vec<JobId>, JobsError> {
        let stop = isize::try_from(start + count).unwrap_or(isize::MAX) - 1;
        let start = isize::try_from(start).unwrap_or(isize::MAX);
        let members: Vec<String> = self
            .connection
            .clone()
            .zrevrange(index, start, stop)
            .await
            .map_err(backend)?;
        members
            .iter()
            .map(|member| {
                let (_, id) = member.split_once(':').unwrap_or(("", member));
                id.parse()
            })
            .collect()
    }

    /// The summaries of `ids` (one round trip), `None` for jobs gone.
    async fn summaries(&self, ids: &[JobId]) -> Result<Vec<Option<JobSummary>>, JobsError> {
        let mut pipe = ::redis::pipe();
        for &id in ids {
            pipe.hmget(self.job_key(id), &SUMMARY_FIELDS);
        }
        let rows: Vec<Vec<Option<String>>> = pipe
            .query_async(&mut self.connection.clone())
            .await
            .map_err(backend)?;
        ids.iter()
            .zip(rows)
            .map(|(&id, values)| {
                Record::from_summary(id, values)
                    .map(|record| record.summary())
                    .transpose()
            })
            .collect()
    }
}

#[async_trait]
impl JobStore for RedisStore {
    async fn enqueue(&self, new: NewJob) -> Result<Job, JobsError> {
        let job = new.into_job(Timestamp::now());
        let mut invocation = SCRIPTS.enqueue.prepare_invoke();
        invocation
            .arg(&self.prefix)
            .arg(job.id.to_string())
            .arg(job.kind.as_str())
            .arg(job.created_at.as_millis())
            .arg(job.expires_at.as_millis())
            .arg(job.user.as_deref().unwrap_or(""))
            .arg(if job.user.is_none() { "1" } else { "0" });
        for (name, value) in new_fields(&job)? {
            invocation.arg(name).arg(value);
        }
        let existing: Vec<String> = invocation
            .invoke_async(&mut self.connection.clone())
            .await
            .map_err(backend)?;
        match Record::from_pairs(job.id, existing) {
            Some(record) => record.job(),
            None => Ok(job),
        }
    }

    async fn claim(&self, request: &ClaimRequest) -> Result<Option<Claimed>, JobsError> {
        let now = Timestamp::now();
        let token = Uuid::new_v4().to_string();
        let until = now.plus(request.lease);
        let kinds = request.kinds.as_deref().unwrap_or(&JobKind::ALL);
        let mut invocation = SCRIPTS.claim.prepare_invoke();
        invocation
            .arg(&self.prefix)
            .arg(now.as_millis())
            .arg(&token)
            .arg(until.as_millis())
            .arg(to_json(&lease_expired())?);
        for kind in kinds {
            invocation.arg(kind.as_str());
        }
        let claimed: Option<(String, Vec<String>)> = invocation
            .invoke_async(&mut self.connection.clone())
            .await
            .map_err(backend)?;
        let Some((id, fields)) = claimed else {
            return Ok(None);
        };
        let id: JobId = id.parse()?;
        let job = Record::from_pairs(id, fields)
            .ok_or_else(|| JobsError::Corrupt(format!("claimed job {id} has no fields")))?
            .job()?;
        Ok(Some(Claimed {
            job,
            lease: Lease {
                job: id,
                token,
                until,
            },
        }))
    }

    async fn heartbeat(
        &self,
        lease: &Lease,
        progress: Option<&Progress>,
        extend: Duration,
    ) -> Result<Lease, JobsError> {
        let renewed = lease.renewed(extend);
        let progress = progress.map(to_json).transpose()?.unwrap_or_default();
        let held: bool = SCRIPTS
            .heartbeat
            .arg(&self.prefix)
            .arg(lease.job.to_string())
            .arg(&lease.token)
            .arg(renewed.until.as_millis())
            .arg(progress)
            .invoke_async(&mut self.connection.clone())
            .await
            .map_err(backend)?;
        if held {
            Ok(renewed)
        } else {
            Err(JobsError::LeaseLost(lease.job))
        }
    }

    async fn complete(&self, lease: &Lease, result: Value, cost_usd: f64) -> Result<(), JobsError> {
        let held: bool = SCRIPTS
            .complete
            .arg(&self.prefix)
            .arg(lease.job.to_string())
            .arg(&lease.token)
            .arg(to_json(&result)?)
            .arg(cost_usd.to_string())
            .arg(Timestamp::now().as_millis())
            .invoke_async(&mut self.connection.clone())
            .await
            .map_err(backend)?;
        if held {
            Ok(())
        } else {
            Err(JobsError::LeaseLost(lease.job))
        }
    }

    async fn fail(
        &self,
        lease: &Lease,
        failure: &Failure,
        after: AfterFailure,
    ) -> Result<JobStatus, JobsError> {
        let retry_at = match after {
            AfterFailure::RetryAt(at) => at.as_millis().to_string(),
            AfterFailure::Fail => String::new(),
        };
        let status: Option<String> = SCRIPTS
            .fail
            .arg(&self.prefix)
            .arg(lease.job.to_string())
            .arg(&lease.token)
            .arg(to_json(failure)?)
            .arg(retry_at)
            .arg(Timestamp::now().as_millis())
            .invoke_async(&mut self.connection.clone())
            .await
            .map_err(backend)?;
        status.ok_or(JobsError::LeaseLost(lease.job))?.parse()
    }

    async fn release(&self, lease: &Lease) -> Result<(), JobsError> {
        let held: bool = SCRIPTS
            .release
            .arg(&self.prefix)
            .arg(lease.job.to_string())
            .arg(&lease.token)
            .arg(Timestamp::now().as_millis())
            .invoke_async(&mut self.connection.clone())
            .await
            .map_err(backend)?;
        if held {
            Ok(())
        } else {
            Err(JobsError::LeaseLost(lease.job))
        }
    }

    async fn get(&self, id: JobId) -> Result<Option<Job>, JobsError> {
        let fields: Vec<String> = self
            .connection
            .clone()
            .hgetall(self.job_key(id))
            .await
            .map_err(backend)?;
        Record::from_pairs(id, fields)
            .map(|record| record.job())
            .transpose()
    }

    async fn status(&self, id: JobId) -> Result<Option<JobSummary>, JobsError> {
        let values: Vec<Option<String>> = self
            .connection
            .clone()
            .hmget(self.job_key(id), &SUMMARY_FIELDS)
            .await
            .map_err(backend)?;
        Record::from_summary(id, values)
            .map(|record| record.summary())
            .transpose()
    }

    async fn list(&self, filter: &JobFilter) -> Result<Vec<JobSummary>, JobsError> {
        let index = match &filter.user {
            Some(user) => format!("{}user:{user}", self.prefix),
            None => format!("{}created", self.prefix),
        };
        let limit = filter.effective_limit();
        // A status filter may skip many entries: read bigger pages then.
        let page = if filter.status.is_some() {
            limit.max(200)
        } else {
            limit
        };
        let mut found = Vec::with_capacity(limit);
        let mut start = 0;
        while found.len() < limit {
            let ids = self.index_page(&index, start, page).await?;
            start += ids.len();
            let read = ids.len();
            for summary in self.summaries(&ids).await?.into_iter().flatten() {
                if filter.status.is_none_or(|status| summary.status == status) {
                    found.push(summary);
                }
            }
            if read < page {
                break;
            }
        }
        found.truncate(limit);
        Ok(found)
    }

    async fn cancel(&self, id: JobId) -> Result<Option<JobSummary>, JobsError> {
        let mut invocation = SCRIPTS.cancel.prepare_invoke();
        invocation
            .arg(&self.prefix)
            .arg(id.to_string())
            .arg(Timestamp::now().as_millis())
            .arg(to_json(&cancelled())?);
        for name in SUMMARY_FIELDS {
            invocation.arg(name);
        }
        let values: Option<Vec<Option<String>>> = invocation
            .invoke_async(&mut self.connection.clone())
            .await
            .map_err(backend)?;
        values
            .and_then(|values| Record::from_summary(id, values))
            .map(|record| record.summary())
            .transpose()
    }

    async fn sweep(&self, now: Timestamp) -> Result<Vec<JobId>, JobsError> {
        let mut swept = Vec::new();
        loop {
            let ids: Vec<String> = SCRIPTS
                .sweep
                .arg(&self.prefix)
                .arg(now.as_millis())
                .arg(SWEEP_BATCH)
                .invoke_async(&mut self.connection.clone())
                .await
                .map_err(backend)?;
            let batch = ids.len();
            for id in ids {
                swept.push(id.parse()?);
            }
            if batch < SWEEP_BATCH {
                return Ok(swept);
            }
        }
    }
}
