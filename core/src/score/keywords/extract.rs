//! Key terms of a job description: known skills and competencies from the
//! keyword packs, technology-looking tokens (`Terraform`, `S3`, `C#`), and
//! domain words the posting repeats, weighted by how often and where they
//! appear (requirements count more than "nice to have", boilerplate least).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::pack::{Keyword, KeywordKind, KeywordPack};
use crate::score::ScoreError;
use crate::score::lexicon::lexicon;
use crate::score::text::keyword_tokens;

/// Most terms kept from one job description.
const MAX_TERMS: usize = 30;
/// Job descriptions are cut at this many bytes (a long posting is ~10 KB).
const MAX_BYTES: usize = 64 * 1024;

/// A job description reduced to its weighted key terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobDescription {
    /// The key terms, most important first.
    pub terms: Vec<Keyword>,
}

/// A term found in the posting, with its running importance.
struct Candidate {
    term: String,
    kind: KeywordKind,
    aliases: Vec<String>,
    score: f64,
    first_seen: usize,
    known: bool,
    occurrences: u32,
}

/// A phrase the packs know: its tokens, the spelling to report, and aliases.
struct KnownPhrase {
    tokens: Vec<String>,
    keyword: Keyword,
}

impl JobDescription {
    /// Extracts the key terms of a job description.
    pub fn new(text: &str) -> Result<Self, ScoreError> {
        let text = truncate(text, MAX_BYTES);
        if text.split_whitespace().next().is_none() {
            return Err(ScoreError::EmptyJobDescription);
        }
        let known = known_phrases();
        let mut by_first: HashMap<&str, Vec<&KnownPhrase>> = HashMap::new();
        for phrase in &known {
            if let Some(first) = phrase.tokens.first() {
                by_first.entry(first.as_str()).or_default().push(phrase);
            }
        }
        let mut candidates: Vec<Candidate> = Vec::new();
        let mut slots: HashMap<String, usize> = HashMap::new();
        let mut context = 1.0;
        let mut order = 0;
        for line in text.lines() {
            if let Some(weight) = heading_context(line) {
                context = weight;
                continue;
            }
            let line_weight = context * emphasis(line);
            let raw: Vec<&str> = line.split_whitespace().collect();
            let tokens = keyword_tokens(line);
            let mut i = 0;
            while i < tokens.len() {
                order += 1;
                let matched = by_first.get(tokens[i].as_str()).and_then(|list| {
                    list.iter()
                        .find(|p| tokens.get(i..i + p.tokens.len()) == Some(&p.tokens[..]))
                });
                if let Some(phrase) = matched {
                    let mut keyword = phrase.keyword.clone();
                    keyword.term = surface(&raw, &phrase.tokens).unwrap_or(keyword.term);
                    add(
                        &mut candidates,
                        &mut slots,
                        &phrase.tokens,
                        keyword,
                        true,
                        line_weight,
                        order,
                    );
                    i += phrase.tokens.len();
                    continue;
                }
                let token = &tokens[i];
                if let Some(kind) = classify(token, &raw) {
                    let keyword = Keyword {
                        term: surface(&raw, std::slice::from_ref(token))
                            .unwrap_or_else(|| token.clone()),
                        weight: 1,
                        kind,
                        aliases: Vec::new(),
                    };
                    add(
                        &mut candidates,
                        &mut slots,
                        std::slice::from_ref(token),
                        keyword,
                        false,
                        line_weight,
                        order,
                    );
                }
                i += 1;
            }
        }
        Ok(Self {
            terms: rank(candidates),
        })
    }
}

/// Cuts `text` to at most `max` bytes on a character boundary.
fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Every term and alias of the built-in packs, longest first.
fn known_phrases() -> Vec<KnownPhrase> {
    let mut out: Vec<KnownPhrase> = Vec::new();
    for pack in KeywordPack::builtins() {
        for keyword in &pack.keywords {
            let canonical = Keyword {
                aliases: keyword.aliases.clone(),
                ..keyword.clone()
            };
            push_known(&mut out, &keyword.term, canonical);
            for alias in &keyword.aliases {
                let exact = Keyword {
                    term: alias.clone(),
                    weight: keyword.weight,
                    kind: keyword.kind,
                    aliases: Vec::new(),
                };
                push_known(&mut out, alias, exact);
            }
        }
    }
    out.sort_by_key(|p| std::cmp::Reverse(p.tokens.len()));
    out
}

