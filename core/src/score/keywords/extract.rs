//! Key terms of a job description: known skills and competencies from the
//! keyword packs, technology-looking tokens (`Terraform`, `S3`, `C#`), and
//! domain words the posting repeats, weighted by how often and where they
//! appear (requirements count more than "nice to have", boilerplate least).

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::pack::{Keyword, KeywordKind, KeywordPack};
use super::{CompiledCache, CompiledTerms};
use crate::score::ScoreError;
use crate::score::lexicon::lexicon;
use crate::score::text::{keyword_tokens, keyword_tokens_into};

/// Most terms kept from one job description.
const MAX_TERMS: usize = 30;
/// Terms scoring below this (seen only in boilerplate such as benefits)
/// are dropped.
const MIN_SCORE: f64 = 0.5;
/// Job descriptions are cut at this many bytes (a long posting is ~10 KB).
const MAX_BYTES: usize = 64 * 1024;

/// A job description reduced to its weighted key terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobDescription {
    /// The key terms, most important first.
    pub terms: Vec<Keyword>,
    /// The terms' token sequences, computed on first use.
    #[serde(skip)]
    compiled: CompiledCache,
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

/// One line of the posting: its whitespace-separated words and their
/// keyword tokens (ranges of `arena`), each token knowing the word it came from.
struct LineWords<'a> {
    raw: Vec<&'a str>,
    arena: String,
    tokens: Vec<Range<usize>>,
    word_of: Vec<usize>,
    whole_word: Vec<(bool, bool)>,
}

impl<'a> LineWords<'a> {
    fn new(line: &'a str) -> Self {
        let mut this = Self {
            raw: line.split_whitespace().collect(),
            arena: String::with_capacity(line.len()),
            tokens: Vec::new(),
            word_of: Vec::new(),
            whole_word: Vec::new(),
        };
        for (w, word) in this.raw.iter().enumerate() {
            let before = this.tokens.len();
            keyword_tokens_into(word, &mut this.arena, &mut this.tokens);
            let n = this.tokens.len() - before;
            for k in 0..n {
                this.word_of.push(w);
                this.whole_word.push((k == 0, k + 1 == n));
            }
        }
        this
    }

    fn len(&self) -> usize {
        self.tokens.len()
    }

    fn token(&self, i: usize) -> &str {
        &self.arena[self.tokens[i].clone()]
    }

    /// True when the tokens from `i` on start with `phrase`.
    fn matches(&self, i: usize, phrase: &[String]) -> bool {
        i + phrase.len() <= self.len()
            && phrase
                .iter()
                .enumerate()
                .all(|(k, p)| self.token(i + k) == p)
    }

    /// The posting's own spelling of tokens `i..i + len`, when they are
    /// whole words.
    fn surface(&self, i: usize, len: usize) -> Option<String> {
        let last = i + len.checked_sub(1)?;
        let (starts, _) = *self.whole_word.get(i)?;
        let (_, ends) = *self.whole_word.get(last)?;
        if !(starts && ends) {
            return None;
        }
        let words = self.raw.get(self.word_of[i]..=self.word_of[last])?;
        let text = words
            .join(" ")
            .trim_matches(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#'))
            .to_owned();
        (!text.is_empty()).then_some(text)
    }

    /// How many tokens from `i` form one name: consecutive whole words that
    /// are each a capitalised name or acronym (`PCI DSS`, `Google Cloud`),
    /// up to three, not across punctuation.
    fn name_length(&self, i: usize) -> usize {
        let mut len = 1;
        while len < 3 {
            let (k, previous) = (i + len, i + len - 1);
            let joined = k < self.len()
                && self.word_of[k] == self.word_of[previous] + 1
                && self.whole_word[k].0
                && self.whole_word[previous].1
                && !self.raw[self.word_of[previous]].ends_with(|c: char| c.is_ascii_punctuation());
            if !joined || classify(self, k) != Some(KeywordKind::Skill) {
                break;
            }
            len += 1;
        }
        len
    }

    /// True when token `i` opens a sentence or list item.
    fn sentence_start(&self, i: usize) -> bool {
        let w = self.word_of[i];
        w == 0 || {
            let before = self.raw[w - 1];
            before.ends_with(['.', ':', '!', '?']) || !before.chars().any(char::is_alphanumeric)
        }
    }
}

impl JobDescription {
    /// Extracts the key terms of a job description.
    pub fn new(text: &str) -> Result<Self, ScoreError> {
        let text = truncate(text, MAX_BYTES);
        if text.split_whitespace().next().is_none() {
            return Err(ScoreError::EmptyJobDescription);
        }
        let known = &*KNOWN;
        let mut candidates: Vec<Candidate> = Vec::new();
        let mut slots: HashMap<Slot, usize> = HashMap::default();
        let mut context = 1.0;
        let mut order = 0;
        for line in text.lines() {
            if let Some(weight) = heading_context(line) {
                context = weight;
                continue;
            }
            let line_weight = context * emphasis(line);
            let words = LineWords::new(line);
            let mut i = 0;
            while i < words.len() {
                order += 1;
                let matched = known.by_first.get(words.token(i)).and_then(|list| {
                    list.iter()
                        .copied()
                        .find(|&k| words.matches(i, &known.phrases[k].tokens))
                });
                if let Some(k) = matched {
                    let phrase = &known.phrases[k];
                    let keyword = || {
                        let mut keyword = phrase.keyword.clone();
                        if let Some(term) = words.surface(i, phrase.tokens.len()) {
                            keyword.term = term;
                        }
                        keyword
                    };
                    let slot = Slot::Known(k);
                    add(
                        &mut candidates,
                        &mut slots,
                        slot,
                        keyword,
                        line_weight,
                        order,
                    );
                    i += phrase.tokens.len();
                    continue;
                }
                if let Some(kind) = classify(&words, i) {
                    let len = if kind == KeywordKind::Skill {
                        words.name_length(i)
                    } else {
                        1
                    };
                    let key: Vec<&str> = (i..i + len).map(|k| words.token(k)).collect();
                    let key = key.join(" ");
                    let keyword = || Keyword {
                        term: words.surface(i, len).unwrap_or_else(|| key.clone()),
                        weight: 1,
                        kind,
                        aliases: Vec::new(),
                    };
                    let slot = Slot::Token(key.clone());
                    add(
                        &mut candidates,
                        &mut slots,
                        slot,
                        keyword,
                        line_weight,
                        order,
                    );
                    i += len;
                    continue;
                }
                i += 1;
            }
        }
        Ok(Self {
            terms: rank(candidates),
            compiled: CompiledCache::default(),
        })
    }

