//! Line-level text clean-up and splitting shared by the field recognisers.

use std::sync::LazyLock;

use regex::Regex;

use super::compile;

/// Glyphs that start a bullet point.
const BULLETS: &[char] = &[
    '•', '◦', '▪', '▫', '■', '□', '●', '○', '‣', '⁃', '∙', '·', '➢', '➤', '►', '▶', '✓', '✔', '★',
    '☆', '♦', '◆', '❖', '\u{F0B7}', '\u{F0A7}', '\u{F076}', '\u{F0D8}', '\u{F0FC}', '-', '–', '—',
    '*', '+', '>',
];

/// Removes a leading bullet glyph. Returns the rest and whether one was found.
pub fn strip_bullet(text: &str) -> (&str, bool) {
    let t = text.trim_start();
    let mut chars = t.chars();
    if let Some(first) = chars.next() {
        let rest = chars.as_str();
        let dash_like = matches!(first, '-' | '–' | '—' | '*' | '+' | '>');
        let followed_by_space = rest.starts_with([' ', '\t', '\u{a0}']);
        if BULLETS.contains(&first) && (followed_by_space || (!dash_like && !rest.is_empty())) {
            return (rest.trim_start(), true);
        }
    }
    (t, false)
}

/// Normalises a line's text: ligatures expanded, private-use glyphs dropped,
/// exotic spaces turned into plain spaces, runs of spaces collapsed (tabs kept).
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_accent: Option<char> = None;
    for c in text.chars() {
        if let Some(accent) = pending_accent.take() {
            match combining(accent).filter(|_| c.is_alphabetic()) {
                Some(mark) => {
                    out.push(c);
                    out.push(mark);
                    continue;
                }
                None => out.push(accent),
            }
        }
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            '\u{F0B7}' | '\u{F0A7}' | '\u{F076}' | '\u{F0D8}' | '\u{F0FC}' => out.push('•'),
            '\u{E000}'..='\u{F8FF}'
            | '\u{200B}'
            | '\u{200C}'
            | '\u{200D}'
            | '\u{FEFF}'
            | '\u{AD}' => {}
            '\t' => out.push('\t'),
            '´' | '¨' | '˘' | '¸' | 'ˇ' | '˜' | 'ˆ' | '˝' | '˛' | '˚' | '¯' | '˙' => {
                pending_accent = Some(c)
            }
            c if c.is_whitespace() => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.extend(pending_accent);
    let mut collapsed = String::with_capacity(out.len());
    let mut prev_space = false;
    for c in out.chars() {
        if c == ' ' {
            if !prev_space {
                collapsed.push(' ');
            }
            prev_space = true;
        } else {
            prev_space = false;
            collapsed.push(c);
        }
    }
    collapsed
        .split('\t')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\t")
}

/// The combining mark for a spacing accent that a PDF drew as its own glyph
/// before the letter (`´s` → `ś`, as pdflatex does with Times).
fn combining(accent: char) -> Option<char> {
    Some(match accent {
        '´' => '\u{301}',
        '¨' => '\u{308}',
        '˘' => '\u{306}',
        '¸' => '\u{327}',
        'ˇ' => '\u{30C}',
        '˜' => '\u{303}',
        'ˆ' => '\u{302}',
        '˝' => '\u{30B}',
        '˛' => '\u{328}',
        '˚' => '\u{30A}',
        '¯' => '\u{304}',
        '˙' => '\u{307}',
        _ => return None,
    })
}

static SEGMENT_SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\t|\s+,\s+|\s+[|•·◦▪∙⋅●]\s+|\s+[—–]\s+|\s+-\s+|\s{3,}|\s*\|\s*|\s*[•·●]\s*")
});

