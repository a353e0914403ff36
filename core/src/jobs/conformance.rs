//! The conformance suite every job store passes: each backend's test module
#![allow(clippy::unwrap_used, missing_docs)]
//! instantiates it with `suite!(async { store })`, one test per behaviour.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use serde_json::json;

use super::store::{AfterFailure, ClaimRequest};
use super::{
    Failure, JobFilter, JobKind, JobStatus, JobStore, JobsError, NewJob, Progress, Timestamp,
};

type Store = Arc<dyn JobStore>;

fn claim_request(lease_ms: u64) -> ClaimRequest {
    ClaimRequest::new("conformance", Duration::from_millis(lease_ms))
}

fn job(kind: JobKind, n: u32) -> NewJob {
    NewJob::new(
        kind,
        json!({"n": n, "text": "Zoë — ünïcode ✓", "nested": {"list": [1, 2.5, null]}}),
    )
}

async fn sleep_ms(ms: u64) {
    tokio::time::sleep(Duration::from_millis(ms)).await;
}

pub async fn enqueue_then_read_back(store: Store) {
    let before = Timestamp::now();
    let new = job(JobKind::Analyze, 1)
        .with_user("alice")
        .with_ttl(Duration::from_secs(60));
    let stored = store.enqueue(new.clone()).await.unwrap();
    assert_eq!(stored.id, new.id);
    assert_eq!(stored.status, JobStatus::Queued);
    assert_eq!(stored.attempts, 0);
    assert_eq!(stored.max_attempts, 3);
    assert!(stored.created_at >= before.minus(Duration::from_secs(1)));
    assert_eq!(
        stored.expires_at.as_millis() - stored.created_at.as_millis(),
        60_000
    );
    let got = store.get(new.id).await.unwrap().unwrap();
    assert_eq!(got.input, new.input);
    assert_eq!(got.user.as_deref(), Some("alice"));
    assert_eq!(got.kind, JobKind::Analyze);
    assert_eq!(got.created_at, stored.created_at);
    let summary = store.status(new.id).await.unwrap().unwrap();
    assert_eq!(summary, got.summary());
    assert!(store.get(super::JobId::new()).await.unwrap().is_none());
    assert!(store.status(super::JobId::new()).await.unwrap().is_none());
}

pub async fn enqueue_is_idempotent(store: Store) {
    let new = job(JobKind::Analyze, 1);
    let first = store.enqueue(new.clone()).await.unwrap();
    let mut again = new.clone();
    again.input = json!({"different": true});
    let second = store.enqueue(again).await.unwrap();
    assert_eq!(
        second.input, first.input,
        "the stored job is returned unchanged"
    );
    assert_eq!(second.created_at, first.created_at);
    assert!(store.claim(&claim_request(5_000)).await.unwrap().is_some());
    assert!(
        store.claim(&claim_request(5_000)).await.unwrap().is_none(),
        "one job, not two"
    );
}

pub async fn claims_oldest_first(store: Store) {
    let mut ids = Vec::new();
    for n in 0..3 {
        ids.push(store.enqueue(job(JobKind::Analyze, n)).await.unwrap().id);
        sleep_ms(3).await;
    }
    for id in ids {
        let claimed = store.claim(&claim_request(5_000)).await.unwrap().unwrap();
        assert_eq!(claimed.job.id, id);
        assert_eq!(claimed.job.status, JobStatus::Processing);
        assert_eq!(claimed.job.attempts, 1);
        assert!(claimed.job.started_at.is_some());
        assert_eq!(claimed.lease.job, id);
        let status = store.status(id).await.unwrap().unwrap();
        assert_eq!(status.status, JobStatus::Processing);
        assert_eq!(status.attempts, 1);
    }
    assert!(store.claim(&claim_request(5_000)).await.unwrap().is_none());
}

