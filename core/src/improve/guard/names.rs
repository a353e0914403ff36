//! Names a rewrite introduces: capitalised words, acronyms and technology
//! terms (from the built-in keyword packs) that appear nowhere in the
//! resume or the original text.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use crate::Resume;
use crate::score::keywords::{KeywordKind, KeywordPack, ResumeTokens};
use crate::score::lexicon::lexicon;
use crate::score::text::keyword_tokens;

/// The keyword tokens a resume names.
#[derive(Debug, Clone, Default)]
pub struct Known(HashSet<String>);

impl Known {
    /// Every token of the resume: its sections, and the companies, schools,
    /// issuers and places they name.
    pub fn from_resume(resume: &Resume) -> Self {
        let mut known = Self(
            ResumeTokens::new(resume)
                .tokens()
                .map(str::to_owned)
                .collect(),
        );
        let s = &resume.sections;
        let texts = s
            .experience
            .iter()
            .flat_map(|j| [Some(&j.company), j.location.as_ref()])
            .chain(
                s.education
                    .iter()
                    .flat_map(|e| [Some(&e.institution), e.location.as_ref()]),
            )
            .chain(s.certifications.iter().map(|c| c.issuer.as_ref()))
            .chain(s.projects.iter().map(|p| p.url.as_ref()))
            .flatten();
        for text in texts {
            known.add(text);
        }
        known
    }

    /// Adds the tokens of a text.
    pub fn add(&mut self, text: &str) {
        self.0.extend(keyword_tokens(text));
    }

    fn contains(&self, token: &str) -> bool {
        self.0.contains(token) || lexicon().stopwords.contains(token)
    }
}

/// Token sequences of the built-in packs' skill terms (tools,
/// technologies, methods), with the term as written.
static TECH_TERMS: LazyLock<Vec<(String, Vec<String>)>> = LazyLock::new(|| {
    let mut terms = Vec::new();
    for pack in KeywordPack::builtins() {
        for keyword in pack
            .keywords
            .iter()
            .filter(|k| k.kind == KeywordKind::Skill)
        {
            for variant in std::iter::once(&keyword.term).chain(&keyword.aliases) {
                let tokens = keyword_tokens(variant);
                if !tokens.is_empty() && !terms.iter().any(|(_, t)| *t == tokens) {
                    terms.push((keyword.term.clone(), tokens));
                }
            }
        }
    }
    terms
});

/// The names in `rewrite` that neither `original` nor the resume (`known`)
/// contains, as written in the rewrite.
pub fn new_names(original: &str, rewrite: &str, known: &Known) -> Vec<String> {
    let mut here = known.clone();
    here.add(original);
    let is_new = |tokens: &[String]| tokens.iter().any(|t| !here.contains(t));
    let mut found: Vec<String> = Vec::new();
    let mut sentence_start = true;
    for raw in rewrite.split_whitespace() {
        let word = raw
            .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '.')
            .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '+' && c != '#');
        let starts = sentence_start;
        sentence_start = raw.ends_with(['.', ';', ':', '!', '?']);
        if !looks_like_name(word, starts) {
            continue;
        }
        if is_new(&keyword_tokens(word)) && !found.iter().any(|f| f == word) {
            found.push(word.to_owned());
        }
    }
    let tokens = keyword_tokens(rewrite);
    for (term, seq) in TECH_TERMS.iter() {
        let present = tokens.windows(seq.len()).any(|w| w == seq.as_slice());
        if present && is_new(seq) && !found.iter().any(|f| keyword_tokens(f) == *seq) {
            found.push(term.clone());
        }
    }
    found
}

/// A capitalised word not at a sentence start, an acronym, or a word with
/// a technology's symbols or digits (`C++`, `S3`, `Node.js`).
fn looks_like_name(word: &str, sentence_start: bool) -> bool {
    let Some(first) = word.chars().next() else {
        return false;
    };
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let symbols = word.contains(['+', '#']) || word.trim_start_matches('.').contains('.');
    let mixed = letters > 0 && word.chars().any(|c| c.is_ascii_digit());
    let acronym = upper >= 2;
    (first.is_uppercase() && !sentence_start) || acronym || symbols || mixed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(original: &str, rewrite: &str, resume_skills: &[&str]) -> Vec<String> {
        let mut known = Known::default();
        for skill in resume_skills {
            known.add(skill);
        }
        new_names(original, rewrite, &known)
    }

    #[test]
    fn new_names_and_technologies_are_found() {
        assert_eq!(
            names(
                "Built the billing API",
                "Built the billing API on AWS Lambda",
                &[]
            ),
            ["AWS", "Lambda"]
        );
        assert_eq!(
            names(
                "Built the billing API",
                "Built the billing API in kubernetes",
                &[]
            ),
            ["Kubernetes"]
        );
        assert!(
            names(
                "Built the billing API",
                "Built the billing API on AWS",
                &["AWS"]
            )
            .is_empty()
        );
        assert!(
            names(
                "Led the team at Acme",
                "Led the Acme team. Shipped weekly",
                &[]
            )
            .is_empty()
        );
    }
}
