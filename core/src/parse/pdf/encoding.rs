//! Single-byte font encodings: the standard base encodings and `/Differences`.

use super::glyph_names::push_glyph_name;

/// A standard base encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseEncoding {
    /// Adobe StandardEncoding (Type 1 default).
    Standard,
    /// WinAnsiEncoding (Windows code page 1252).
    WinAnsi,
    /// MacRomanEncoding.
    MacRoman,
}

impl BaseEncoding {
    /// The encoding named `name` (`WinAnsiEncoding`, …).
    pub fn from_name(name: &[u8]) -> Option<Self> {
        match name {
            b"WinAnsiEncoding" => Some(Self::WinAnsi),
            b"MacRomanEncoding" | b"MacExpertEncoding" => Some(Self::MacRoman),
            b"StandardEncoding" => Some(Self::Standard),
            _ => None,
        }
    }

    /// The character that `code` stands for.
    pub fn char(self, code: u8) -> Option<char> {
        match self {
            Self::WinAnsi => win_ansi(code),
            Self::MacRoman => mac_roman(code),
            Self::Standard => standard(code),
        }
    }
}

/// Code page 1252 positions 0x80..=0x9F (`\0` where undefined).
const WIN_ANSI_80: &str = "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ";

/// Mac OS Roman positions 0x80..=0xFF.
const MAC_ROMAN_80: &str = "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø\
¿¡¬√ƒ≈∆«»…\u{a0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{f8ff}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

/// StandardEncoding positions above 0x7E.
const STANDARD_HIGH: &[(u8, char)] = &[
    (0xA1, '¡'),
    (0xA2, '¢'),
    (0xA3, '£'),
    (0xA4, '⁄'),
    (0xA5, '¥'),
    (0xA6, 'ƒ'),
    (0xA7, '§'),
    (0xA8, '¤'),
    (0xA9, '\''),
    (0xAA, '“'),
    (0xAB, '«'),
    (0xAC, '‹'),
    (0xAD, '›'),
    (0xAE, 'ﬁ'),
    (0xAF, 'ﬂ'),
    (0xB1, '–'),
    (0xB2, '†'),
    (0xB3, '‡'),
    (0xB4, '·'),
    (0xB6, '¶'),
    (0xB7, '•'),
    (0xB8, '‚'),
    (0xB9, '„'),
    (0xBA, '”'),
    (0xBB, '»'),
    (0xBC, '…'),
    (0xBD, '‰'),
    (0xBF, '¿'),
    (0xC1, '`'),
    (0xC2, '´'),
    (0xC3, 'ˆ'),
    (0xC4, '˜'),
    (0xC5, '¯'),
    (0xC6, '˘'),
    (0xC7, '˙'),
    (0xC8, '¨'),
    (0xCA, '˚'),
    (0xCB, '¸'),
    (0xCD, '˝'),
    (0xCE, '˛'),
    (0xCF, 'ˇ'),
    (0xD0, '—'),
    (0xE1, 'Æ'),
    (0xE3, 'ª'),
    (0xE8, 'Ł'),
    (0xE9, 'Ø'),
    (0xEA, 'Œ'),
    (0xEB, 'º'),
    (0xF1, 'æ'),
    (0xF5, 'ı'),
    (0xF8, 'ł'),
    (0xF9, 'ø'),
    (0xFA, 'œ'),
    (0xFB, 'ß'),
];

fn win_ansi(code: u8) -> Option<char> {
    match code {
        0x20..=0x7E => Some(char::from(code)),
        0x80..=0x9F => WIN_ANSI_80
            .chars()
            .nth(usize::from(code - 0x80))
            .filter(|c| *c != '\0'),
        0xA0..=0xFF => Some(char::from(code)),
        _ => None,
    }
}

fn mac_roman(code: u8) -> Option<char> {
    match code {
        0x20..=0x7E => Some(char::from(code)),
        0x80..=0xFF => MAC_ROMAN_80.chars().nth(usize::from(code - 0x80)),
        _ => None,
    }
}

fn standard(code: u8) -> Option<char> {
    match code {
        0x27 => Some('’'),
        0x60 => Some('‘'),
        0x20..=0x7E => Some(char::from(code)),
        _ => STANDARD_HIGH
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, ch)| *ch),
    }
}

/// The code → text table of a simple (single-byte) font.
#[derive(Debug, Clone)]
pub struct SimpleEncoding {
    /// One character per code (`\0` when unmapped).
    chars: [char; 256],
    /// Codes that map to more than one character.
    multi: Vec<(u8, String)>,
}

impl SimpleEncoding {
    /// The table of `base`, or an empty table.
    pub fn new(base: Option<BaseEncoding>) -> Self {
        let mut chars = ['\0'; 256];
        if let Some(base) = base {
            for (code, slot) in (0u8..=255).zip(chars.iter_mut()) {
                *slot = base.char(code).unwrap_or('\0');
            }
        }
        Self {
            chars,
            multi: Vec::new(),
        }
    }

    /// Applies a `/Differences` array given as (code, glyph name) pairs;
    /// unknown glyph names leave the code unmapped.
    pub fn apply_difference(&mut self, code: u8, name: &[u8]) {
        let mut text = String::new();
        self.multi.retain(|(c, _)| *c != code);
        let slot = &mut self.chars[usize::from(code)];
        *slot = '\0';
        if !push_glyph_name(name, &mut text) {
            return;
        }
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => *slot = c,
            (Some(_), Some(_)) => self.multi.push((code, text)),
            _ => {}
        }
    }

    /// Sets the character of `code`.
    pub fn set(&mut self, code: u8, c: char) {
        self.chars[usize::from(code)] = c;
    }

    /// Appends the text of `code` to `out`; false when it is unmapped.
    pub fn push(&self, code: u8, out: &mut String) -> bool {
        let c = self.chars[usize::from(code)];
        if c != '\0' {
            out.push(c);
            return true;
        }
        if let Some((_, text)) = self.multi.iter().find(|(c, _)| *c == code) {
            out.push_str(text);
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_have_the_right_length() {
        assert_eq!(WIN_ANSI_80.chars().count(), 32);
        assert_eq!(MAC_ROMAN_80.chars().count(), 128);
    }

    #[test]
    fn base_encodings() {
        assert_eq!(BaseEncoding::WinAnsi.char(0x96), Some('–'));
        assert_eq!(BaseEncoding::WinAnsi.char(0x95), Some('•'));
        assert_eq!(BaseEncoding::WinAnsi.char(0xF6), Some('ö'));
        assert_eq!(BaseEncoding::MacRoman.char(0x9A), Some('ö'));
        assert_eq!(BaseEncoding::MacRoman.char(0xD0), Some('–'));
        assert_eq!(BaseEncoding::Standard.char(0x27), Some('’'));
        assert_eq!(BaseEncoding::Standard.char(0xB7), Some('•'));
    }

    #[test]
    fn differences_override_the_base() {
        let mut encoding = SimpleEncoding::new(Some(BaseEncoding::WinAnsi));
        encoding.apply_difference(0x41, b"ntilde");
        encoding.apply_difference(0x42, b"f_f_i");
        encoding.apply_difference(0x43, b"g37");
        let mut out = String::new();
        for code in [0x41, 0x42, 0x44] {
            assert!(encoding.push(code, &mut out));
        }
        assert!(!encoding.push(0x43, &mut out));
        assert_eq!(out, "ñffiD");
    }
}