pub async fn claims_only_requested_kinds(store: Store) {
    let analyze = store.enqueue(job(JobKind::Analyze, 1)).await.unwrap().id;
    let generate = store.enqueue(job(JobKind::Generate, 2)).await.unwrap().id;
    let mut request = claim_request(5_000);
    request.kinds = Some(vec![JobKind::Generate, JobKind::Process]);
    let claimed = store.claim(&request).await.unwrap().unwrap();
    assert_eq!(claimed.job.id, generate);
    assert!(store.claim(&request).await.unwrap().is_none());
    let claimed = store.claim(&claim_request(5_000)).await.unwrap().unwrap();
    assert_eq!(claimed.job.id, analyze);
}

pub async fn concurrent_claims_are_exclusive(store: Store) {
    let mut ids = HashSet::new();
    for n in 0..40 {
        ids.insert(store.enqueue(job(JobKind::Analyze, n)).await.unwrap().id);
    }
    let mut workers = Vec::new();
    for _ in 0..8 {
        let store = store.clone();
        workers.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            while let Some(claimed) = store.claim(&claim_request(30_000)).await.unwrap() {
                mine.push(claimed.job.id);
                tokio::task::yield_now().await;
            }
            mine
        }));
    }
    let mut seen = Vec::new();
    for worker in workers {
        seen.extend(worker.await.unwrap());
    }
    let unique: HashSet<_> = seen.iter().copied().collect();
    assert_eq!(
        seen.len(),
        40,
        "every job claimed once: {} claims",
        seen.len()
    );
    assert_eq!(unique, ids);
}

pub async fn batch_claims_respect_max_and_kinds(store: Store) {
    let mut analyze = HashSet::new();
    for n in 0..5 {
        analyze.insert(store.enqueue(job(JobKind::Analyze, n)).await.unwrap().id);
    }
    let mut generate = HashSet::new();
    for n in 0..2 {
        generate.insert(store.enqueue(job(JobKind::Generate, n)).await.unwrap().id);
    }
    assert!(
        store
            .claim_batch(&claim_request(5_000), 0)
            .await
            .unwrap()
            .is_empty()
    );
    let mut request = claim_request(5_000);
    request.kinds = Some(vec![JobKind::Generate]);
    let mut claimed = Vec::new();
    loop {
        let batch = store.claim_batch(&request, 10).await.unwrap();
        if batch.is_empty() {
            break;
        }
        claimed.extend(batch);
    }
    let ids: Vec<_> = claimed.iter().map(|claimed| claimed.job.id).collect();
    assert_eq!(ids.len(), 2, "each job once: {ids:?}");
    assert_eq!(ids.iter().copied().collect::<HashSet<_>>(), generate);
    loop {
        let batch = store.claim_batch(&claim_request(5_000), 3).await.unwrap();
        assert!(batch.len() <= 3, "{} jobs for a batch of 3", batch.len());
        if batch.is_empty() {
            break;
        }
        claimed.extend(batch);
    }
    let ids: Vec<_> = claimed.iter().map(|claimed| claimed.job.id).collect();
    assert_eq!(ids.len(), 7, "each job once: {ids:?}");
    assert_eq!(
        ids.iter().copied().collect::<HashSet<_>>(),
        analyze.union(&generate).copied().collect()
    );
    let tokens: HashSet<_> = claimed.iter().map(|c| c.lease.token.clone()).collect();
    assert_eq!(tokens.len(), 7, "a lease token per job");
    for claimed in &claimed {
        assert_eq!(claimed.lease.job, claimed.job.id);
        assert_eq!(claimed.job.status, JobStatus::Processing);
        assert_eq!(claimed.job.attempts, 1);
        store
            .complete(&claimed.lease, json!({"n": 1}), 0.0)
            .await
            .unwrap();
    }
    for id in ids {
        let done = store.status(id).await.unwrap().unwrap();
        assert_eq!(done.status, JobStatus::Completed);
    }
}

