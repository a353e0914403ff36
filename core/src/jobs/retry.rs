//! When a failed attempt is tried again: exponential backoff with jitter.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::Timestamp;
use super::store::AfterFailure;
use super::{Failure, Job};

/// Exponential backoff with full jitter: attempt `n` waits a random time
/// between half and all of `base × 2^(n-1)`, capped at `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetryPolicy {
    /// The wait after the first failed attempt, in milliseconds.
    pub base_ms: u64,
    /// The longest wait, in milliseconds.
    pub max_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            base_ms: 2_000,
            max_ms: 120_000,
        }
    }
}

impl RetryPolicy {
    /// The wait before the attempt after `attempts` failed ones.
    pub fn delay(&self, attempts: u32) -> Duration {
        let exponent = attempts.saturating_sub(1).min(20);
        let full = self.base_ms.saturating_mul(1 << exponent).min(self.max_ms);
        let half = full / 2;
        Duration::from_millis(half + fastrand::u64(0..=full - half))
    }

    /// What `failure` of `job`'s current attempt leads to: another attempt
    /// after the backoff when the failure is retryable and attempts remain,
    /// else failed for good.
    pub fn after(&self, job: &Job, failure: &Failure, now: Timestamp) -> AfterFailure {
        if failure.retryable && job.attempts < job.max_attempts {
            AfterFailure::RetryAt(now.plus(self.delay(job.attempts)))
        } else {
            AfterFailure::Fail
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_with_jitter_and_stop_at_the_cap() {
        let policy = RetryPolicy {
            base_ms: 100,
            max_ms: 1_000,
        };
        for _ in 0..200 {
            let first = policy.delay(1).as_millis();
            assert!((50..=100).contains(&first), "{first}");
            let third = policy.delay(3).as_millis();
            assert!((200..=400).contains(&third), "{third}");
            let late = policy.delay(30).as_millis();
            assert!((500..=1_000).contains(&late), "{late}");
        }
    }
}
