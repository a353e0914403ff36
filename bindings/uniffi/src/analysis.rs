//! The score report as records: the engine's `Analysis` field for field,
//! its enums as their stable names (`impact`, `warning`, `experience`).

use resume_engine::EngineError;
use resume_engine::score;

use crate::convert::{from_name, name_of, to_u64, to_usize};

/// The result of scoring a resume: `total` is the sum of the category
/// scores, in `0..=100`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Analysis {
    /// Overall score, 0–100 (one decimal).
    pub total: f64,
    /// The five categories, in a fixed order.
    pub categories: Vec<Category>,
    /// Keyword coverage against the target.
    pub keywords: KeywordReport,
    /// Counts the rules were computed from.
    pub stats: ResumeStats,
}

/// One category's score and the issues behind the points it lost.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Category {
    /// Stable id: `contact`, `impact`, `keywords`, `clarity`, `structure`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Points earned (one decimal).
    pub score: f64,
    /// Points available.
    pub max: f64,
    /// Each rule of the category with its points.
    pub rules: Vec<RuleScore>,
    /// What cost points (and zero-point advice), in rule order.
    pub issues: Vec<Issue>,
}

/// A rule's share of its category.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RuleScore {
    /// Stable id, `category.rule` (`impact.action_verbs`).
    pub id: String,
    /// What the rule checks.
    pub description: String,
    /// Points earned (two decimals).
    pub score: f64,
    /// Points available.
    pub max: f64,
}

/// A problem found in the resume, where it is, and how to fix it.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Issue {
    /// The rule that found it (a [`RuleScore::id`]).
    pub rule: String,
    /// How much it matters: `info`, `warning` or `critical`.
    pub severity: String,
    /// What is wrong.
    pub message: String,
    /// Where it is.
    pub location: Location,
    /// The concrete fix.
    pub suggestion: String,
    /// Points this issue costs (two decimals).
    pub points: f64,
    /// The text concerned, shortened to at most 80 characters.
    pub excerpt: Option<String>,
}

/// A place in the resume.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Location {
    /// The section: `contact`, `summary`, `experience`, `education`,
    /// `skills`, `projects`, `other` or `document`.
    pub section: String,
    /// Index of the entry within the section (job, school, project).
    pub entry: Option<u64>,
    /// Index of the bullet within the entry.
    pub bullet: Option<u64>,
}

/// Keyword coverage against the target.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct KeywordReport {
    /// What the keywords came from.
    pub source: KeywordSource,
    /// Weighted share of the target's keywords found, 0–1.
    pub match_rate: f64,
    /// Keywords found, in target order.
    pub matched: Vec<KeywordMatch>,
    /// Keywords not found, most important first, with where to add them.
    pub missing: Vec<KeywordSuggestion>,
}

/// Where the target keywords came from.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum KeywordSource {
    /// Key terms extracted from a job description.
    JobDescription {
        /// How many terms were extracted.
        terms: u64,
    },
    /// A keyword pack.
    Pack {
        /// The pack's name.
        name: String,
        /// True when the scorer chose the pack because it fits best.
        auto_selected: bool,
    },
    /// A kind of source this binding does not know yet.
    Other {
        /// The source's kind as the engine names it.
        kind: String,
    },
}

/// A target keyword found in the resume.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct KeywordMatch {
    /// The keyword as the target spells it.
    pub term: String,
    /// Importance, 1–3.
    pub weight: u8,
    /// Sections it was found in (see [`Location::section`]).
    pub found_in: Vec<String>,
}

/// A target keyword missing from the resume, and where it could go.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct KeywordSuggestion {
    /// The keyword as the target spells it.
    pub term: String,
    /// Importance, 1–3.
    pub weight: u8,
    /// Where to add it.
    pub location: Location,
    /// How to add it.
    pub advice: String,
}

/// Counts the rules were computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct ResumeStats {
    /// Bullets in experience and projects.
    pub bullets: u64,
    /// Bullets that open with a strong action verb.
    pub action_verb_bullets: u64,
    /// Bullets with a number, percentage, amount or duration.
    pub quantified_bullets: u64,
    /// Words in the resume's text.
    pub words: u64,
    /// Months between the earliest start and the latest end of the jobs.
    pub experience_months: u32,
}