pub async fn concurrent_batch_claims_are_exclusive(store: Store) {
    let mut ids = HashSet::new();
    for n in 0..60 {
        ids.insert(store.enqueue(job(JobKind::Analyze, n)).await.unwrap().id);
    }
    let mut workers = Vec::new();
    for _ in 0..6 {
        let store = store.clone();
        workers.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            loop {
                let batch = store.claim_batch(&claim_request(30_000), 4).await.unwrap();
                assert!(batch.len() <= 4);
                if batch.is_empty() {
                    return mine;
                }
                mine.extend(batch.into_iter().map(|claimed| claimed.job.id));
                tokio::task::yield_now().await;
            }
        }));
    }
    let mut seen = Vec::new();
    for worker in workers {
        seen.extend(worker.await.unwrap());
    }
    let unique: HashSet<_> = seen.iter().copied().collect();
    assert_eq!(
        seen.len(),
        60,
        "every job claimed once: {} claims",
        seen.len()
    );
    assert_eq!(unique, ids);
}

pub async fn complete_stores_result_and_cost(store: Store) {
    let id = store.enqueue(job(JobKind::Improve, 1)).await.unwrap().id;
    let claimed = store.claim(&claim_request(5_000)).await.unwrap().unwrap();
    let result = json!({"score": 87, "names": ["Zoë", "李"], "deep": {"x": [true, false]}});
    store
        .complete(&claimed.lease, result.clone(), 0.00042)
        .await
        .unwrap();
    let done = store.get(id).await.unwrap().unwrap();
    assert_eq!(done.status, JobStatus::Completed);
    assert_eq!(done.result, Some(result));
    assert!((done.cost_usd - 0.00042).abs() < 1e-12);
    assert!(done.completed_at.is_some());
    assert_eq!(done.attempts, 1);
    let again = store
        .complete(&claimed.lease, json!({"twice": true}), 0.0)
        .await;
    assert!(matches!(again, Err(JobsError::LeaseLost(lost)) if lost == id));
    assert!(store.claim(&claim_request(5_000)).await.unwrap().is_none());
}

pub async fn expired_lease_cannot_overwrite(store: Store) {
    let id = store.enqueue(job(JobKind::Analyze, 1)).await.unwrap().id;
    // A lease long enough that a loaded machine never lets it run out
    // between the two claims.
    let first = store.claim(&claim_request(1_000)).await.unwrap().unwrap();
    assert!(
        store.claim(&claim_request(1_000)).await.unwrap().is_none(),
        "the lease holds"
    );
    sleep_ms(1_200).await;
    let second = store.claim(&claim_request(5_000)).await.unwrap().unwrap();
    assert_eq!(second.job.id, id);
    assert_eq!(
        second.job.attempts, 2,
        "the expired lease counts as an attempt"
    );
    assert_ne!(first.lease.token, second.lease.token);
    let stale = store
        .complete(&first.lease, json!({"from": "first"}), 0.0)
        .await;
    assert!(matches!(stale, Err(JobsError::LeaseLost(_))));
    let stale = store
        .heartbeat(&first.lease, None, Duration::from_secs(5))
        .await;
    assert!(matches!(stale, Err(JobsError::LeaseLost(_))));
    let stale = store
        .fail(
            &first.lease,
            &Failure::permanent("x", "y"),
            AfterFailure::Fail,
        )
        .await;
    assert!(matches!(stale, Err(JobsError::LeaseLost(_))));
    store
        .complete(&second.lease, json!({"from": "second"}), 0.0)
        .await
        .unwrap();
    let done = store.get(id).await.unwrap().unwrap();
    assert_eq!(done.result, Some(json!({"from": "second"})));
    assert_eq!(done.status, JobStatus::Completed);
}

