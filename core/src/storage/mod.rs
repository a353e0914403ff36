//! Blob storage for the files jobs produce (rendered PDFs and DOCX): the
//! [`BlobStore`] trait, the local filesystem store with HMAC-signed,
//! expiring URLs, and (feature `s3`) S3-compatible object storage with
//! presigned URLs.

use std::fmt::Debug;
use std::time::Duration;

use async_trait::async_trait;

mod config;
mod error;
mod key;
mod local;
#[cfg(feature = "s3")]
mod s3;
mod secret;
mod signing;

#[cfg(test)]
pub(crate) mod conformance;

pub use config::{StorageConfig, open};
pub use error::StorageError;
pub use key::BlobKey;
pub use local::LocalStore;
#[cfg(feature = "s3")]
pub use s3::{S3Config, S3Store};
pub use secret::{SECRET_ENV, load_or_create_secret};
pub use signing::{UrlSigner, unix_now};

/// Where generated files are kept. Keys come from the job id
/// ([`BlobKey::for_job`]), so a retried job overwrites its files instead of
/// adding copies.
#[async_trait]
pub trait BlobStore: Debug + Send + Sync {
    /// Stores `bytes` under `key`, replacing what was there.
    async fn put(
        &self,
        key: &BlobKey,
        bytes: Vec<u8>,
        content_type: &str,
    ) -> Result<(), StorageError>;

    /// The bytes under `key`, or `None`.
    async fn get(&self, key: &BlobKey) -> Result<Option<Vec<u8>>, StorageError>;

    /// Deletes every blob under the folder `prefix` (whole path segments:
    /// `jobs/1` does not reach `jobs/10/…`), returning how many were
    /// deleted.
    async fn delete_prefix(&self, prefix: &BlobKey) -> Result<usize, StorageError>;

    /// A URL that fetches `key` until `ttl` from now, and not after.
    async fn signed_url(&self, key: &BlobKey, ttl: Duration) -> Result<String, StorageError>;

    /// The store as a [`LocalStore`] when it is one: its signed URLs point
    /// at a file server of ours, which verifies them with
    /// [`LocalStore::verify_and_read`].
    fn as_local(&self) -> Option<&LocalStore> {
        None
    }
}
