//! Plain-text input: one [`Line`] per text line.

use super::document::{Line, TextDocument};

/// Reads plain text (UTF-8, or UTF-16 with a byte-order mark) into lines.
pub fn read_text(bytes: &[u8]) -> TextDocument {
    let text = decode(bytes);
    let mut lines = Vec::new();
    let mut blank_before = false;
    for raw in text.lines() {
        let trimmed = raw.trim_end();
        if trimmed.trim().is_empty() {
            blank_before = true;
            continue;
        }
        let mut line = Line::plain(trimmed.trim_start());
        line.space_before = blank_before.then_some(12.0);
        lines.push(line);
        blank_before = false;
    }
    TextDocument { lines }
}

fn decode(bytes: &[u8]) -> String {
    let utf16 = |be: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if be {
                    u16::from_be_bytes([c[0], c[1]])
                } else {
                    u16::from_le_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return utf16(false);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return utf16(true);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lines_and_marks_paragraph_gaps() {
        let doc = read_text("\u{feff}Jane Doe\n\n  Experience \r\nLed a team\n".as_bytes());
        let texts: Vec<_> = doc.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["Jane Doe", "Experience", "Led a team"]);
        assert_eq!(doc.lines[1].space_before, Some(12.0));
        assert_eq!(doc.lines[2].space_before, None);
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Zoë".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(read_text(&bytes).lines[0].text, "Zoë");
    }
}