pub async fn heartbeat_renews_and_reports_progress(store: Store) {
    let id = store.enqueue(job(JobKind::Process, 1)).await.unwrap().id;
    let claimed = store.claim(&claim_request(300)).await.unwrap().unwrap();
    let mut lease = claimed.lease;
    for percent in [20u8, 40, 60, 80] {
        sleep_ms(120).await;
        let progress = Progress::new("render", percent);
        lease = store
            .heartbeat(&lease, Some(&progress), Duration::from_millis(300))
            .await
            .unwrap();
        assert!(
            store.claim(&claim_request(300)).await.unwrap().is_none(),
            "renewed lease holds"
        );
        let status = store.status(id).await.unwrap().unwrap();
        assert_eq!(status.progress, Some(progress));
        assert_eq!(status.status, JobStatus::Processing);
    }
    store.complete(&lease, json!({}), 0.0).await.unwrap();
    assert_eq!(store.status(id).await.unwrap().unwrap().attempts, 1);
}

pub async fn retries_then_completes(store: Store) {
    let id = store.enqueue(job(JobKind::Analyze, 1)).await.unwrap().id;
    for attempt in 1..=2u32 {
        let claimed = store.claim(&claim_request(5_000)).await.unwrap().unwrap();
        assert_eq!(claimed.job.attempts, attempt);
        let failure = Failure::transient("provider", format!("outage {attempt}"));
        let status = store
            .fail(
                &claimed.lease,
                &failure,
                AfterFailure::RetryAt(Timestamp::now()),
            )
            .await
            .unwrap();
        assert_eq!(status, JobStatus::Queued);
        let queued = store.status(id).await.unwrap().unwrap();
        assert_eq!(queued.status, JobStatus::Queued);
        assert_eq!(
            queued.error,
            Some(failure),
            "the last error is kept while retrying"
        );
    }
    let claimed = store.claim(&claim_request(5_000)).await.unwrap().unwrap();
    store
        .complete(&claimed.lease, json!({"ok": true}), 0.0)
        .await
        .unwrap();
    let done = store.status(id).await.unwrap().unwrap();
    assert_eq!(done.status, JobStatus::Completed);
    assert_eq!(done.attempts, 3);
}

pub async fn backoff_delays_the_next_claim(store: Store) {
    store.enqueue(job(JobKind::Analyze, 1)).await.unwrap();
    let claimed = store.claim(&claim_request(5_000)).await.unwrap().unwrap();
    let at = Timestamp::now().plus(Duration::from_millis(400));
    store
        .fail(
            &claimed.lease,
            &Failure::transient("t", "m"),
            AfterFailure::RetryAt(at),
        )
        .await
        .unwrap();
    assert!(
        store.claim(&claim_request(5_000)).await.unwrap().is_none(),
        "still backing off"
    );
    sleep_ms(550).await;
    let again = store.claim(&claim_request(5_000)).await.unwrap().unwrap();
    assert_eq!(again.job.attempts, 2);
}

pub async fn exhausted_attempts_fail_with_the_error(store: Store) {
    let id = store
        .enqueue(job(JobKind::Analyze, 1).with_max_attempts(2))
        .await
        .unwrap()
        .id;
    let mut last = JobStatus::Queued;
    for attempt in 1..=2 {
        let claimed = store.claim(&claim_request(5_000)).await.unwrap().unwrap();
        let failure = Failure::transient("provider", format!("down {attempt}"));
        last = store
            .fail(
                &claimed.lease,
                &failure,
                AfterFailure::RetryAt(Timestamp::now()),
            )
            .await
            .unwrap();
    }
    assert_eq!(last, JobStatus::Failed);
    let failed = store.status(id).await.unwrap().unwrap();
    assert_eq!(failed.status, JobStatus::Failed);
    assert_eq!(failed.attempts, 2);
    assert_eq!(failed.error.unwrap().message, "down 2");
    assert!(failed.completed_at.is_some());
    assert!(store.claim(&claim_request(5_000)).await.unwrap().is_none());
}

