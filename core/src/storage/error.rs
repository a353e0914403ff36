//! Errors of blob storage.

use thiserror::Error;

/// Errors of blob storage.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum StorageError {
    /// The key is not allowed (empty, absolute, `..`, odd characters).
    #[error("invalid blob key `{key}`: {reason}")]
    InvalidKey {
        /// The key as given.
        key: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A signed URL's signature does not match (tampered, or another key).
    #[error("the signature of this URL is invalid")]
    BadSignature,
    /// A signed URL is past its expiry.
    #[error("this URL expired")]
    Expired,
    /// The storage configuration is invalid (missing secret, bad URL).
    #[error("invalid storage configuration: {0}")]
    Config(String),
    /// The configuration names a backend this build was compiled without.
    #[error("this build lacks the `{feature}` feature needed by this storage URL")]
    FeatureDisabled {
        /// The cargo feature to turn on.
        feature: &'static str,
    },
    /// Reading or writing failed.
    #[error("storage I/O on `{key}`: {message}")]
    Io {
        /// The key involved.
        key: String,
        /// What went wrong.
        message: String,
    },
}