/// Splits a line into visually separate pieces: tab stops, `|`, `•`, `·` and
/// spaced dashes. Empty pieces are dropped.
pub fn segments(text: &str) -> Vec<&str> {
    SEGMENT_SPLIT
        .split(text)
        .map(|s| s.trim().trim_matches([',', ';']))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Collapses letter-spaced text (`E X P E R I E N C E`) into words.
pub fn unspace_letters(text: &str) -> String {
    let tokens: Vec<&str> = text.split(' ').collect();
    let singles = tokens.iter().filter(|t| t.chars().count() == 1).count();
    if tokens.len() < 4 || singles * 10 < tokens.len() * 8 {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut gap = false;
    for token in tokens {
        if token.is_empty() {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(token);
        gap = token.chars().count() > 1;
    }
    out
}

/// True when the text has letters and none of them is lower-case.
pub fn is_upper(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// First words of compounds whose hyphen is kept when a line breaks at it
/// (`real-` + `time` stays `real-time`); other words broken at a line-end
/// hyphen are joined (`inspec-` + `tions` → `inspections`).
const COMPOUND_HEADS: &[&str] = &[
    "real", "self", "well", "cross", "full", "part", "long", "short", "high", "low", "front",
    "back", "end", "non", "co", "multi", "state", "world", "first", "second", "third", "one",
    "two", "three", "four", "five", "year", "day", "time", "data", "user", "team", "cost",
    "customer", "client", "best", "top", "hands", "fast", "large", "small", "mid", "open", "in",
    "on", "off", "post", "pre", "cloud", "event", "award", "company", "cutting", "decision",
    "detail", "fault", "mission", "month", "quarter", "week", "award", "results", "data", "sub",
    "anti", "semi", "ex", "e",
];

/// Appends a wrapped line to text, repairing words hyphenated at the line end.
pub fn join_wrapped(text: &mut String, next: &str) {
    let next = next.trim_start();
    if let Some(head) = text.strip_suffix('-') {
        let last_word: String = head
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let next_word: &str = next.split_whitespace().next().unwrap_or("");
        let token = head.rsplit(char::is_whitespace).next().unwrap_or("");
        let lower_join = !last_word.is_empty()
            && !token.contains('-')
            && last_word.chars().skip(1).all(char::is_lowercase)
            && next_word.chars().next().is_some_and(char::is_lowercase)
            && !next_word.contains('-');
        if lower_join && !COMPOUND_HEADS.contains(&last_word.as_str()) {
            text.pop();
        }
        text.push_str(next);
        return;
    }
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(next);
}

/// Number of whitespace-separated words.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Splits a list on commas, semicolons, pipes, bullets and tabs, but not
/// inside parentheses or brackets.
pub fn split_list(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '(' | '[' | '{' => {
                depth += 1;
                current.push(c);
            }
            ')' | ']' | '}' => {
                depth = depth.saturating_sub(1);
                current.push(c);
            }
            ',' | ';' | '|' | '•' | '·' | '●' | '▪' | '◦' | '\t' if depth == 0 => {
                items.push(std::mem::take(&mut current));
            }
            c => current.push(c),
        }
    }
    items.push(current);
    items
        .into_iter()
        .map(|s| {
            s.trim()
                .trim_matches(|c: char| c == '.' || c == '*' || c.is_whitespace())
                .to_owned()
        })
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bullets_but_not_hyphenated_words() {
        assert_eq!(strip_bullet("• Led a team"), ("Led a team", true));
        assert_eq!(strip_bullet("\u{F0B7}\tBuilt"), ("Built", true));
        assert_eq!(strip_bullet("- Shipped"), ("Shipped", true));
        assert_eq!(strip_bullet("-5% churn"), ("-5% churn", false));
        assert_eq!(strip_bullet("Mary-Jane"), ("Mary-Jane", false));
    }

    #[test]
    fn cleans_ligatures_and_spaces() {
        assert_eq!(clean("e\u{FB03}cient  work\u{a0}ow"), "efficient work ow");
        assert_eq!(clean(" A \t B "), "A\tB");
        assert_eq!(clean("\u{F0E0} jane@x.com"), "jane@x.com");
        assert_eq!(
            clean("Wi´sniewska Bo˘gazi"),
            "Wis\u{301}niewska Bog\u{306}azi"
        );
        assert_eq!(clean("5´"), "5´");
    }

    #[test]
    fn splits_segments() {
        assert_eq!(
            segments("a@b.com | (415) 555-0142 | Boston, MA"),
            ["a@b.com", "(415) 555-0142", "Boston, MA"]
        );
        assert_eq!(
            segments("Engineer — Acme\tSan Francisco, CA"),
            ["Engineer", "Acme", "San Francisco, CA"]
        );
        assert_eq!(segments("Mary-Jane O'Neil"), ["Mary-Jane O'Neil"]);
    }

    #[test]
    fn joins_wrapped_lines_and_repairs_hyphenation() {
        let join = |a: &str, b: &str| {
            let mut s = a.to_owned();
            join_wrapped(&mut s, b);
            s
        };
        assert_eq!(
            join("two command inspec-", "tions"),
            "two command inspections"
        );
        assert_eq!(join("a real-", "time pipeline"), "a real-time pipeline");
        assert_eq!(join("end-", "to-end"), "end-to-end");
        assert_eq!(
            join("Scope 1 and 2 emissions by", "34% since 2019"),
            "Scope 1 and 2 emissions by 34% since 2019"
        );
        assert_eq!(join("SAMS-", "E"), "SAMS-E");
        assert_eq!(join("Patient Educa-", "tion"), "Patient Education");
        assert_eq!(
            join("hardware-in-the-", "loop tests"),
            "hardware-in-the-loop tests"
        );
    }

    #[test]
    fn unspaces_letter_spaced_words() {
        assert_eq!(unspace_letters("E X P E R I E N C E"), "EXPERIENCE");
        assert_eq!(
            unspace_letters("W O R K  E X P E R I E N C E"),
            "WORK EXPERIENCE"
        );
        assert_eq!(unspace_letters("Work Experience"), "Work Experience");
    }

    #[test]
    fn splits_lists_outside_parentheses() {
        assert_eq!(
            split_list("Figma, Accessibility (WCAG, ARIA); Maze"),
            ["Figma", "Accessibility (WCAG, ARIA)", "Maze"]
        );
        assert_eq!(split_list("Go | Rust • SQL"), ["Go", "Rust", "SQL"]);
    }
}
