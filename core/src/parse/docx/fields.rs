//! Complex fields (`w:fldChar` / `w:instrText`): instruction text is hidden,
//! the result is shown, and `HYPERLINK` instructions yield link targets.

/// A complex field being read.
#[derive(Debug, Default)]
pub(super) struct Field {
    /// The instruction text gathered so far.
    pub instruction: String,
    /// The field reached `separate`: its result text is shown.
    pub showing_result: bool,
}

impl Field {
    /// Moves the field to its result part; returns the hyperlink target of
    /// the instruction the first time.
    pub fn separate(&mut self) -> Option<String> {
        if self.showing_result {
            return None;
        }
        self.showing_result = true;
        hyperlink_target(&self.instruction)
    }
}

/// The URL of a `HYPERLINK "url" \o "tip"` field instruction; `None` for
/// other fields and for bookmark-only links (`HYPERLINK \l "anchor"`).
pub(super) fn hyperlink_target(instruction: &str) -> Option<String> {
    let mut tokens = tokenize(instruction).into_iter();
    if !tokens.next()?.eq_ignore_ascii_case("HYPERLINK") {
        return None;
    }
    while let Some(token) = tokens.next() {
        if token.starts_with('\\') {
            if matches!(token.as_str(), "\\l" | "\\o" | "\\t") {
                tokens.next();
            }
            continue;
        }
        return Some(token).filter(|url| !url.is_empty());
    }
    None
}

/// Splits a field instruction into words, honouring double quotes.
fn tokenize(instruction: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut in_token = false;
    for c in instruction.chars() {
        match c {
            '"' => {
                if quoted {
                    tokens.push(std::mem::take(&mut current));
                    in_token = false;
                } else {
                    in_token = true;
                }
                quoted = !quoted;
            }
            c if c.is_whitespace() && !quoted => {
                if in_token {
                    tokens.push(std::mem::take(&mut current));
                    in_token = false;
                }
            }
            c => {
                current.push(c);
                in_token = true;
            }
        }
    }
    if in_token {
        tokens.push(current);
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hyperlink_instructions() {
        assert_eq!(
            hyperlink_target(r#" HYPERLINK "https://example.com/a b" \o "tip" "#).as_deref(),
            Some("https://example.com/a b")
        );
        assert_eq!(hyperlink_target(r#"HYPERLINK \l "_Toc1""#), None);
        assert_eq!(
            hyperlink_target("HYPERLINK mailto:x@example.com").as_deref(),
            Some("mailto:x@example.com")
        );
        assert_eq!(hyperlink_target(r#"PAGE \* MERGEFORMAT"#), None);
    }
}
