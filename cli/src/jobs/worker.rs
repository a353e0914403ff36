//! `resume-engine worker`: runs jobs from the backend until SIGTERM or
//! Ctrl-C, then finishes or gives back what it holds.

use resume_engine::jobs::{JobKind, WorkerConfig};

use super::{BackendArgs, KindArg, runtime};
use crate::{Failure, to_json};

/// `worker`: run jobs until stopped.
#[derive(Debug, clap::Args)]
pub struct WorkerArgs {
    /// Jobs run at once (default: twice the CPU count).
    #[arg(long)]
    concurrency: Option<usize>,
    /// Lease length in milliseconds: a crashed worker's jobs return to the
    /// queue after this long.
    #[arg(long, default_value_t = 30_000, value_name = "MS")]
    lease_ms: u64,
    /// Pause between claims when the queue is empty, in milliseconds.
    #[arg(long, default_value_t = 250, value_name = "MS")]
    poll_ms: u64,
    /// Only run these kinds (comma-separated; default all).
    #[arg(long, value_enum, value_delimiter = ',')]
    kinds: Vec<KindArg>,
    /// On SIGTERM, how long running jobs may take to finish before they are
    /// given back to the queue, in milliseconds.
    #[arg(long, default_value_t = 10_000, value_name = "MS")]
    shutdown_grace_ms: u64,
    /// How often expired jobs and their files are swept, in seconds (0:
    /// never).
    #[arg(long, default_value_t = 3_600, value_name = "SECONDS")]
    sweep_secs: u64,
    #[command(flatten)]
    backend: BackendArgs,
}

impl WorkerArgs {
    fn config(&self) -> WorkerConfig {
        let defaults = WorkerConfig::default();
        WorkerConfig {
            concurrency: self.concurrency.unwrap_or(defaults.concurrency).max(1),
            lease_ms: self.lease_ms,
            poll_ms: self.poll_ms,
            kinds: (!self.kinds.is_empty())
                .then(|| self.kinds.iter().map(|&kind| JobKind::from(kind)).collect()),
            shutdown_grace_ms: self.shutdown_grace_ms,
            sweep_secs: self.sweep_secs,
            ..defaults
        }
    }
}

/// Runs the worker; prints what it did as JSON when it stops.
pub fn worker(args: &WorkerArgs) -> Result<String, Failure> {
    runtime()?.block_on(async {
        let engine = args.backend.engine().await?;
        let stats = engine.worker(args.config()).run(shutdown_signal()).await;
        Ok(to_json(&stats, true))
    })
}

/// Resolves on SIGTERM or Ctrl-C.
pub async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                tokio::select! {
                    _ = terminate.recv() => {}
                    _ = tokio::signal::ctrl_c() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
