//! Character clean-up: spaces, invisible characters and bullet glyphs
//! (including the Symbol/Wingdings private-use code points Word writes).

/// Maps a character of document text to what a reader should see:
/// no-break spaces become spaces, invisible characters disappear and
/// Symbol/Wingdings private-use bullets become their Unicode look-alikes.
pub(super) fn clean_char(c: char) -> Option<char> {
    match c {
        '\t' => Some('\t'),
        '\u{a0}' | '\u{2007}' | '\u{202f}' | '\n' | '\r' => Some(' '),
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => None,
        '\u{f0b7}' => Some('•'),
        '\u{f0a7}' => Some('▪'),
        '\u{f076}' => Some('❖'),
        '\u{f0d8}' => Some('➢'),
        '\u{f0fc}' => Some('✓'),
        '\u{f000}'..='\u{f0ff}' => None,
        c if c.is_control() => None,
        c if c.is_whitespace() => Some(' '),
        c => Some(c),
    }
}

/// The character a `w:sym w:char="F0B7"` stands for.
pub(super) fn symbol_char(code: &str) -> Option<char> {
    let value = u32::from_str_radix(code.trim(), 16).ok()?;
    let value = if value < 0x100 { value + 0xf000 } else { value };
    clean_char(char::from_u32(value)?)
}

/// Whether `c` is a glyph used to mark a list item typed by hand.
pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '▪'
            | '▫'
            | '◦'
            | '‣'
            | '●'
            | '○'
            | '■'
            | '□'
            | '◆'
            | '◇'
            | '❖'
            | '➢'
            | '➤'
            | '►'
            | '▸'
            | '✓'
            | '✔'
            | '⁃'
            | '∙'
            | '·'
            | '-'
            | '–'
            | '*'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_symbol_font_bullets() {
        assert_eq!(clean_char('\u{f0b7}'), Some('•'));
        assert_eq!(clean_char('\u{f0e0}'), None);
        assert_eq!(symbol_char("F0B7"), Some('•'));
        assert_eq!(symbol_char("B7"), Some('•'));
        assert_eq!(symbol_char("zz"), None);
        assert_eq!(clean_char('\u{a0}'), Some(' '));
        assert!(is_bullet('•') && !is_bullet('a'));
    }
}
