//! [`StorageConfig`]: which blob store to open, from code, a file or the
//! environment, and [`open`], which builds it.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{BlobStore, LocalStore, StorageError, UrlSigner};

/// The blob store settings.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StorageConfig {
    /// Where blobs go:
    ///
    /// - `file:PATH` or a plain path — files under that folder;
    /// - `s3://BUCKET?endpoint=URL&region=REGION` — an S3-compatible bucket
    ///   (feature `s3`), credentials from `AWS_ACCESS_KEY_ID` and
    ///   `AWS_SECRET_ACCESS_KEY`; an `http://` endpoint allows plain HTTP (a
    ///   loopback server).
    pub url: String,
    /// The secret that signs local URLs, at least 32 bytes (local store
    /// only; S3 URLs are signed with the S3 credentials).
    #[serde(default)]
    pub secret: Option<String>,
    /// Where the file server serves local blobs: signed URLs are
    /// `{public_base_url}/{key}?expires=…&signature=…`.
    #[serde(default = "default_public_base_url")]
    pub public_base_url: String,
}

fn default_public_base_url() -> String {
    "/files".to_owned()
}

impl StorageConfig {
    /// Settings for `url`, with no secret and the default `/files` base.
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            secret: None,
            public_base_url: default_public_base_url(),
        }
    }

    /// Sets the local URL signing secret.
    #[must_use]
    pub fn with_secret(mut self, secret: impl Into<String>) -> Self {
        self.secret = Some(secret.into());
        self
    }

    /// Sets the file server's public base URL.
    #[must_use]
    pub fn with_public_base_url(mut self, base: impl Into<String>) -> Self {
        self.public_base_url = base.into();
        self
    }
}

impl fmt::Debug for StorageConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StorageConfig")
            .field("url", &self.url)
            .field("secret", &self.secret.as_ref().map(|_| "<redacted>"))
            .field("public_base_url", &self.public_base_url)
            .finish()
    }
}

/// Opens the blob store `config` names.
pub fn open(config: &StorageConfig) -> Result<Arc<dyn BlobStore>, StorageError> {
    if let Some(rest) = config.url.strip_prefix("s3://") {
        return open_s3(rest);
    }
    let root = config.url.strip_prefix("file:").unwrap_or(&config.url);
    let root = root.strip_prefix("//").unwrap_or(root);
    if root.is_empty() || root.contains("://") {
        return Err(StorageError::Config(format!(
            "`{}`: expected file:PATH, a folder path or s3://BUCKET?endpoint=…&region=…",
            config.url
        )));
    }
    let secret = config.secret.as_deref().ok_or_else(|| {
        StorageError::Config("the local store needs a URL signing secret".to_owned())
    })?;
    let signer = UrlSigner::new(secret.as_bytes().to_vec())?;
    Ok(Arc::new(LocalStore::new(
        PathBuf::from(root),
        config.public_base_url.clone(),
        signer,
    )))
}

#[cfg(feature = "s3")]
fn open_s3(rest: &str) -> Result<Arc<dyn BlobStore>, StorageError> {
    let config = super::S3Config::from_url(rest, |name| std::env::var(name).ok())?;
    Ok(Arc::new(super::S3Store::new(&config)?))
}

#[cfg(not(feature = "s3"))]
fn open_s3(_rest: &str) -> Result<Arc<dyn BlobStore>, StorageError> {
    Err(StorageError::FeatureDisabled { feature: "s3" })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    const SECRET: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn local_paths_open_a_local_store() {
        for url in [
            "file:/tmp/blobs",
            "file:///tmp/blobs",
            "/tmp/blobs",
            "blobs",
        ] {
            let store = open(&StorageConfig::new(url).with_secret(SECRET)).unwrap();
            assert!(format!("{store:?}").contains("LocalStore"), "{url}");
        }
    }

    #[test]
    fn bad_local_settings_are_typed_errors() {
        let config = |url: &str| StorageConfig::new(url).with_secret(SECRET);
        assert!(matches!(open(&config("")), Err(StorageError::Config(_))));
        assert!(matches!(
            open(&config("gs://b")),
            Err(StorageError::Config(_))
        ));
        assert!(matches!(
            open(&StorageConfig::new("/tmp/blobs")),
            Err(StorageError::Config(_))
        ));
        assert!(matches!(
            open(&StorageConfig::new("/tmp/blobs").with_secret("short")),
            Err(StorageError::Config(_))
        ));
    }

    #[test]
    fn the_config_reads_from_json_and_hides_the_secret() {
        let config: StorageConfig =
            serde_json::from_str(r#"{"url": "file:/tmp/b", "secret": "hunter2"}"#).unwrap();
        assert_eq!(config.public_base_url, "/files");
        assert!(!format!("{config:?}").contains("hunter2"));
    }

    #[cfg(not(feature = "s3"))]
    #[test]
    fn s3_without_the_feature_says_so() {
        let result = open(&StorageConfig::new("s3://bucket?region=us-east-1"));
        assert!(matches!(
            result,
            Err(StorageError::FeatureDisabled { feature: "s3" })
        ));
    }
}
