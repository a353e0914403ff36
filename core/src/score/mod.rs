//! Scoring: a deterministic, explainable 100-point analysis of a resume.
//!
//! [`StandardScorer`] scores five categories; each is a set of rules with
//! fixed points, and a rule loses points only through [`Issue`]s that say
//! where the problem is and how to fix it, so `max − score` of a category
//! is exactly the sum of its issues' points (before rounding):
//!
//! | category | points | rules |
//! |---|---|---|
//! | [Contact and completeness](rules::contact) | 15 | name, email, phone, location, profile link, experience, education and skills sections |
//! | [Impact](rules::impact) | 30 | action verbs, quantified results, weak openers |
//! | [Keywords and skills](rules::keywords) | 20 | coverage of the target's keywords, skills shown in use, number of skills |
//! | [Clarity and concision](rules::clarity) | 20 | bullet length, pronouns, passive voice, buzzwords, fillers, repeated openers |
//! | [Structure and ATS readiness](rules::structure) | 15 | dates, date style, order, gaps, length, headings, layout |
//!
//! The keyword target is a job description ([`JobDescription`]), a
//! [`KeywordPack`] (built-in or the user's own), or by default the built-in
//! role pack that fits the resume best. The same input always gives the same
//! output: nothing depends on the clock, the locale or hash order.
//!
//! ```
//! use resume_engine::score::{JobDescription, ScoreInput, Scorer, StandardScorer, Target};
//! use resume_engine::Resume;
//!
//! let resume = Resume::from_json(r#"{"name": "Ana", "email": "ana@example.pt",
//!   "sections": {"experience": [{"title": "Engineer", "company": "Acme",
//!   "bullets": ["Responsible for the billing service"]}]}}"#)?;
//! let target = Target::JobDescription(JobDescription::new("Requirements: Kafka, SQL, billing")?);
//! let analysis = StandardScorer::new().analyze(&ScoreInput::new(&resume).target(&target));
//! assert!(analysis.total < 60.0);
//! assert!(analysis.issues().any(|i| i.rule == "impact.weak_openers"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod analysis;
pub(crate) mod bullets;
mod error;
pub mod keywords;
pub(crate) mod lexicon;
mod report;
pub mod rules;
pub(crate) mod text;

pub use analysis::{
    Analysis, Category, CategoryId, Issue, KeywordMatch, KeywordReport, KeywordSource,
    KeywordSuggestion, Location, ResumeStats, RuleScore, SectionKind, Severity,
};
pub use error::ScoreError;
pub use keywords::{JobDescription, Keyword, KeywordKind, KeywordPack, Target};
pub use report::text_report;

use std::fmt::Debug;
use std::sync::LazyLock;

use crate::Resume;
use crate::parse::LayoutSignals;
use keywords::{ResumeTokens, weighted_match};
use rules::round1;

/// What a scorer reads: the resume, the reader's layout signals when the
/// resume came from a document, and the keyword target.
#[derive(Debug, Clone, Copy)]
pub struct ScoreInput<'a> {
    /// The resume.
    pub resume: &'a Resume,
    /// Layout facts from the document reader, if any.
    pub layout: Option<&'a LayoutSignals>,
    /// The keyword target; `None` means [`Target::Auto`].
    pub target: Option<&'a Target>,
}

impl<'a> ScoreInput<'a> {
    /// Scores `resume` against the default target, without layout signals.
    pub fn new(resume: &'a Resume) -> Self {
        Self {
            resume,
            layout: None,
            target: None,
        }
    }

    /// Adds the reader's layout signals.
    pub fn layout(mut self, layout: &'a LayoutSignals) -> Self {
        self.layout = Some(layout);
        self
    }

    /// Sets the keyword target.
    pub fn target(mut self, target: &'a Target) -> Self {
        self.target = Some(target);
        self
    }
}

