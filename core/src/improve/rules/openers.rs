//! Verb forms and what replaces a weak opener.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::score::lexicon::{inflections, lexicon};

/// The past form of every action verb, by base form.
static PAST: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    include_str!("../../score/lexicon/action_verbs.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|entry| {
            let (base, past) = entry.split_once(':').unwrap_or((entry, ""));
            let forms = inflections(base, (!past.is_empty()).then_some(past));
            forms.get(2).map(|p| (base.to_owned(), p.clone()))
        })
        .collect()
});

/// The past form of an action verb given in any form (`managing` →
/// `managed`).
pub fn past(word: &str) -> Option<&'static str> {
    let base = lexicon().verb_base(word)?;
    PAST.get(base).map(String::as_str)
}

/// The base form of an action verb given in any form.
pub fn base(word: &str) -> Option<&'static str> {
    let base = lexicon().verb_base(word)?;
    PAST.get_key_value(base).map(|(k, _)| k.as_str())
}

/// The `-ing` form of an action verb given in any form (`build` →
/// `building`, `ship` → `shipping`).
pub fn gerund(word: &str) -> Option<String> {
    let base = base(word)?;
    let forms = inflections(base, PAST.get(base).map(String::as_str));
    forms.get(3).cloned()
}

/// True for the opener phrases that mean the work was shared ("helped").
pub fn is_shared(opener: &str) -> bool {
    replacement(opener) == Some("supported")
}

/// What replaces a weak opener (given as its lower-cased words) when the
/// next word is not a verb: a verb that claims no more than the opener did.
/// `None` when no honest replacement exists (the bullet is only flagged).
pub fn replacement(opener: &str) -> Option<&'static str> {
    Some(match opener {
        "responsible for"
        | "was responsible for"
        | "were responsible for"
        | "tasked with"
        | "primary responsibilities"
        | "responsibilities included"
        | "responsibilities include"
        | "duties included"
        | "duties include"
        | "duties" => "owned",
        "in charge of" | "handled" => "managed",
        "helped" | "help" | "helping" | "assisted" | "assist" | "assisting" | "assisted with" => {
            "supported"
        }
        "worked with" => "collaborated with",
        "worked on" | "working on" | "work on" | "participated in" | "involved in"
        | "was involved in" | "took part in" | "was part of" | "part of" => "contributed to",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_forms_cover_irregular_verbs() {
        assert_eq!(past("leading"), Some("led"));
        assert_eq!(past("manage"), Some("managed"));
        assert_eq!(past("builds"), Some("built"));
        assert_eq!(past("responsible"), None);
        assert_eq!(base("managed"), Some("manage"));
        assert_eq!(gerund("shipped").as_deref(), Some("shipping"));
    }
}
