//! An in-memory job store: nothing persists past the process. For tests,
//! embedding in short-lived processes, and mobile apps.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use async_trait::async_trait;
use serde_json::Value;
use uuid::Uuid;

use crate::jobs::store::{AfterFailure, ClaimRequest, Claimed, Lease, cancelled, lease_expired};
use crate::jobs::{
    Failure, Job, JobFilter, JobId, JobStatus, JobStore, JobSummary, JobsError, NewJob, Progress,
    Timestamp,
};

/// Jobs in a map, the queue and the leases in ordered sets.
#[derive(Default)]
pub struct MemoryStore {
    state: Mutex<State>,
}

/// The job count only: a store's debug form goes into logs.
impl std::fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let jobs = self.state.lock().map_or(0, |state| state.jobs.len());
        f.debug_struct("MemoryStore").field("jobs", &jobs).finish()
    }
}

#[derive(Debug, Default)]
struct State {
    jobs: HashMap<JobId, Entry>,
    /// Queued jobs by (run_at, submission order).
    queue: BTreeSet<(Timestamp, u64, JobId)>,
    /// Processing jobs by lease expiry.
    leases: BTreeSet<(Timestamp, JobId)>,
    next_seq: u64,
}

#[derive(Debug)]
struct Entry {
    job: Job,
    seq: u64,
    lease: Option<Lease>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave the maps half-updated
        // in a way later calls rely on, so a poisoned lock is still usable.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl State {
    /// The entry `lease` still holds, or `LeaseLost`.
    fn held(&mut self, lease: &Lease) -> Result<&mut Entry, JobsError> {
        match self.jobs.get_mut(&lease.job) {
            Some(entry)
                if entry.job.status == JobStatus::Processing
                    && entry
                        .lease
                        .as_ref()
                        .is_some_and(|held| held.token == lease.token) =>
            {
                Ok(entry)
            }
            _ => Err(JobsError::LeaseLost(lease.job)),
        }
    }

    fn drop_lease(&mut self, id: JobId) {
        if let Some(lease) = self.jobs.get_mut(&id).and_then(|entry| entry.lease.take()) {
            self.leases.remove(&(lease.until, id));
        }
    }

    /// Moves jobs whose lease expired by `now` back to the queue, or fails
    /// them when that was their last attempt.
    fn reap(&mut self, now: Timestamp) {
        while let Some(&(until, id)) = self.leases.first() {
            if until > now {
                break;
            }
            self.leases.pop_first();
            let Some(entry) = self.jobs.get_mut(&id) else {
                continue;
            };
            entry.lease = None;
            if entry.job.attempts >= entry.job.max_attempts {
                entry.job.status = JobStatus::Failed;
                entry.job.error = Some(lease_expired());
                entry.job.completed_at = Some(now);
            } else {
                entry.job.status = JobStatus::Queued;
                entry.job.error = Some(lease_expired());
                entry.job.run_at = until;
                self.queue.insert((until, entry.seq, id));
            }
        }
    }
}

#[async_trait]
impl JobStore for MemoryStore {
    async fn enqueue(&self, new: NewJob) -> Result<Job, JobsError> {
        let mut state = self.lock();
        if let Some(entry) = state.jobs.get(&new.id) {
            return Ok(entry.job.clone());
        }
        let job = new.into_job(Timestamp::now());
        let seq = state.next_seq;
        state.next_seq += 1;
        state.queue.insert((job.run_at, seq, job.id));
        state.jobs.insert(
            job.id,
            Entry {
                job: job.clone(),
                seq,
                lease: None,
            },
        );
        Ok(job)
    }

    async fn claim(&self, request: &ClaimRequest) -> Result<Option<Claimed>, JobsError> {
        let now = Timestamp::now();
        let mut state = self.lock();
        state.reap(now);
        let found = state
            .queue
            .iter()
            .take_while(|(run_at, _, _)| *run_at <= now)
            .find(|(_, _, id)| {
                state
                    .jobs
                    .get(id)
                    .is_some_and(|entry| request.accepts(entry.job.kind))
            })
            .copied();
        let Some(key @ (_, _, id)) = found else {
            return Ok(None);
        };
        state.queue.remove(&key);
        let lease = Lease {
            job: id,
            token: Uuid::new_v4().to_string(),
            until: now.plus(request.lease),
        };
        state.leases.insert((lease.until, id));
        let entry = state
            .jobs
            .get_mut(&id)
            .ok_or_else(|| JobsError::Corrupt(format!("queued job {id} has no record")))?;
        entry.job.status = JobStatus::Processing;
        entry.job.attempts += 1;
        entry.job.started_at = Some(now);
        entry.job.progress = None;
        entry.lease = Some(lease.clone());
        Ok(Some(Claimed {
            job: entry.job.clone(),
            lease,
        }))
    }

