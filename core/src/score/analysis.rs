//! The scorer's output: category scores, the issues that cost points, and
//! the keyword report.

use serde::{Deserialize, Serialize};

/// The result of scoring a resume.
///
/// `total` is always the sum of the category scores and lies in `0..=100`;
/// every point a category lost is carried by one of its [`Issue`]s.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Analysis {
    /// Overall score, 0–100 (one decimal).
    pub total: f64,
    /// The five categories, in a fixed order.
    pub categories: Vec<Category>,
    /// Keyword coverage against the target (job description or pack).
    pub keywords: KeywordReport,
    /// Counts the rules were computed from.
    pub stats: ResumeStats,
}

impl Analysis {
    /// The category with the given id.
    pub fn category(&self, id: CategoryId) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The score of the category with the given id (0 when absent).
    pub fn score_of(&self, id: CategoryId) -> f64 {
        self.category(id).map_or(0.0, |c| c.score)
    }

    /// Every issue of every category, in category order.
    pub fn issues(&self) -> impl Iterator<Item = &Issue> {
        self.categories.iter().flat_map(|c| &c.issues)
    }
}

/// The five scoring categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CategoryId {
    /// Contact details and the presence of the core sections (15 points).
    Contact,
    /// Action verbs, quantified results, no weak openers (30 points).
    Impact,
    /// Coverage of the target's keywords and evidence for listed skills (20 points).
    Keywords,
    /// Bullet length, pronouns, passive voice, buzzwords, fillers, repetition (20 points).
    Clarity,
    /// Dates, order, gaps, length, headings and layout an ATS reads well (15 points).
    Structure,
}

impl CategoryId {
    /// The category's display name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Contact => "Contact and completeness",
            Self::Impact => "Impact",
            Self::Keywords => "Keywords and skills",
            Self::Clarity => "Clarity and concision",
            Self::Structure => "Structure and ATS readiness",
        }
    }

    /// The points the category is worth.
    pub fn max(self) -> f64 {
        match self {
            Self::Contact | Self::Structure => 15.0,
            Self::Impact => 30.0,
            Self::Keywords | Self::Clarity => 20.0,
        }
    }
}

/// One category's score and the issues behind the points it lost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Category {
    /// Stable identifier.
    pub id: CategoryId,
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RuleScore {
    /// Stable identifier, `category.rule` (for example `impact.action_verbs`).
    pub id: String,
    /// What the rule checks.
    pub description: String,
    /// Points earned (two decimals).
    pub score: f64,
    /// Points available.
    pub max: f64,
}

/// How much an issue matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// Advice that costs no points.
    Info,
    /// Costs points; worth fixing.
    Warning,
    /// Costs many points or makes the resume unusable for an ATS.
    Critical,
}

/// A problem found in the resume, where it is, and how to fix it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Issue {
    /// The rule that found it (a [`RuleScore::id`]).
    pub rule: String,
    /// How much it matters.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// Where it is.
    pub location: Location,
    /// The concrete fix.
    pub suggestion: String,
    /// Points this issue costs (two decimals; 0 for advice or once the rule's
    /// points are used up).
    pub points: f64,
    /// The text concerned, shortened to at most 80 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
}

/// A place in the resume.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Location {
    /// The section.
    pub section: SectionKind,
    /// Index of the entry within the section (job, school, project).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<usize>,
    /// Index of the bullet within the entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bullet: Option<usize>,
}

impl Location {
    /// A whole section.
    pub fn section(section: SectionKind) -> Self {
        Self {
            section,
            entry: None,
            bullet: None,
        }
    }

    /// One entry of a section.
    pub fn entry(section: SectionKind, entry: usize) -> Self {
        Self {
            section,
            entry: Some(entry),
            bullet: None,
        }
    }

    /// One bullet of an entry.
    pub fn bullet(section: SectionKind, entry: usize, bullet: usize) -> Self {
        Self {
            section,
            entry: Some(entry),
            bullet: Some(bullet),
        }
    }
}

/// The parts of a resume a [`Location`] can point to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SectionKind {
    /// Name, email, phone, location and links at the top.
    Contact,
    /// The summary or profile.
    Summary,
    /// Work experience.
    Experience,
    /// Education.
    Education,
    /// The skills list.
    Skills,
    /// Projects.
    Projects,
    /// Other sections (awards, volunteering…), indexed as in `sections.other`.
    Other,
    /// The document as a whole (length, layout).
    Document,
}

/// Keyword coverage against the target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct KeywordReport {
    /// What the keywords came from.
    pub source: KeywordSource,
    /// Weighted share of the target's keywords found, 0–1 (three decimals).
    pub match_rate: f64,
    /// Keywords found, in target order.
    pub matched: Vec<KeywordMatch>,
    /// Keywords not found, most important first, with where to add them.
    pub missing: Vec<KeywordSuggestion>,
}

/// Where the target keywords came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum KeywordSource {
    /// Key terms extracted from a job description.
    JobDescription {
        /// How many terms were extracted.
        terms: usize,
    },
    /// A keyword pack.
    Pack {
        /// The pack's name.
        name: String,
        /// True when the scorer chose the pack because it fits the resume best.
        auto_selected: bool,
    },
}

/// A target keyword found in the resume.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct KeywordMatch {
    /// The keyword as the target spells it.
    pub term: String,
    /// Importance, 1–3.
    pub weight: u8,
    /// Sections it was found in.
    pub found_in: Vec<SectionKind>,
}

/// A target keyword missing from the resume, and where it could go.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ResumeStats {
    /// Bullets in experience and projects.
    pub bullets: usize,
    /// Bullets that open with a strong action verb.
    pub action_verb_bullets: usize,
    /// Bullets with a number, percentage, amount or duration.
    pub quantified_bullets: usize,
    /// Words in the resume's text.
    pub words: usize,
    /// Months between the earliest start and the latest end of the jobs.
    pub experience_months: u32,
}
