//! API keys: kept as SHA-256 hashes only, compared in constant time. A
//! key's id (a prefix of its hash) names its owner on the jobs it submits,
//! so each key sees its own jobs only.

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// The shortest key accepted: anything shorter is guessable.
const MIN_KEY_LEN: usize = 16;

/// The configured API keys, hashed.
#[derive(Clone, Default)]
pub struct ApiKeys {
    hashes: Vec<[u8; 32]>,
}

impl std::fmt::Debug for ApiKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ApiKeys({} keys)", self.len())
    }
}

/// Who is calling: the id of the key presented, or anonymous when the
/// service runs without keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    key_id: Option<String>,
}

impl Caller {
    /// A caller of a service without keys: sees every job.
    pub fn anonymous() -> Self {
        Self { key_id: None }
    }

    /// The owner recorded on the jobs this caller submits.
    pub fn owner(&self) -> Option<String> {
        self.key_id.as_ref().map(|id| format!("key:{id}"))
    }

    /// Whether this caller may see a job submitted by `owner`.
    pub fn may_see(&self, owner: Option<&str>) -> bool {
        match &self.key_id {
            None => true,
            Some(_) => owner == self.owner().as_deref(),
        }
    }

    /// The key's id, for rate limiting and logs (`anonymous` without keys).
    pub fn bucket(&self) -> &str {
        self.key_id.as_deref().unwrap_or("anonymous")
    }
}

impl ApiKeys {
    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// Adds the comma-separated keys of `list`.
    pub fn add_list(&mut self, list: &str) -> Result<(), String> {
        self.add_all(list.split(','))
    }

    /// Adds one key a line from `text`, skipping blank lines and `#`
    /// comments.
    pub fn add_lines(&mut self, text: &str) -> Result<(), String> {
        self.add_all(
            text.lines()
                .filter(|line| !line.trim_start().starts_with('#')),
        )
    }

    fn add_all<'a>(&mut self, keys: impl Iterator<Item = &'a str>) -> Result<(), String> {
        for key in keys.map(str::trim).filter(|key| !key.is_empty()) {
            if key.len() < MIN_KEY_LEN || !key.chars().all(|c| c.is_ascii_graphic()) {
                return Err(format!(
                    "a key must be at least {MIN_KEY_LEN} printable ASCII characters (one is {} long)",
                    key.len()
                ));
            }
            self.hashes.push(hash(key));
        }
        Ok(())
    }

    /// The caller presenting `key`, when it is one of ours. Every stored
    /// hash is compared, in constant time, whatever matches.
    pub fn identify(&self, key: &str) -> Option<Caller> {
        let presented = hash(key);
        let mut found = None;
        for stored in &self.hashes {
            if bool::from(stored.ct_eq(&presented)) {
                found = Some(*stored);
            }
        }
        found.map(|stored| Caller {
            key_id: Some(hex::encode(&stored[..8])),
        })
    }
}

fn hash(key: &str) -> [u8; 32] {
    Sha256::digest(key.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn keys_identify_their_callers_only() {
        let mut keys = ApiKeys::default();
        keys.add_list("first-key-0123456789, second-key-0123456789")
            .unwrap();
        keys.add_lines("# comment\n\nthird-key-0123456789\n")
            .unwrap();
        assert_eq!(keys.len(), 3);
        let first = keys.identify("first-key-0123456789").unwrap();
        let second = keys.identify("second-key-0123456789").unwrap();
        assert_ne!(first, second);
        assert!(keys.identify("first-key-012345678").is_none());
        assert!(keys.identify("").is_none());
        assert!(first.may_see(first.owner().as_deref()));
        assert!(!first.may_see(second.owner().as_deref()));
        assert!(!first.may_see(None));
        assert!(Caller::anonymous().may_see(first.owner().as_deref()));
    }

    #[test]
    fn short_keys_are_refused() {
        assert!(ApiKeys::default().add_list("short").is_err());
        assert!(
            ApiKeys::default()
                .add_list("has space in the middle!")
                .is_err()
        );
    }
}