/// Turns a resume into an [`Analysis`].
pub trait Scorer: Debug + Send + Sync {
    /// Scores the resume. Infallible: every resume, however sparse, gets a score.
    fn analyze(&self, input: &ScoreInput<'_>) -> Analysis;
}

/// The built-in rule-based scorer (see the [module docs](self)).
#[derive(Debug, Clone, Copy, Default)]
pub struct StandardScorer;

/// A role pack must match at least this weighted share to be picked over
/// the general pack.
const AUTO_PACK_MIN_MATCH: f64 = 0.2;

impl StandardScorer {
    /// The standard scorer.
    pub fn new() -> Self {
        Self
    }
}

impl Scorer for StandardScorer {
    fn analyze(&self, input: &ScoreInput<'_>) -> Analysis {
        let resume = input.resume;
        let bullets = bullets::bullets(resume);
        let tokens = ResumeTokens::new(resume);
        let index = tokens.index();
        let words = if resume.raw_text.trim().is_empty() {
            input.layout.map_or(0, |l| l.words)
        } else {
            text::word_count(&resume.raw_text)
        };
        let contact = rules::contact::score(resume);
        let (impact, counts) = rules::impact::score(&bullets);
        let clarity = rules::clarity::score(resume, &bullets);
        let (structure, months) = rules::structure::score(resume, input.layout, words);
        let (keywords_category, keyword_report) = match input.target.unwrap_or(&Target::Auto) {
            Target::JobDescription(jd) => {
                let found = jd.compiled().locate(&index);
                let source = KeywordSource::JobDescription {
                    terms: jd.terms.len(),
                };
                rules::keywords::score(resume, &index, &jd.terms, &found, source)
            }
            Target::Pack(pack) => {
                let found = pack.compiled().locate(&index);
                let source = KeywordSource::Pack {
                    name: pack.name.clone(),
                    auto_selected: false,
                };
                rules::keywords::score(resume, &index, &pack.keywords, &found, source)
            }
            Target::Auto => {
                let (pack, found) = best_pack(&index);
                let source = KeywordSource::Pack {
                    name: pack.name.clone(),
                    auto_selected: true,
                };
                rules::keywords::score(resume, &index, &pack.keywords, &found, source)
            }
        };
        let categories = vec![contact, impact, keywords_category, clarity, structure];
        let total = round1(categories.iter().map(|c| c.score).sum());
        Analysis {
            total,
            categories,
            keywords: keyword_report,
            stats: ResumeStats {
                bullets: bullets.len(),
                action_verb_bullets: counts.action,
                quantified_bullets: counts.quantified,
                words,
                experience_months: months,
            },
        }
    }
}

/// Where each keyword of a pack was found.
type Found = Vec<Vec<SectionKind>>;

/// The built-in role pack the resume matches best (the general pack when
/// none matches well), with where each of its keywords was found.
fn best_pack(index: &keywords::ResumeIndex<'_>) -> (&'static KeywordPack, Found) {
    let mut best: Option<(&KeywordPack, f64, Found)> = None;
    let mut general: Option<(&KeywordPack, Found)> = None;
    for pack in KeywordPack::builtins() {
        let found = pack.compiled().locate(index);
        if pack.name == "general" {
            general = Some((pack, found));
            continue;
        }
        let rate = weighted_match(&pack.keywords, &found);
        if rate >= AUTO_PACK_MIN_MATCH && best.as_ref().is_none_or(|(_, b, _)| rate > *b) {
            best = Some((pack, rate, found));
        }
    }
    match (best, general) {
        (Some((pack, _, found)), _) => (pack, found),
        (None, Some(general)) => general,
        (None, None) => (&EMPTY_PACK, Vec::new()),
    }
}

/// An empty pack, used only if no built-in pack could be loaded.
static EMPTY_PACK: LazyLock<KeywordPack> = LazyLock::new(KeywordPack::default);

#[cfg(test)]
mod tests;
