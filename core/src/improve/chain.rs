//! A fallback chain: each provider in turn until one answers.

use std::sync::Arc;

use async_trait::async_trait;

use super::{ImproveError, ImproveOptions, Improvements, Improver, Provenance, ProviderFailure};
use crate::Resume;

/// Tries its providers in order; the first answer wins and lists the
/// failures before it. When all fail the error lists every failure and the
/// resume is unchanged.
#[derive(Debug, Clone)]
pub struct ChainImprover {
    providers: Vec<Arc<dyn Improver>>,
}

impl ChainImprover {
    /// A chain of providers, tried in order.
    pub fn new(providers: Vec<Arc<dyn Improver>>) -> Self {
        Self { providers }
    }
}

#[async_trait]
impl Improver for ChainImprover {
    fn provenance(&self) -> Provenance {
        let names: Vec<String> = self
            .providers
            .iter()
            .map(|p| p.provenance().to_string())
            .collect();
        Provenance {
            provider: "chain".into(),
            model: Some(names.join(",")),
        }
    }

    async fn improve(
        &self,
        resume: &Resume,
        options: &ImproveOptions,
    ) -> Result<Improvements, ImproveError> {
        let mut failures = Vec::new();
        for provider in &self.providers {
            let name = provider.provenance().to_string();
            match provider.improve(resume, options).await {
                Ok(mut improvements) => {
                    improvements.fallbacks = failures;
                    return Ok(improvements);
                }
                Err(error) => {
                    tracing::warn!(provider = %name, %error, "improver failed, trying the next one");
                    failures.push(ProviderFailure {
                        provider: name,
                        error: error.to_string(),
                    });
                }
            }
        }
        Err(ImproveError::AllFailed(failures))
    }
}