    async fn heartbeat(
        &self,
        lease: &Lease,
        progress: Option<&Progress>,
        extend: Duration,
    ) -> Result<Lease, JobsError> {
        let mut state = self.lock();
        let entry = state.held(lease)?;
        let renewed = lease.renewed(extend);
        let old = entry.lease.replace(renewed.clone());
        if let Some(progress) = progress {
            entry.job.progress = Some(progress.clone());
        }
        if let Some(old) = old {
            state.leases.remove(&(old.until, lease.job));
        }
        state.leases.insert((renewed.until, lease.job));
        Ok(renewed)
    }

    async fn complete(&self, lease: &Lease, result: Value, cost_usd: f64) -> Result<(), JobsError> {
        let mut state = self.lock();
        let entry = state.held(lease)?;
        entry.job.status = JobStatus::Completed;
        entry.job.result = Some(result);
        entry.job.cost_usd = cost_usd;
        entry.job.error = None;
        entry.job.completed_at = Some(Timestamp::now());
        state.drop_lease(lease.job);
        Ok(())
    }

    async fn fail(
        &self,
        lease: &Lease,
        failure: &Failure,
        after: AfterFailure,
    ) -> Result<JobStatus, JobsError> {
        let mut state = self.lock();
        let entry = state.held(lease)?;
        entry.job.error = Some(failure.clone());
        let seq = entry.seq;
        let status = match after {
            AfterFailure::RetryAt(at) if entry.job.attempts < entry.job.max_attempts => {
                entry.job.status = JobStatus::Queued;
                entry.job.run_at = at;
                state.queue.insert((at, seq, lease.job));
                JobStatus::Queued
            }
            _ => {
                entry.job.status = JobStatus::Failed;
                entry.job.completed_at = Some(Timestamp::now());
                JobStatus::Failed
            }
        };
        state.drop_lease(lease.job);
        Ok(status)
    }

    async fn release(&self, lease: &Lease) -> Result<(), JobsError> {
        let mut state = self.lock();
        let now = Timestamp::now();
        let entry = state.held(lease)?;
        entry.job.status = JobStatus::Queued;
        entry.job.attempts = entry.job.attempts.saturating_sub(1);
        entry.job.progress = None;
        entry.job.run_at = now;
        let seq = entry.seq;
        state.queue.insert((now, seq, lease.job));
        state.drop_lease(lease.job);
        Ok(())
    }

    async fn get(&self, id: JobId) -> Result<Option<Job>, JobsError> {
        Ok(self.lock().jobs.get(&id).map(|entry| entry.job.clone()))
    }

    async fn status(&self, id: JobId) -> Result<Option<JobSummary>, JobsError> {
        Ok(self.lock().jobs.get(&id).map(|entry| entry.job.summary()))
    }

    async fn list(&self, filter: &JobFilter) -> Result<Vec<JobSummary>, JobsError> {
        let state = self.lock();
        let mut found: Vec<(u64, JobSummary)> = state
            .jobs
            .values()
            .filter(|entry| filter.matches(&entry.job))
            .map(|entry| (entry.seq, entry.job.summary()))
            .collect();
        found.sort_by(|a, b| b.1.created_at.cmp(&a.1.created_at).then(b.0.cmp(&a.0)));
        found.truncate(filter.effective_limit());
        Ok(found.into_iter().map(|(_, summary)| summary).collect())
    }

    async fn cancel(&self, id: JobId) -> Result<Option<JobSummary>, JobsError> {
        let mut state = self.lock();
        let Some(entry) = state.jobs.get_mut(&id) else {
            return Ok(None);
        };
        if entry.job.status.is_terminal() {
            return Ok(Some(entry.job.summary()));
        }
        let queued = (entry.job.run_at, entry.seq, id);
        entry.job.status = JobStatus::Failed;
        entry.job.error = Some(cancelled());
        entry.job.completed_at = Some(Timestamp::now());
        let summary = entry.job.summary();
        state.queue.remove(&queued);
        state.drop_lease(id);
        Ok(Some(summary))
    }

    async fn sweep(&self, now: Timestamp) -> Result<Vec<JobId>, JobsError> {
        let mut state = self.lock();
        let expired: Vec<(JobId, Timestamp, u64)> = state
            .jobs
            .values()
            .filter(|entry| entry.job.expires_at <= now)
            .map(|entry| (entry.job.id, entry.job.run_at, entry.seq))
            .collect();
        for &(id, run_at, seq) in &expired {
            state.drop_lease(id);
            state.queue.remove(&(run_at, seq, id));
            state.jobs.remove(&id);
        }
        Ok(expired.into_iter().map(|(id, _, _)| id).collect())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::jobs::JobStore;

    crate::jobs::conformance::suite!(async {
        Some(Arc::new(super::MemoryStore::new()) as Arc<dyn JobStore>)
    });
}
