//! Adobe glyph names → Unicode for the names Latin text uses.
//!
//! Covers single ASCII letters, Latin-1, Latin Extended-A, common punctuation
//! and symbols, ligatures, `uniXXXX` / `uXXXX[XX]` names, and suffixed
//! variants (`a.sc`, `f_i`).

use std::collections::HashMap;
use std::sync::LazyLock;

/// Names of U+00A0..=U+00FF in order.
const LATIN1: [&str; 96] = [
    "nbspace",
    "exclamdown",
    "cent",
    "sterling",
    "currency",
    "yen",
    "brokenbar",
    "section",
    "dieresis",
    "copyright",
    "ordfeminine",
    "guillemotleft",
    "logicalnot",
    "sfthyphen",
    "registered",
    "macron",
    "degree",
    "plusminus",
    "twosuperior",
    "threesuperior",
    "acute",
    "mu",
    "paragraph",
    "periodcentered",
    "cedilla",
    "onesuperior",
    "ordmasculine",
    "guillemotright",
    "onequarter",
    "onehalf",
    "threequarters",
    "questiondown",
    "Agrave",
    "Aacute",
    "Acircumflex",
    "Atilde",
    "Adieresis",
    "Aring",
    "AE",
    "Ccedilla",
    "Egrave",
    "Eacute",
    "Ecircumflex",
    "Edieresis",
    "Igrave",
    "Iacute",
    "Icircumflex",
    "Idieresis",
    "Eth",
    "Ntilde",
    "Ograve",
    "Oacute",
    "Ocircumflex",
    "Otilde",
    "Odieresis",
    "multiply",
    "Oslash",
    "Ugrave",
    "Uacute",
    "Ucircumflex",
    "Udieresis",
    "Yacute",
    "Thorn",
    "germandbls",
    "agrave",
    "aacute",
    "acircumflex",
    "atilde",
    "adieresis",
    "aring",
    "ae",
    "ccedilla",
    "egrave",
    "eacute",
    "ecircumflex",
    "edieresis",
    "igrave",
    "iacute",
    "icircumflex",
    "idieresis",
    "eth",
    "ntilde",
    "ograve",
    "oacute",
    "ocircumflex",
    "otilde",
    "odieresis",
    "divide",
    "oslash",
    "ugrave",
    "uacute",
    "ucircumflex",
    "udieresis",
    "yacute",
    "thorn",
    "ydieresis",
];

/// Names of U+0100..=U+017F in order.
const LATIN_EXTENDED_A: [&str; 128] = [
    "Amacron",
    "amacron",
    "Abreve",
    "abreve",
    "Aogonek",
    "aogonek",
    "Cacute",
    "cacute",
    "Ccircumflex",
    "ccircumflex",
    "Cdotaccent",
    "cdotaccent",
    "Ccaron",
    "ccaron",
    "Dcaron",
    "dcaron",
    "Dcroat",
    "dcroat",
    "Emacron",
    "emacron",
    "Ebreve",
    "ebreve",
    "Edotaccent",
    "edotaccent",
    "Eogonek",
    "eogonek",
    "Ecaron",
    "ecaron",
    "Gcircumflex",
    "gcircumflex",
    "Gbreve",
    "gbreve",
    "Gdotaccent",
    "gdotaccent",
    "Gcommaaccent",
    "gcommaaccent",
    "Hcircumflex",
    "hcircumflex",
    "Hbar",
    "hbar",
    "Itilde",
    "itilde",
    "Imacron",
    "imacron",
    "Ibreve",
    "ibreve",
    "Iogonek",
    "iogonek",
    "Idotaccent",
    "dotlessi",
    "IJ",
    "ij",
    "Jcircumflex",
    "jcircumflex",
    "Kcommaaccent",
    "kcommaaccent",
    "kgreenlandic",
    "Lacute",
    "lacute",
    "Lcommaaccent",
    "lcommaaccent",
    "Lcaron",
    "lcaron",
    "Ldot",
    "ldot",
    "Lslash",
    "lslash",
    "Nacute",
    "nacute",
    "Ncommaaccent",
    "ncommaaccent",
    "Ncaron",
    "ncaron",
    "napostrophe",
    "Eng",
    "eng",
    "Omacron",
    "omacron",
    "Obreve",
    "obreve",
    "Ohungarumlaut",
    "ohungarumlaut",
    "OE",
    "oe",
    "Racute",
    "racute",
    "Rcommaaccent",
    "rcommaaccent",
    "Rcaron",
    "rcaron",
    "Sacute",
    "sacute",
    "Scircumflex",
    "scircumflex",
    "Scedilla",
    "scedilla",
    "Scaron",
    "scaron",
    "Tcommaaccent",
    "tcommaaccent",
    "Tcaron",
    "tcaron",
    "Tbar",
    "tbar",
    "Utilde",
    "utilde",
    "Umacron",
    "umacron",
    "Ubreve",
    "ubreve",
    "Uring",
    "uring",
    "Uhungarumlaut",
    "uhungarumlaut",
    "Uogonek",
    "uogonek",
    "Wcircumflex",
    "wcircumflex",
    "Ycircumflex",
    "ycircumflex",
    "Ydieresis",
    "Zacute",
    "zacute",
    "Zdotaccent",
    "zdotaccent",
    "Zcaron",
    "zcaron",
    "longs",
];

