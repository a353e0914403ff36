//! The scoring rules, one module per category. Each rule has a fixed share
//! of its category's points; a rule loses points only through issues, so
//! every lost point is traced to a place in the resume and a fix.

pub mod clarity;
pub mod contact;
pub mod impact;
pub mod keywords;
pub mod structure;

use super::analysis::{Category, CategoryId, Issue, Location, RuleScore, Severity};
use super::text::excerpt;

/// Rounds to two decimals (issue and rule points).
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Rounds to one decimal (category scores and the total).
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// One rule's account: its points and the issues that cost them.
pub struct Rule {
    id: &'static str,
    description: &'static str,
    max: f64,
    lost: f64,
    issues: Vec<Issue>,
}

/// An issue before its points are booked.
pub struct Finding {
    /// How much it matters.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// Where it is.
    pub location: Location,
    /// The concrete fix.
    pub suggestion: String,
    /// The text concerned.
    pub excerpt: Option<String>,
}

impl Finding {
    /// A warning at `location`.
    pub fn warning(
        location: Location,
        message: impl Into<String>,
        suggestion: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            message: message.into(),
            location,
            suggestion: suggestion.into(),
            excerpt: None,
        }
    }

    /// A critical issue at `location`.
    pub fn critical(
        location: Location,
        message: impl Into<String>,
        suggestion: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Critical,
            ..Self::warning(location, message, suggestion)
        }
    }

    /// Adds the text concerned, shortened.
    pub fn quoting(mut self, text: &str) -> Self {
        self.excerpt = Some(excerpt(text));
        self
    }
}

impl Rule {
    /// A rule worth `max` points.
    pub fn new(id: &'static str, description: &'static str, max: f64) -> Self {
        Self {
            id,
            description,
            max,
            lost: 0.0,
            issues: Vec::new(),
        }
    }

    /// Books `points` against the rule for `finding`, never more than the
    /// rule has left; the finding is reported even once nothing is left.
    pub fn charge(&mut self, points: f64, finding: Finding) {
        let points = points.max(0.0).min(self.max - self.lost);
        self.lost += points;
        self.push(round2(points), finding);
    }

    /// Reports advice that costs no points.
    pub fn advise(&mut self, finding: Finding) {
        self.push(
            0.0,
            Finding {
                severity: Severity::Info,
                ..finding
            },
        );
    }

    fn push(&mut self, points: f64, finding: Finding) {
        self.issues.push(Issue {
            rule: self.id.to_owned(),
            severity: finding.severity,
            message: finding.message,
            location: finding.location,
            suggestion: finding.suggestion,
            points,
            excerpt: finding.excerpt,
        });
    }
}

/// Sums a category's rules into its score; rule maxima must add up to the
/// category's points.
pub fn category(id: CategoryId, rules: Vec<Rule>) -> Category {
    let lost: f64 = rules.iter().map(|r| r.lost).sum();
    let mut issues = Vec::new();
    let mut scores = Vec::with_capacity(rules.len());
    for rule in rules {
        scores.push(RuleScore {
            id: rule.id.to_owned(),
            description: rule.description.to_owned(),
            score: round2(rule.max - rule.lost),
            max: rule.max,
        });
        issues.extend(rule.issues);
    }
    Category {
        id,
        name: id.name().to_owned(),
        score: round1((id.max() - lost).clamp(0.0, id.max())),
        max: id.max(),
        rules: scores,
        issues,
    }
}
