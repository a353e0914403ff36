//! Fonts: how to split a string into character codes, each code's advance
//! width and Unicode text, and whether the face is bold or italic.

use lopdf::{Dictionary, Document, Object};

use super::cmap::CMap;
use super::encoding::{BaseEncoding, SimpleEncoding};
use super::loader::{Budget, as_dict, get, get_dict, get_name, get_number, get_numbers, resolve};
use crate::parse::ParseError;

/// How codes are read and measured.
#[derive(Debug)]
enum Kind {
    /// One byte per code; widths from `/Widths` starting at `first_char`.
    Simple {
        encoding: Box<SimpleEncoding>,
        widths: Vec<f32>,
        first_char: u32,
    },
    /// Composite (Type0) font: codes per the encoding CMap (2 bytes for
    /// Identity-H), widths from `/W` as sorted (first, last, width) ranges.
    Composite {
        code_map: Option<CMap>,
        widths: Vec<(u32, u32, f32)>,
        default_width: f32,
    },
}

/// Which symbol font (for mapping bullet codes without a `ToUnicode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Symbols {
    None,
    Symbol,
    Wingdings,
    Dingbats,
}

/// A loaded font.
#[derive(Debug)]
pub struct Font {
    kind: Kind,
    to_unicode: Option<CMap>,
    /// Glyph-space → text-space factor for widths (1/1000, or the Type 3
    /// FontMatrix).
    width_scale: f32,
    /// Width (glyph units) when a code has none.
    missing_width: f32,
    /// Guessed widths by character class (fonts without any widths).
    approximate: Option<Approximation>,
    symbols: Symbols,
    /// The face is bold.
    pub bold: bool,
    /// The face is italic.
    pub italic: bool,
}

/// Width approximation for fonts without widths.
#[derive(Debug, Clone, Copy)]
enum Approximation {
    Monospace,
    Proportional,
}

/// Strips a subset prefix (`ABCDEF+`).
fn base_name(name: &[u8]) -> &[u8] {
    match name.get(6) {
        Some(b'+') if name[..6].iter().all(u8::is_ascii_uppercase) => &name[7..],
        _ => name,
    }
}

fn name_is_bold(name: &str) -> bool {
    const MARKS: [&str; 7] = [
        "bold", "black", "heavy", "semibold", "demi", "cmbx", "cmb10",
    ];
    MARKS.iter().any(|m| name.contains(m))
        || name.ends_with("-b")
        || name.ends_with(",b")
        || name.ends_with("-bd")
        || name.ends_with("-sb")
        || name.ends_with("-bi")
}

fn name_is_italic(name: &str) -> bool {
    const MARKS: [&str; 5] = ["italic", "oblique", "cmti", "cmsl", "cmbxti"];
    MARKS.iter().any(|m| name.contains(m))
        || name.ends_with("-it")
        || name.ends_with("-i")
        || name.ends_with("-bi")
        || name.ends_with("-boldit")
}

