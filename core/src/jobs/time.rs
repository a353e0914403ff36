//! Wall-clock instants as milliseconds since the Unix epoch, shown as
//! RFC 3339 in JSON.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An instant, in milliseconds since the Unix epoch (UTC). Serialized as an
/// RFC 3339 string such as `2026-11-29T21:15:23.412Z`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(type = "string"))]
pub struct Timestamp(i64);

impl Timestamp {
    /// The current time.
    pub fn now() -> Self {
        let since = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or(Duration::ZERO);
        Self(i64::try_from(since.as_millis()).unwrap_or(i64::MAX))
    }

    /// The instant `millis` milliseconds after the epoch.
    pub const fn from_millis(millis: i64) -> Self {
        Self(millis)
    }

    /// Milliseconds since the epoch.
    pub const fn as_millis(self) -> i64 {
        self.0
    }

    /// This instant moved `duration` later (saturating).
    pub fn plus(self, duration: Duration) -> Self {
        let millis = i64::try_from(duration.as_millis()).unwrap_or(i64::MAX);
        Self(self.0.saturating_add(millis))
    }

    /// This instant moved `duration` earlier (saturating).
    pub fn minus(self, duration: Duration) -> Self {
        let millis = i64::try_from(duration.as_millis()).unwrap_or(i64::MAX);
        Self(self.0.saturating_sub(millis))
    }

    fn system_time(self) -> Option<SystemTime> {
        let millis = u64::try_from(self.0).ok()?;
        UNIX_EPOCH.checked_add(Duration::from_millis(millis))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.system_time() {
            Some(time) => write!(f, "{}", humantime::format_rfc3339_millis(time)),
            None => write!(f, "{}ms", self.0),
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let time = humantime::parse_rfc3339_weak(&text).map_err(serde::de::Error::custom)?;
        let since = time
            .duration_since(UNIX_EPOCH)
            .map_err(serde::de::Error::custom)?;
        i64::try_from(since.as_millis())
            .map(Self)
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_json() {
        let stamp = Timestamp::from_millis(1_796_000_123_456);
        let json = serde_json::to_string(&stamp).unwrap();
        assert_eq!(json, "\"2026-11-30T00:55:23.456Z\"");
        assert_eq!(serde_json::from_str::<Timestamp>(&json).unwrap(), stamp);
    }

    #[test]
    fn arithmetic_saturates() {
        let stamp = Timestamp::from_millis(i64::MAX - 1);
        assert_eq!(stamp.plus(Duration::from_secs(5)).as_millis(), i64::MAX);
        assert_eq!(
            Timestamp::from_millis(1000)
                .minus(Duration::from_millis(400))
                .as_millis(),
            600
        );
    }
}
