#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::json;
use uuid::Uuid;

use super::SqliteStore;
use crate::jobs::store::ClaimRequest;
use crate::jobs::{JobKind, JobStatus, JobStore, JobsError, NewJob};

/// A fresh database path in its own, not yet existing, directory.
fn temp_path() -> PathBuf {
    std::env::temp_dir()
        .join("resume-engine-sqlite-tests")
        .join(Uuid::new_v4().to_string())
        .join("jobs.sqlite3")
}

/// Deletes the directory `temp_path` made.
fn remove(path: &std::path::Path) {
    if let Some(dir) = path.parent() {
        let _ = std::fs::remove_dir_all(dir);
    }
}

fn request() -> ClaimRequest {
    ClaimRequest::new("test", Duration::from_secs(30))
}

crate::jobs::conformance::suite!(async {
    Some(Arc::new(SqliteStore::open(temp_path()).await.unwrap()) as Arc<dyn JobStore>)
});

mod in_memory {
    use std::sync::Arc;

    use crate::jobs::JobStore;

    crate::jobs::conformance::suite!(async {
        Some(Arc::new(super::SqliteStore::open_in_memory().unwrap()) as Arc<dyn JobStore>)
    });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jobs_outlive_the_store() {
    let path = temp_path();
    let (done, waiting) = {
        let store = SqliteStore::open(&path).await.unwrap();
        let done = store
            .enqueue(NewJob::new(JobKind::Analyze, json!({"n": 1})))
            .await
            .unwrap()
            .id;
        let claimed = store.claim(&request()).await.unwrap().unwrap();
        store
            .complete(&claimed.lease, json!({"score": 91}), 0.5)
            .await
            .unwrap();
        let waiting = store
            .enqueue(NewJob::new(JobKind::Generate, json!({"n": 2})))
            .await
            .unwrap()
            .id;
        (done, waiting)
    };
    let store = SqliteStore::open(&path).await.unwrap();
    let finished = store.get(done).await.unwrap().unwrap();
    assert_eq!(finished.status, JobStatus::Completed);
    assert_eq!(finished.result, Some(json!({"score": 91})));
    let claimed = store.claim(&request()).await.unwrap().unwrap();
    assert_eq!(claimed.job.id, waiting);
    assert_eq!(claimed.job.input, json!({"n": 2}));
    drop(store);
    remove(&path);
}

#[test]
fn two_stores_on_one_file_never_claim_a_job_twice() {
    let path = temp_path();
    let runtime = || {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap()
    };
    let mut ids = HashSet::new();
    runtime().block_on(async {
        let store = SqliteStore::open(&path).await.unwrap();
        for n in 0..200 {
            let job = NewJob::new(JobKind::Analyze, json!({ "n": n }));
            ids.insert(store.enqueue(job).await.unwrap().id);
        }
    });
    let processes: Vec<_> = (0..2)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || {
                runtime().block_on(async {
                    let store = SqliteStore::open(&path).await.unwrap();
                    let tasks: Vec<_> = (0..4)
                        .map(|_| {
                            let store = store.clone();
                            tokio::spawn(async move {
                                let mut mine = Vec::new();
                                while let Some(claimed) = store.claim(&request()).await.unwrap() {
                                    store
                                        .complete(&claimed.lease, json!({}), 0.0)
                                        .await
                                        .unwrap();
                                    mine.push(claimed.job.id);
                                }
                                mine
                            })
                        })
                        .collect();
                    let mut claimed = Vec::new();
                    for task in tasks {
                        claimed.extend(task.await.unwrap());
                    }
                    claimed
                })
            })
        })
        .collect();
    let claims: Vec<_> = processes
        .into_iter()
        .flat_map(|process| process.join().unwrap())
        .collect();
    let unique: HashSet<_> = claims.iter().copied().collect();
    assert_eq!(claims.len(), 200, "every job claimed exactly once");
    assert_eq!(unique, ids);
    remove(&path);
}