impl Font {
    /// Loads the font dictionary `dict`.
    pub fn load(
        doc: &Document,
        dict: &Dictionary,
        budget: &mut Budget,
    ) -> Result<Self, ParseError> {
        let subtype = get_name(doc, dict, b"Subtype").unwrap_or_default();
        let composite = subtype == b"Type0";
        let descendant = if composite {
            match get(doc, dict, b"DescendantFonts") {
                Some(Object::Array(items)) => items
                    .first()
                    .and_then(|o| resolve(doc, o))
                    .and_then(as_dict),
                _ => None,
            }
        } else {
            None
        };
        let described = descendant.unwrap_or(dict);
        let descriptor = get_dict(doc, described, b"FontDescriptor");

        let name = get_name(doc, dict, b"BaseFont")
            .or_else(|| descriptor.and_then(|d| get_name(doc, d, b"FontName")))
            .or_else(|| get_name(doc, described, b"BaseFont"))
            .unwrap_or_default();
        let lower = String::from_utf8_lossy(base_name(name)).to_ascii_lowercase();
        let flags = descriptor
            .and_then(|d| get_number(doc, d, b"Flags"))
            .map_or(0, |f| f as i64);
        let weight = descriptor.and_then(|d| get_number(doc, d, b"FontWeight"));
        let italic_angle = descriptor.and_then(|d| get_number(doc, d, b"ItalicAngle"));
        let bold =
            name_is_bold(&lower) || weight.is_some_and(|w| w >= 600.0) || flags & (1 << 18) != 0;
        let italic = name_is_italic(&lower)
            || italic_angle.is_some_and(|a| a.abs() > 0.5)
            || flags & (1 << 6) != 0;
        let symbols = if lower.contains("wingding") {
            Symbols::Wingdings
        } else if lower.contains("dingbat") {
            Symbols::Dingbats
        } else if lower.starts_with("symbol") {
            Symbols::Symbol
        } else {
            Symbols::None
        };

        let to_unicode = match get(doc, dict, b"ToUnicode") {
            Some(Object::Stream(stream)) => {
                Some(CMap::parse(&budget.decode(stream)?)).filter(|c| !c.is_empty())
            }
            _ => None,
        };
        let width_scale = if subtype == b"Type3" {
            get_numbers(doc, dict, b"FontMatrix")
                .and_then(|m| m.first().copied())
                .map(f32::abs)
                .filter(|a| *a > 0.0 && a.is_finite())
                .unwrap_or(0.001)
        } else {
            0.001
        };
        let missing_width = descriptor
            .and_then(|d| get_number(doc, d, b"MissingWidth"))
            .unwrap_or(0.0);

        let mut approximate = None;
        let kind = if composite {
            let code_map = match get(doc, dict, b"Encoding") {
                Some(Object::Stream(stream)) => Some(CMap::parse(&budget.decode(stream)?)),
                _ => None,
            };
            let default_width = descendant
                .and_then(|d| get_number(doc, d, b"DW"))
                .unwrap_or(1000.0);
            let widths = descendant.map(|d| cid_widths(doc, d)).unwrap_or_default();
            Kind::Composite {
                code_map,
                widths,
                default_width,
            }
        } else {
            let widths = get_numbers(doc, dict, b"Widths").unwrap_or_default();
            if widths.is_empty() {
                approximate = Some(if lower.contains("courier") || lower.contains("mono") {
                    Approximation::Monospace
                } else {
                    Approximation::Proportional
                });
            }
            let first_char = get_number(doc, dict, b"FirstChar").map_or(0, |f| f.max(0.0) as u32);
            Kind::Simple {
                encoding: Box::new(simple_encoding(doc, dict, symbols, subtype, flags)),
                widths,
                first_char,
            }
        };
        Ok(Self {
            kind,
            to_unicode,
            width_scale,
            missing_width,
            approximate,
            symbols,
            bold,
            italic,
        })
    }

    /// True for composite fonts with a 2-byte default code length.
    fn default_code_len(&self) -> usize {
        match self.kind {
            Kind::Simple { .. } => 1,
            Kind::Composite { .. } => 2,
        }
    }

    /// The code at the start of `bytes` and its length in bytes (0 only when
    /// `bytes` is empty).
    pub fn next_code(&self, bytes: &[u8]) -> (u32, usize) {
        let len = match &self.kind {
            Kind::Simple { .. } => 1,
            Kind::Composite { code_map, .. } => code_map
                .as_ref()
                .and_then(|c| c.code_len(bytes))
                .unwrap_or(self.default_code_len()),
        };
        let len = len.min(bytes.len());
        let code = bytes
            .get(..len)
            .unwrap_or_default()
            .iter()
            .fold(0u32, |acc, b| acc << 8 | u32::from(*b));
        (code, len)
    }

    /// The advance of `code` in text-space units per unit of font size.
    pub fn width(&self, code: u32, text: &str) -> f32 {
        let glyph_units = match &self.kind {
            Kind::Simple {
                widths, first_char, ..
            } => match code
                .checked_sub(*first_char)
                .and_then(|i| widths.get(i as usize))
            {
                Some(w) => *w,
                None => match self.approximate {
                    Some(approximation) => approximate_width(approximation, text),
                    None if self.missing_width > 0.0 => self.missing_width,
                    None => 500.0,
                },
            },
            Kind::Composite {
                widths,
                default_width,
                ..
            } => {
                let index = widths.partition_point(|(first, _, _)| *first <= code);
                match index.checked_sub(1).and_then(|i| widths.get(i)) {
                    Some(&(_, last, w)) if code <= last => w,
                    _ => *default_width,
                }
            }
        };
        glyph_units * self.width_scale
    }

    /// Appends the raw Unicode text of `code` to `out` (before cleaning).
    pub fn push_unicode(&self, code: u32, out: &mut String) {
        if let Some(cmap) = &self.to_unicode
            && cmap.push(code, out)
        {
            return;
        }
        if let Kind::Simple { encoding, .. } = &self.kind
            && let Ok(byte) = u8::try_from(code)
        {
            if let Some(bullet) = self.symbol_bullet(byte) {
                out.push(bullet);
                return;
            }
            if self.symbols == Symbols::None {
                encoding.push(byte, out);
            }
        }
    }

    fn symbol_bullet(&self, code: u8) -> Option<char> {
        let bullet = match self.symbols {
            Symbols::None => false,
            Symbols::Symbol => code == 0xB7,
            Symbols::Wingdings => {
                matches!(code, 0x6C | 0x6E | 0x76 | 0x9F | 0xA7 | 0xA8 | 0xD8 | 0xFC)
            }
            Symbols::Dingbats => matches!(code, 0x6C | 0x6E | 0x75 | 0x76),
        };
        bullet.then_some('•')
    }
}