fn push_known(out: &mut Vec<KnownPhrase>, text: &str, keyword: Keyword) {
    let tokens = keyword_tokens(text);
    if !tokens.is_empty() && !out.iter().any(|p| p.tokens == tokens) {
        out.push(KnownPhrase { tokens, keyword });
    }
}

/// The weight a heading line sets for the lines under it, if it is one.
fn heading_context(line: &str) -> Option<f64> {
    let trimmed = line.trim().trim_end_matches(':').to_lowercase();
    if trimmed.is_empty() || trimmed.split_whitespace().count() > 6 || line.trim().ends_with('.') {
        return None;
    }
    let has = |words: &[&str]| words.iter().any(|w| trimmed.contains(w));
    if has(&["preferred", "nice to have", "bonus", "pluses", "desirable"]) {
        Some(0.75)
    } else if has(&[
        "require",
        "qualification",
        "must",
        "you have",
        "you bring",
        "what you",
        "skills",
        "experience",
        "responsibilit",
        "you will",
        "the role",
    ]) {
        Some(1.5)
    } else if has(&[
        "about us",
        "about the company",
        "benefits",
        "perks",
        "equal opportunity",
        "why join",
        "compensation",
        "how to apply",
    ]) {
        Some(0.25)
    } else {
        None
    }
}

/// Extra weight for lines that insist.
fn emphasis(line: &str) -> f64 {
    let lower = line.to_lowercase();
    if ["required", "must", "essential", "expert"]
        .iter()
        .any(|w| lower.contains(w))
    {
        1.3
    } else {
        1.0
    }
}

/// The posting's own spelling of a token sequence, when it can be found.
fn surface(raw: &[&str], tokens: &[String]) -> Option<String> {
    let first = raw
        .iter()
        .position(|w| keyword_tokens(w).first() == tokens.first())?;
    let mut taken = Vec::new();
    let mut covered = 0;
    for word in &raw[first..] {
        let n = keyword_tokens(word).len();
        if n == 0 {
            continue;
        }
        taken.push(*word);
        covered += n;
        if covered >= tokens.len() {
            break;
        }
    }
    let text = taken
        .join(" ")
        .trim_matches(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#'))
        .to_owned();
    (covered == tokens.len() && !text.is_empty()).then_some(text)
}

/// Whether an unknown token is a key term: technology-looking tokens are
/// skills, other content words are competencies (kept only if repeated).
fn classify(token: &str, raw: &[&str]) -> Option<KeywordKind> {
    let lex = lexicon();
    let plain = token.trim_end_matches(['+', '#']);
    if token.chars().count() < 2
        || lex.stopwords.contains(plain)
        || lex.posting_words.contains(plain)
        || lex.posting_words.contains(&format!("{plain}s"))
        || lex.verbs.contains_key(plain)
        || token.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let technical = token.chars().any(char::is_alphabetic)
        && token
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '+' | '#' | '.' | '&'));
    let clean = |w: &str| -> String {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '+' && c != '#')
            .to_owned()
    };
    let position = raw
        .iter()
        .position(|w| keyword_tokens(w).first().map(String::as_str) == Some(token));
    let proper_noun = position.is_some_and(|j| {
        let word = clean(raw[j]);
        let sentence_start = j == 0
            || raw[j - 1].ends_with(['.', ':', '!', '?'])
            || !raw[j - 1].chars().any(char::is_alphanumeric);
        let acronym = word.chars().count() >= 2
            && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
        let inner_capital = word.chars().skip(1).any(char::is_uppercase);
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        acronym || inner_capital || (capitalised && !sentence_start)
    });
    if technical || proper_noun {
        return Some(KeywordKind::Skill);
    }
    (token.chars().count() >= 4 && token.chars().all(char::is_alphabetic))
        .then_some(KeywordKind::Competency)
}