impl From<score::Analysis> for Analysis {
    fn from(analysis: score::Analysis) -> Self {
        let score::Analysis {
            total,
            categories,
            keywords,
            stats,
        } = analysis;
        Self {
            total,
            categories: categories.into_iter().map(Category::from).collect(),
            keywords: keywords.into(),
            stats: stats.into(),
        }
    }
}

impl From<score::Category> for Category {
    fn from(category: score::Category) -> Self {
        let score::Category {
            id,
            name,
            score,
            max,
            rules,
            issues,
        } = category;
        Self {
            id: name_of(&id),
            name,
            score,
            max,
            rules: rules.into_iter().map(RuleScore::from).collect(),
            issues: issues.into_iter().map(Issue::from).collect(),
        }
    }
}

impl From<score::RuleScore> for RuleScore {
    fn from(rule: score::RuleScore) -> Self {
        let score::RuleScore {
            id,
            description,
            score,
            max,
        } = rule;
        Self {
            id,
            description,
            score,
            max,
        }
    }
}

impl From<score::Issue> for Issue {
    fn from(issue: score::Issue) -> Self {
        let score::Issue {
            rule,
            severity,
            message,
            location,
            suggestion,
            points,
            excerpt,
        } = issue;
        Self {
            rule,
            severity: name_of(&severity),
            message,
            location: location.into(),
            suggestion,
            points,
            excerpt,
        }
    }
}

impl From<score::Location> for Location {
    fn from(location: score::Location) -> Self {
        let score::Location {
            section,
            entry,
            bullet,
        } = location;
        Self {
            section: name_of(&section),
            entry: entry.map(to_u64),
            bullet: bullet.map(to_u64),
        }
    }
}

impl TryFrom<Location> for score::Location {
    type Error = EngineError;

    fn try_from(location: Location) -> Result<Self, EngineError> {
        let Location {
            section,
            entry,
            bullet,
        } = location;
        Ok(Self {
            section: from_name(&section)?,
            entry: entry.map(to_usize),
            bullet: bullet.map(to_usize),
        })
    }
}

impl From<score::KeywordReport> for KeywordReport {
    fn from(report: score::KeywordReport) -> Self {
        let score::KeywordReport {
            source,
            match_rate,
            matched,
            missing,
        } = report;
        Self {
            source: source.into(),
            match_rate,
            matched: matched.into_iter().map(KeywordMatch::from).collect(),
            missing: missing.into_iter().map(KeywordSuggestion::from).collect(),
        }
    }
}

impl From<score::KeywordSource> for KeywordSource {
    fn from(source: score::KeywordSource) -> Self {
        match source {
            score::KeywordSource::JobDescription { terms } => Self::JobDescription {
                terms: to_u64(terms),
            },
            score::KeywordSource::Pack {
                name,
                auto_selected,
            } => Self::Pack {
                name,
                auto_selected,
            },
            other => Self::Other {
                kind: serde_json::to_value(&other)
                    .ok()
                    .and_then(|value| value.get("kind")?.as_str().map(str::to_owned))
                    .unwrap_or_default(),
            },
        }
    }
}

impl From<score::KeywordMatch> for KeywordMatch {
    fn from(found: score::KeywordMatch) -> Self {
        let score::KeywordMatch {
            term,
            weight,
            found_in,
        } = found;
        Self {
            term,
            weight,
            found_in: found_in.iter().map(name_of).collect(),
        }
    }
}

impl From<score::KeywordSuggestion> for KeywordSuggestion {
    fn from(missing: score::KeywordSuggestion) -> Self {
        let score::KeywordSuggestion {
            term,
            weight,
            location,
            advice,
        } = missing;
        Self {
            term,
            weight,
            location: location.into(),
            advice,
        }
    }
}

impl From<score::ResumeStats> for ResumeStats {
    fn from(stats: score::ResumeStats) -> Self {
        let score::ResumeStats {
            bullets,
            action_verb_bullets,
            quantified_bullets,
            words,
            experience_months,
        } = stats;
        Self {
            bullets: to_u64(bullets),
            action_verb_bullets: to_u64(action_verb_bullets),
            quantified_bullets: to_u64(quantified_bullets),
            words: to_u64(words),
            experience_months,
        }
    }
}
