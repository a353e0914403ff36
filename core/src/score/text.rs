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
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev_alnum = i > 0 && chars[i - 1].is_alphanumeric();
        let next_alnum = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        let keep = c.is_alphanumeric()
            || ((c == '+' || c == '#') && !current.is_empty())
            || (c == '.' && next_alnum && (prev_alnum || current.is_empty()))
            || (c == '&' && prev_alnum && next_alnum);
        if keep {
            current.extend(c.to_lowercase());
        } else if !current.is_empty() {
            out.push(stem(std::mem::take(&mut current)));
        }
    }
    if !current.is_empty() {
        out.push(stem(current));
    }
    out
}

/// Strips a possessive or plural `s` so `APIs` matches `API` and `skills`
/// matches `skill`; short words and `-ss`/`-us` endings (and `-is` beyond
/// four letters, as in `analysis`) are kept.
fn stem(mut token: String) -> String {
    if let Some(base) = token.strip_suffix("'s") {
        token = base.to_owned();
    }
    let plural = token.len() > 3
        && token.ends_with('s')
        && !(token.ends_with("ss")
            || token.ends_with("us")
            || (token.ends_with("is") && token.len() > 4))
        && token.chars().all(char::is_alphabetic);
    if plural {
        token.pop();
    }
    token
}

/// Positions where `phrase` occurs as consecutive words of `words`.
pub fn find_phrase(words: &[String], phrase: &[String]) -> Option<usize> {
    if phrase.is_empty() || phrase.len() > words.len() {
        return None;
    }
    words.windows(phrase.len()).position(|w| w == phrase)
}

/// True when `words` starts with `phrase`.
pub fn starts_with(words: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && words.len() >= phrase.len() && words[..phrase.len()] == *phrase
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

    #[test]
    fn phrases_are_found_by_words() {
        let w = words("a proven track record of wins");
        assert_eq!(find_phrase(&w, &words("track record")), Some(2));
        assert!(starts_with(&w, &words("a proven")));
        assert!(!starts_with(&w, &words("proven")));
    }
}
