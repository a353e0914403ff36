//! Word-level text handling shared by the rules: lower-cased word tokens,
//! keyword tokens (which keep `C++`, `C#`, `Node.js`), phrase search and
//! excerpts.

/// Lower-cased words: runs of letters, digits and apostrophes. Hyphens and
/// other punctuation separate words, so `results-driven` is two words.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Counts whitespace-separated words.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Keyword tokens: lower-cased, light-stemmed runs that keep the symbols of
/// technology names (`c++`, `c#`, `node.js`, `.net`, `p&l`). Slashes and
/// hyphens separate tokens, the same way for targets and resumes, so
/// `CI/CD` matches `CI CD`.
pub fn keyword_tokens(text: &str) -> Vec<String> {
    let mut arena = String::new();
    let mut ranges = Vec::new();
    keyword_tokens_into(text, &mut arena, &mut ranges);
    ranges.into_iter().map(|r| arena[r].to_owned()).collect()
}

/// Appends the keyword tokens of `text` to `arena`, recording each token's
/// byte range (the allocation-free form of [`keyword_tokens`]).
pub fn keyword_tokens_into(text: &str, arena: &mut String, out: &mut Vec<std::ops::Range<usize>>) {
    let mut start: Option<usize> = None;
    let mut prev_alnum = false;
    let mut chars = text.chars();
    let mut current = chars.next();
    let mut current_alnum = current.is_some_and(alphanumeric);
    while let Some(c) = current {
        let next = chars.next();
        let next_alnum = next.is_some_and(alphanumeric);
        let in_token = start.is_some();
        let keep = current_alnum
            || ((c == '+' || c == '#') && in_token)
            || (c == '.' && next_alnum && (prev_alnum || !in_token))
            || (c == '&' && prev_alnum && next_alnum);
        if keep {
            start.get_or_insert(arena.len());
            if c.is_ascii() {
                arena.push(c.to_ascii_lowercase());
            } else {
                arena.extend(c.to_lowercase());
            }
        } else if let Some(begin) = start.take() {
            finish(arena, begin, out);
        }
        prev_alnum = current_alnum;
        current = next;
        current_alnum = next_alnum;
    }
    if let Some(begin) = start {
        finish(arena, begin, out);
    }
}

/// `char::is_alphanumeric` with an ASCII fast path.
fn alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Stems the token that starts at `begin` and records its range.
fn finish(arena: &mut String, begin: usize, out: &mut Vec<std::ops::Range<usize>>) {
    if plural(&arena[begin..]) {
        arena.pop();
    }
    out.push(begin..arena.len());
}

/// A plural `s` to strip so `APIs` matches `API` and `skills` matches
/// `skill`: not on short words, `-ss`/`-us` endings, or `-is` beyond four
/// letters (`analysis`).
fn plural(token: &str) -> bool {
    token.len() > 3
        && token.ends_with('s')
        && !(token.ends_with("ss")
            || token.ends_with("us")
            || (token.ends_with("is") && token.len() > 4))
        && token.chars().all(char::is_alphabetic)
}

/// The text shortened to at most 80 characters, on a character boundary.
pub fn excerpt(text: &str) -> String {
    const MAX: usize = 80;
    let text = text.trim();
    if text.chars().count() <= MAX {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(MAX - 1).collect();
    out.push('…');
    out
}

/// Capitalises the first letter (`led` → `Led`).
pub fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_hyphens_and_lowercase() {
        assert_eq!(
            words("Results-driven, I'm great"),
            ["results", "driven", "i'm", "great"]
        );
    }

    #[test]
    fn keyword_tokens_keep_technology_names() {
        assert_eq!(
            keyword_tokens("C++, C#, Node.js and .NET; CI/CD APIs. P&L"),
            [
                "c++", "c#", "node.js", "and", ".net", "ci", "cd", "api", "p&l"
            ]
        );
        assert_eq!(
            keyword_tokens("Kubernetes' skills, process"),
            ["kubernete", "skill", "process"]
        );
    }

    #[test]
    fn excerpt_shortens_on_char_boundaries() {
        let long = "é".repeat(100);
        let short = excerpt(&long);
        assert_eq!(short.chars().count(), 80);
        assert!(short.ends_with('…'));
    }
}
