//! Errors of the scoring layer: loading keyword packs and targets.

use std::path::PathBuf;

/// Why a keyword pack or job description could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ScoreError {
    /// No built-in pack has this name and no file exists at this path.
    #[error(
        "unknown keyword pack `{name}`: use one of {available} or a path to a .json or .txt file"
    )]
    UnknownPack {
        /// The name asked for.
        name: String,
        /// The built-in pack names, comma-separated.
        available: String,
    },
    /// A pack file is not valid.
    #[error("invalid keyword pack `{name}`: {reason}")]
    InvalidPack {
        /// The pack's name or path.
        name: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A pack or job description file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A job description has no words to extract key terms from.
    #[error("the job description is empty")]
    EmptyJobDescription,
}
