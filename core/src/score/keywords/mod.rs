//! Keyword targets: packs shipped with the crate or supplied by the user,
//! key terms extracted from a job description, and matching them against
//! the resume.

mod extract;
mod index;
mod pack;

pub use extract::JobDescription;
pub use index::{ResumeIndex, ResumeTokens};
pub use pack::{Keyword, KeywordKind, KeywordPack};

use std::sync::{Arc, OnceLock};

use super::analysis::SectionKind;
use super::text::keyword_tokens;

/// What the resume's keywords are measured against.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub enum Target {
    /// The built-in role pack that fits the resume best (the general pack
    /// when none fits).
    #[default]
    Auto,
    /// A given keyword pack.
    Pack(Arc<KeywordPack>),
    /// The key terms of a job description.
    JobDescription(JobDescription),
}

/// The token sequences (term and aliases) of each keyword of a list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CompiledTerms {
    variants: Vec<Vec<Vec<String>>>,
}

impl CompiledTerms {
    /// Tokenises every keyword's term and aliases.
    pub fn new(keywords: &[Keyword]) -> Self {
        let variants = keywords
            .iter()
            .map(|k| {
                std::iter::once(&k.term)
                    .chain(&k.aliases)
                    .map(|t| keyword_tokens(t))
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .collect();
        Self { variants }
    }

    /// For each keyword, the sections of the resume it appears in.
    pub fn locate(&self, index: &ResumeIndex<'_>) -> Vec<Vec<SectionKind>> {
        self.variants
            .iter()
            .map(|variants| {
                let mut sections: Vec<SectionKind> =
                    variants.iter().flat_map(|v| index.sections_of(v)).collect();
                sections.sort_unstable();
                sections.dedup();
                sections
            })
            .collect()
    }
}

/// A lazily computed [`CompiledTerms`] kept beside the keywords it comes
/// from. It is a cache: it never affects equality or the serialised form.
#[derive(Clone, Default)]
pub struct CompiledCache(OnceLock<CompiledTerms>);

impl CompiledCache {
    /// The compiled terms of `keywords`, computed on the first call.
    pub fn get(&self, keywords: &[Keyword]) -> &CompiledTerms {
        self.0.get_or_init(|| CompiledTerms::new(keywords))
    }
}

impl PartialEq for CompiledCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for CompiledCache {}

impl std::fmt::Debug for CompiledCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CompiledCache")
    }
}

/// Weighted share of `keywords` found, given where each was found.
pub fn weighted_match(keywords: &[Keyword], found: &[Vec<SectionKind>]) -> f64 {
    let total: f64 = keywords.iter().map(|k| f64::from(k.weight)).sum();
    if total == 0.0 {
        return 0.0;
    }
    let matched: f64 = keywords
        .iter()
        .zip(found)
        .filter(|(_, f)| !f.is_empty())
        .map(|(k, _)| f64::from(k.weight))
        .sum();
    matched / total
}

impl Target {
    /// The key terms of a job description.
    pub fn job_description(text: &str) -> Result<Self, crate::score::ScoreError> {
        Ok(Self::JobDescription(JobDescription::new(text)?))
    }

    /// A built-in pack by name, or a pack file (see [`KeywordPack::load`]).
    pub fn pack(name_or_path: &str) -> Result<Self, crate::score::ScoreError> {
        Ok(Self::Pack(KeywordPack::load(name_or_path)?))
    }

    /// The target a caller's options name: a job description's text when
    /// given, else a keyword pack (a built-in name or a file path), else
    /// [`Target::Auto`].
    pub fn from_options(
        job_description: Option<&str>,
        keywords: Option<&str>,
    ) -> Result<Self, crate::score::ScoreError> {
        match (job_description, keywords) {
            (Some(text), _) => Self::job_description(text),
            (None, Some(pack)) => Self::pack(pack),
            (None, None) => Ok(Self::Auto),
        }
    }
}
