//! `resume-engine serve` as a process, started the way the container starts
//! it (`scripts/start.sh`, WORKER_MODE choosing API or worker): on SQLite
//! with its in-process worker, and on PostgreSQL and Redis with a separate
//! worker process. Upload → analyze → status polling → result; generate →
//! download through the signed URL; a corrupt PDF fails its job while the
//! service stays up; a bad configuration stops the start with its reasons.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use resume_engine_tests::api_client::ApiClient;
use resume_engine_tests::backends::{self, Backend};

const KEY: &str = "process-test-key-0123456789";

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
}

/// A process started through `scripts/start.sh`, killed when dropped.
struct Started(Child);

impl Drop for Started {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(mode: &str, home: &std::path::Path, backend: &str, port: u16) -> Started {
    let child = Command::new(repo("scripts/start.sh"))
        .arg("--backend")
        .arg(backend)
        .env("RESUME_ENGINE_BIN", env!("CARGO_BIN_EXE_resume-engine"))
        .env("WORKER_MODE", mode)
        .env("RESUME_ENGINE_HOME", home)
        .env("RESUME_ENGINE_API_KEYS", KEY)
        .env("PORT", port.to_string())
        .env_remove("RESUME_ENGINE_BACKEND")
        .env_remove("RESUME_ENGINE_STORAGE")
        .env_remove("RESUME_ENGINE_PUBLIC_URL")
        .env_remove("GEMINI_API_KEY")
        .env_remove("ANTHROPIC_API_KEY")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    Started(child)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn wait_healthy(http: &reqwest::Client, base: &str, api: &mut Started) {
    let start = Instant::now();
    loop {
        if let Ok(response) = http.get(format!("{base}/health/ready")).send().await {
            if response.status() == StatusCode::OK {
                return;
            }
        }
        if let Some(status) = api.0.try_wait().unwrap() {
            panic!("the service exited at start-up: {status}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the service never became ready"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The service on `backend`, with a separate worker process unless the
/// backend is embedded.
async fn serves_jobs_end_to_end(backend: Backend, separate_worker: bool) {
    let home = tempfile::tempdir().unwrap();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut api = start("false", home.path(), &backend.url, port);
    let _worker = separate_worker.then(|| start("true", home.path(), &backend.url, 0));
    let client = ApiClient::new(&base, KEY);
    let http = &client.http;
    wait_healthy(http, &base, &mut api).await;
    let docx = std::fs::read(repo("fixtures/sample-resume.docx")).unwrap();

    let analyze = client
        .upload("/api/v1/analyze", "resume.docx", docx.clone(), &[])
        .await;
    let analysis = client.result(&analyze).await;
    let total = analysis["analysis"]["total"].as_f64().unwrap();
    assert!(total > 0.0 && total <= 100.0, "{total}");

    let generate = client
        .upload(
            "/api/v1/generate",
            "resume.docx",
            docx,
            &[("template", "executive")],
        )
        .await;
    let generated = client.result(&generate).await;
    let url = generated["files"][0]["url"].as_str().unwrap();
    assert!(url.starts_with(&format!("{base}/files/")), "{url}");
    let download = http.get(url).send().await.unwrap();
    assert_eq!(download.status(), StatusCode::OK);
    let pdf = download.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(
        http.get(url.replace("signature=", "signature=ff"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN
    );

    let corrupt = client
        .upload(
            "/api/v1/analyze",
            "broken.pdf",
            b"%PDF-1.4\ntruncated".to_vec(),
            &[],
        )
        .await;
    let failed = client.finished(&corrupt).await;
    assert_eq!(failed["status"], "failed", "{failed}");
    assert!(
        failed["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty())
    );
    assert_eq!(
        http.get(format!("{base}/health"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK,
        "the service stays up"
    );
    assert!(api.0.try_wait().unwrap().is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_with_its_in_process_worker() {
    serves_jobs_end_to_end(backends::sqlite(), false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_with_a_separate_worker_process() {
    if let Some(backend) = backends::postgres() {
        serves_jobs_end_to_end(backend, true).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_with_a_separate_worker_process() {
    if let Some(backend) = backends::redis() {
        serves_jobs_end_to_end(backend, true).await;
    }
}

#[test]
fn a_bad_configuration_stops_the_start_with_every_reason() {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(repo("scripts/start.sh"))
        .env("RESUME_ENGINE_BIN", env!("CARGO_BIN_EXE_resume-engine"))
        .env("RESUME_ENGINE_HOME", home.path())
        .env("PORT", "not-a-port")
        .env("RESUME_ENGINE_RATE_LIMIT", "lots")
        .env_remove("RESUME_ENGINE_API_KEYS")
        .env_remove("RESUME_ENGINE_API_KEYS_FILE")
        .env_remove("RESUME_ENGINE_ANONYMOUS")
        .env_remove("WORKER_MODE")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    for name in [
        "PORT=",
        "RESUME_ENGINE_RATE_LIMIT=",
        "RESUME_ENGINE_API_KEYS",
    ] {
        assert!(stderr.contains(name), "{name} is not named in:\n{stderr}");
    }

    let out = Command::new(repo("scripts/start.sh"))
        .env("RESUME_ENGINE_BIN", env!("CARGO_BIN_EXE_resume-engine"))
        .env("WORKER_MODE", "maybe")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("WORKER_MODE"));
}
