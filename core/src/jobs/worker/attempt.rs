//! One attempt of a claimed job: the handler under a time limit, heartbeats
//! renewing the lease beside it, and the outcome written back under the
//! lease.

use std::sync::Arc;
use std::time::Instant;

use tokio::sync::watch;

use super::WorkerConfig;
use crate::jobs::handler::ProgressReporter;
use crate::jobs::store::{AfterFailure, Claimed, Lease};
use crate::jobs::{Failure, JobHandler, JobStatus, JobStore, JobsError, Timestamp};

/// How an attempt ended, for the worker's counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ended {
    Completed,
    Retrying,
    Failed,
    /// The lease was lost (cancelled, or taken after it expired): nothing
    /// was written.
    LeaseLost,
    /// Given back to the queue on shutdown.
    Released,
}

/// Runs `claimed` to its end. `stop` turns true when the worker's grace
/// period after a shutdown request is over: the job is then released.
pub(super) async fn run(
    store: Arc<dyn JobStore>,
    handler: Arc<dyn JobHandler>,
    config: Arc<WorkerConfig>,
    claimed: Claimed,
    mut stop: watch::Receiver<bool>,
) -> Ended {
    let Claimed { job, lease } = claimed;
    let started = Instant::now();
    tracing::info!(job = %job.id, kind = %job.kind, attempt = job.attempts, worker = %config.name, "job started");
    let (reporter, progress) = ProgressReporter::channel();
    let job = Arc::new(job);
    let task = {
        let handler = handler.clone();
        let job = job.clone();
        tokio::spawn(async move { handler.run(&job, &reporter).await })
    };
    let abort = task.abort_handle();
    let limit = config.timeouts.get(job.kind);
    let outcome = tokio::select! {
        joined = tokio::time::timeout(limit, task) => match joined {
            Ok(Ok(result)) => result,
            Ok(Err(join)) => Err(Failure::permanent(
                "internal",
                format!("the job handler crashed: {join}"),
            )),
            Err(_) => {
                abort.abort();
                Err(Failure::transient(
                    "timeout",
                    format!("the {} job took longer than {} ms", job.kind, limit.as_millis()),
                ))
            }
        },
        lost = keep_alive(&store, &lease, &config, progress) => {
            abort.abort();
            tracing::warn!(job = %job.id, error = %lost, "lease lost; the attempt is abandoned");
            return Ended::LeaseLost;
        }
        () = stopped(&mut stop) => {
            abort.abort();
            return match store.release(&lease).await {
                Ok(()) => {
                    tracing::info!(job = %job.id, "job given back to the queue on shutdown");
                    Ended::Released
                }
                Err(error) => {
                    tracing::warn!(job = %job.id, %error, "could not give the job back; its lease will expire");
                    Ended::LeaseLost
                }
            };
        }
    };
    let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    let written = match outcome {
        Ok(outcome) => store
            .complete(&lease, outcome.result, outcome.cost_usd)
            .await
            .map(|()| {
                tracing::info!(job = %job.id, kind = %job.kind, elapsed_ms, cost_usd = outcome.cost_usd, "job completed");
                Ended::Completed
            }),
        Err(failure) => {
            let after = config.retry.after(&job, &failure, Timestamp::now());
            store.fail(&lease, &failure, after).await.map(|status| {
                tracing::warn!(job = %job.id, kind = %job.kind, elapsed_ms, code = %failure.code, error = %failure.message, retry = matches!(after, AfterFailure::RetryAt(_)), "job attempt failed");
                if status == JobStatus::Queued { Ended::Retrying } else { Ended::Failed }
            })
        }
    };
    written.unwrap_or_else(|error| {
        tracing::warn!(job = %job.id, %error, "the outcome was not written");
        Ended::LeaseLost
    })
}

/// Resolves once the worker's grace period is over (never if the worker
/// is dropped without stopping).
async fn stopped(stop: &mut watch::Receiver<bool>) {
    if stop.wait_for(|stop| *stop).await.is_err() {
        std::future::pending::<()>().await;
    }
}

/// Renews the lease every heartbeat interval with the latest progress; only
/// returns when the lease is lost.
async fn keep_alive(
    store: &Arc<dyn JobStore>,
    lease: &Lease,
    config: &WorkerConfig,
    mut progress: watch::Receiver<Option<crate::jobs::Progress>>,
) -> JobsError {
    let mut lease = lease.clone();
    let mut interval = tokio::time::interval(config.heartbeat());
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    interval.tick().await;
    loop {
        tokio::select! {
            _ = interval.tick() => {}
            changed = progress.changed() => {
                if changed.is_err() {
                    // The handler finished; its outcome is written by the caller.
                    interval.tick().await;
                }
            }
        }
        let latest = progress.borrow_and_update().clone();
        match store
            .heartbeat(&lease, latest.as_ref(), config.lease())
            .await
        {
            Ok(renewed) => lease = renewed,
            Err(error @ JobsError::LeaseLost(_)) => return error,
            Err(error) => tracing::warn!(job = %lease.job, %error, "heartbeat failed; retrying"),
        }
    }
}
