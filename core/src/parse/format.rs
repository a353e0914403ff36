//! Input format detection from the bytes themselves, never from a file name.

use serde::{Deserialize, Serialize};

use super::ParseError;

/// A document format the engine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// Portable Document Format.
    Pdf,
    /// Office Open XML word-processing document.
    Docx,
    /// Plain UTF-8 (or UTF-16 with a byte-order mark) text.
    Text,
}

impl Format {
    /// The format's conventional short name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Pdf => "PDF",
            Self::Docx => "DOCX",
            Self::Text => "text",
        }
    }
}

const OLE2_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Detects the format of `bytes`.
///
/// PDFs may carry junk before `%PDF-` (the specification allows up to 1 KiB);
/// a ZIP is a DOCX only when it holds `word/document.xml`, which the DOCX
/// reader checks; legacy `.doc` (OLE2) files and other binaries are refused.
pub fn detect(bytes: &[u8]) -> Result<Format, ParseError> {
    if bytes.is_empty() {
        return Err(ParseError::Empty);
    }
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok(Format::Docx);
    }
    if bytes.starts_with(OLE2_MAGIC) {
        return Err(ParseError::LegacyDoc);
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(unsupported("RTF document"));
    }
    if looks_like_text(bytes) {
        return Ok(Format::Text);
    }
    Err(unsupported(describe_binary(bytes)))
}

fn unsupported(detected: &str) -> ParseError {
    ParseError::UnsupportedFormat {
        detected: detected.to_owned(),
    }
}

fn describe_binary(bytes: &[u8]) -> &'static str {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"II*\0", "TIFF image"),
        (b"MM\0*", "TIFF image"),
        (b"\x1F\x8B", "gzip archive"),
        (b"Rar!", "RAR archive"),
        (b"7z\xBC\xAF", "7-Zip archive"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map_or("unknown binary data", |(_, name)| name)
}

fn looks_like_text(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let sample = &bytes[..bytes.len().min(8192)];
    let valid = match std::str::from_utf8(sample) {
        Ok(_) => true,
        // A multi-byte character cut at the sample's end is still text.
        Err(e) => e.error_len().is_none(),
    };
    valid
        && !sample
            .iter()
            .any(|&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)))
}

/// Position of `needle` in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats_from_bytes() {
        assert_eq!(detect(b"%PDF-1.7\n...").ok(), Some(Format::Pdf));
        assert_eq!(detect(b"\xEF\xBB\xBF\n%PDF-1.4").ok(), Some(Format::Pdf));
        assert_eq!(detect(b"PK\x03\x04rest").ok(), Some(Format::Docx));
        assert_eq!(
            detect("Jane Doe\nEngineer — Zoë".as_bytes()).ok(),
            Some(Format::Text)
        );
    }

    #[test]
    fn refuses_other_formats() {
        assert!(matches!(detect(b""), Err(ParseError::Empty)));
        assert!(matches!(detect(OLE2_MAGIC), Err(ParseError::LegacyDoc)));
        let err = detect(b"\x89PNG\r\n\x1a\n\0\0").err();
        assert!(
            matches!(err, Some(ParseError::UnsupportedFormat { ref detected }) if detected == "PNG image")
        );
        assert!(matches!(
            detect(b"\0\x01\x02binary"),
            Err(ParseError::UnsupportedFormat { .. })
        ));
    }
}
