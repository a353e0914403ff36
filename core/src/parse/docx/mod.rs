//! DOCX reader (being written).
use super::{ParseError, ParseLimits, TextDocument};

pub fn read_docx(_bytes: &[u8], _limits: &ParseLimits) -> Result<TextDocument, ParseError> {
    Err(ParseError::corrupt("DOCX", "reader not yet implemented"))
}
