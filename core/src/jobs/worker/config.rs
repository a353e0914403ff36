//! Worker settings.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::jobs::{JobKind, RetryPolicy};

/// How a worker runs jobs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkerConfig {
    /// The worker's name in logs and claims (default: `host-pid`).
    pub name: String,
    /// Jobs run at once.
    pub concurrency: usize,
    /// How long a claim holds a job before a heartbeat must renew it, in
    /// milliseconds. A worker that dies loses its jobs after this long.
    pub lease_ms: u64,
    /// How long to wait before claiming again when the queue was empty, in
    /// milliseconds (a submission in the same process wakes the worker at
    /// once).
    pub poll_ms: u64,
    /// Per-kind time limits; a timeout counts as a failed,
    /// retryable attempt.
    pub timeouts: Timeouts,
    /// Backoff between attempts.
    pub retry: RetryPolicy,
    /// The kinds this worker runs (`None`: all).
    pub kinds: Option<Vec<JobKind>>,
    /// How often expired jobs and their files are swept, in seconds
    /// (0: never).
    pub sweep_secs: u64,
    /// On shutdown, how long running jobs may take to finish before they
    /// are given back to the queue, in milliseconds.
    pub shutdown_grace_ms: u64,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        Self {
            name: default_name(),
            concurrency: std::thread::available_parallelism().map_or(2, |n| n.get() * 2),
            lease_ms: 30_000,
            poll_ms: 250,
            timeouts: Timeouts::default(),
            retry: RetryPolicy::default(),
            kinds: None,
            sweep_secs: 3_600,
            shutdown_grace_ms: 10_000,
        }
    }
}

impl WorkerConfig {
    /// The lease length.
    pub fn lease(&self) -> Duration {
        Duration::from_millis(self.lease_ms.max(100))
    }

    /// How often a running job's lease is renewed: a third of the lease.
    pub fn heartbeat(&self) -> Duration {
        self.lease() / 3
    }
}

/// Per-kind time limits in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Timeouts {
    /// Parse and score.
    pub analyze_ms: u64,
    /// Parse and suggest rewrites (LLM calls).
    pub improve_ms: u64,
    /// Render.
    pub generate_ms: u64,
    /// The whole pipeline.
    pub process_ms: u64,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            analyze_ms: 60_000,
            improve_ms: 180_000,
            generate_ms: 60_000,
            process_ms: 300_000,
        }
    }
}

impl Timeouts {
    /// The limit for `kind`.
    pub fn get(&self, kind: JobKind) -> Duration {
        Duration::from_millis(match kind {
            JobKind::Analyze => self.analyze_ms,
            JobKind::Improve => self.improve_ms,
            JobKind::Generate => self.generate_ms,
            JobKind::Process => self.process_ms,
        })
    }
}

fn default_name() -> String {
    let host = std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|host| host.trim().to_owned())
        .filter(|host| !host.is_empty())
        .unwrap_or_else(|| "worker".to_owned());
    format!("{host}-{}", std::process::id())
}