    /// The terms' token sequences (term and aliases), computed once.
    pub fn compiled(&self) -> &CompiledTerms {
        self.compiled.get(&self.terms)
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

/// The phrases the packs know, longest first, indexed by first token.
struct Known {
    phrases: Vec<KnownPhrase>,
    by_first: HashMap<String, Vec<usize>>,
}

/// Built once: every term and alias of the built-in packs.
static KNOWN: LazyLock<Known> = LazyLock::new(|| {
    let phrases = known_phrases();
    let mut by_first: HashMap<String, Vec<usize>> = HashMap::default();
    for (k, phrase) in phrases.iter().enumerate() {
        if let Some(first) = phrase.tokens.first() {
            by_first.entry(first.clone()).or_default().push(k);
        }
    }
    Known { phrases, by_first }
});

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

/// Adds a phrase unless it is empty, known already, or a lone verb form
/// ("led", "automated"), which in a posting describes the job, not a skill.
fn push_known(out: &mut Vec<KnownPhrase>, text: &str, keyword: Keyword) {
    let tokens = keyword_tokens(text);
    let lone_verb = matches!(&tokens[..], [only] if lexicon().verbs.contains_key(only));
    if !tokens.is_empty() && !lone_verb && !out.iter().any(|p| p.tokens == tokens) {
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

/// Whether an unknown token is a key term: technology-looking tokens are
/// skills, other content words are competencies (kept only if repeated).
fn classify(words: &LineWords<'_>, i: usize) -> Option<KeywordKind> {
    let token = words.token(i);
    let lex = lexicon();
    let plain = token.trim_end_matches(['+', '#']);
    if token.chars().count() < 2
        || lex.stopwords.contains(plain)
        || lex.posting_words.contains(plain)
        || lex.verbs.contains_key(plain)
        || token.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let technical = token.chars().any(char::is_alphabetic)
        && token
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '+' | '#' | '.' | '&'));
    let word = words.raw[words.word_of[i]]
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '+' && c != '#');
    let acronym =
        word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
    let inner_capital = word.chars().skip(1).any(char::is_uppercase);
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let proper_noun = acronym || inner_capital || (capitalised && !words.sentence_start(i));
    if technical || proper_noun {
        return Some(KeywordKind::Skill);
    }
    (token.chars().count() >= 4 && token.chars().all(char::is_alphabetic))
        .then_some(KeywordKind::Competency)
}

/// What identifies a candidate: a known phrase, or an unknown token.
#[derive(PartialEq, Eq, Hash)]
enum Slot {
    Known(usize),
    Token(String),
}

/// Counts one occurrence of `slot`; `keyword` builds the term on its first
/// occurrence.
fn add(
    candidates: &mut Vec<Candidate>,
    slots: &mut HashMap<Slot, usize>,
    slot: Slot,
    keyword: impl FnOnce() -> Keyword,
    weight: f64,
    order: usize,
) {
    if let Some(&index) = slots.get(&slot) {
        let c = &mut candidates[index];
        c.score += weight;
        c.occurrences += 1;
        return;
    }
    let known = matches!(slot, Slot::Known(_));
    slots.insert(slot, candidates.len());
    let keyword = keyword();
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
/// more, unless they appear only in boilerplate; orders by importance, then first appearance; maps scores to 1–3.
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
        .filter(|c| c.score >= MIN_SCORE)
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
