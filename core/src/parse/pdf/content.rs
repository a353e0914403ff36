//! A small, non-recursive tokenizer for PDF content streams (and CMaps).
//!
//! It yields one operator at a time with its operands. Arrays and
//! dictionaries are flattened into start/end markers, so nesting depth costs
//! nothing. Strings and names are decoded into a scratch buffer that is reused
//! for every operator, so tokenizing does not allocate per token.

use std::ops::Range;

/// Most operands kept for one operator; more are dropped (a hostile stream
/// could otherwise pile up operands without ever naming an operator).
const MAX_OPERANDS: usize = 1 << 16;

/// One operand of a content-stream operator.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// An integer or real number.
    Number(f32),
    /// A name (without the slash), as a range into [`Operation::bytes`].
    Name(Range<usize>),
    /// A literal or hex string, decoded, as a range into [`Operation::bytes`].
    Str(Range<usize>),
    /// `[`
    ArrayStart,
    /// `]`
    ArrayEnd,
    /// `<<` or `>>` (content streams only carry dictionaries as marked-content
    /// properties, which are not needed).
    Dict,
    /// `true`, `false`, `null` or anything else that is not an operator.
    Other,
}

/// An operator with its operands, valid until the next call to
/// [`Tokenizer::next_op`].
#[derive(Debug, Default)]
pub struct Operation {
    /// The operands in order.
    pub operands: Vec<Operand>,
    /// Decoded bytes of the string and name operands.
    pub bytes: Vec<u8>,
}

impl Operation {
    /// The bytes of a name or string operand.
    pub fn slice(&self, range: &Range<usize>) -> &[u8] {
        self.bytes.get(range.clone()).unwrap_or_default()
    }

    /// The operand at `index` as a number.
    pub fn number(&self, index: usize) -> Option<f32> {
        match self.operands.get(index) {
            Some(Operand::Number(n)) => Some(*n),
            _ => None,
        }
    }

    /// The last `N` operands as numbers (missing or non-numeric ones are 0);
    /// `None` when there are fewer than `N` operands.
    pub fn numbers<const N: usize>(&self) -> Option<[f32; N]> {
        let start = self.operands.len().checked_sub(N)?;
        let mut out = [0.0; N];
        for (slot, operand) in out.iter_mut().zip(&self.operands[start..]) {
            if let Operand::Number(n) = operand {
                *slot = *n;
            }
        }
        Some(out)
    }

    /// The bytes of the first name operand.
    pub fn name(&self) -> Option<&[u8]> {
        self.operands.iter().find_map(|operand| match operand {
            Operand::Name(range) => Some(self.slice(range)),
            _ => None,
        })
    }

    /// The last string operand.
    pub fn last_string(&self) -> Option<&[u8]> {
        self.operands
            .iter()
            .rev()
            .find_map(|operand| match operand {
                Operand::Str(range) => Some(self.slice(range)),
                _ => None,
            })
    }
}

/// Tokenizer over the bytes of one content stream.
pub struct Tokenizer<'a> {
    data: &'a [u8],
    pos: usize,
}

