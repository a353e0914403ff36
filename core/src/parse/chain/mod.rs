//! The parser chain: the built-in parser first, then optional fallbacks (an
//! external HTTP service, custom parsers) tried when it fails or finds no
//! sections.

mod builtin;
mod external;
mod fallback;
#[cfg(feature = "http-parser")]
mod http;
#[cfg(test)]
mod tests;

use std::fmt;

pub use builtin::BuiltinParser;
pub use external::ExternalParserConfig;
pub(crate) use external::external_parser;
pub use fallback::{Parsed, ParserChain, ParserFailure};
#[cfg(feature = "http-parser")]
pub use http::{HttpParser, MAX_RESPONSE_BYTES};

use super::{ParseError, ParseLimits};
use crate::model::Resume;

/// Turns document bytes into a [`Resume`]. Implementations are shared across
/// threads as `Arc<dyn Parser>`.
pub trait Parser: Send + Sync {
    /// A short, stable name for messages and [`Parsed::parser`] (`"builtin"`, `"http"`).
    fn name(&self) -> &str;

    /// Parses `bytes`, honouring `limits`.
    fn parse(&self, bytes: &[u8], limits: &ParseLimits) -> Result<Resume, ParseError>;
}

impl fmt::Debug for dyn Parser + '_ {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Parser").field(&self.name()).finish()
    }
}