pub async fn permanent_failure_is_not_retried(store: Store) {
    let id = store.enqueue(job(JobKind::Analyze, 1)).await.unwrap().id;
    let claimed = store.claim(&claim_request(5_000)).await.unwrap().unwrap();
    let failure = Failure::permanent("parse", "the PDF is corrupt");
    let status = store
        .fail(&claimed.lease, &failure, AfterFailure::Fail)
        .await
        .unwrap();
    assert_eq!(status, JobStatus::Failed);
    let failed = store.get(id).await.unwrap().unwrap();
    assert_eq!(failed.error, Some(failure));
    assert_eq!(failed.attempts, 1);
    assert!(failed.result.is_none());
    assert!(store.claim(&claim_request(5_000)).await.unwrap().is_none());
}

pub async fn lease_expiry_on_the_last_attempt_fails_the_job(store: Store) {
    let id = store
        .enqueue(job(JobKind::Analyze, 1).with_max_attempts(1))
        .await
        .unwrap()
        .id;
    let claimed = store.claim(&claim_request(100)).await.unwrap().unwrap();
    sleep_ms(250).await;
    assert!(store.claim(&claim_request(5_000)).await.unwrap().is_none());
    let failed = store.status(id).await.unwrap().unwrap();
    assert_eq!(failed.status, JobStatus::Failed);
    assert_eq!(
        failed.error.map(|e| e.code).as_deref(),
        Some("lease_expired")
    );
    let late = store.complete(&claimed.lease, json!({}), 0.0).await;
    assert!(matches!(late, Err(JobsError::LeaseLost(_))));
}

pub async fn release_does_not_count_the_attempt(store: Store) {
    let id = store.enqueue(job(JobKind::Generate, 1)).await.unwrap().id;
    let claimed = store.claim(&claim_request(5_000)).await.unwrap().unwrap();
    store.release(&claimed.lease).await.unwrap();
    let queued = store.status(id).await.unwrap().unwrap();
    assert_eq!(queued.status, JobStatus::Queued);
    assert_eq!(queued.attempts, 0);
    let again = store.claim(&claim_request(5_000)).await.unwrap().unwrap();
    assert_eq!(again.job.attempts, 1);
    assert!(matches!(
        store.release(&claimed.lease).await,
        Err(JobsError::LeaseLost(_))
    ));
}

pub async fn cancel_stops_queued_and_running_jobs(store: Store) {
    let queued = store.enqueue(job(JobKind::Analyze, 1)).await.unwrap().id;
    let cancelled = store.cancel(queued).await.unwrap().unwrap();
    assert_eq!(cancelled.status, JobStatus::Failed);
    assert_eq!(
        cancelled.error.map(|e| e.code).as_deref(),
        Some("cancelled")
    );
    assert!(store.claim(&claim_request(5_000)).await.unwrap().is_none());

    let running = store.enqueue(job(JobKind::Analyze, 2)).await.unwrap().id;
    let claimed = store.claim(&claim_request(5_000)).await.unwrap().unwrap();
    store.cancel(running).await.unwrap().unwrap();
    let late = store.complete(&claimed.lease, json!({}), 0.0).await;
    assert!(matches!(late, Err(JobsError::LeaseLost(_))));
    assert_eq!(
        store.status(running).await.unwrap().unwrap().status,
        JobStatus::Failed
    );

    let done = store.enqueue(job(JobKind::Analyze, 3)).await.unwrap().id;
    let claimed = store.claim(&claim_request(5_000)).await.unwrap().unwrap();
    store
        .complete(&claimed.lease, json!({"kept": 1}), 0.0)
        .await
        .unwrap();
    let unchanged = store.cancel(done).await.unwrap().unwrap();
    assert_eq!(unchanged.status, JobStatus::Completed);
    assert!(store.cancel(super::JobId::new()).await.unwrap().is_none());
}

