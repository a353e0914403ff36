//! Editing a text by words while keeping its casing and punctuation.

use std::ops::Range;

/// A word of the text: its lower-cased form and byte range (the same
/// splitting as `score::text::words`).
pub struct Word {
    /// Lower-cased.
    pub lower: String,
    /// Where it is in the text.
    pub span: Range<usize>,
}

/// The words of a text with their byte ranges.
pub fn spans(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let part = c.is_alphanumeric() || c == '\'';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push(text, s..i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn push(text: &str, span: Range<usize>, out: &mut Vec<Word>) {
    let raw = &text[span.clone()];
    let lead = raw.len() - raw.trim_start_matches('\'').len();
    let trail = raw.len() - raw.trim_end_matches('\'').len();
    let span = span.start + lead..span.end - trail;
    if span.is_empty() {
        return;
    }
    out.push(Word {
        lower: text[span.clone()].to_lowercase(),
        span,
    });
}

/// The lower-cased words, as the lexicon's phrase lists expect them.
pub fn lowers(words: &[Word]) -> Vec<String> {
    words.iter().map(|w| w.lower.clone()).collect()
}

/// Removes byte ranges from a text and tidies the spaces and punctuation
/// left behind.
pub fn remove(text: &str, mut cuts: Vec<Range<usize>>) -> String {
    cuts.sort_by_key(|r| r.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for cut in cuts {
        if cut.start < at {
            continue;
        }
        out.push_str(&text[at..cut.start]);
        at = cut.end;
    }
    out.push_str(&text[at..]);
    tidy(&out)
}

/// Collapses runs of spaces, drops spaces before punctuation and doubled
/// commas, and trims leading punctuation.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let last = out.chars().last();
        match c {
            ' ' if last.is_none_or(|l| l == ' ') => {}
            ',' | '.' | ';' | ':' | ')' if last == Some(' ') => {
                out.pop();
                if !(c == ',' && matches!(out.chars().last(), Some(',' | '.' | ';'))) {
                    out.push(c);
                }
            }
            ',' if matches!(last, Some(',' | ';')) => {}
            '.' | ';' if last == Some(',') => {
                out.pop();
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out.trim_start_matches([',', ';', ':', ' ', '-', '–'])
        .trim_end()
        .to_owned()
}

/// The text with its first letter upper-cased.
pub fn capitalise_first(text: &str) -> String {
    crate::score::text::capitalise(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_match_words() {
        let text = "Led 'the' results-driven team.";
        let w = spans(text);
        let got: Vec<&str> = w.iter().map(|w| &text[w.span.clone()]).collect();
        assert_eq!(got, ["Led", "the", "results", "driven", "team"]);
    }

    #[test]
    fn removal_tidies() {
        let text = "Built very fast tools , basically for QA.";
        let w = spans(text);
        let cuts = vec![w[1].span.clone(), w[4].span.clone()];
        assert_eq!(remove(text, cuts), "Built fast tools, for QA.");
    }
}
