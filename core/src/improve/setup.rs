//! Building the configured improver: the LLM providers that have an API
//! key, in fallback order and cached; the rule-based one when none has.

use std::sync::Arc;

use super::cache::{CachedImprover, ImproveCache, MemoryCache};
use super::config::{ImproveConfig, ProviderKind};
use super::{ChainImprover, ImproveError, Improver, RuleImprover};

/// The improver the configuration describes: its LLM providers that have
/// an API key (each behind the shared cache), in order, as a fallback
/// chain; the rule-based improver when none is usable.
pub fn improver_from_config(config: &ImproveConfig) -> Arc<dyn Improver> {
    let cache: Arc<dyn ImproveCache> = Arc::new(MemoryCache::new(config.cache_capacity));
    let mut chain: Vec<Arc<dyn Improver>> = Vec::new();
    for &kind in &config.providers {
        match provider(kind, config, &cache) {
            Ok(provider) => chain.push(provider),
            Err(error) => tracing::debug!(?kind, %error, "improver provider skipped"),
        }
    }
    match chain.len() {
        0 => Arc::new(RuleImprover::new()),
        1 => chain.remove(0),
        _ => Arc::new(ChainImprover::new(chain)),
    }
}

/// One provider as configured (LLM providers behind `cache`); an error when
/// it has no API key or was compiled out.
pub fn provider(
    kind: ProviderKind,
    config: &ImproveConfig,
    cache: &Arc<dyn ImproveCache>,
) -> Result<Arc<dyn Improver>, ImproveError> {
    let llm = llm_provider(kind, config)?;
    Ok(match llm {
        Some(inner) if config.cache_capacity > 0 => {
            Arc::new(CachedImprover::new(inner, Arc::clone(cache)))
        }
        Some(inner) => inner,
        None => Arc::new(RuleImprover::new()),
    })
}

#[cfg(feature = "llm")]
fn llm_provider(
    kind: ProviderKind,
    config: &ImproveConfig,
) -> Result<Option<Arc<dyn Improver>>, ImproveError> {
    use super::{ClaudeImprover, GeminiImprover};
    let (retry, prices) = (config.retry.clone(), config.prices.clone());
    Ok(match kind {
        ProviderKind::Rules => None,
        ProviderKind::Gemini => Some(Arc::new(GeminiImprover::new(
            config.gemini.clone(),
            retry,
            prices,
        )?)),
        ProviderKind::Claude => Some(Arc::new(ClaudeImprover::new(
            config.claude.clone(),
            retry,
            prices,
        )?)),
    })
}

#[cfg(not(feature = "llm"))]
fn llm_provider(
    kind: ProviderKind,
    _config: &ImproveConfig,
) -> Result<Option<Arc<dyn Improver>>, ImproveError> {
    match kind {
        ProviderKind::Rules => Ok(None),
        other => Err(ImproveError::Config(format!(
            "the {other:?} improver needs the `llm` feature"
        ))),
    }
}

/// The listed providers as a fallback chain (one provider alone is not
/// wrapped), each required: an error names the first that has no API key
/// or was compiled out.
pub fn improver_for(
    kinds: &[ProviderKind],
    config: &ImproveConfig,
) -> Result<Arc<dyn Improver>, ImproveError> {
    let cache: Arc<dyn ImproveCache> = Arc::new(MemoryCache::new(config.cache_capacity));
    let mut chain = kinds
        .iter()
        .map(|&kind| provider(kind, config, &cache))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(match chain.len() {
        0 => Arc::new(RuleImprover::new()),
        1 => chain.remove(0),
        _ => Arc::new(ChainImprover::new(chain)),
    })
}