pub async fn list_filters_by_user_and_status(store: Store) {
    let mut alice = Vec::new();
    for n in 0..3 {
        alice.push(
            store
                .enqueue(job(JobKind::Analyze, n).with_user("alice"))
                .await
                .unwrap()
                .id,
        );
        sleep_ms(3).await;
    }
    store
        .enqueue(job(JobKind::Analyze, 9).with_user("bob"))
        .await
        .unwrap();
    let claimed = store.claim(&claim_request(5_000)).await.unwrap().unwrap();
    store
        .complete(&claimed.lease, json!({}), 0.0)
        .await
        .unwrap();

    let mine = store
        .list(&JobFilter {
            user: Some("alice".into()),
            ..JobFilter::default()
        })
        .await
        .unwrap();
    let ids: Vec<_> = mine.iter().map(|job| job.id).collect();
    assert_eq!(
        ids,
        alice.iter().rev().copied().collect::<Vec<_>>(),
        "newest first"
    );
    let queued = store
        .list(&JobFilter {
            user: Some("alice".into()),
            status: Some(JobStatus::Queued),
            limit: 1,
        })
        .await
        .unwrap();
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].id, alice[2]);
    let completed = store
        .list(&JobFilter {
            status: Some(JobStatus::Completed),
            ..JobFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(
        completed.iter().map(|job| job.id).collect::<Vec<_>>(),
        vec![alice[0]]
    );
    let all = store.list(&JobFilter::default()).await.unwrap();
    assert_eq!(all.len(), 4);
}

pub async fn sweep_deletes_expired_jobs(store: Store) {
    let short = store
        .enqueue(job(JobKind::Analyze, 1).with_ttl(Duration::from_millis(1_000)))
        .await
        .unwrap()
        .id;
    let long = store.enqueue(job(JobKind::Analyze, 2)).await.unwrap().id;
    let running = store
        .enqueue(job(JobKind::Analyze, 3).with_ttl(Duration::from_millis(1_000)))
        .await
        .unwrap()
        .id;
    assert!(store.sweep(Timestamp::now()).await.unwrap().is_empty());
    sleep_ms(1_200).await;
    let mut swept = store.sweep(Timestamp::now()).await.unwrap();
    swept.sort();
    let mut expected = vec![short, running];
    expected.sort();
    assert_eq!(swept, expected);
    assert!(store.get(short).await.unwrap().is_none());
    assert!(store.status(running).await.unwrap().is_none());
    assert!(store.get(long).await.unwrap().is_some());
    let claimed = store.claim(&claim_request(5_000)).await.unwrap().unwrap();
    assert_eq!(claimed.job.id, long, "swept jobs leave the queue too");
    assert!(store.claim(&claim_request(5_000)).await.unwrap().is_none());
}

/// A worker handler for the suite: echoes `n`, failing its first
/// `fail_first` attempts, counting runs per job.
#[derive(Debug, Default)]
struct Echo {
    runs: std::sync::Mutex<std::collections::HashMap<super::JobId, u32>>,
}

#[async_trait::async_trait]
impl super::JobHandler for Echo {
    async fn run(
        &self,
        job: &super::Job,
        _progress: &super::ProgressReporter,
    ) -> Result<super::Outcome, Failure> {
        *self.runs.lock().unwrap().entry(job.id).or_default() += 1;
        let fail_first = job.input["fail_first"].as_u64().unwrap_or(0);
        if u64::from(job.attempts) <= fail_first {
            return Err(Failure::transient(
                "flaky",
                format!("attempt {}", job.attempts),
            ));
        }
        Ok(super::Outcome::free(json!({"n": job.input["n"]})))
    }
}

/// Runs two workers on `store` until every job in `ids` is finished.
async fn run_workers(store: &Store, ids: &[super::JobId]) -> Arc<Echo> {
    let handler = Arc::new(Echo::default());
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let mut workers = Vec::new();
    for n in 0..2 {
        let config = super::WorkerConfig {
            name: format!("conformance-{n}"),
            concurrency: 4,
            poll_ms: 10,
            retry: super::RetryPolicy {
                base_ms: 10,
                max_ms: 20,
            },
            ..super::WorkerConfig::default()
        };
        let mut stopped = stopped.clone();
        let worker = super::Worker::new(store.clone(), handler.clone(), config);
        workers.push(tokio::spawn(worker.run(async move {
            let _ = stopped.wait_for(|stop| *stop).await;
        })));
    }
    for _ in 0..1_000 {
        let mut done = true;
        for id in ids {
            done &= store
                .status(*id)
                .await
                .unwrap()
                .unwrap()
                .status
                .is_terminal();
        }
        if done {
            break;
        }
        sleep_ms(20).await;
    }
    stop.send_replace(true);
    for worker in workers {
        worker.await.unwrap();
    }
    handler
}

pub async fn workers_run_each_job_once(store: Store) {
    let mut ids = Vec::new();
    for n in 0..100 {
        ids.push(
            store
                .enqueue(NewJob::new(JobKind::Analyze, json!({"n": n})))
                .await
                .unwrap()
                .id,
        );
    }
    let handler = run_workers(&store, &ids).await;
    let runs = handler.runs.lock().unwrap().clone();
    assert_eq!(runs.len(), 100);
    assert!(runs.values().all(|&count| count == 1), "a job ran twice");
    for (n, id) in ids.iter().enumerate() {
        let job = store.get(*id).await.unwrap().unwrap();
        assert_eq!(job.status, JobStatus::Completed);
        assert_eq!(job.result, Some(json!({"n": n})));
    }
}

pub async fn workers_retry_then_complete_or_fail(store: Store) {
    let flaky = store
        .enqueue(NewJob::new(
            JobKind::Analyze,
            json!({"n": 1, "fail_first": 2}),
        ))
        .await
        .unwrap()
        .id;
    let broken = store
        .enqueue(NewJob::new(
            JobKind::Analyze,
            json!({"n": 2, "fail_first": 99}),
        ))
        .await
        .unwrap()
        .id;
    run_workers(&store, &[flaky, broken]).await;
    let flaky = store.get(flaky).await.unwrap().unwrap();
    assert_eq!((flaky.status, flaky.attempts), (JobStatus::Completed, 3));
    assert_eq!(flaky.result, Some(json!({"n": 1})));
    let broken = store.get(broken).await.unwrap().unwrap();
    assert_eq!((broken.status, broken.attempts), (JobStatus::Failed, 3));
    assert_eq!(
        broken.error.map(|e| e.message).as_deref(),
        Some("attempt 3")
    );
}

/// Instantiates every conformance test for the store `$make` builds (an
/// expression evaluating to a future of `Arc<dyn JobStore>`, or `None` to
/// skip when the backend's server is not reachable).
macro_rules! suite {
    ($make:expr) => {
        $crate::jobs::conformance::suite!(@tests $make;
            enqueue_then_read_back,
            enqueue_is_idempotent,
            claims_oldest_first,
            claims_only_requested_kinds,
            concurrent_claims_are_exclusive,
            batch_claims_respect_max_and_kinds,
            concurrent_batch_claims_are_exclusive,
            complete_stores_result_and_cost,
            expired_lease_cannot_overwrite,
            heartbeat_renews_and_reports_progress,
            retries_then_completes,
            backoff_delays_the_next_claim,
            exhausted_attempts_fail_with_the_error,
            permanent_failure_is_not_retried,
            lease_expiry_on_the_last_attempt_fails_the_job,
            release_does_not_count_the_attempt,
            cancel_stops_queued_and_running_jobs,
            list_filters_by_user_and_status,
            sweep_deletes_expired_jobs,
            workers_run_each_job_once,
            workers_retry_then_complete_or_fail,
        );
    };
    (@tests $make:expr; $($name:ident,)*) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                let store: Option<std::sync::Arc<dyn $crate::jobs::JobStore>> = $make.await;
                if let Some(store) = store {
                    $crate::jobs::conformance::$name(store).await;
                }
            }
        )*
    };
}

pub(crate) use suite;
