//! Safety limits that bound the time and memory a hostile document can cost.

use serde::{Deserialize, Serialize};

/// Limits applied while reading a document. The defaults suit resumes: a real
/// resume is far below every one of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ParseLimits {
    /// Largest accepted input, in bytes (default 10 MiB).
    pub max_input_bytes: u64,
    /// Most bytes any decompression may produce in total: ZIP entries of a
    /// DOCX, content streams of a PDF (default 64 MiB).
    pub max_expanded_bytes: u64,
    /// Most entries a DOCX archive may hold (default 4096).
    pub max_archive_entries: usize,
    /// Most pages read from a PDF (default 100).
    pub max_pages: usize,
    /// Deepest nesting followed: XML elements, tables in tables, PDF form
    /// XObjects and object references (default 64).
    pub max_depth: usize,
}

impl Default for ParseLimits {
    fn default() -> Self {
        Self {
            max_input_bytes: 10 * 1024 * 1024,
            max_expanded_bytes: 64 * 1024 * 1024,
            max_archive_entries: 4096,
            max_pages: 100,
            max_depth: 64,
        }
    }
}
