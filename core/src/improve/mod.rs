//! Improving a resume: rewrites of its bullets and summary that fix what the
//! scorer flags (weak openers, missing action verbs, filler, pronouns),
//! each with where it applies, why, and who wrote it.
//!
//! An [`Improver`] turns a resume into [`Improvements`]; the user picks the
//! suggestions to keep and [`apply`] writes them into a copy of the resume.
//! Three providers ship with the crate:
//!
//! - [`RuleImprover`]: offline and deterministic (the default);
//! - `GeminiImprover` and `ClaudeImprover` (feature `llm`): one request per
//!   resume with every bullet, JSON output checked by the [`guard`], with
//!   retries, a [`ChainImprover`] to fall back to the next provider, a
//!   [`CachedImprover`] and cost accounting ([`cost`]).
//!
//! Every rewrite from a model passes the [`guard`] or is replaced by the
//! rule-based suggestion, so no number, name or date appears that the
//! resume does not state.
//!
//! ```
//! use resume_engine::improve::{ImproveOptions, RuleImprover, apply};
//! use resume_engine::Resume;
//!
//! let resume = Resume::from_json(r#"{"sections": {"experience": [{"title": "Engineer",
//!   "company": "Acme", "dates": "2019 – 2021",
//!   "bullets": ["Responsible for managing the billing service"]}]}}"#)?;
//! let improvements = RuleImprover::new().suggest(&resume, &ImproveOptions::default());
//! let applied = apply(&resume, &improvements.suggestions)?;
//! assert_eq!(applied.resume.sections.experience[0].bullets[0], "Managed the billing service");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod apply;
mod cache;
mod chain;
mod config;
pub mod cost;
mod error;
mod eval;
pub mod guard;
mod items;
pub mod prompt;
mod retry;
mod rules;
mod setup;
mod suggestion;

#[cfg(feature = "llm")]
mod claude;
#[cfg(feature = "llm")]
mod gemini;
#[cfg(feature = "llm")]
mod http;
#[cfg(feature = "llm")]
mod reply;

pub use apply::{Applied, Change, apply};
pub use cache::{CacheKey, CachedImprover, ImproveCache, MemoryCache};
pub use chain::ChainImprover;
#[cfg(feature = "llm")]
pub use claude::ClaudeImprover;
pub use config::{ApiKey, ClaudeConfig, GeminiConfig, ImproveConfig, ProviderKind};
pub use cost::{CallRecord, Price, PriceTable, Usage};
pub use error::{ImproveError, ProviderFailure};
pub use eval::{EvalReport, ProviderEval, evaluate};
#[cfg(feature = "llm")]
pub use gemini::GeminiImprover;
pub use guard::{GuardContext, GuardReason, GuardRule, Verdict, check};
pub use items::{Item, ItemKind, items};
pub use retry::RetryPolicy;
pub use rules::RuleImprover;
pub use setup::{improver_for, improver_from_config};
pub use suggestion::{Improvements, Provenance, Reason, Rejection, Suggestion};

use std::fmt::Debug;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::Resume;

/// What to improve and within which bounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImproveOptions {
    /// Also rewrite the summary.
    pub include_summary: bool,
    /// Also rewrite project bullets (experience bullets are always
    /// included).
    pub include_projects: bool,
    /// Longest accepted bullet, in words (a longer original may keep its
    /// length but not grow).
    pub max_bullet_words: usize,
    /// Longest accepted summary, in words.
    pub max_summary_words: usize,
}

impl Default for ImproveOptions {
    fn default() -> Self {
        Self {
            include_summary: true,
            include_projects: true,
            max_bullet_words: 40,
            max_summary_words: 90,
        }
    }
}

/// Turns a resume into suggested rewrites. Implementations never change the
/// resume: the caller applies the suggestions it accepts with [`apply`].
#[async_trait]
pub trait Improver: Debug + Send + Sync {
    /// Who answers: the provider and model (part of the cache key).
    fn provenance(&self) -> Provenance;

    /// Suggests rewrites for the resume's bullets (and summary).
    async fn improve(
        &self,
        resume: &Resume,
        options: &ImproveOptions,
    ) -> Result<Improvements, ImproveError>;
}
