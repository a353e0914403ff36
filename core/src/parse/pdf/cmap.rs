//! CMaps: `ToUnicode` maps (`bfchar`, `bfrange`) and the code-space ranges
//! that say how many bytes a character code takes.

use std::collections::HashMap;

use super::content::{Operand, Operation, Tokenizer};

/// Most single mappings kept from one CMap.
const MAX_ENTRIES: usize = 1 << 17;
/// Ranges up to this size are expanded into single mappings.
const EXPAND_RANGE: u32 = 256;

/// A `bfrange` too large to expand: codes `lo..=hi` map to `base` with its
/// last character advanced by `code - lo`.
#[derive(Debug, Clone)]
struct RangeMap {
    lo: u32,
    hi: u32,
    base: String,
}

/// A parsed CMap.
#[derive(Debug, Clone, Default)]
pub struct CMap {
    /// Code-space ranges as (byte length, low, high).
    codespace: Vec<(u8, u32, u32)>,
    /// Code → byte range in `text`.
    singles: HashMap<u32, (u32, u32)>,
    /// Ranges that were too large to expand.
    ranges: Vec<RangeMap>,
    /// Storage of the mapped text.
    text: String,
}

fn code_of(bytes: &[u8]) -> Option<(u8, u32)> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    let code = bytes.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b));
    Some((bytes.len() as u8, code))
}

/// Decodes a UTF-16BE destination string (single bytes read as Latin-1).
fn utf16(bytes: &[u8], out: &mut String) {
    if bytes.len() == 1 {
        out.push(char::from(bytes[0]));
        return;
    }
    let units = bytes
        .chunks_exact(2)
        .map(|pair| u16::from_be_bytes([pair[0], pair[1]]));
    out.extend(char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)));
}

/// Glyph-name destinations (`/space`) in a `bfchar`.
fn glyph_dest(name: &[u8], out: &mut String) {
    super::glyph_names::push_glyph_name(name, out);
}

impl CMap {
    /// Parses the bytes of a CMap stream. Garbage yields an empty map.
    pub fn parse(data: &[u8]) -> Self {
        let mut cmap = Self::default();
        let mut tokenizer = Tokenizer::new(data);
        let mut op = Operation::default();
        while let Some(name) = tokenizer.next_op(&mut op) {
            match name {
                b"endcodespacerange" => cmap.codespace_section(&op),
                b"endbfchar" => cmap.bfchar_section(&op),
                b"endbfrange" => cmap.bfrange_section(&op),
                _ => {}
            }
        }
        cmap.codespace.sort_by_key(|(len, _, _)| *len);
        cmap.ranges.sort_by_key(|range| range.lo);
        cmap
    }

    fn codespace_section(&mut self, op: &Operation) {
        let strings: Vec<&[u8]> = op
            .operands
            .iter()
            .filter_map(|o| match o {
                Operand::Str(range) => Some(op.slice(range)),
                _ => None,
            })
            .collect();
        for pair in strings.chunks_exact(2) {
            if let (Some((len, lo)), Some((_, hi))) = (code_of(pair[0]), code_of(pair[1])) {
                self.codespace.push((len, lo, hi));
            }
        }
    }

    fn insert(&mut self, code: u32, write: impl FnOnce(&mut String)) {
        if self.singles.len() >= MAX_ENTRIES {
            return;
        }
        let start = self.text.len();
        write(&mut self.text);
        let end = self.text.len();
        if end > start {
            self.singles.insert(code, (start as u32, end as u32));
        }
    }

    fn bfchar_section(&mut self, op: &Operation) {
        let mut source = None;
        for operand in &op.operands {
            match (source.take(), operand) {
                (None, Operand::Str(range)) => source = code_of(op.slice(range)),
                (Some((_, code)), Operand::Str(range)) => {
                    self.insert(code, |out| utf16(op.slice(range), out));
                }
                (Some((_, code)), Operand::Name(range)) => {
                    self.insert(code, |out| glyph_dest(op.slice(range), out));
                }
                _ => {}
            }
        }
    }

    fn bfrange_section(&mut self, op: &Operation) {
        let mut i = 0;
        let operands = &op.operands;
        while i + 2 < operands.len() {
            let (Operand::Str(lo), Operand::Str(hi)) = (&operands[i], &operands[i + 1]) else {
                i += 1;
                continue;
            };
            let (Some((_, lo)), Some((_, hi))) = (code_of(op.slice(lo)), code_of(op.slice(hi)))
            else {
                i += 2;
                continue;
            };
            match &operands[i + 2] {
                Operand::Str(dest) => {
                    self.add_range(lo, hi, op.slice(dest));
                    i += 3;
                }
                Operand::ArrayStart => {
                    i += 3;
                    let mut code = lo;
                    while let Some(operand) = operands.get(i) {
                        i += 1;
                        match operand {
                            Operand::Str(dest) if code <= hi => {
                                self.insert(code, |out| utf16(op.slice(dest), out));
                                code = code.saturating_add(1);
                            }
                            Operand::ArrayEnd => break,
                            _ => {}
                        }
                    }
                }
                _ => i += 3,
            }
        }
    }