/// Other names.
const OTHERS: &[(&str, char)] = &[
    ("Delta", '\u{2206}'),
    ("Euro", '€'),
    ("Omega", '\u{2126}'),
    ("ampersand", '&'),
    ("approxequal", '≈'),
    ("arrowdown", '↓'),
    ("arrowleft", '←'),
    ("arrowright", '→'),
    ("arrowup", '↑'),
    ("asciicircum", '^'),
    ("asciitilde", '~'),
    ("asterisk", '*'),
    ("at", '@'),
    ("backslash", '\\'),
    ("bar", '|'),
    ("braceleft", '{'),
    ("braceright", '}'),
    ("bracketleft", '['),
    ("bracketright", ']'),
    ("breve", '˘'),
    ("bullet", '•'),
    ("caron", 'ˇ'),
    ("checkmark", '✓'),
    ("circle", '○'),
    ("circumflex", 'ˆ'),
    ("colon", ':'),
    ("comma", ','),
    ("commaaccent", '\u{0326}'),
    ("dagger", '†'),
    ("daggerdbl", '‡'),
    ("dollar", '$'),
    ("dotaccent", '˙'),
    ("eight", '8'),
    ("ellipsis", '…'),
    ("emdash", '—'),
    ("endash", '–'),
    ("equal", '='),
    ("exclam", '!'),
    ("figuredash", '‒'),
    ("filledbox", '■'),
    ("five", '5'),
    ("florin", 'ƒ'),
    ("four", '4'),
    ("fraction", '⁄'),
    ("grave", '`'),
    ("greater", '>'),
    ("greaterequal", '≥'),
    ("guilsinglleft", '‹'),
    ("guilsinglright", '›'),
    ("hungarumlaut", '˝'),
    ("hyphen", '-'),
    ("infinity", '∞'),
    ("less", '<'),
    ("lessequal", '≤'),
    ("lozenge", '◊'),
    ("minus", '−'),
    ("nine", '9'),
    ("notequal", '≠'),
    ("numbersign", '#'),
    ("ogonek", '˛'),
    ("one", '1'),
    ("parenleft", '('),
    ("parenright", ')'),
    ("percent", '%'),
    ("period", '.'),
    ("perthousand", '‰'),
    ("plus", '+'),
    ("question", '?'),
    ("quotedbl", '"'),
    ("quotedblbase", '„'),
    ("quotedblleft", '“'),
    ("quotedblright", '”'),
    ("quoteleft", '‘'),
    ("quoteright", '’'),
    ("quotesinglbase", '‚'),
    ("quotesingle", '\''),
    ("ring", '˚'),
    ("semicolon", ';'),
    ("seven", '7'),
    ("six", '6'),
    ("slash", '/'),
    ("space", ' '),
    ("square", '□'),
    ("three", '3'),
    ("tilde", '˜'),
    ("trademark", '™'),
    ("triagrt", '►'),
    ("two", '2'),
    ("underscore", '_'),
    ("uni00A0", '\u{a0}'),
    ("universal", '∀'),
    ("quoteleftreversed", '‛'),
    ("zero", '0'),
    ("zerowidthspace", '\u{200b}'),
];

/// Ligature names and what they stand for.
const LIGATURES: &[(&str, &str)] = &[
    ("ff", "ff"),
    ("ffi", "ffi"),
    ("ffl", "ffl"),
    ("fi", "fi"),
    ("fl", "fl"),
    ("st", "st"),
];

