//! Suggested rewrites and applied changes as records: the engine's
//! `Improvements` and `Applied` field for field, converted both ways so a
//! host can hand suggestions back to `apply`.

use resume_engine::EngineError;
use resume_engine::improve;

use crate::analysis::Location;
use crate::convert::{from_name, name_of};
use crate::resume::Resume;

/// The result of one improvement run.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Improvements {
    /// The suggestions, in reading order.
    pub suggestions: Vec<Suggestion>,
    /// The provider that answered (after any fallbacks).
    pub provider: Option<Provenance>,
    /// Every provider call made (none for the rule-based improver).
    pub calls: Vec<CallRecord>,
    /// Tokens used, summed over the calls.
    pub usage: Usage,
    /// Cost in US dollars, summed over the calls.
    pub cost_usd: f64,
    /// Providers that failed before the one that answered.
    pub fallbacks: Vec<ProviderFailure>,
}

/// One suggested change to one bullet or the summary.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Suggestion {
    /// Short stable id of the text it applies to (`e0.1`: experience entry
    /// 0, bullet 1; `p2.0`: a project bullet; `s`: the summary).
    pub id: String,
    /// Where it applies.
    pub location: Location,
    /// The text as in the resume.
    pub original: String,
    /// The suggested text; `null` when the suggestion only flags a problem
    /// (a missing metric).
    pub rewrite: Option<String>,
    /// What it fixes: `weak_opener`, `no_action_verb`, `tense`, `filler`,
    /// `pronoun`, `buzzword`, `missing_metric`, `too_long`, `tone`,
    /// `clarity`.
    pub reasons: Vec<String>,
    /// Who wrote the rewrite.
    pub provenance: Provenance,
    /// A model's rewrite for the same text that the guard rejected.
    pub rejected: Option<Rejection>,
}

/// Who wrote a suggestion.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Provenance {
    /// The provider (`rules`, `gemini`, `claude`).
    pub provider: String,
    /// The model, for LLM providers.
    pub model: Option<String>,
}

/// A model's rewrite that the guard rejected.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Rejection {
    /// Who wrote it.
    pub provenance: Provenance,
    /// The rejected text.
    pub rewrite: String,
    /// Why it was rejected.
    pub reasons: Vec<GuardReason>,
}

/// One guardrail a rewrite broke.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct GuardReason {
    /// The guardrail: `added_number`, `dropped_number`, `new_name`,
    /// `too_long`, `no_action_verb`, `date_changed`, `empty`.
    pub rule: String,
    /// What broke it (the number, name or word).
    pub detail: String,
    /// A sentence for people.
    pub message: String,
}

/// One provider call.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CallRecord {
    /// Provider name.
    pub provider: String,
    /// Model id.
    pub model: String,
    /// Tokens used.
    pub usage: Usage,
    /// Cost in US dollars.
    pub cost_usd: f64,
    /// Wall time including retries, in milliseconds.
    pub latency_ms: u64,
    /// Retries before the answer.
    pub retries: u32,
    /// Answered from the cache.
    pub cached: bool,
}

/// Tokens used by one call or a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Usage {
    /// Prompt tokens.
    pub input_tokens: u64,
    /// Output tokens (excluding thinking).
    pub output_tokens: u64,
    /// Thinking tokens.
    pub thinking_tokens: u64,
}

/// One provider's failure inside a chain.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ProviderFailure {
    /// Provider and model.
    pub provider: String,
    /// What went wrong.
    pub error: String,
}

/// A resume with accepted suggestions applied, and what changed.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Applied {
    /// The new resume.
    pub resume: Resume,
    /// The changes, in the order applied.
    pub changes: Vec<Change>,
}

/// One applied change, for tracking and undo.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Change {
    /// The suggestion's id.
    pub id: String,
    /// Where the text changed.
    pub location: Location,
    /// The text before.
    pub before: String,
    /// The text after.
    pub after: String,
    /// Who wrote the new text.
    pub provenance: Provenance,
}

