//! What a worker runs: the [`JobHandler`] trait and the progress reporter
//! handed to it.

use std::fmt::Debug;

use async_trait::async_trait;
use serde_json::Value;
use tokio::sync::watch;

use super::{Failure, Job, Progress};

/// A finished attempt's output.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The job's result, stored as JSON.
    pub result: Value,
    /// What the attempt cost in US dollars (LLM calls).
    pub cost_usd: f64,
}

impl Outcome {
    /// A result that cost nothing.
    pub fn free(result: Value) -> Self {
        Self {
            result,
            cost_usd: 0.0,
        }
    }
}

/// Runs jobs. The engine's handler parses, scores, improves and renders;
/// tests and benchmarks plug in their own.
#[async_trait]
pub trait JobHandler: Debug + Send + Sync {
    /// Runs one attempt of `job`, reporting progress through `progress`.
    /// A [`Failure`] with `retryable` set is tried again after a backoff
    /// while attempts remain.
    async fn run(&self, job: &Job, progress: &ProgressReporter) -> Result<Outcome, Failure>;
}

/// Hands a running job's progress to the worker, which stores it with the
/// next heartbeat.
#[derive(Debug, Clone)]
pub struct ProgressReporter {
    sender: watch::Sender<Option<Progress>>,
}

impl ProgressReporter {
    /// A reporter and the receiver the worker reads.
    pub(crate) fn channel() -> (Self, watch::Receiver<Option<Progress>>) {
        let (sender, receiver) = watch::channel(None);
        (Self { sender }, receiver)
    }

    /// Records that the job reached `stage`, `percent` done.
    pub fn report(&self, stage: &str, percent: u8) {
        self.sender
            .send_replace(Some(Progress::new(stage, percent)));
    }
}
