//! The worker: claims jobs from a store and runs them with a handler, with a
//! concurrency limit, per-kind timeouts, heartbeats, retries, periodic
//! expiry sweeps, and a graceful shutdown.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::sync::{Notify, Semaphore, watch};
use tokio::task::JoinSet;

mod attempt;
mod config;
#[cfg(test)]
mod tests;

pub use config::{Timeouts, WorkerConfig};

use super::store::ClaimRequest;
use super::sweep::sweep_expired;
use super::{JobHandler, JobStore, JobsError, Timestamp};
use crate::storage::BlobStore;
use attempt::Ended;

/// What a worker did before it stopped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct WorkerStats {
    /// Attempts that completed their job.
    pub completed: u64,
    /// Attempts that failed and were queued again.
    pub retried: u64,
    /// Attempts that failed for good.
    pub failed: u64,
    /// Attempts abandoned because the lease was lost (cancelled, expired).
    pub lease_lost: u64,
    /// Jobs given back to the queue on shutdown.
    pub released: u64,
    /// Expired jobs swept.
    pub swept: u64,
}

impl WorkerStats {
    fn count(&mut self, ended: Ended) {
        match ended {
            Ended::Completed => self.completed += 1,
            Ended::Retrying => self.retried += 1,
            Ended::Failed => self.failed += 1,
            Ended::LeaseLost => self.lease_lost += 1,
            Ended::Released => self.released += 1,
        }
    }
}

/// Claims and runs jobs until told to stop.
#[derive(Debug, Clone)]
pub struct Worker {
    store: Arc<dyn JobStore>,
    handler: Arc<dyn JobHandler>,
    config: Arc<WorkerConfig>,
    blobs: Option<Arc<dyn BlobStore>>,
    wake: Arc<Notify>,
}

impl Worker {
    /// A worker taking jobs from `store` and running them with `handler`.
    pub fn new(
        store: Arc<dyn JobStore>,
        handler: Arc<dyn JobHandler>,
        config: WorkerConfig,
    ) -> Self {
        Self {
            store,
            handler,
            config: Arc::new(config),
            blobs: None,
            wake: Arc::new(Notify::new()),
        }
    }

    /// Deletes expired jobs' files from `blobs` when sweeping.
    pub fn with_blobs(mut self, blobs: Arc<dyn BlobStore>) -> Self {
        self.blobs = Some(blobs);
        self
    }

    /// Wakes the worker through `wake` (notified on each submission in the
    /// same process) instead of only polling.
    pub fn with_wake(mut self, wake: Arc<Notify>) -> Self {
        self.wake = wake;
        self
    }

    /// The settings in effect.
    pub fn config(&self) -> &WorkerConfig {
        &self.config
    }

    /// Runs jobs until `shutdown` resolves, then stops claiming, lets
    /// running jobs finish within the grace period, and gives the rest back
    /// to the queue. Store errors while claiming are logged and retried
    /// after the poll interval; the worker never stops on its own.
    pub async fn run(self, shutdown: impl Future<Output = ()>) -> WorkerStats {
        let (stop_tx, stop_rx) = watch::channel(false);
        let permits = Arc::new(Semaphore::new(self.config.concurrency.max(1)));
        let mut running = JoinSet::new();
        let mut stats = WorkerStats::default();
        let request = ClaimRequest {
            worker: self.config.name.clone(),
            lease: self.config.lease(),
            kinds: self.config.kinds.clone(),
        };
        let poll = Duration::from_millis(self.config.poll_ms.max(1));
        let mut next_sweep = self.next_sweep();
        tracing::info!(worker = %self.config.name, concurrency = self.config.concurrency, store = ?self.store, "worker started");
        tokio::pin!(shutdown);
        loop {
            while let Some(done) = running.try_join_next() {
                stats.count(done.unwrap_or(Ended::LeaseLost));
            }
            if next_sweep.is_some_and(|at| Timestamp::now() >= at) {
                stats.swept += self.sweep().await;
                next_sweep = self.next_sweep();
            }
            let mut slots = tokio::select! {
                permit = permits.clone().acquire_owned() => match permit {
                    Ok(permit) => permit,
                    Err(_) => break,
                },
                () = &mut shutdown => break,
            };
            // One claim fills every free slot.
            let free = u32::try_from(permits.available_permits()).unwrap_or(u32::MAX);
            if let Ok(more) = permits.clone().try_acquire_many_owned(free) {
                slots.merge(more);
            }
            let claimed = tokio::select! {
                claimed = self.store.claim_batch(&request, slots.num_permits()) => claimed,
                () = &mut shutdown => break,
            };
            match claimed {
                Ok(claimed) if !claimed.is_empty() => {
                    for claimed in claimed {
                        let (store, handler, config) = (
                            self.store.clone(),
                            self.handler.clone(),
                            self.config.clone(),
                        );
                        let stop = stop_rx.clone();
                        let slot = slots.split(1);
                        running.spawn(async move {
                            let ended = attempt::run(store, handler, config, claimed, stop).await;
                            drop(slot);
                            ended
                        });
                    }
                    // The slots left unfilled go back with `slots`.
                }
                Ok(_) => {
                    drop(slots);
                    tokio::select! {
                        () = tokio::time::sleep(poll) => {}
                        () = self.wake.notified() => {}
                        () = &mut shutdown => break,
                    }
                }
                Err(error) => {
                    drop(slots);
                    log_claim_error(&error);
                    tokio::select! {
                        () = tokio::time::sleep(poll.max(Duration::from_millis(500))) => {}
                        () = &mut shutdown => break,
                    }
                }
            }
        }
        tracing::info!(worker = %self.config.name, running = running.len(), "worker stopping");
        let grace = tokio::time::sleep(Duration::from_millis(self.config.shutdown_grace_ms));
        tokio::pin!(grace);
        loop {
            tokio::select! {
                done = running.join_next() => match done {
                    Some(done) => stats.count(done.unwrap_or(Ended::LeaseLost)),
                    None => break,
                },
                () = &mut grace, if !*stop_tx.borrow() => {
                    stop_tx.send_replace(true);
                }
            }
        }
        tracing::info!(worker = %self.config.name, ?stats, "worker stopped");
        stats
    }

    fn next_sweep(&self) -> Option<Timestamp> {
        (self.config.sweep_secs > 0)
            .then(|| Timestamp::now().plus(Duration::from_secs(self.config.sweep_secs)))
    }

    async fn sweep(&self) -> u64 {
        match sweep_expired(self.store.as_ref(), self.blobs.as_deref(), Timestamp::now()).await {
            Ok(swept) => swept as u64,
            Err(error) => {
                tracing::warn!(%error, "sweeping expired jobs failed");
                0
            }
        }
    }
}

fn log_claim_error(error: &JobsError) {
    tracing::warn!(%error, "claiming a job failed; retrying");
}
