//! Jobs through the `Engine`: submit, status, result and cancel with an
//! in-process worker, every kind end to end, regeneration, and expiry
//! sweeping both the rows and the files.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;
use std::time::Duration;

use resume_engine::improve::ProviderKind;
use resume_engine::jobs::{
    JobId, JobInput, JobKind, JobStatus, JobSummary, JobsError, WorkerConfig, open,
    sweep_expired,
};
use resume_engine::render::OutputFormat;
use resume_engine::storage::{BlobKey, BlobStore, StorageConfig};
use resume_engine::{Engine, EngineError};
use resume_engine_tests::{backends, fixtures};

struct Setup {
    engine: Engine,
    files: tempfile::TempDir,
    _backend: backends::Backend,
}

async fn setup() -> Setup {
    let backend = backends::sqlite();
    let files = tempfile::tempdir().unwrap();
    let blobs = resume_engine::storage::open(
        &StorageConfig::new(files.path().display().to_string())
            .with_secret("a-test-secret-that-is-long-enough-to-use"),
    )
    .unwrap();
    let engine = Engine::builder()
        .job_store(open(&backend.url).await.unwrap())
        .blob_store(blobs)
        .build()
        .unwrap();
    Setup { engine, files, _backend: backend }
}

fn sample() -> Vec<u8> {
    std::fs::read(fixtures().join("sample-resume.docx")).unwrap()
}

async fn finished(engine: &Engine, id: JobId) -> JobSummary {
    for _ in 0..600 {
        let status = engine.status(id).await.unwrap();
        if status.status.is_terminal() {
            return status;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("job {id} did not finish");
}

fn config() -> WorkerConfig {
    WorkerConfig { concurrency: 2, poll_ms: 20, ..WorkerConfig::default() }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_kind_runs_end_to_end() {
    let Setup { engine, files, .. } = setup().await;
    let worker = engine.spawn_worker(config());

    let analyze = engine.submit(JobKind::Analyze, JobInput::document(sample())).await.unwrap();
    let mut improve_input = JobInput::document(sample());
    improve_input.providers = vec![ProviderKind::Rules];
    let improve = engine.submit(JobKind::Improve, improve_input).await.unwrap();
    let mut process_input = JobInput::document(sample());
    process_input.formats = vec![OutputFormat::Pdf];
    process_input.template = Some("compact".into());
    let process = engine.submit(JobKind::Process, process_input).await.unwrap();

    assert_eq!(finished(&engine, analyze).await.status, JobStatus::Completed);
    let result = engine.result(analyze).await.unwrap();
    assert_eq!(result["resume"]["email"], "ana.ferreira@example.pt");
    assert!(result["analysis"]["total"].as_u64().unwrap() > 0);

    assert_eq!(finished(&engine, improve).await.status, JobStatus::Completed);
    let result = engine.result(improve).await.unwrap();
    assert!(!result["improvements"]["suggestions"].as_array().unwrap().is_empty());

    let done = finished(&engine, process).await;
    assert_eq!(done.status, JobStatus::Completed, "{:?}", done.error);
    assert_eq!(done.progress.map(|p| p.percent), Some(100));
    let result = engine.result(process).await.unwrap();
    let before = result["analysis_before"]["total"].as_u64().unwrap();
    let after = result["analysis"]["total"].as_u64().unwrap();
    assert!(after >= before, "applying the rewrites does not lower the score: {before} → {after}");
    let key = result["files"][0]["key"].as_str().unwrap();
    assert_eq!(key, format!("jobs/{process}/compact.pdf"));
    let pdf = std::fs::read(files.path().join(key)).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let reparsed = engine.parse(&pdf).unwrap();
    assert_eq!(reparsed.email.as_deref(), Some("ana.ferreira@example.pt"));

    let regenerate = engine.submit(JobKind::Generate, JobInput::from_job(process)).await.unwrap();
    assert_eq!(finished(&engine, regenerate).await.status, JobStatus::Completed);
    let again = engine.result(regenerate).await.unwrap();
    assert_eq!(again["resume"], result["resume"], "the improved resume is rendered again");
    assert_eq!(again["files"][0]["template"], "modern");

    let stats = worker.shutdown().await;
    assert_eq!(stats.completed, 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_fails_with_a_code_and_unknown_ids_are_typed_errors() {
    let Setup { engine, .. } = setup().await;
    let worker = engine.spawn_worker(config());
    let garbage = engine
        .submit(JobKind::Analyze, JobInput::document(b"not a resume at all \x00\x01".to_vec()))
        .await
        .unwrap();
    let mut unknown_template = JobInput::document(sample());
    unknown_template.template = Some("nope".into());
    let unknown_template = engine.submit(JobKind::Generate, unknown_template).await.unwrap();
    let missing_source = engine
        .submit(JobKind::Generate, JobInput::from_job(JobId::new()))
        .await
        .unwrap();
    let two_sources = engine
        .submit(JobKind::Analyze, JobInput { source_job: Some(JobId::new()), ..JobInput::document(sample()) })
        .await
        .unwrap();
    for (id, code) in [
        (garbage, "unsupported_format"),
        (unknown_template, "unknown_template"),
        (missing_source, "job_not_found"),
        (two_sources, "invalid_input"),
    ] {
        let status = finished(&engine, id).await;
        assert_eq!(status.status, JobStatus::Failed);
        assert_eq!(status.attempts, 1, "{code} is permanent");
        assert_eq!(status.error.unwrap().code, code);
        assert!(matches!(
            engine.result(id).await,
            Err(EngineError::Jobs(JobsError::NoResult { status: JobStatus::Failed, .. }))
        ));
    }
    let unknown = JobId::new();
    let error = engine.status(unknown).await.unwrap_err();
    assert_eq!(error.code(), "job_not_found");
    assert!(matches!(engine.cancel(unknown).await, Err(EngineError::Jobs(JobsError::NotFound(_)))));
    worker.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expiry_sweeps_rows_and_files() {
    let Setup { engine, files, .. } = setup().await;
    let worker = engine.spawn_worker(config());
    let id = engine.submit(JobKind::Generate, JobInput::document(sample())).await.unwrap();
    assert_eq!(finished(&engine, id).await.status, JobStatus::Completed);
    worker.shutdown().await;
    let folder = files.path().join(format!("jobs/{id}"));
    assert!(folder.join("modern.pdf").is_file());
    let key = BlobKey::for_job(id, "modern.pdf").unwrap();
    assert!(engine.blob_store().get(&key).await.unwrap().is_some());

    let store = engine.job_store().clone();
    let blobs: Arc<dyn BlobStore> = engine.blob_store().clone();
    let now = resume_engine::jobs::Timestamp::now();
    assert_eq!(sweep_expired(store.as_ref(), Some(blobs.as_ref()), now).await.unwrap(), 0);
    assert!(folder.is_dir(), "nothing expires before 30 days");

    let later = now.plus(Duration::from_secs(31 * 24 * 3600));
    assert_eq!(sweep_expired(store.as_ref(), Some(blobs.as_ref()), later).await.unwrap(), 1);
    assert!(store.get(id).await.unwrap().is_none());
    assert!(!folder.exists(), "the job's files are gone with it");
    assert!(engine.blob_store().get(&key).await.unwrap().is_none());
}