    fn add_range(&mut self, lo: u32, hi: u32, dest: &[u8]) {
        if hi < lo {
            return;
        }
        let mut base = String::new();
        utf16(dest, &mut base);
        if base.is_empty() {
            return;
        }
        if hi - lo < EXPAND_RANGE {
            for offset in 0..=hi - lo {
                self.insert(lo + offset, |out| push_offset(&base, offset, out));
            }
        } else {
            self.ranges.push(RangeMap { lo, hi, base });
        }
    }

    /// The byte length of the code at the start of `bytes` according to the
    /// code-space ranges; `None` when the CMap declares none.
    pub fn code_len(&self, bytes: &[u8]) -> Option<usize> {
        if self.codespace.is_empty() {
            return None;
        }
        for &(len, lo, hi) in &self.codespace {
            let len = usize::from(len);
            if let Some((_, code)) = bytes.get(..len).and_then(code_of)
                && (lo..=hi).contains(&code)
            {
                return Some(len);
            }
        }
        self.codespace.first().map(|(len, _, _)| usize::from(*len))
    }

    /// True when the map has no mappings.
    pub fn is_empty(&self) -> bool {
        self.singles.is_empty() && self.ranges.is_empty()
    }

    /// Appends the text of `code` to `out`; false when it is unmapped.
    pub fn push(&self, code: u32, out: &mut String) -> bool {
        if let Some(&(start, end)) = self.singles.get(&code) {
            if let Some(text) = self.text.get(start as usize..end as usize) {
                out.push_str(text);
                return true;
            }
        }
        let index = self.ranges.partition_point(|range| range.lo <= code);
        if let Some(range) = index.checked_sub(1).and_then(|i| self.ranges.get(i))
            && code <= range.hi
        {
            push_offset(&range.base, code - range.lo, out);
            return true;
        }
        false
    }
}

/// Appends `base` with its last character advanced by `offset`.
fn push_offset(base: &str, offset: u32, out: &mut String) {
    let mut chars = base.chars();
    let Some(last) = chars.next_back() else {
        return;
    };
    out.push_str(chars.as_str());
    let advanced = char::from_u32(u32::from(last).saturating_add(offset));
    out.push(advanced.unwrap_or(char::REPLACEMENT_CHARACTER));
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar
<0003> <0020>
<0010> <00660069>
<0011> <D83DDE00>
endbfchar
3 beginbfrange
<0020> <0022> <0041>
<0030> <0032> [<00F6> <00F1> <1EC5>]
<1000> <1FFF> <4E00>
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end";

    fn text(cmap: &CMap, code: u32) -> Option<String> {
        let mut out = String::new();
        cmap.push(code, &mut out).then_some(out)
    }

    #[test]
    fn bfchar_entries() {
        let cmap = CMap::parse(SAMPLE);
        assert_eq!(text(&cmap, 3).as_deref(), Some(" "));
        assert_eq!(text(&cmap, 0x10).as_deref(), Some("fi"));
        assert_eq!(text(&cmap, 0x11).as_deref(), Some("😀"));
        assert_eq!(text(&cmap, 0x12), None);
    }

    #[test]
    fn bfrange_entries() {
        let cmap = CMap::parse(SAMPLE);
        assert_eq!(text(&cmap, 0x21).as_deref(), Some("B"));
        assert_eq!(text(&cmap, 0x22).as_deref(), Some("C"));
        assert_eq!(text(&cmap, 0x30).as_deref(), Some("ö"));
        assert_eq!(text(&cmap, 0x31).as_deref(), Some("ñ"));
        assert_eq!(text(&cmap, 0x32).as_deref(), Some("ễ"));
        assert_eq!(text(&cmap, 0x1001).as_deref(), Some("\u{4E01}"));
        assert_eq!(text(&cmap, 0x2000), None);
    }

    #[test]
    fn codespace_lengths() {
        let cmap = CMap::parse(SAMPLE);
        assert_eq!(cmap.code_len(b"\x00\x03"), Some(2));
        let mixed = CMap::parse(b"2 begincodespacerange <00> <80> <8140> <FFFF> endcodespacerange");
        assert_eq!(mixed.code_len(b"\x41\x42"), Some(1));
        assert_eq!(mixed.code_len(b"\x81\x40"), Some(2));
        assert_eq!(CMap::parse(b"").code_len(b"ab"), None);
    }

    #[test]
    fn garbage_is_harmless() {
        let cmap = CMap::parse(b"beginbfrange <00> endbfrange <FFFFFFFFFF> [ ] endbfchar");
        assert!(cmap.is_empty());
    }
}
