//! The jobs commands as separate processes sharing one backend: submit,
//! status, result, worker; a worker killed with SIGKILL mid-job, a restart
//! with queued jobs, regeneration from a previous job.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;

use resume_engine_tests::backends::Backend;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(name)
        .display()
        .to_string()
}

/// A sandbox: its own data directory (signing key, files) and backend.
struct Sandbox {
    home: tempfile::TempDir,
    backend: Backend,
}

impl Sandbox {
    fn new(backend: Backend) -> Self {
        Self {
            home: tempfile::tempdir().unwrap(),
            backend,
        }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_resume-engine"));
        command
            .args(args)
            .arg("--backend")
            .arg(&self.backend.url)
            .env("RESUME_ENGINE_HOME", self.home.path())
            .env_remove("RESUME_ENGINE_BACKEND")
            .env_remove("RESUME_ENGINE_STORAGE")
            .env_remove("GEMINI_API_KEY")
            .env_remove("ANTHROPIC_API_KEY");
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "resume-engine {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    fn submit(&self, args: &[&str]) -> String {
        let mut all = vec!["submit"];
        all.extend_from_slice(args);
        let id = self.ok(&all);
        let id = id.trim().to_owned();
        assert_eq!(id.len(), 36, "submit prints the job id alone: {id:?}");
        id
    }

    fn worker(&self, extra_env: &[(&str, &str)]) -> Worker {
        let mut command = self.command(&[
            "worker",
            "--concurrency",
            "2",
            "--lease-ms",
            "1500",
            "--poll-ms",
            "50",
            "--shutdown-grace-ms",
            "5000",
        ]);
        let log = tempfile::NamedTempFile::new_in(self.home.path()).unwrap();
        command
            .envs(extra_env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(log.reopen().unwrap());
        Worker {
            child: command.spawn().unwrap(),
            log,
        }
    }

    fn files(&self) -> PathBuf {
        self.home.path().join("files")
    }
}

/// A worker process, its stderr (the logs) kept in a file for failure
/// messages.
struct Worker {
    child: Child,
    log: tempfile::NamedTempFile,
}

impl Worker {
    /// Panics with the worker's logs if it has exited: a worker that died
    /// at start-up will never do what a test waits for.
    fn assert_running(&mut self) {
        if let Some(status) = self.child.try_wait().unwrap() {
            panic!("the worker exited ({status}): {}", self.logs());
        }
    }

    fn logs(&self) -> String {
        std::fs::read_to_string(self.log.path()).unwrap_or_default()
    }
}

/// Sends SIGTERM and returns the worker's stats line.
fn terminate(mut worker: Worker) -> Value {
    Command::new("kill")
        .arg("-TERM")
        .arg(worker.child.id().to_string())
        .status()
        .unwrap();
    let status = worker.child.wait().unwrap();
    assert!(
        status.success(),
        "the worker exits cleanly on SIGTERM: {status}: {}",
        worker.logs()
    );
    let mut out = String::new();
    worker
        .child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    serde_json::from_str(out.trim()).unwrap()
}

/// A loopback "LLM" that accepts connections and never answers: a job
/// calling it hangs until its worker is killed.
fn hanging_server() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let accepted = Arc::new(AtomicUsize::new(0));
    let counter = accepted.clone();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            counter.fetch_add(1, Ordering::SeqCst);
            held.push(stream);
        }
    });
    (url, accepted)
}

