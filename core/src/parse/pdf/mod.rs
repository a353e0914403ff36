//! PDF reader (being written).
use super::{ParseError, ParseLimits, TextDocument};

pub fn read_pdf(_bytes: &[u8], _limits: &ParseLimits) -> Result<TextDocument, ParseError> {
    Err(ParseError::corrupt("PDF", "reader not yet implemented"))
}
