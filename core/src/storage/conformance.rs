//! The suite every blob store passes: each backend's test module
//! instantiates it with `suite!(async { Option<Harness> })`, one test per
//! behaviour.
#![allow(clippy::unwrap_used, missing_docs)]

use std::any::Any;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use super::{BlobKey, BlobStore};
use crate::jobs::JobId;

/// Fetches a signed URL the way a browser would: `Some(bytes)` when it is
/// served, `None` when it is refused (the fetcher asserts how).
pub type Fetch =
    Arc<dyn Fn(String) -> Pin<Box<dyn Future<Output = Option<Vec<u8>>> + Send>> + Send + Sync>;

/// A store under test, how to fetch its signed URLs, and what must live as
/// long as the test (a temporary folder, a server process).
pub struct Harness {
    pub store: Arc<dyn BlobStore>,
    pub fetch: Fetch,
    pub _keep: Vec<Box<dyn Any + Send>>,
}

/// A folder under the system's temporary folder, deleted on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new() -> Self {
        let path = std::env::temp_dir().join(format!("resume-engine-storage-{}", JobId::new()));
        std::fs::create_dir_all(&path).unwrap();
        Self(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn key(job: JobId, name: &str) -> BlobKey {
    BlobKey::for_job(job, name).unwrap()
}

pub async fn put_then_get(h: Harness) {
    let job = JobId::new();
    let bytes = b"%PDF-1.7 \x00\xff binary".to_vec();
    h.store
        .put(&key(job, "modern.pdf"), bytes.clone(), "application/pdf")
        .await
        .unwrap();
    assert_eq!(
        h.store.get(&key(job, "modern.pdf")).await.unwrap(),
        Some(bytes)
    );
    h.store
        .put(&key(job, "empty.txt"), Vec::new(), "text/plain")
        .await
        .unwrap();
    assert_eq!(
        h.store.get(&key(job, "empty.txt")).await.unwrap(),
        Some(Vec::new())
    );
}

pub async fn missing_keys_are_none(h: Harness) {
    let job = JobId::new();
    assert_eq!(h.store.get(&key(job, "nothing.pdf")).await.unwrap(), None);
    h.store
        .put(&key(job, "modern.pdf"), b"x".to_vec(), "application/pdf")
        .await
        .unwrap();
    assert_eq!(h.store.get(&key(job, "classic.pdf")).await.unwrap(), None);
    assert_eq!(
        h.store.get(&key(JobId::new(), "modern.pdf")).await.unwrap(),
        None
    );
}

pub async fn put_overwrites(h: Harness) {
    let job = JobId::new();
    let k = key(job, "modern.pdf");
    h.store
        .put(&k, vec![b'a'; 10_000], "application/pdf")
        .await
        .unwrap();
    h.store
        .put(&k, b"short".to_vec(), "application/pdf")
        .await
        .unwrap();
    assert_eq!(h.store.get(&k).await.unwrap(), Some(b"short".to_vec()));
}

pub async fn delete_prefix_removes_only_that_job(h: Harness) {
    let (job, other) = (JobId::new(), JobId::new());
    for name in ["modern.pdf", "modern.docx", "pages/1.png"] {
        h.store
            .put(
                &key(job, name),
                name.as_bytes().to_vec(),
                "application/octet-stream",
            )
            .await
            .unwrap();
    }
    h.store
        .put(
            &key(other, "modern.pdf"),
            b"other".to_vec(),
            "application/pdf",
        )
        .await
        .unwrap();
    // Same leading characters, another folder: prefixes match whole segments.
    let sibling = BlobKey::new(format!("jobs/{job}0/modern.pdf")).unwrap();
    h.store
        .put(&sibling, b"sibling".to_vec(), "application/pdf")
        .await
        .unwrap();

    let folder = BlobKey::job_folder(job);
    assert_eq!(h.store.delete_prefix(&folder).await.unwrap(), 3);
    assert_eq!(h.store.get(&key(job, "modern.pdf")).await.unwrap(), None);
    assert_eq!(h.store.get(&key(job, "pages/1.png")).await.unwrap(), None);
    assert_eq!(
        h.store.get(&key(other, "modern.pdf")).await.unwrap(),
        Some(b"other".to_vec())
    );
    assert_eq!(
        h.store.get(&sibling).await.unwrap(),
        Some(b"sibling".to_vec())
    );
    assert_eq!(h.store.delete_prefix(&folder).await.unwrap(), 0);
    // A job can write again after its folder was deleted.
    h.store
        .put(
            &key(job, "modern.pdf"),
            b"again".to_vec(),
            "application/pdf",
        )
        .await
        .unwrap();
    assert!(
        h.store
            .get(&key(job, "modern.pdf"))
            .await
            .unwrap()
            .is_some()
    );
}

pub async fn readers_never_see_half_a_blob(h: Harness) {
    const SIZE: usize = 512 * 1024;
    let k = key(JobId::new(), "modern.pdf");
    h.store
        .put(&k, vec![b'a'; SIZE], "application/pdf")
        .await
        .unwrap();
    let writer = {
        let (store, k) = (Arc::clone(&h.store), k.clone());
        tokio::spawn(async move {
            for round in 0..8u8 {
                let byte = if round % 2 == 0 { b'b' } else { b'a' };
                store
                    .put(&k, vec![byte; SIZE], "application/pdf")
                    .await
                    .unwrap();
            }
        })
    };
    for _ in 0..16 {
        let bytes = h.store.get(&k).await.unwrap().unwrap();
        assert_eq!(bytes.len(), SIZE, "a reader saw a partial blob");
        assert!(
            bytes.iter().all(|b| *b == bytes[0]),
            "a reader saw two writes mixed"
        );
    }
    writer.await.unwrap();
}

pub async fn signed_urls_fetch_the_bytes(h: Harness) {
    let job = JobId::new();
    let bytes = b"%PDF-1.7 signed".to_vec();
    let k = key(job, "modern.pdf");
    h.store
        .put(&k, bytes.clone(), "application/pdf")
        .await
        .unwrap();
    let url = h
        .store
        .signed_url(&k, Duration::from_secs(300))
        .await
        .unwrap();
    assert!(url.contains(k.as_str()), "{url}");
    assert_eq!((h.fetch)(url).await, Some(bytes));
}

pub async fn tampered_signed_urls_are_refused(h: Harness) {
    let job = JobId::new();
    let (k, other) = (key(job, "modern.pdf"), key(job, "classic.pdf"));
    h.store
        .put(&k, b"one".to_vec(), "application/pdf")
        .await
        .unwrap();
    h.store
        .put(&other, b"two".to_vec(), "application/pdf")
        .await
        .unwrap();
    let url = h
        .store
        .signed_url(&k, Duration::from_secs(300))
        .await
        .unwrap();

    // Both stores end their URLs with the hex signature.
    let last = url.chars().last().unwrap();
    assert!(last.is_ascii_hexdigit(), "{url}");
    let flipped = format!(
        "{}{}",
        &url[..url.len() - 1],
        if last == '0' { '1' } else { '0' }
    );
    assert_eq!((h.fetch)(flipped).await, None, "a tampered signature");
    let moved = url.replace("modern.pdf", "classic.pdf");
    assert_eq!((h.fetch)(moved).await, None, "another key");
    assert_eq!((h.fetch)(url).await, Some(b"one".to_vec()));
}

macro_rules! suite {
    ($make:expr) => {
        $crate::storage::conformance::suite!(@tests $make;
            put_then_get,
            missing_keys_are_none,
            put_overwrites,
            delete_prefix_removes_only_that_job,
            readers_never_see_half_a_blob,
            signed_urls_fetch_the_bytes,
            tampered_signed_urls_are_refused,
        );
    };
    (@tests $make:expr; $($name:ident,)*) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                let harness: Option<$crate::storage::conformance::Harness> = $make.await;
                if let Some(harness) = harness {
                    $crate::storage::conformance::$name(harness).await;
                }
            }
        )*
    };
}

pub(crate) use suite;
