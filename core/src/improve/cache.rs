//! A cache of improvements keyed by provider, model, prompt version and
//! normalised input: identical requests are answered without a call and
//! cost nothing. In memory (LRU) by default; any store can implement
//! [`ImproveCache`].

use std::sync::{Arc, Mutex, PoisonError};

use async_trait::async_trait;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::cost::{CallRecord, Usage};
use super::{ImproveError, ImproveOptions, Improvements, Improver, Provenance, prompt};
use crate::Resume;

/// A cache key: the SHA-256 (hex) of the provider, model, prompt version,
/// options and the resume's content with whitespace normalised.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CacheKey(pub String);

impl CacheKey {
    /// The key of one request.
    pub fn new(provenance: &Provenance, resume: &Resume, options: &ImproveOptions) -> Self {
        let content = serde_json::json!({
            "provider": provenance.provider,
            "model": provenance.model,
            "prompt": prompt::VERSION,
            "options": options,
            "headline": resume.headline,
            "sections": resume.sections,
        });
        let normalised = normalise(content).to_string();
        let digest = Sha256::digest(normalised.as_bytes());
        Self(digest.iter().map(|b| format!("{b:02x}")).collect())
    }
}

/// Collapses whitespace in every string of a JSON value.
fn normalise(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::String(s) => Value::String(s.split_whitespace().collect::<Vec<_>>().join(" ")),
        Value::Array(items) => Value::Array(items.into_iter().map(normalise).collect()),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, normalise(v))).collect())
        }
        other => other,
    }
}

/// A store of improvements by key.
pub trait ImproveCache: std::fmt::Debug + Send + Sync {
    /// The stored improvements, if any.
    fn get(&self, key: &CacheKey) -> Option<Improvements>;
    /// Stores improvements.
    fn put(&self, key: CacheKey, value: Improvements);
}

/// An in-memory least-recently-used cache.
#[derive(Debug)]
pub struct MemoryCache {
    capacity: usize,
    entries: Mutex<Lru>,
}

#[derive(Debug, Default)]
struct Lru {
    tick: u64,
    map: HashMap<CacheKey, (u64, Improvements)>,
}

impl MemoryCache {
    /// A cache of at most `capacity` entries.
    pub fn new(capacity: usize) -> Self {
        Self {
            capacity,
            entries: Mutex::new(Lru::default()),
        }
    }
}

impl ImproveCache for MemoryCache {
    fn get(&self, key: &CacheKey) -> Option<Improvements> {
        let mut lru = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        lru.tick += 1;
        let tick = lru.tick;
        let (used, value) = lru.map.get_mut(key)?;
        *used = tick;
        Some(value.clone())
    }

    fn put(&self, key: CacheKey, value: Improvements) {
        if self.capacity == 0 {
            return;
        }
        let mut lru = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        lru.tick += 1;
        let tick = lru.tick;
        if lru.map.len() >= self.capacity && !lru.map.contains_key(&key) {
            let oldest = lru
                .map
                .iter()
                .min_by_key(|(_, (used, _))| *used)
                .map(|(k, _)| k.clone());
            if let Some(oldest) = oldest {
                lru.map.remove(&oldest);
            }
        }
        lru.map.insert(key, (tick, value));
    }
}

/// An improver answered from a cache when it can.
#[derive(Debug, Clone)]
pub struct CachedImprover {
    inner: Arc<dyn Improver>,
    cache: Arc<dyn ImproveCache>,
}

impl CachedImprover {
    /// Wraps `inner` with `cache`.
    pub fn new(inner: Arc<dyn Improver>, cache: Arc<dyn ImproveCache>) -> Self {
        Self { inner, cache }
    }
}

#[async_trait]
impl Improver for CachedImprover {
    fn provenance(&self) -> Provenance {
        self.inner.provenance()
    }

    async fn improve(
        &self,
        resume: &Resume,
        options: &ImproveOptions,
    ) -> Result<Improvements, ImproveError> {
        let provenance = self.inner.provenance();
        let key = CacheKey::new(&provenance, resume, options);
        if let Some(mut hit) = self.cache.get(&key) {
            tracing::info!(provider = %provenance, key = %key.0, cost_usd = 0.0, "improver cache hit");
            hit.calls = vec![CallRecord {
                provider: provenance.provider.clone(),
                model: provenance.model.clone().unwrap_or_default(),
                usage: Usage::default(),
                cost_usd: 0.0,
                latency_ms: 0,
                retries: 0,
                cached: true,
            }];
            hit.usage = Usage::default();
            hit.cost_usd = 0.0;
            return Ok(hit);
        }
        let fresh = self.inner.improve(resume, options).await?;
        self.cache.put(key, fresh.clone());
        Ok(fresh)
    }
}