fn add(
    candidates: &mut Vec<Candidate>,
    slots: &mut HashMap<String, usize>,
    tokens: &[String],
    keyword: Keyword,
    known: bool,
    weight: f64,
    order: usize,
) {
    let key = tokens.join(" ");
    if let Some(&slot) = slots.get(&key) {
        let c = &mut candidates[slot];
        c.score += weight;
        c.occurrences += 1;
        return;
    }
    slots.insert(key, candidates.len());
    candidates.push(Candidate {
        term: keyword.term,
        kind: keyword.kind,
        aliases: keyword.aliases,
        score: weight,
        first_seen: order,
        known,
        occurrences: 1,
    });
}

/// Keeps known terms, technology tokens, and competencies seen twice or
/// more; orders by importance, then first appearance; maps scores to 1–3.
fn rank(candidates: Vec<Candidate>) -> Vec<Keyword> {
    let mut kept: Vec<Candidate> = candidates
        .into_iter()
        .filter(|c| c.known || c.kind == KeywordKind::Skill || c.occurrences >= 2)
        .map(|mut c| {
            if c.known {
                c.score *= 1.5;
            }
            c
        })
        .collect();
    kept.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.first_seen.cmp(&b.first_seen))
    });
    kept.truncate(MAX_TERMS);
    kept.into_iter()
        .map(|c| Keyword {
            term: c.term,
            weight: if c.score >= 3.0 {
                3
            } else if c.score >= 1.5 {
                2
            } else {
                1
            },
            kind: c.kind,
            aliases: c.aliases,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const POSTING: &str = "Senior Backend Engineer\n\
        About the role\n\
        You will build APIs in Python and Go on AWS.\n\
        Requirements:\n\
        - 5+ years of Python and PostgreSQL experience (required)\n\
        - Kubernetes, Terraform and CI/CD pipelines\n\
        - Experience with Kafka event streaming and event sourcing\n\
        Nice to have:\n\
        - GraphQL\n\
        Benefits:\n\
        - Competitive salary and great culture\n";

    fn terms() -> Vec<String> {
        JobDescription::new(POSTING)
            .map(|jd| jd.terms.into_iter().map(|k| k.term).collect())
            .unwrap_or_default()
    }

    #[test]
    fn extracts_known_and_technology_terms() {
        let terms = terms();
        for expected in [
            "Python",
            "PostgreSQL",
            "Kubernetes",
            "Terraform",
            "CI/CD",
            "Kafka",
            "GraphQL",
            "AWS",
        ] {
            assert!(
                terms.iter().any(|t| t == expected),
                "{expected} missing from {terms:?}"
            );
        }
        assert!(
            terms.iter().any(|t| t.eq_ignore_ascii_case("event")),
            "{terms:?}"
        );
    }

    #[test]
    fn ignores_boilerplate_and_stop_words() {
        let terms = terms();
        for unwanted in [
            "salary",
            "culture",
            "years",
            "the",
            "You",
            "build",
            "Competitive",
        ] {
            assert!(
                !terms.iter().any(|t| t.eq_ignore_ascii_case(unwanted)),
                "{unwanted} in {terms:?}"
            );
        }
    }

    #[test]
    fn requirements_outrank_nice_to_haves() {
        let jd = JobDescription::new(POSTING).ok();
        let weight = |term: &str| {
            jd.as_ref()
                .and_then(|jd| jd.terms.iter().find(|k| k.term == term))
                .map_or(0, |k| k.weight)
        };
        assert!(weight("Python") > weight("GraphQL"), "{jd:?}");
    }

    #[test]
    fn empty_posting_is_an_error() {
        assert!(matches!(
            JobDescription::new(" \n "),
            Err(ScoreError::EmptyJobDescription)
        ));
    }
}