#[tokio::test]
async fn a_file_that_is_not_a_database_is_an_error() {
    let path = temp_path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "this is a resume, not a database\n".repeat(200)).unwrap();
    let opened = SqliteStore::open(&path).await;
    assert!(
        matches!(&opened, Err(JobsError::Backend { backend: "sqlite", message }) if message.contains("not a database")),
        "{opened:?}"
    );
    remove(&path);
}

#[tokio::test]
async fn urls_name_a_file_or_memory() {
    let path = temp_path();
    let store = crate::jobs::open(&format!("sqlite:{}", path.display()))
        .await
        .unwrap();
    let id = store
        .enqueue(NewJob::new(JobKind::Analyze, json!({})))
        .await
        .unwrap()
        .id;
    drop(store);
    let store = crate::jobs::open(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    assert!(store.status(id).await.unwrap().is_some());
    drop(store);
    remove(&path);
    let memory = crate::jobs::open("sqlite::memory:").await.unwrap();
    assert!(memory.status(id).await.unwrap().is_none());
    assert!(matches!(
        crate::jobs::open("sqlite:").await,
        Err(JobsError::InvalidBackend { .. })
    ));
}

/// Prints the median submit and status latencies and the throughput of
/// submit + claim + complete with 4 tasks, on a file store:
/// `cargo test --release -p resume-engine --no-default-features --features sqlite --lib -- --ignored --nocapture sqlite::tests::measure`
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "a measurement, not a check"]
async fn measure() {
    let path = temp_path();
    let store = SqliteStore::open(&path).await.unwrap();
    let input = json!({"resume": "a short input", "n": 1});
    let mut submits = Vec::new();
    let mut statuses = Vec::new();
    for _ in 0..2_000 {
        let started = Instant::now();
        let id = store
            .enqueue(NewJob::new(JobKind::Analyze, input.clone()))
            .await
            .unwrap()
            .id;
        submits.push(started.elapsed());
        let started = Instant::now();
        store.status(id).await.unwrap().unwrap();
        statuses.push(started.elapsed());
    }
    store
        .sweep(crate::jobs::Timestamp::now().plus(Duration::from_secs(31 * 86_400)))
        .await
        .unwrap();
    let median = |times: &mut Vec<Duration>| {
        times.sort();
        times[times.len() / 2]
    };
    println!("submit median {:?}", median(&mut submits));
    println!("status median {:?}", median(&mut statuses));

    let jobs = 4_000;
    let started = Instant::now();
    let tasks: Vec<_> = (0..4)
        .map(|_| {
            let store = store.clone();
            let input = input.clone();
            tokio::spawn(async move {
                for _ in 0..jobs / 4 {
                    store
                        .enqueue(NewJob::new(JobKind::Analyze, input.clone()))
                        .await
                        .unwrap();
                    let claimed = store.claim(&request()).await.unwrap().unwrap();
                    store
                        .complete(&claimed.lease, json!({"ok": true}), 0.0)
                        .await
                        .unwrap();
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    let elapsed = started.elapsed();
    println!(
        "{jobs} jobs submitted, claimed and completed by 4 tasks in {elapsed:?}: {:.0} jobs/s",
        f64::from(jobs) / elapsed.as_secs_f64()
    );
    drop(store);
    remove(&path);
}

/// Separate processes (a worker and a `submit`) often open a new database
/// file at the same moment: every one of them must get a working store.
#[test]
fn many_connections_open_a_new_file_at_once() {
    for _ in 0..20 {
        let path = temp_path();
        let barrier = Arc::new(std::sync::Barrier::new(8));
        let openers: Vec<_> = (0..8)
            .map(|_| {
                let path = path.clone();
                let barrier = barrier.clone();
                std::thread::spawn(move || {
                    barrier.wait();
                    super::schema::open_file(&path).map(|_| ())
                })
            })
            .collect();
        for opener in openers {
            opener.join().unwrap().unwrap();
        }
        remove(&path);
    }
}
