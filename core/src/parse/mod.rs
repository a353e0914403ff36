//! Document parsing: bytes → [`TextDocument`] (per format) → [`Resume`].
//! [`ParserChain`] adds fallbacks after the built-in parser.

pub mod chain;
pub mod document;
mod docx;
mod error;
pub mod format;
mod limits;
mod pdf;
pub mod recognize;
mod signals;
mod text;

pub use chain::{BuiltinParser, ExternalParserConfig, Parsed, Parser, ParserChain, ParserFailure};
#[cfg(feature = "http-parser")]
pub use chain::{HttpParser, MAX_RESPONSE_BYTES};
pub use document::{Line, LineOrigin, Span, TextDocument};
pub use error::ParseError;
pub use format::{Format, detect};
pub use limits::ParseLimits;
pub use signals::LayoutSignals;

use crate::model::Resume;

/// Reads `bytes` into lines, detecting the format from the bytes.
pub fn read_document(
    bytes: &[u8],
    limits: &ParseLimits,
) -> Result<(Format, TextDocument), ParseError> {
    let size = bytes.len() as u64;
    if size > limits.max_input_bytes {
        return Err(ParseError::TooLarge {
            size,
            limit: limits.max_input_bytes,
        });
    }
    let format = detect(bytes)?;
    let document = match format {
        Format::Pdf => pdf::read_pdf(bytes, limits)?,
        Format::Docx => docx::read_docx(bytes, limits)?,
        Format::Text => text::read_text(bytes),
    };
    if document.lines.iter().all(|l| l.text.trim().is_empty()) {
        return Err(match format {
            Format::Pdf => ParseError::NoTextLayer,
            _ => ParseError::Empty,
        });
    }
    Ok((format, document))
}

/// Parses a resume from the bytes of a PDF, DOCX or plain-text file.
pub fn parse_resume(bytes: &[u8], limits: &ParseLimits) -> Result<Resume, ParseError> {
    let (_, document) = read_document(bytes, limits)?;
    Ok(recognize::recognize(&document))
}
