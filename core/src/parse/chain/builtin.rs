//! The embedded, offline parser.

use super::Parser;
use crate::model::Resume;
use crate::parse::{ParseError, ParseLimits, parse_resume};

/// The embedded parser: format detection, the PDF, DOCX and text readers and
/// the recogniser ([`parse_resume`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct BuiltinParser;

impl Parser for BuiltinParser {
    fn name(&self) -> &str {
        "builtin"
    }

    fn parse(&self, bytes: &[u8], limits: &ParseLimits) -> Result<Resume, ParseError> {
        parse_resume(bytes, limits)
    }
}