/// The encoding table of a simple font: base encoding plus `/Differences`.
fn simple_encoding(
    doc: &Document,
    dict: &Dictionary,
    symbols: Symbols,
    subtype: &[u8],
    flags: i64,
) -> SimpleEncoding {
    let symbolic = flags & (1 << 2) != 0 && flags & (1 << 5) == 0;
    let default_base = if symbols != Symbols::None || subtype == b"Type3" {
        None
    } else if symbolic || subtype == b"TrueType" {
        Some(BaseEncoding::WinAnsi)
    } else {
        Some(BaseEncoding::Standard)
    };
    match get(doc, dict, b"Encoding") {
        Some(Object::Name(name)) => {
            SimpleEncoding::new(BaseEncoding::from_name(name).or(default_base))
        }
        Some(object) => {
            let Some(encoding) = as_dict(object) else {
                return SimpleEncoding::new(default_base);
            };
            let base = get_name(doc, encoding, b"BaseEncoding").and_then(BaseEncoding::from_name);
            let mut table = SimpleEncoding::new(base.or(default_base));
            if let Some(Object::Array(items)) = get(doc, encoding, b"Differences") {
                let mut code: Option<u32> = None;
                for item in items {
                    match resolve(doc, item) {
                        Some(Object::Integer(i)) => code = u32::try_from(*i).ok(),
                        Some(Object::Name(name)) => {
                            if let Some(c) = code {
                                if let Ok(byte) = u8::try_from(c) {
                                    table.apply_difference(byte, name);
                                }
                                code = c.checked_add(1);
                            }
                        }
                        _ => {}
                    }
                }
            }
            table
        }
        None => {
            let mut table = SimpleEncoding::new(default_base);
            if default_base.is_none() && symbols == Symbols::None {
                for code in 0x20..=0x7E {
                    table.set(code, char::from(code));
                }
            }
            table
        }
    }
}

/// Parses a CID font's `/W` array into sorted (first, last, width) ranges.
fn cid_widths(doc: &Document, descendant: &Dictionary) -> Vec<(u32, u32, f32)> {
    let mut out = Vec::new();
    let Some(Object::Array(items)) = get(doc, descendant, b"W") else {
        return out;
    };
    let mut i = 0;
    while let Some(first) = items
        .get(i)
        .and_then(|o| resolve(doc, o))
        .and_then(super::loader::number)
    {
        let first = first.max(0.0) as u32;
        match items.get(i + 1).and_then(|o| resolve(doc, o)) {
            Some(Object::Array(widths)) => {
                for (offset, w) in widths.iter().enumerate() {
                    if let Some(w) = resolve(doc, w).and_then(super::loader::number) {
                        let cid = first.saturating_add(offset as u32);
                        out.push((cid, cid, w));
                    }
                }
                i += 2;
            }
            Some(last) => {
                let last = super::loader::number(last).map_or(first, |l| l.max(0.0) as u32);
                let w = items
                    .get(i + 2)
                    .and_then(|o| resolve(doc, o))
                    .and_then(super::loader::number)
                    .unwrap_or(1000.0);
                out.push((first, last.max(first), w));
                i += 3;
            }
            None => break,
        }
        if out.len() > 1 << 17 {
            break;
        }
    }
    out.sort_by_key(|(first, _, _)| *first);
    out
}

/// A rough width (glyph units) by character class for fonts without widths.
fn approximate_width(approximation: Approximation, text: &str) -> f32 {
    if let Approximation::Monospace = approximation {
        return 600.0;
    }
    match text.chars().next() {
        Some('i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | ' ') => 278.0,
        Some('f' | 't' | 'r' | '(' | ')' | '-' | 'I' | '/') => 333.0,
        Some('m' | 'w' | 'M' | 'W' | '@') => 833.0,
        Some(c) if c.is_ascii_uppercase() => 667.0,
        _ => 556.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_and_italic_from_names() {
        for name in [
            "arial-boldmt",
            "sourcesans3-semibold",
            "georgia,bold",
            "cmbx10",
            "inter-black",
        ] {
            assert!(name_is_bold(name), "{name}");
        }
        for name in [
            "arialmt",
            "sourcesans3-regular",
            "lmroman10-regular",
            "cmr10",
        ] {
            assert!(!name_is_bold(name), "{name}");
        }
        assert!(name_is_italic("newcm10-italic"));
        assert!(name_is_italic("sourcesanspro-it"));
        assert!(!name_is_italic("notosans-regular"));
        assert_eq!(base_name(b"ABCDEF+Inter-Bold"), b"Inter-Bold");
        assert_eq!(base_name(b"Inter-Bold"), b"Inter-Bold");
    }
}
