//! Cleaning the Unicode text of extracted glyphs.

/// Appends `raw` to `out` cleaned for text use: ligatures expanded, Symbol
/// and Wingdings bullets (U+F0B7, U+F0A7) turned into `•`, other private-use
/// glyphs (icon fonts), control and zero-width characters dropped, no-break
/// spaces and tabs made plain spaces, soft hyphens made hyphens.
pub fn push_clean(raw: &str, out: &mut String) {
    for c in raw.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            '\u{F0B7}' | '\u{F0A7}' => out.push('•'),
            '\u{E000}'..='\u{F8FF}' => {}
            '\u{A0}' | '\t' | '\n' | '\r' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{3000}' => {
                out.push(' ')
            }
            '\u{AD}' => out.push('-'),
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{FFFD}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_glyph_text() {
        let mut out = String::new();
        push_clean("\u{FB01}ne \u{F0B7}\u{F0E0}x\u{0}\u{A0}y\u{AD}", &mut out);
        assert_eq!(out, "fine •x y-");
    }
}