impl From<improve::Improvements> for Improvements {
    fn from(improvements: improve::Improvements) -> Self {
        let improve::Improvements {
            suggestions,
            provider,
            calls,
            usage,
            cost_usd,
            fallbacks,
        } = improvements;
        Self {
            suggestions: suggestions.into_iter().map(Suggestion::from).collect(),
            provider: provider.map(Provenance::from),
            calls: calls.into_iter().map(CallRecord::from).collect(),
            usage: usage.into(),
            cost_usd,
            fallbacks: fallbacks.into_iter().map(ProviderFailure::from).collect(),
        }
    }
}

impl TryFrom<Improvements> for improve::Improvements {
    type Error = EngineError;

    fn try_from(improvements: Improvements) -> Result<Self, EngineError> {
        let Improvements {
            suggestions,
            provider,
            calls,
            usage,
            cost_usd,
            fallbacks,
        } = improvements;
        Ok(Self {
            suggestions: suggestions
                .into_iter()
                .map(improve::Suggestion::try_from)
                .collect::<Result<_, _>>()?,
            provider: provider.map(improve::Provenance::from),
            calls: calls.into_iter().map(improve::CallRecord::from).collect(),
            usage: usage.into(),
            cost_usd,
            fallbacks: fallbacks
                .into_iter()
                .map(improve::ProviderFailure::from)
                .collect(),
        })
    }
}

impl From<improve::Suggestion> for Suggestion {
    fn from(suggestion: improve::Suggestion) -> Self {
        let improve::Suggestion {
            id,
            location,
            original,
            rewrite,
            reasons,
            provenance,
            rejected,
        } = suggestion;
        Self {
            id,
            location: location.into(),
            original,
            rewrite,
            reasons: reasons.iter().map(name_of).collect(),
            provenance: provenance.into(),
            rejected: rejected.map(Rejection::from),
        }
    }
}

impl TryFrom<Suggestion> for improve::Suggestion {
    type Error = EngineError;

    fn try_from(suggestion: Suggestion) -> Result<Self, EngineError> {
        let Suggestion {
            id,
            location,
            original,
            rewrite,
            reasons,
            provenance,
            rejected,
        } = suggestion;
        Ok(Self {
            id,
            location: location.try_into()?,
            original,
            rewrite,
            reasons: reasons
                .iter()
                .map(|reason| from_name(reason))
                .collect::<Result<_, _>>()?,
            provenance: provenance.into(),
            rejected: rejected.map(improve::Rejection::try_from).transpose()?,
        })
    }
}

impl From<improve::Provenance> for Provenance {
    fn from(provenance: improve::Provenance) -> Self {
        let improve::Provenance { provider, model } = provenance;
        Self { provider, model }
    }
}

impl From<Provenance> for improve::Provenance {
    fn from(provenance: Provenance) -> Self {
        let Provenance { provider, model } = provenance;
        Self { provider, model }
    }
}

impl From<improve::Rejection> for Rejection {
    fn from(rejection: improve::Rejection) -> Self {
        let improve::Rejection {
            provenance,
            rewrite,
            reasons,
        } = rejection;
        Self {
            provenance: provenance.into(),
            rewrite,
            reasons: reasons.into_iter().map(GuardReason::from).collect(),
        }
    }
}

impl TryFrom<Rejection> for improve::Rejection {
    type Error = EngineError;

    fn try_from(rejection: Rejection) -> Result<Self, EngineError> {
        let Rejection {
            provenance,
            rewrite,
            reasons,
        } = rejection;
        Ok(Self {
            provenance: provenance.into(),
            rewrite,
            reasons: reasons
                .into_iter()
                .map(improve::GuardReason::try_from)
                .collect::<Result<_, _>>()?,
        })
    }
}

impl From<improve::GuardReason> for GuardReason {
    fn from(reason: improve::GuardReason) -> Self {
        let improve::GuardReason {
            rule,
            detail,
            message,
        } = reason;
        Self {
            rule: name_of(&rule),
            detail,
            message,
        }
    }
}

impl TryFrom<GuardReason> for improve::GuardReason {
    type Error = EngineError;

    fn try_from(reason: GuardReason) -> Result<Self, EngineError> {
        let GuardReason {
            rule,
            detail,
            message,
        } = reason;
        Ok(Self {
            rule: from_name(&rule)?,
            detail,
            message,
        })
    }
}

