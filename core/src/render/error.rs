//! Errors of the render layer.

use thiserror::Error;

/// Why a resume could not be rendered.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum RenderError {
    /// No built-in template has this name.
    #[error("unknown template {0:?} (known: {known})", known = super::BuiltinTemplate::NAMES.join(", "))]
    UnknownTemplate(String),
    /// No renderer for this output format ("pdf", "docx").
    #[error("unknown output format {0:?} (known: pdf, docx)")]
    UnknownFormat(String),
    /// The renderer cannot do what was asked (a custom template as DOCX, or
    /// PDF output in a build without the `typst` feature).
    #[error("unsupported: {0}")]
    Unsupported(String),
    /// The template failed to compile: its diagnostics, one per line.
    #[error("template error: {0}")]
    Template(String),
    /// A limit was exceeded (pages, input or output bytes).
    #[error("{what} exceeds the limit of {limit}")]
    Limit {
        /// What was too large.
        what: &'static str,
        /// The limit in force.
        limit: u64,
    },
    /// Writing the output document failed.
    #[error("cannot write the document: {0}")]
    Output(String),
}
