//! The offline provider: deterministic rewrites that strengthen the
//! opening verb, remove weak openers, filler and leading pronouns, and
//! flag what only the author can fix (a missing metric, buzzwords, an
//! overlong bullet) without inventing anything.

mod edit;
mod openers;

use async_trait::async_trait;

use super::items::{Item, ItemKind, items};
use super::{ImproveError, ImproveOptions, Improvements, Improver, Provenance, Reason, Suggestion};
use crate::Resume;
use crate::score::bullets::{Opener, is_quantified, opener};
use crate::score::lexicon::lexicon;
use crate::score::text::words;
use edit::{Word, capitalise_first, lowers, remove, spans};

/// The rule-based improver (no network, no cost; the default).
#[derive(Debug, Clone, Copy, Default)]
pub struct RuleImprover;

impl RuleImprover {
    /// The rule-based improver.
    pub fn new() -> Self {
        Self
    }

    /// The suggestions for a resume, synchronously.
    pub fn suggest(&self, resume: &Resume, options: &ImproveOptions) -> Improvements {
        let suggestions = items(resume, options)
            .iter()
            .filter_map(|item| suggest_item(item, options))
            .collect();
        Improvements {
            suggestions,
            provider: Some(Provenance::rules()),
            ..Improvements::default()
        }
    }
}

#[async_trait]
impl Improver for RuleImprover {
    fn provenance(&self) -> Provenance {
        Provenance::rules()
    }

    async fn improve(
        &self,
        resume: &Resume,
        options: &ImproveOptions,
    ) -> Result<Improvements, ImproveError> {
        Ok(self.suggest(resume, options))
    }
}

/// The rule-based suggestion for one item, if it has anything to fix or
/// flag.
pub fn suggest_item(item: &Item, options: &ImproveOptions) -> Option<Suggestion> {
    let mut reasons = Vec::new();
    let mut text = item.text.trim().to_owned();
    if let Some(cut) = without_fillers(&text) {
        text = cut;
        reasons.push(Reason::Filler);
    }
    if item.kind != ItemKind::Summary {
        if let Some(cut) = without_leading_pronoun(&text) {
            text = cut;
            reasons.push(Reason::Pronoun);
        }
        text = fix_opener(&text, item.kind, &mut reasons);
    }
    flag(&text, item, options, &mut reasons);
    if reasons.is_empty() {
        return None;
    }
    let rewrite = (text != item.text && !text.is_empty()).then(|| capitalise_first(&text));
    Some(Suggestion {
        id: item.id.clone(),
        location: item.location,
        original: item.text.clone(),
        rewrite,
        reasons,
        provenance: Provenance::rules(),
        rejected: None,
    })
}

/// The text without filler words ("in order to" becomes "to"), or `None`
/// when it has none.
fn without_fillers(text: &str) -> Option<String> {
    let fillers = &lexicon().fillers;
    let words = spans(text);
    let lower = lowers(&words);
    let mut cuts = Vec::new();
    let mut i = 0;
    while i < lower.len() {
        match fillers.at(&lower, i) {
            Some(phrase) => {
                let keep_last = phrase.join(" ") == "in order to";
                let last = i + phrase.len() - 1 - usize::from(keep_last);
                cuts.push(words[i].span.start..words[last].span.end);
                i += phrase.len();
            }
            None => i += 1,
        }
    }
    (!cuts.is_empty()).then(|| remove(text, cuts))
}

/// The text without a leading "I" or "we" before an action verb.
fn without_leading_pronoun(text: &str) -> Option<String> {
    let words = spans(text);
    let (first, second) = (words.first()?, words.get(1)?);
    let pronoun = matches!(first.lower.as_str(), "i" | "we");
    (pronoun && lexicon().verb_base(&second.lower).is_some())
        .then(|| text[second.span.start..].to_owned())
}

/// Replaces a weak opener with a verb that claims no more, and puts the
/// opening verb of a past role in the past tense.
fn fix_opener(text: &str, kind: ItemKind, reasons: &mut Vec<Reason>) -> String {
    let words = spans(text);
    let lower = lowers(&words);
    match opener(&lower) {
        Opener::Weak(phrase) => {
            reasons.push(Reason::WeakOpener);
            let n = phrase.split(' ').count();
            replace_weak(text, &words, &phrase, n, kind).unwrap_or_else(|| text.to_owned())
        }
        Opener::Action(_) => {
            let Some(first) = words.first() else {
                return text.to_owned();
            };
            let inflected = first.lower.ends_with("ing")
                || (first.lower.ends_with('s')
                    && openers::base(&first.lower) != Some(&first.lower));
            let fixed = match kind {
                ItemKind::Bullet if inflected => openers::past(&first.lower).map(str::to_owned),
                ItemKind::CurrentBullet if first.lower.ends_with("ing") => {
                    openers::base(&first.lower).map(str::to_owned)
                }
                _ => None,
            };
            match fixed {
                Some(verb) if verb != first.lower => {
                    reasons.push(Reason::Tense);
                    format!("{}{}", capitalise_first(&verb), &text[first.span.end..])
                }
                _ => text.to_owned(),
            }
        }
        Opener::Other(_) => {
            reasons.push(Reason::NoActionVerb);
            text.to_owned()
        }
    }
}

/// The text with its weak opener (the first `n` words) replaced, or `None`
/// when no honest replacement exists.
fn replace_weak(
    text: &str,
    words: &[Word],
    phrase: &str,
    n: usize,
    kind: ItemKind,
) -> Option<String> {
    let opener_end = words.get(n - 1)?.span.end;
    let next = words.get(n);
    let shared = openers::is_shared(phrase);
    let is_verb = |w: &&Word| {
        let gerund = w.lower.ends_with("ing");
        let base = openers::base(&w.lower) == Some(w.lower.as_str());
        lexicon().verb_base(&w.lower).is_some() && (gerund || (shared && base))
    };
    if let Some(verb) = next.filter(is_verb) {
        let rest = &text[verb.span.end..];
        if shared {
            let gerund = openers::gerund(&verb.lower)?;
            return Some(format!("Contributed to {gerund}{rest}"));
        }
        let verb = match kind {
            ItemKind::CurrentBullet => openers::base(&verb.lower)?,
            _ => openers::past(&verb.lower)?,
        };
        return Some(format!("{}{rest}", capitalise_first(verb)));
    }
    let replacement = openers::replacement(phrase)?;
    Some(format!(
        "{}{}",
        capitalise_first(replacement),
        &text[opener_end..]
    ))
}

/// Adds the flags the improver must not fix itself.
fn flag(text: &str, item: &Item, options: &ImproveOptions, reasons: &mut Vec<Reason>) {
    let lex = lexicon();
    let lower = words(text);
    if !lex.buzzwords.find_all(&lower).is_empty() {
        reasons.push(Reason::Buzzword);
    }
    let max = match item.kind {
        ItemKind::Summary => {
            if lower.iter().any(|w| lex.pronouns.contains(w)) && !reasons.contains(&Reason::Pronoun)
            {
                reasons.push(Reason::Pronoun);
            }
            options.max_summary_words
        }
        ItemKind::Bullet | ItemKind::CurrentBullet => {
            if !is_quantified(text, &lower) {
                reasons.push(Reason::MissingMetric);
            }
            options.max_bullet_words
        }
    };
    if lower.len() > max {
        reasons.push(Reason::TooLong);
    }
}

#[cfg(test)]
mod tests;
