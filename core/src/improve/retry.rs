//! Retry policy: exponential backoff with jitter, honouring the server's
//! requested delay up to a cap.

use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// How often and how long to wait before retrying a rate-limited or failed
/// request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetryPolicy {
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// Delay before the first retry, in milliseconds; doubled each time.
    pub base_delay_ms: u64,
    /// Longest delay, in milliseconds, also capping the server's
    /// `Retry-After` or `RetryInfo.retryDelay`.
    pub max_delay_ms: u64,
    /// Randomise each backoff delay between half and all of it.
    pub jitter: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 3,
            base_delay_ms: 500,
            max_delay_ms: 10_000,
            jitter: true,
        }
    }
}

impl RetryPolicy {
    /// The delay before retry number `retry` (0-based), or the server's
    /// requested delay when given, both capped.
    pub fn delay(&self, retry: u32, requested: Option<Duration>) -> Duration {
        let cap = Duration::from_millis(self.max_delay_ms);
        if let Some(requested) = requested {
            return requested.min(cap);
        }
        let factor = 1u64.checked_shl(retry.min(20)).unwrap_or(u64::MAX);
        let backoff = Duration::from_millis(self.base_delay_ms.saturating_mul(factor)).min(cap);
        if self.jitter {
            backoff.mul_f64(0.5 + random_fraction() / 2.0)
        } else {
            backoff
        }
    }
}

/// A number in [0, 1) from the standard library's per-process random
/// hasher keys (jitter needs no cryptographic quality).
fn random_fraction() -> f64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let policy = RetryPolicy::default();
        for retry in 0..4 {
            let full = Duration::from_millis(500 * (1 << retry));
            let d = policy.delay(retry, None);
            assert!(d >= full / 2 && d <= full, "{d:?}");
        }
        assert!(policy.delay(30, None) <= Duration::from_secs(10));
        assert_eq!(
            policy.delay(0, Some(Duration::from_secs(60))),
            Duration::from_secs(10)
        );
    }
}
