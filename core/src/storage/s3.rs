//! S3-compatible object storage (AWS S3, MinIO, R2, …) through
//! `object_store`, with SigV4 presigned GET URLs.

use std::time::Duration;

use async_trait::async_trait;
use futures_util::{StreamExt, TryStreamExt};
use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path;
use object_store::signer::{Method, Signer};
use object_store::{Attribute, Attributes, ObjectStore, ObjectStoreExt, PutOptions, PutPayload};

use super::{BlobKey, BlobStore, StorageError};

/// Where and how to reach an S3-compatible bucket.
#[derive(Clone, PartialEq, Eq)]
pub struct S3Config {
    /// The bucket name.
    pub bucket: String,
    /// The endpoint, such as `http://127.0.0.1:9000`; `None` for AWS.
    pub endpoint: Option<String>,
    /// The region, such as `us-east-1`.
    pub region: String,
    /// The access key id.
    pub access_key_id: String,
    /// The secret access key.
    pub secret_access_key: String,
    /// Whether plain `http://` endpoints are allowed (a loopback server).
    pub allow_http: bool,
}

impl S3Config {
    /// Reads the part of an `s3://` URL after the scheme,
    /// `BUCKET?endpoint=URL&region=REGION` (both parameters optional; the
    /// region defaults to `us-east-1`), and the credentials from `env`
    /// (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`). An `http://` endpoint
    /// allows plain HTTP.
    pub fn from_url(url: &str, env: impl Fn(&str) -> Option<String>) -> Result<Self, StorageError> {
        let invalid = |reason: String| StorageError::Config(format!("s3://{url}: {reason}"));
        let (bucket, query) = url.split_once('?').unwrap_or((url, ""));
        if bucket.is_empty() || bucket.contains('/') {
            return Err(invalid("expected s3://BUCKET?endpoint=…&region=…".into()));
        }
        let mut endpoint = None;
        let mut region = "us-east-1".to_owned();
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            match pair.split_once('=') {
                Some(("endpoint", value)) => endpoint = Some(value.to_owned()),
                Some(("region", value)) => value.clone_into(&mut region),
                _ => return Err(invalid(format!("unknown parameter `{pair}`"))),
            }
        }
        let credential = |name: &str| {
            env(name)
                .filter(|value| !value.is_empty())
                .ok_or_else(|| invalid(format!("{name} is not set")))
        };
        Ok(Self {
            bucket: bucket.to_owned(),
            allow_http: endpoint
                .as_deref()
                .is_some_and(|endpoint| endpoint.starts_with("http://")),
            endpoint,
            region,
            access_key_id: credential("AWS_ACCESS_KEY_ID")?,
            secret_access_key: credential("AWS_SECRET_ACCESS_KEY")?,
        })
    }
}

impl std::fmt::Debug for S3Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Config")
            .field("bucket", &self.bucket)
            .field("endpoint", &self.endpoint)
            .field("region", &self.region)
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"<redacted>")
            .field("allow_http", &self.allow_http)
            .finish()
    }
}

/// Blobs as objects of one bucket, keyed by the blob key; signed URLs are
/// SigV4 presigned GETs, checked by the S3 server itself.
#[derive(Debug)]
pub struct S3Store {
    s3: AmazonS3,
}

impl S3Store {
    /// A store for `config` (path-style requests, which S3-compatible
    /// servers all accept). Nothing is sent until the first call.
    pub fn new(config: &S3Config) -> Result<Self, StorageError> {
        let mut builder = AmazonS3Builder::new()
            .with_bucket_name(&config.bucket)
            .with_region(&config.region)
            .with_access_key_id(&config.access_key_id)
            .with_secret_access_key(&config.secret_access_key)
            .with_allow_http(config.allow_http);
        if let Some(endpoint) = &config.endpoint {
            builder = builder.with_endpoint(endpoint);
        }
        let s3 = builder
            .build()
            .map_err(|error| StorageError::Config(format!("S3: {error}")))?;
        Ok(Self { s3 })
    }
}

#[async_trait]
impl BlobStore for S3Store {
    async fn put(
        &self,
        key: &BlobKey,
        bytes: Vec<u8>,
        content_type: &str,
    ) -> Result<(), StorageError> {
        let mut attributes = Attributes::new();
        attributes.insert(Attribute::ContentType, content_type.to_owned().into());
        let options = PutOptions {
            attributes,
            ..PutOptions::default()
        };
        self.s3
            .put_opts(&path(key), PutPayload::from(bytes), options)
            .await
            .map_err(|error| io_error(key, &error))?;
        Ok(())
    }

    async fn get(&self, key: &BlobKey) -> Result<Option<Vec<u8>>, StorageError> {
        let fetched = match self.s3.get(&path(key)).await {
            Ok(result) => result.bytes().await,
            Err(error) => Err(error),
        };
        match fetched {
            Ok(bytes) => Ok(Some(bytes.to_vec())),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(error) => Err(io_error(key, &error)),
        }
    }

    async fn delete_prefix(&self, prefix: &BlobKey) -> Result<usize, StorageError> {
        // `list` matches whole segments: `jobs/1` lists `jobs/1/…`, not
        // `jobs/10/…`.
        let listed = self
            .s3
            .list(Some(&path(prefix)))
            .map_ok(|meta| meta.location)
            .boxed();
        self.s3
            .delete_stream(listed)
            .try_fold(0, |count, _| async move { Ok(count + 1) })
            .await
            .map_err(|error| io_error(prefix, &error))
    }

    async fn signed_url(&self, key: &BlobKey, ttl: Duration) -> Result<String, StorageError> {
        self.s3
            .signed_url(Method::GET, &path(key), ttl)
            .await
            .map(String::from)
            .map_err(|error| io_error(key, &error))
    }
}

/// The object path of a key: a [`BlobKey`] is already a valid path.
fn path(key: &BlobKey) -> Path {
    Path::from(key.as_str())
}

fn io_error(key: &BlobKey, error: &object_store::Error) -> StorageError {
    StorageError::Io {
        key: key.to_string(),
        message: error.to_string(),
    }
}
