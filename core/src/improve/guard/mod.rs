//! Guardrails on rewrites: a rewrite is accepted only when it keeps every
//! number and date of the original, adds none, names nothing the resume
//! does not, stays within the length bound and (for bullets) opens with an
//! action verb. The same check backs `resume-engine guard`.

mod names;
mod numbers;

use serde::{Deserialize, Serialize};

use super::ImproveOptions;
use super::items::ItemKind;
use crate::Resume;
use crate::score::bullets::{Opener, opener};
use crate::score::text::words;
pub use names::Known;

/// What a rewrite is checked against: the resume's names and the bounds.
#[derive(Debug, Clone)]
pub struct GuardContext {
    known: Known,
    max_bullet_words: usize,
    max_summary_words: usize,
}

impl GuardContext {
    /// Checks against the resume's names and the options' length bounds.
    pub fn new(resume: Option<&Resume>, options: &ImproveOptions) -> Self {
        Self {
            known: resume.map(Known::from_resume).unwrap_or_default(),
            max_bullet_words: options.max_bullet_words,
            max_summary_words: options.max_summary_words,
        }
    }
}

/// Which guardrail a rewrite broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum GuardRule {
    /// States a number, percentage or amount the original does not.
    AddedNumber,
    /// Drops a number, percentage or amount the original states.
    DroppedNumber,
    /// Names an organisation, product or technology found nowhere in the
    /// resume.
    NewName,
    /// Longer than the bound.
    TooLong,
    /// Does not open with an action verb.
    NoActionVerb,
    /// Adds, drops or changes a year or month.
    DateChanged,
    /// Empty.
    Empty,
}

/// One reason a rewrite was rejected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct GuardReason {
    /// The guardrail.
    pub rule: GuardRule,
    /// What broke it (the number, name or word).
    pub detail: String,
    /// A sentence for people.
    pub message: String,
}

/// The guard's decision on one rewrite.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Verdict {
    /// True when no guardrail was broken.
    pub accepted: bool,
    /// The broken guardrails.
    pub reasons: Vec<GuardReason>,
}

/// Checks a rewrite of `original` (a bullet unless `kind` says otherwise).
pub fn check(original: &str, rewrite: &str, kind: ItemKind, context: &GuardContext) -> Verdict {
    let mut reasons = Vec::new();
    let mut add = |rule, detail: &str, message: String| {
        reasons.push(GuardReason {
            rule,
            detail: detail.to_owned(),
            message,
        });
    };
    let rewrite_words = words(rewrite);
    if rewrite_words.is_empty() {
        add(GuardRule::Empty, "", "the rewrite is empty".into());
    }
    let (before, after) = (numbers::facts(original), numbers::facts(rewrite));
    for q in after
        .quantities
        .iter()
        .filter(|q| !before.quantities.contains(q))
    {
        add(
            GuardRule::AddedNumber,
            q,
            format!("adds \"{q}\", which the original does not state"),
        );
    }
    for q in before
        .quantities
        .iter()
        .filter(|q| !after.quantities.contains(q))
    {
        add(
            GuardRule::DroppedNumber,
            q,
            format!("drops \"{q}\", which the original states"),
        );
    }
    for d in after.dates.iter().filter(|d| !before.dates.contains(d)) {
        add(GuardRule::DateChanged, d, format!("adds the date \"{d}\""));
    }
    for d in before.dates.iter().filter(|d| !after.dates.contains(d)) {
        add(GuardRule::DateChanged, d, format!("drops the date \"{d}\""));
    }
    for name in names::new_names(original, rewrite, &context.known) {
        add(
            GuardRule::NewName,
            &name,
            format!("names \"{name}\", which appears nowhere in the resume"),
        );
    }
    let limit = match kind {
        ItemKind::Summary => context.max_summary_words,
        ItemKind::Bullet | ItemKind::CurrentBullet => context.max_bullet_words,
    };
    let max = limit.max(words(original).len());
    if rewrite_words.len() > max {
        let n = rewrite_words.len();
        add(
            GuardRule::TooLong,
            &n.to_string(),
            format!("{n} words, more than {max}"),
        );
    }
    if kind != ItemKind::Summary
        && !rewrite_words.is_empty()
        && !matches!(opener(&rewrite_words), Opener::Action(_))
    {
        let first = rewrite_words.first().map_or("", String::as_str);
        add(
            GuardRule::NoActionVerb,
            first,
            format!("opens with \"{first}\", not an action verb"),
        );
    }
    Verdict {
        accepted: reasons.is_empty(),
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(original: &str, rewrite: &str) -> Verdict {
        let context = GuardContext::new(None, &ImproveOptions::default());
        check(original, rewrite, ItemKind::Bullet, &context)
    }

    fn rules(v: &Verdict) -> Vec<GuardRule> {
        v.reasons.iter().map(|r| r.rule).collect()
    }

    #[test]
    fn invented_results_are_rejected() {
        let v = verdict(
            "Responsible for the sales pipeline",
            "Owned the sales pipeline and increased revenue by 40%",
        );
        assert!(!v.accepted);
        assert_eq!(rules(&v), [GuardRule::AddedNumber]);
        assert_eq!(v.reasons[0].detail, "40%");
    }

    #[test]
    fn faithful_rewrites_pass() {
        let v = verdict(
            "Responsible for cutting costs by 40 percent in 2021",
            "Cut costs by 40% in 2021",
        );
        assert!(v.accepted, "{v:?}");
    }

    #[test]
    fn each_guardrail_has_a_reason() {
        assert_eq!(
            rules(&verdict("Cut costs by 40%", "Cut costs")),
            [GuardRule::DroppedNumber]
        );
        assert_eq!(
            rules(&verdict("Led the 2019 launch", "Led the 2020 launch")),
            [GuardRule::DateChanged, GuardRule::DateChanged]
        );
        assert_eq!(
            rules(&verdict("Built the API", "Built the API on Kubernetes")),
            [GuardRule::NewName]
        );
        assert_eq!(
            rules(&verdict("Built the API", "The API was built")),
            [GuardRule::NoActionVerb]
        );
        let long = format!("Built {}", "the API ".repeat(30));
        assert_eq!(
            rules(&verdict("Built the API", &long)),
            [GuardRule::TooLong]
        );
    }
}
