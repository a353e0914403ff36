//! Errors of the parsing layer.

use thiserror::Error;

/// Why a document could not be parsed.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The input is larger than the configured limit.
    #[error("input exceeds {} (got {} bytes)", human_size(*limit), size)]
    TooLarge {
        /// Size of the input in bytes.
        size: u64,
        /// Configured limit in bytes.
        limit: u64,
    },
    /// The input is empty.
    #[error("input is empty")]
    Empty,
    /// The bytes are not a format we read.
    #[error("not a PDF or DOCX (detected: {detected})")]
    UnsupportedFormat {
        /// What the bytes look like.
        detected: String,
    },
    /// A legacy binary Word (`.doc`) file.
    #[error("legacy Word .doc files are not supported: save the file as .docx or PDF")]
    LegacyDoc,
    /// The document is password-protected.
    #[error("file is encrypted: remove the password and try again")]
    Encrypted,
    /// The document has pages but no extractable text.
    #[error("document has no text layer (scanned?): OCR is not supported")]
    NoTextLayer,
    /// The container or document structure is broken.
    #[error("corrupt {format}: {reason}")]
    Corrupt {
        /// The format that was being read.
        format: &'static str,
        /// What was wrong.
        reason: String,
    },
    /// The document would expand past a safety limit (zip bomb, huge object graph).
    #[error("{format} exceeds a safety limit: {reason}")]
    LimitExceeded {
        /// The format that was being read.
        format: &'static str,
        /// Which limit was hit.
        reason: String,
    },
    /// A parser other than the built-in one (an external service, a custom
    /// [`Parser`](super::Parser)) could not produce a resume.
    #[error("external parser `{parser}` failed: {reason}")]
    External {
        /// The failing parser's [`name`](super::Parser::name).
        parser: String,
        /// What went wrong and what to check.
        reason: String,
    },
}

fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes % MIB == 0 {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

impl ParseError {
    /// A [`ParseError::Corrupt`] for `format` with a reason.
    pub fn corrupt(format: &'static str, reason: impl std::fmt::Display) -> Self {
        Self::Corrupt {
            format,
            reason: reason.to_string(),
        }
    }

    /// A [`ParseError::LimitExceeded`] for `format` with a reason.
    pub fn limit(format: &'static str, reason: impl std::fmt::Display) -> Self {
        Self::LimitExceeded {
            format,
            reason: reason.to_string(),
        }
    }

    /// A [`ParseError::External`] for the parser named `parser` with a reason.
    pub fn external(parser: impl Into<String>, reason: impl std::fmt::Display) -> Self {
        Self::External {
            parser: parser.into(),
            reason: reason.to_string(),
        }
    }
}
