//! The local filesystem store: one file per key under a root folder,
//! written atomically, served through HMAC-signed, expiring URLs.

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use async_trait::async_trait;

use super::signing::{UrlSigner, unix_now};
use super::{BlobKey, BlobStore, StorageError};

/// Blobs as files under `root` (key `jobs/<id>/modern.pdf` is the file
/// `root/jobs/<id>/modern.pdf`). Signed URLs point at `base_url`, where the
/// HTTP service serves `GET {base_url}/{key}?expires=&signature=` with
/// [`verify_and_read`](Self::verify_and_read).
#[derive(Debug)]
pub struct LocalStore {
    root: PathBuf,
    base_url: String,
    signer: UrlSigner,
}

impl LocalStore {
    /// A store under `root` (created on the first write), handing out URLs
    /// under `base_url` (such as `/files` or `https://host/files`) signed by
    /// `signer`.
    pub fn new(root: impl Into<PathBuf>, base_url: impl Into<String>, signer: UrlSigner) -> Self {
        Self {
            root: root.into(),
            base_url: base_url.into(),
            signer,
        }
    }

    /// A store in a fresh folder under the system's temporary directory,
    /// its URLs (under `/files`) signed with a random per-process secret:
    /// the engine's default when no blob store is configured.
    pub fn temporary() -> Result<Self, StorageError> {
        let secret = format!(
            "{}{}",
            uuid::Uuid::new_v4().simple(),
            uuid::Uuid::new_v4().simple()
        );
        let root = std::env::temp_dir()
            .join("resume-engine-files")
            .join(uuid::Uuid::new_v4().simple().to_string());
        Ok(Self::new(
            root,
            "/files",
            UrlSigner::new(secret.into_bytes())?,
        ))
    }

    /// The folder the files are kept in.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The bytes of `key` if `signature` signs `(key, expires)` and the URL
    /// has not expired: what the file server calls for a signed URL.
    pub async fn verify_and_read(
        &self,
        key: &BlobKey,
        expires: u64,
        signature: &str,
    ) -> Result<Option<Vec<u8>>, StorageError> {
        self.signer.verify(key, expires, signature, unix_now())?;
        self.get(key).await
    }

    /// The file of `key`. Keys are validated by [`BlobKey`]; the check that
    /// every component is a plain name is defence in depth, so the path can
    /// never leave `root`.
    fn path(&self, key: &BlobKey) -> Result<PathBuf, StorageError> {
        let relative = Path::new(key.as_str());
        if !relative
            .components()
            .all(|component| matches!(component, Component::Normal(_)))
        {
            return Err(StorageError::InvalidKey {
                key: key.to_string(),
                reason: "the key does not resolve to a path under the store's root",
            });
        }
        Ok(self.root.join(relative))
    }
}

#[async_trait]
impl BlobStore for LocalStore {
    async fn put(
        &self,
        key: &BlobKey,
        bytes: Vec<u8>,
        _content_type: &str,
    ) -> Result<(), StorageError> {
        let path = self.path(key)?;
        let name = key.to_string();
        blocking(key, move || write_atomically(&path, &bytes))
            .await
            .map_err(|error| io_error(&name, &error))
    }

    async fn get(&self, key: &BlobKey) -> Result<Option<Vec<u8>>, StorageError> {
        let path = self.path(key)?;
        match blocking(key, move || fs::read(path)).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(error) if is_absent(&error) => Ok(None),
            Err(error) => Err(io_error(key.as_str(), &error)),
        }
    }

    async fn delete_prefix(&self, prefix: &BlobKey) -> Result<usize, StorageError> {
        let path = self.path(prefix)?;
        blocking(prefix, move || match fs::symlink_metadata(&path) {
            Ok(metadata) if metadata.is_dir() => {
                let count = count_files(&path)?;
                fs::remove_dir_all(&path)?;
                Ok(count)
            }
            // A folder prefix: a file named like the folder is not under it.
            Ok(_) => Ok(0),
            Err(error) if is_absent(&error) => Ok(0),
            Err(error) => Err(error),
        })
        .await
        .map_err(|error| io_error(prefix.as_str(), &error))
    }

    async fn signed_url(&self, key: &BlobKey, ttl: Duration) -> Result<String, StorageError> {
        let expires = unix_now().saturating_add(ttl.as_secs());
        Ok(self.signer.sign_url(&self.base_url, key, expires))
    }

    fn as_local(&self) -> Option<&LocalStore> {
        Some(self)
    }
}

/// Runs filesystem work off the async threads.
async fn blocking<T: Send + 'static>(
    key: &BlobKey,
    work: impl FnOnce() -> std::io::Result<T> + Send + 'static,
) -> std::io::Result<T> {
    tokio::task::spawn_blocking(work).await.map_err(|join| {
        std::io::Error::other(format!("the file task for `{key}` stopped: {join}"))
    })?
}