fn is_whitespace(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delimiter(byte: u8) -> bool {
    matches!(
        byte,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(byte: u8) -> bool {
    !is_whitespace(byte) && !is_delimiter(byte)
}

fn hex_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer at the start of `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Self { data, pos: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn skip_whitespace_and_comments(&mut self) {
        while let Some(byte) = self.peek() {
            if is_whitespace(byte) {
                self.pos += 1;
            } else if byte == b'%' {
                while let Some(byte) = self.peek() {
                    if byte == b'\r' || byte == b'\n' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// Reads operands up to the next operator and returns the operator's
    /// bytes, or `None` at the end of the stream. Inline images
    /// (`BI … ID … EI`) are skipped and reported as the operator `EI`.
    pub fn next_op(&mut self, op: &mut Operation) -> Option<&'a [u8]> {
        op.operands.clear();
        op.bytes.clear();
        loop {
            self.skip_whitespace_and_comments();
            let byte = self.peek()?;
            let operand = match byte {
                b'/' => {
                    self.pos += 1;
                    let start = op.bytes.len();
                    self.read_name(&mut op.bytes);
                    Operand::Name(start..op.bytes.len())
                }
                b'(' => {
                    self.pos += 1;
                    let start = op.bytes.len();
                    self.read_literal(&mut op.bytes);
                    Operand::Str(start..op.bytes.len())
                }
                b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                    self.pos += 2;
                    Operand::Dict
                }
                b'<' => {
                    self.pos += 1;
                    let start = op.bytes.len();
                    self.read_hex(&mut op.bytes);
                    Operand::Str(start..op.bytes.len())
                }
                b'>' => {
                    self.pos += if self.data.get(self.pos + 1) == Some(&b'>') {
                        2
                    } else {
                        1
                    };
                    Operand::Dict
                }
                b'[' => {
                    self.pos += 1;
                    Operand::ArrayStart
                }
                b']' => {
                    self.pos += 1;
                    Operand::ArrayEnd
                }
                b'{' | b'}' | b')' => {
                    self.pos += 1;
                    Operand::Other
                }
                b'+' | b'-' | b'.' | b'0'..=b'9' => self.read_number(),
                _ => {
                    let start = self.pos;
                    while self.peek().is_some_and(is_regular) {
                        self.pos += 1;
                    }
                    let word = self.data.get(start..self.pos).unwrap_or_default();
                    match word {
                        b"true" | b"false" | b"null" => Operand::Other,
                        b"ID" => {
                            self.skip_inline_image();
                            op.operands.clear();
                            op.bytes.clear();
                            return Some(b"EI");
                        }
                        _ => return Some(word),
                    }
                }
            };
            if op.operands.len() < MAX_OPERANDS {
                op.operands.push(operand);
            }
        }
    }

    fn read_name(&mut self, out: &mut Vec<u8>) {
        while let Some(byte) = self.peek() {
            if !is_regular(byte) {
                break;
            }
            self.pos += 1;
            if byte == b'#' {
                let high = self.peek().and_then(hex_value);
                let low = self.data.get(self.pos + 1).copied().and_then(hex_value);
                if let (Some(high), Some(low)) = (high, low) {
                    self.pos += 2;
                    out.push(high << 4 | low);
                    continue;
                }
            }
            out.push(byte);
        }
    }

    fn read_literal(&mut self, out: &mut Vec<u8>) {
        let mut depth = 0usize;
        while let Some(byte) = self.peek() {
            self.pos += 1;
            match byte {
                b'(' => {
                    depth += 1;
                    out.push(byte);
                }
                b')' => {
                    if depth == 0 {
                        return;
                    }
                    depth -= 1;
                    out.push(byte);
                }
                b'\\' => self.read_escape(out),
                b'\r' => {
                    if self.peek() == Some(b'\n') {
                        self.pos += 1;
                    }
                    out.push(b'\n');
                }
                _ => out.push(byte),
            }
        }
    }

    fn read_escape(&mut self, out: &mut Vec<u8>) {
        let Some(byte) = self.peek() else {
            return;
        };
        self.pos += 1;
        match byte {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'0'..=b'7' => {
                let mut value = u32::from(byte - b'0');
                for _ in 0..2 {
                    match self.peek() {
                        Some(digit @ b'0'..=b'7') => {
                            self.pos += 1;
                            value = value * 8 + u32::from(digit - b'0');
                        }
                        _ => break,
                    }
                }
                out.push((value & 0xff) as u8);
            }
            b'\r' => {
                if self.peek() == Some(b'\n') {
                    self.pos += 1;
                }
            }
            b'\n' => {}
            _ => out.push(byte),
        }
    }

    fn read_hex(&mut self, out: &mut Vec<u8>) {
        let mut high: Option<u8> = None;
        while let Some(byte) = self.peek() {
            self.pos += 1;
            if byte == b'>' {
                break;
            }
            let Some(value) = hex_value(byte) else {
                continue;
            };
            match high.take() {
                Some(h) => out.push(h << 4 | value),
                None => high = Some(value),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
    }

    fn read_number(&mut self) -> Operand {
        let start = self.pos;
        self.pos += 1;
        while let Some(byte) = self.peek() {
            if byte.is_ascii_digit() || byte == b'.' || byte == b'-' || byte == b'+' {
                self.pos += 1;
            } else {
                break;
            }
        }
        let text = self.data.get(start..self.pos).unwrap_or_default();
        Operand::Number(parse_number(text))
    }

    /// Skips the data of an inline image: one whitespace byte after `ID`, then
    /// everything up to an `EI` that stands alone.
    fn skip_inline_image(&mut self) {
        self.pos += 1;
        let data = self.data;
        let mut i = self.pos;
        while i + 1 < data.len() {
            if data[i] == b'E'
                && data[i + 1] == b'I'
                && data
                    .get(i.wrapping_sub(1))
                    .is_none_or(|&b| is_whitespace(b))
                && data
                    .get(i + 2)
                    .is_none_or(|&b| is_whitespace(b) || is_delimiter(b))
            {
                self.pos = i + 2;
                return;
            }
            i += 1;
        }
        self.pos = data.len();
    }
}

/// Parses a PDF number leniently (`--5`, `1.2.3` and the like read as far as
/// they make sense; garbage reads as 0).
fn parse_number(text: &[u8]) -> f32 {
    let mut negative = false;
    let mut i = 0;
    while let Some(&byte) = text.get(i) {
        match byte {
            b'-' => negative = !negative,
            b'+' => {}
            _ => break,
        }
        i += 1;
    }
    let mut value = 0f64;
    let mut scale = 0f64;
    for &byte in text.get(i..).unwrap_or_default() {
        match byte {
            b'0'..=b'9' => {
                let digit = f64::from(byte - b'0');
                if scale == 0.0 {
                    value = value * 10.0 + digit;
                } else {
                    value += digit * scale;
                    scale /= 10.0;
                }
            }
            b'.' if scale == 0.0 => scale = 0.1,
            _ => break,
        }
    }
    let value = if negative { -value } else { value };
    if value.is_finite() {
        value.clamp(f64::from(f32::MIN), f64::from(f32::MAX)) as f32
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(data: &[u8]) -> Vec<(String, Vec<Operand>, Vec<u8>)> {
        let mut tokenizer = Tokenizer::new(data);
        let mut op = Operation::default();
        let mut out = Vec::new();
        while let Some(name) = tokenizer.next_op(&mut op) {
            out.push((
                String::from_utf8_lossy(name).into_owned(),
                op.operands.clone(),
                op.bytes.clone(),
            ));
        }
        out
    }

    #[test]
    fn numbers_and_names() {
        let out = ops(b"/F1 12 Tf 1 0 0 1 72.5 -.5 Tm /A#20B Do");
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].0, "Tf");
        assert_eq!(out[0].1[1], Operand::Number(12.0));
        assert_eq!(out[0].2, b"F1");
        assert_eq!(out[1].1[4], Operand::Number(72.5));
        assert_eq!(out[1].1[5], Operand::Number(-0.5));
        assert_eq!(out[2].2, b"A B");
    }

    #[test]
    fn literal_strings_with_escapes() {
        let out = ops(b"(a\\(b\\)c (nested) \\101\\0 \\\\ \\n x\\\ny) Tj");
        assert_eq!(out[0].0, "Tj");
        assert_eq!(out[0].2, b"a(b)c (nested) A\0 \\ \n xy");
    }

    #[test]
    fn hex_strings_and_arrays() {
        let out = ops(b"[<00 41> -250 (B) [[1]] <4>] TJ");
        assert_eq!(out[0].0, "TJ");
        assert_eq!(out[0].2, b"\0AB@");
        assert_eq!(out[0].1.first(), Some(&Operand::ArrayStart));
        assert_eq!(
            out[0].1.iter().filter(|o| **o == Operand::ArrayEnd).count(),
            3
        );
    }

    #[test]
    fn deeply_nested_arrays_do_not_recurse() {
        let mut data = vec![b'['; 1_000_000];
        data.extend_from_slice(b" Tj");
        let out = ops(&data);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].1.len(), MAX_OPERANDS);
    }

    #[test]
    fn inline_images_are_skipped() {
        let out = ops(b"BI /W 2 /H 2 /BPC 8 ID \x00EI\xffBT EI Q (x) Tj");
        let names: Vec<_> = out.iter().map(|o| o.0.as_str()).collect();
        assert_eq!(names, ["BI", "EI", "Q", "Tj"]);
    }

    #[test]
    fn comments_and_dictionaries() {
        let out = ops(b"% comment\n/P <</MCID 0>> BDC EMC");
        assert_eq!(out[0].0, "BDC");
        assert_eq!(out[1].0, "EMC");
    }

    #[test]
    fn lenient_numbers() {
        assert_eq!(parse_number(b"--5"), 5.0);
        assert_eq!(parse_number(b"1.2.3"), 1.2);
        assert_eq!(parse_number(b"-"), 0.0);
    }
}
