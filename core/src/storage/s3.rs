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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::io::{Read, Write};
    use std::net::{TcpListener, TcpStream};
    use std::path::PathBuf;
    use std::process::{Child, Command, Stdio};
    use std::sync::Arc;

    use super::*;
    use crate::storage::conformance::{Harness, TempDir};

    const BUCKET: &str = "resume-engine-test";
    const ACCESS_KEY: &str = "resume-engine-access";
    const SECRET_KEY: &str = "resume-engine-secret-key-for-tests";

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    const CREDENTIALS: &[(&str, &str)] = &[
        ("AWS_ACCESS_KEY_ID", "id"),
        ("AWS_SECRET_ACCESS_KEY", "secret"),
    ];

    #[test]
    fn s3_urls_name_the_bucket_endpoint_and_region() {
        let config = S3Config::from_url(
            "blobs?endpoint=http://127.0.0.1:9000&region=eu-west-1",
            env(CREDENTIALS),
        )
        .unwrap();
        assert_eq!(config.bucket, "blobs");
        assert_eq!(config.endpoint.as_deref(), Some("http://127.0.0.1:9000"));
        assert_eq!(config.region, "eu-west-1");
        assert_eq!(config.access_key_id, "id");
        assert!(config.allow_http);
        assert!(!format!("{config:?}").contains("secret\""));

        let aws = S3Config::from_url("blobs", env(CREDENTIALS)).unwrap();
        assert_eq!((aws.endpoint, aws.region.as_str()), (None, "us-east-1"));
        assert!(!aws.allow_http);
        let https = S3Config::from_url("b?endpoint=https://s3.example", env(CREDENTIALS));
        assert!(!https.unwrap().allow_http);
    }

    #[test]
    fn bad_s3_urls_are_config_errors() {
        for url in ["", "?region=x", "a/b", "b?regoin=x", "b?endpoint"] {
            assert!(
                matches!(
                    S3Config::from_url(url, env(CREDENTIALS)),
                    Err(StorageError::Config(_))
                ),
                "{url}"
            );
        }
        let missing = S3Config::from_url("b", env(&[("AWS_ACCESS_KEY_ID", "id")]));
        assert!(
            matches!(&missing, Err(StorageError::Config(m)) if m.contains("AWS_SECRET_ACCESS_KEY"))
        );
    }

    /// An `s3s-fs` process on a loopback port, killed on drop.
    struct Server {
        child: Child,
    }

    impl Drop for Server {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    fn s3s_fs() -> PathBuf {
        std::env::var_os("RESUME_ENGINE_S3S_FS").map_or_else(
            || {
                let tools = std::env::var_os("RESUME_ENGINE_TOOLS").map_or_else(
                    || PathBuf::from("/var/tmp/resume-engine-tools"),
                    PathBuf::from,
                );
                tools.join("bin/s3s-fs")
            },
            PathBuf::from,
        )
    }

    fn unavailable(reason: &str) -> Option<Harness> {
        if std::env::var("RESUME_ENGINE_REQUIRE_SERVICES").as_deref() == Ok("1") {
            panic!("S3 store tests: {reason} (RESUME_ENGINE_REQUIRE_SERVICES=1)");
        }
        eprintln!("skipping the S3 store tests: {reason}");
        None
    }

    async fn harness() -> Option<Harness> {
        let binary = s3s_fs();
        if !binary.is_file() {
            return unavailable(&format!(
                "{} is absent (run scripts/install-s3s-fs.sh)",
                binary.display()
            ));
        }
        let dir = TempDir::new();
        std::fs::create_dir(dir.path().join(BUCKET)).unwrap();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(&binary)
            .args(["--host", "127.0.0.1", "--port", &port.to_string()])
            .args(["--access-key", ACCESS_KEY, "--secret-key", SECRET_KEY])
            .arg(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let server = match child {
            Ok(child) => Server { child },
            Err(error) => return unavailable(&format!("{} failed: {error}", binary.display())),
        };
        let mut ready = false;
        for _ in 0..100 {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                ready = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        if !ready {
            return unavailable(&format!("s3s-fs did not listen on port {port} within 5 s"));
        }
        let store = S3Store::new(&S3Config {
            bucket: BUCKET.to_owned(),
            endpoint: Some(format!("http://127.0.0.1:{port}")),
            region: "us-east-1".to_owned(),
            access_key_id: ACCESS_KEY.to_owned(),
            secret_access_key: SECRET_KEY.to_owned(),
            allow_http: true,
        })
        .unwrap();
        Some(Harness {
            store: Arc::new(store),
            fetch: Arc::new(|url| {
                Box::pin(async move {
                    let (status, _, body) = tokio::task::spawn_blocking(move || http_get(&url))
                        .await
                        .unwrap();
                    match status {
                        200 => Some(body),
                        403 => None,
                        other => panic!("GET answered {other}: {}", String::from_utf8_lossy(&body)),
                    }
                })
            }),
            // Dropped in order: the server stops before its folder goes.
            _keep: vec![Box::new(server), Box::new(dir)],
        })
    }

    crate::storage::conformance::suite!(harness());

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn presigned_downloads_keep_the_content_type() {
        let Some(h) = harness().await else { return };
        let k = BlobKey::for_job(crate::jobs::JobId::new(), "modern.pdf").unwrap();
        h.store
            .put(&k, b"%PDF".to_vec(), "application/pdf")
            .await
            .unwrap();
        let url = h
            .store
            .signed_url(&k, Duration::from_secs(60))
            .await
            .unwrap();
        let (status, head, _) = tokio::task::spawn_blocking(move || http_get(&url))
            .await
            .unwrap();
        assert_eq!(status, 200);
        assert!(head.contains("content-type: application/pdf"), "{head}");
    }

    /// A plain HTTP/1.1 GET, as a browser following the URL would send it:
    /// the status, the lowercased head and the body.
    fn http_get(url: &str) -> (u16, String, Vec<u8>) {
        let rest = url.strip_prefix("http://").unwrap();
        let (authority, target) = rest.split_at(rest.find('/').unwrap());
        let mut stream = TcpStream::connect(authority).unwrap();
        write!(
            stream,
            "GET {target} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let split = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        let body = &response[split + 4..];
        let body = if head.contains("transfer-encoding: chunked") {
            dechunk(body)
        } else {
            body.to_vec()
        };
        (status, head, body)
    }

    fn dechunk(mut body: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        loop {
            let line = body.windows(2).position(|w| w == b"\r\n").unwrap();
            let size_text = String::from_utf8_lossy(&body[..line]);
            let size =
                usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16).unwrap();
            if size == 0 {
                return out;
            }
            out.extend_from_slice(&body[line + 2..line + 2 + size]);
            body = &body[line + 2 + size + 2..];
        }
    }
}