/// Writes a temporary file next to `path` and renames it over `path`, so a
/// reader sees the old file or the new one, never half of one.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| std::io::Error::other("a key file has a parent folder"))?;
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{:016x}.tmp", fastrand::u64(..)));
    let written = (|| {
        let mut file = fs::File::create_new(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    if written.is_err() {
        // Best effort: the write already failed, report that error.
        let _ = fs::remove_file(&temp);
    }
    written
}

/// The number of files in the folder `path` and its subfolders.
fn count_files(path: &Path) -> std::io::Result<usize> {
    let mut count = 0;
    for entry in fs::read_dir(path)? {
        let entry = entry?;
        count += if entry.file_type()?.is_dir() {
            count_files(&entry.path())?
        } else {
            1
        };
    }
    Ok(count)
}

/// A missing file, or a path through or at a folder: no blob there.
fn is_absent(error: &std::io::Error) -> bool {
    matches!(
        error.kind(),
        ErrorKind::NotFound | ErrorKind::IsADirectory | ErrorKind::NotADirectory
    )
}

fn io_error(key: &str, error: &std::io::Error) -> StorageError {
    StorageError::Io {
        key: key.to_owned(),
        message: error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::sync::Arc;

    use super::*;
    use crate::jobs::JobId;
    use crate::storage::conformance::{Harness, TempDir};

    const BASE: &str = "http://localhost:8080/files";

    fn store(dir: &TempDir) -> LocalStore {
        let signer = UrlSigner::new(b"0123456789abcdef0123456789abcdef".to_vec()).unwrap();
        LocalStore::new(dir.path().join("blobs"), BASE, signer)
    }

    /// What the file server does with `GET /files/{key}?expires=&signature=`.
    async fn serve(store: &LocalStore, url: &str) -> Result<Option<Vec<u8>>, StorageError> {
        let rest = url.strip_prefix(BASE).unwrap().strip_prefix('/').unwrap();
        let (key, query) = rest.split_once('?').unwrap();
        let (mut expires, mut signature) = (None, None);
        for pair in query.split('&') {
            match pair.split_once('=').unwrap() {
                ("expires", value) => expires = value.parse().ok(),
                ("signature", value) => signature = Some(value.to_owned()),
                _ => {}
            }
        }
        store
            .verify_and_read(&BlobKey::new(key)?, expires.unwrap(), &signature.unwrap())
            .await
    }

    async fn harness() -> Option<Harness> {
        let dir = TempDir::new();
        let local = Arc::new(store(&dir));
        let served = Arc::clone(&local);
        Some(Harness {
            store: local,
            fetch: Arc::new(move |url| {
                let store = Arc::clone(&served);
                Box::pin(async move {
                    match serve(&store, &url).await {
                        Ok(bytes) => bytes,
                        Err(StorageError::BadSignature | StorageError::Expired) => None,
                        Err(error) => panic!("{url}: {error}"),
                    }
                })
            }),
            _keep: vec![Box::new(dir)],
        })
    }

    crate::storage::conformance::suite!(harness());

    #[tokio::test]
    async fn expired_urls_are_refused() {
        let dir = TempDir::new();
        let store = store(&dir);
        let k = BlobKey::for_job(JobId::new(), "modern.pdf").unwrap();
        store
            .put(&k, b"x".to_vec(), "application/pdf")
            .await
            .unwrap();
        let expires = unix_now() - 1;
        let url = store.signer.sign_url(BASE, &k, expires);
        assert!(matches!(
            serve(&store, &url).await,
            Err(StorageError::Expired)
        ));
        let forged = url.replace(
            &format!("expires={expires}"),
            &format!("expires={}", expires + 3600),
        );
        assert!(matches!(
            serve(&store, &forged).await,
            Err(StorageError::BadSignature)
        ));
    }

    #[tokio::test]
    async fn files_live_under_the_root_without_temporary_leftovers() {
        let dir = TempDir::new();
        let store = store(&dir);
        let job = JobId::new();
        let k = BlobKey::for_job(job, "modern.pdf").unwrap();
        store
            .put(&k, b"1".to_vec(), "application/pdf")
            .await
            .unwrap();
        store
            .put(&k, b"2".to_vec(), "application/pdf")
            .await
            .unwrap();
        let folder = store.root().join(format!("jobs/{job}"));
        let names: Vec<_> = fs::read_dir(&folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, vec!["modern.pdf"]);
        assert_eq!(fs::read(folder.join("modern.pdf")).unwrap(), b"2");
        assert!(store.path(&k).unwrap().starts_with(store.root()));
    }

    #[tokio::test]
    async fn folders_are_not_blobs() {
        let dir = TempDir::new();
        let store = store(&dir);
        let job = JobId::new();
        let file = BlobKey::for_job(job, "sub/file.pdf").unwrap();
        store
            .put(&file, b"x".to_vec(), "application/pdf")
            .await
            .unwrap();
        for absent in ["sub", "sub/file.pdf/more"] {
            let k = BlobKey::for_job(job, absent).unwrap();
            assert_eq!(store.get(&k).await.unwrap(), None, "{absent}");
        }
        // A prefix that names a file, not a folder, deletes nothing.
        assert_eq!(store.delete_prefix(&file).await.unwrap(), 0);
        assert!(store.get(&file).await.unwrap().is_some());
    }

    #[tokio::test]
    async fn write_failures_are_typed_errors() {
        let dir = TempDir::new();
        let store = store(&dir);
        // The root is a file: nothing can be written under it.
        fs::write(store.root(), b"not a folder").unwrap();
        let k = BlobKey::new("jobs/x/modern.pdf").unwrap();
        let result = store.put(&k, b"x".to_vec(), "application/pdf").await;
        assert!(matches!(result, Err(StorageError::Io { key, .. }) if key == k.as_str()));
    }
}