fn wait_until(what: &str, timeout: Duration, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < timeout, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn killed_worker_loses_nothing(backend: Backend) {
    let sandbox = Sandbox::new(backend);
    let (hang_url, accepted) = hanging_server();
    let mut first = sandbox.worker(&[
        ("GEMINI_API_KEY", "test-key"),
        ("GEMINI_BASE_URL", &hang_url),
    ]);
    let id = sandbox.submit(&["improve", &fixture("sample-resume.docx")]);
    wait_until(
        "the first worker to call the LLM",
        Duration::from_secs(60),
        || {
            first.assert_running();
            accepted.load(Ordering::SeqCst) > 0
        },
    );
    let status = sandbox.json(&["status", &id]);
    assert_eq!(status["status"], "processing");
    assert_eq!(status["attempts"], 1);
    first.child.kill().unwrap(); // SIGKILL: no chance to give the job back
    first.child.wait().unwrap();

    let second = sandbox.worker(&[]);
    let result = sandbox.json(&["result", &id, "--wait", "--timeout", "60"]);
    assert_eq!(result["improvements"]["provider"]["provider"], "rules");
    assert!(result["resume"]["name"].is_string());
    let status = sandbox.json(&["status", &id]);
    assert_eq!(status["status"], "completed");
    assert_eq!(status["attempts"], 2, "the killed attempt counts");
    let stats = terminate(second);
    assert_eq!(stats["completed"], 1, "completed exactly once: {stats}");
}

fn queued_jobs_survive_until_a_worker_starts(backend: Backend) {
    let sandbox = Sandbox::new(backend);
    let corrupt = sandbox.home.path().join("corrupt.pdf");
    std::fs::write(&corrupt, b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage").unwrap();
    let analyze = sandbox.submit(&["analyze", &fixture("sample-resume.docx")]);
    let generate = sandbox.submit(&[
        "generate",
        &fixture("sample-resume.docx"),
        "--template",
        "classic",
        "--format",
        "pdf,docx",
    ]);
    let broken = sandbox.submit(&["analyze", corrupt.to_str().unwrap()]);
    for id in [&analyze, &generate, &broken] {
        assert_eq!(sandbox.json(&["status", id])["status"], "queued");
    }

    let worker = sandbox.worker(&[]);
    let analysis = sandbox.json(&["result", &analyze, "--wait"]);
    let total = analysis["analysis"]["total"].as_f64().unwrap();
    assert!(total > 0.0 && total <= 100.0, "{total}");

    let generated = sandbox.json(&["result", &generate, "--wait"]);
    let files = generated["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    for file in files {
        let key = file["key"].as_str().unwrap();
        assert!(
            key.starts_with(&format!("jobs/{generate}/classic.")),
            "{key}"
        );
        let stored = std::fs::read(sandbox.files().join(key)).unwrap();
        assert_eq!(stored.len() as u64, file["bytes"].as_u64().unwrap());
        assert!(file["url"].as_str().unwrap().contains("signature="));
    }

    let failed = sandbox.json(&["status", &broken, "--wait"]);
    assert_eq!(failed["status"], "failed");
    assert_eq!(failed["attempts"], 1, "a corrupt document is not retried");
    assert_eq!(failed["error"]["code"], "corrupt");
    let out = sandbox.run(&["result", &broken]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("failed"));

    let again = sandbox.submit(&["generate", "--from-job", &generate, "--template", "modern"]);
    let regenerated = sandbox.json(&["result", &again, "--wait"]);
    assert_eq!(regenerated["resume"], generated["resume"]);
    assert_eq!(regenerated["files"][0]["template"], "modern");
    let stats = terminate(worker);
    assert_eq!(stats["completed"], 3, "{stats}");
    assert_eq!(stats["failed"], 1, "{stats}");
}

fn submit_is_idempotent_and_unknown_ids_fail(backend: Backend) {
    let sandbox = Sandbox::new(backend);
    let id = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";
    let first = sandbox.submit(&["analyze", &fixture("sample-resume.docx"), "--id", id]);
    let second = sandbox.submit(&["analyze", &fixture("sample-resume.docx"), "--id", id]);
    assert_eq!((first.as_str(), second.as_str()), (id, id));
    let cancelled = sandbox.json(&["cancel", id]);
    assert_eq!(cancelled["status"], "failed");
    assert_eq!(cancelled["error"]["code"], "cancelled");
    let out = sandbox.run(&["status", "00000000-0000-4000-8000-000000000000"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not found"));
    let out = sandbox.run(&["status", "not-a-uuid"]);
    assert!(!out.status.success());
}

macro_rules! for_each_backend {
    ($($test:ident),* $(,)?) => {
        mod sqlite {
            use resume_engine_tests::backends;
            $(#[test] fn $test() { super::$test(backends::sqlite()); })*
        }
        mod postgres {
            use resume_engine_tests::backends;
            $(#[test] fn $test() { if let Some(backend) = backends::postgres() { super::$test(backend); } })*
        }
        mod redis {
            use resume_engine_tests::backends;
            $(#[test] fn $test() { if let Some(backend) = backends::redis() { super::$test(backend); } })*
        }
    };
}

for_each_backend!(
    killed_worker_loses_nothing,
    queued_jobs_survive_until_a_worker_starts,
    submit_is_idempotent_and_unknown_ids_fail,
);