/// Every table name → its character.
static NAMES: LazyLock<HashMap<&'static str, char>> = LazyLock::new(|| {
    let latin1 = LATIN1.iter().zip(0xA0u32..);
    let extended = LATIN_EXTENDED_A.iter().zip(0x100u32..);
    latin1
        .chain(extended)
        .filter_map(|(name, code)| Some((*name, char::from_u32(code)?)))
        .chain(OTHERS.iter().copied())
        .collect()
});

fn single(name: &str) -> Option<char> {
    if name.len() == 1 {
        return name.chars().next().filter(char::is_ascii_alphabetic);
    }
    if let Some(c) = NAMES.get(name) {
        return Some(*c);
    }
    if let Some(hex) = name.strip_prefix("uni").filter(|h| h.len() == 4) {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
    }
    if let Some(hex) = name
        .strip_prefix('u')
        .filter(|h| (4..=6).contains(&h.len()))
    {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
    }
    None
}

/// Appends the Unicode text of glyph `name` to `out`; false when the name is
/// not known (for example the `g37` names of subset fonts).
pub fn push_glyph_name(name: &[u8], out: &mut String) -> bool {
    let Ok(name) = std::str::from_utf8(name) else {
        return false;
    };
    let base = name.split('.').next().unwrap_or_default();
    if base.is_empty() {
        return false;
    }
    if let Some((_, text)) = LIGATURES.iter().find(|(n, _)| *n == base) {
        out.push_str(text);
        return true;
    }
    if let Some(hex) = base
        .strip_prefix("uni")
        .filter(|h| h.len() > 4 && h.len() % 4 == 0)
    {
        let start = out.len();
        for i in (0..hex.len()).step_by(4) {
            match hex
                .get(i..i + 4)
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .and_then(char::from_u32)
            {
                Some(c) => out.push(c),
                None => {
                    out.truncate(start);
                    return false;
                }
            }
        }
        return true;
    }
    if base.contains('_') {
        let start = out.len();
        for part in base.split('_') {
            match single(part) {
                Some(c) => out.push(c),
                None => {
                    out.truncate(start);
                    return false;
                }
            }
        }
        return true;
    }
    match single(base) {
        Some(c) => {
            out.push(c);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Unicode character of a single-character glyph name.
    fn glyph_char(name: &[u8]) -> Option<char> {
        let mut out = String::new();
        if !push_glyph_name(name, &mut out) {
            return None;
        }
        let mut chars = out.chars();
        let first = chars.next()?;
        chars.next().is_none().then_some(first)
    }

    fn name(n: &str) -> Option<String> {
        let mut out = String::new();
        push_glyph_name(n.as_bytes(), &mut out).then_some(out)
    }

    #[test]
    fn known_names() {
        assert_eq!(name("A").as_deref(), Some("A"));
        assert_eq!(name("odieresis").as_deref(), Some("ö"));
        assert_eq!(name("ntilde").as_deref(), Some("ñ"));
        assert_eq!(name("Lslash").as_deref(), Some("Ł"));
        assert_eq!(name("endash").as_deref(), Some("–"));
        assert_eq!(name("bullet").as_deref(), Some("•"));
        assert_eq!(name("fi").as_deref(), Some("fi"));
        assert_eq!(name("f_f_i").as_deref(), Some("ffi"));
        assert_eq!(name("uni1EC5").as_deref(), Some("ễ"));
        assert_eq!(name("uni00660069").as_deref(), Some("fi"));
        assert_eq!(name("u1F600").as_deref(), Some("😀"));
        assert_eq!(name("a.sc").as_deref(), Some("a"));
        assert_eq!(name("seven").as_deref(), Some("7"));
        assert_eq!(name("g37"), None);
        assert_eq!(name(".notdef"), None);
    }

    #[test]
    fn tables_line_up() {
        assert_eq!(glyph_char(b"multiply"), Some('×'));
        assert_eq!(glyph_char(b"ydieresis"), Some('ÿ'));
        assert_eq!(glyph_char(b"longs"), Some('ſ'));
        assert_eq!(glyph_char(b"dotlessi"), Some('ı'));
        assert_eq!(glyph_char(b"zcaron"), Some('ž'));
    }
}