impl From<improve::CallRecord> for CallRecord {
    fn from(call: improve::CallRecord) -> Self {
        let improve::CallRecord {
            provider,
            model,
            usage,
            cost_usd,
            latency_ms,
            retries,
            cached,
        } = call;
        Self {
            provider,
            model,
            usage: usage.into(),
            cost_usd,
            latency_ms,
            retries,
            cached,
        }
    }
}

impl From<CallRecord> for improve::CallRecord {
    fn from(call: CallRecord) -> Self {
        let CallRecord {
            provider,
            model,
            usage,
            cost_usd,
            latency_ms,
            retries,
            cached,
        } = call;
        Self {
            provider,
            model,
            usage: usage.into(),
            cost_usd,
            latency_ms,
            retries,
            cached,
        }
    }
}

impl From<improve::Usage> for Usage {
    fn from(usage: improve::Usage) -> Self {
        let improve::Usage {
            input_tokens,
            output_tokens,
            thinking_tokens,
        } = usage;
        Self {
            input_tokens,
            output_tokens,
            thinking_tokens,
        }
    }
}

impl From<Usage> for improve::Usage {
    fn from(usage: Usage) -> Self {
        let Usage {
            input_tokens,
            output_tokens,
            thinking_tokens,
        } = usage;
        Self {
            input_tokens,
            output_tokens,
            thinking_tokens,
        }
    }
}

impl From<improve::ProviderFailure> for ProviderFailure {
    fn from(failure: improve::ProviderFailure) -> Self {
        let improve::ProviderFailure { provider, error } = failure;
        Self { provider, error }
    }
}

impl From<ProviderFailure> for improve::ProviderFailure {
    fn from(failure: ProviderFailure) -> Self {
        let ProviderFailure { provider, error } = failure;
        Self { provider, error }
    }
}

impl From<improve::Applied> for Applied {
    fn from(applied: improve::Applied) -> Self {
        let improve::Applied { resume, changes } = applied;
        Self {
            resume: resume.into(),
            changes: changes.into_iter().map(Change::from).collect(),
        }
    }
}

impl From<improve::Change> for Change {
    fn from(change: improve::Change) -> Self {
        let improve::Change {
            id,
            location,
            before,
            after,
            provenance,
        } = change;
        Self {
            id,
            location: location.into(),
            before,
            after,
            provenance: provenance.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn suggestions_survive_the_round_trip() {
        let json = r#"{
            "suggestions": [{
                "id": "e0.1",
                "location": {"section": "experience", "entry": 0, "bullet": 1},
                "original": "Responsible for the ledger",
                "rewrite": "Ran the ledger",
                "reasons": ["weak_opener", "missing_metric"],
                "provenance": {"provider": "rules"},
                "rejected": {
                    "provenance": {"provider": "gemini", "model": "gemini-2.5-flash-lite"},
                    "rewrite": "Ran the ledger for Stripe",
                    "reasons": [{"rule": "new_name", "detail": "Stripe", "message": "new name"}]
                }
            }],
            "provider": {"provider": "rules"},
            "calls": [{"provider": "gemini", "model": "m", "usage": {"input_tokens": 3,
                "output_tokens": 2, "thinking_tokens": 1}, "cost_usd": 0.5, "latency_ms": 9,
                "retries": 1, "cached": false}],
            "usage": {"input_tokens": 3, "output_tokens": 2, "thinking_tokens": 1},
            "cost_usd": 0.5,
            "fallbacks": [{"provider": "claude", "error": "timeout"}]
        }"#;
        let engine_value: improve::Improvements = serde_json::from_str(json).unwrap();
        let record = Improvements::from(engine_value.clone());
        assert_eq!(record.suggestions[0].location.section, "experience");
        assert_eq!(
            record.suggestions[0].reasons,
            ["weak_opener", "missing_metric"]
        );
        let back = improve::Improvements::try_from(record).unwrap();
        assert_eq!(back, engine_value);
    }

    #[test]
    fn an_unknown_reason_is_an_error() {
        let suggestion = Suggestion {
            id: "s".into(),
            location: Location {
                section: "summary".into(),
                entry: None,
                bullet: None,
            },
            original: "a".into(),
            rewrite: Some("b".into()),
            reasons: vec!["louder".into()],
            provenance: Provenance {
                provider: "rules".into(),
                model: None,
            },
            rejected: None,
        };
        assert!(improve::Suggestion::try_from(suggestion).is_err());
    }
}
