//! Validated blob keys: relative, `/`-separated, no traversal.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::StorageError;
use crate::jobs::JobId;

/// A blob key such as `jobs/<uuid>/modern.pdf`: non-empty `/`-separated
/// segments of ASCII letters, digits, `.`, `-` and `_`, none of them `.` or
/// `..`, so a key can never leave the store's root.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(type = "string"))]
#[serde(try_from = "String", into = "String")]
pub struct BlobKey(String);

impl BlobKey {
    /// Checks `key`.
    pub fn new(key: impl Into<String>) -> Result<Self, StorageError> {
        let key = key.into();
        let invalid = |reason| StorageError::InvalidKey {
            key: key.clone(),
            reason,
        };
        if key.is_empty() || key.len() > 512 {
            return Err(invalid("a key has 1 to 512 characters"));
        }
        for segment in key.split('/') {
            if segment.is_empty() {
                return Err(invalid("empty segment (leading, trailing or double `/`)"));
            }
            if segment == "." || segment == ".." {
                return Err(invalid("`.` and `..` segments are not allowed"));
            }
            if !segment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
            {
                return Err(invalid("only ASCII letters, digits, `.`, `-`, `_` and `/`"));
            }
        }
        Ok(Self(key))
    }

    /// The folder of a job's files: `jobs/<id>`.
    pub fn job_folder(job: JobId) -> Self {
        Self(format!("jobs/{job}"))
    }

    /// A file of a job: `jobs/<id>/<name>`; `name` is checked.
    pub fn for_job(job: JobId, name: &str) -> Result<Self, StorageError> {
        Self::new(format!("jobs/{job}/{name}"))
    }

    /// The key as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for BlobKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for BlobKey {
    type Error = StorageError;

    fn try_from(key: String) -> Result<Self, Self::Error> {
        Self::new(key)
    }
}

impl From<BlobKey> for String {
    fn from(key: BlobKey) -> Self {
        key.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_and_odd_keys_are_refused() {
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../b",
            "a//b",
            "a/",
            "./a",
            "a\\b",
            "a b",
            "a/%2e%2e",
            "é",
        ] {
            assert!(BlobKey::new(bad).is_err(), "{bad:?} was accepted");
        }
        for good in ["a", "jobs/1234/modern.pdf", "x-y_z.1/2"] {
            assert_eq!(
                BlobKey::new(good).map(|k| k.to_string()).ok().as_deref(),
                Some(good)
            );
        }
    }

    #[test]
    fn job_keys_live_in_the_job_folder() {
        let id = JobId::new();
        let key = BlobKey::for_job(id, "modern.pdf").ok();
        assert_eq!(key.map(|k| k.0), Some(format!("jobs/{id}/modern.pdf")));
        assert!(BlobKey::for_job(id, "../other").is_err());
    }
}
