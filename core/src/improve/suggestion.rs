//! What an improver returns: suggestions with their reasons and
//! provenance, and the cost of producing them.

use serde::{Deserialize, Serialize};

use super::cost::{CallRecord, Usage};
use super::error::ProviderFailure;
use super::guard::GuardReason;
use crate::score::Location;

/// Who wrote a suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Provenance {
    /// The provider (`rules`, `gemini`, `claude`).
    pub provider: String,
    /// The model, for LLM providers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
}

impl Provenance {
    /// The rule-based provider.
    pub fn rules() -> Self {
        Self {
            provider: "rules".into(),
            model: None,
        }
    }

    /// An LLM provider and model.
    pub fn model(provider: &str, model: &str) -> Self {
        Self {
            provider: provider.into(),
            model: Some(model.into()),
        }
    }
}

impl std::fmt::Display for Provenance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.model {
            Some(model) => write!(f, "{}:{model}", self.provider),
            None => f.write_str(&self.provider),
        }
    }
}

/// What a suggestion fixes (or, for flags, points out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reason {
    /// Opened with a weak phrase ("responsible for", "helped").
    WeakOpener,
    /// Did not open with an action verb.
    NoActionVerb,
    /// The verb's tense did not fit the role (past roles in the past tense).
    Tense,
    /// Filler words ("very", "successfully", "in order to").
    Filler,
    /// First-person pronouns.
    Pronoun,
    /// Buzzwords ("results-driven", "team player").
    Buzzword,
    /// States no number, amount or scale: add one if you have it (never
    /// invented by the improver).
    MissingMetric,
    /// Longer than the length bound.
    TooLong,
    /// Tone made more professional.
    Tone,
    /// Wording made clearer or more concise.
    Clarity,
}

impl Reason {
    /// The reasons a model may give, as named in the prompt's schema.
    pub const MODEL_REASONS: &[&str] = &[
        "weak_opener",
        "no_action_verb",
        "tense",
        "filler",
        "pronoun",
        "buzzword",
        "too_long",
        "tone",
        "clarity",
    ];

    /// Reads a reason named by a model; unknown names count as clarity.
    pub fn from_model(name: &str) -> Self {
        serde_json::from_value(serde_json::Value::String(name.trim().to_lowercase()))
            .unwrap_or(Self::Clarity)
    }
}

/// A model's rewrite that the guard rejected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Rejection {
    /// Who wrote it.
    pub provenance: Provenance,
    /// The rejected text.
    pub rewrite: String,
    /// Why it was rejected.
    pub reasons: Vec<GuardReason>,
}

/// One suggested change to one bullet or the summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Suggestion {
    /// Short stable id of the text it applies to (`e0.1`: experience entry
    /// 0, bullet 1; `p2.0`: a project bullet; `s`: the summary).
    pub id: String,
    /// Where it applies.
    pub location: Location,
    /// The text as in the resume.
    pub original: String,
    /// The suggested text; `None` when the suggestion only flags a problem
    /// the improver must not fix itself (a missing metric).
    pub rewrite: Option<String>,
    /// What it fixes or points out.
    pub reasons: Vec<Reason>,
    /// Who wrote the rewrite.
    pub provenance: Provenance,
    /// A model's rewrite for the same text that the guard rejected, when
    /// this suggestion replaces it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejected: Option<Rejection>,
}

/// The result of one improvement run.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Improvements {
    /// The suggestions, in reading order.
    pub suggestions: Vec<Suggestion>,
    /// The provider that answered (after any fallbacks).
    pub provider: Option<Provenance>,
    /// Every provider call made for this result (none for rules; one
    /// marked `cached` on a cache hit).
    pub calls: Vec<CallRecord>,
    /// Tokens used, summed over the calls.
    pub usage: Usage,
    /// Cost in US dollars, summed over the calls (0 on a cache hit).
    pub cost_usd: f64,
    /// Providers that failed before the one that answered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fallbacks: Vec<ProviderFailure>,
}

impl Improvements {
    /// The suggestions that carry a rewrite.
    pub fn rewrites(&self) -> impl Iterator<Item = &Suggestion> {
        self.suggestions.iter().filter(|s| s.rewrite.is_some())
    }

    /// The suggestions whose ids are listed, for [`apply`](super::apply).
    pub fn select<'a>(&'a self, ids: &'a [String]) -> impl Iterator<Item = &'a Suggestion> {
        self.suggestions.iter().filter(|s| ids.contains(&s.id))
    }

    /// Adds a call's usage and cost to the totals.
    pub fn record(&mut self, call: CallRecord) {
        self.usage.add(&call.usage);
        self.cost_usd += call.cost_usd;
        self.calls.push(call);
    }
}
