//! The HTTP API end to end over real HTTP on loopback, on the embedded
//! (SQLite) backend with an in-process worker: upload → analyze → status
//! polling → result; improve → apply; generate → download through a signed
//! URL, read back; regenerate; keys, other keys' jobs, the rate limit, bad
//! input, and a corrupt PDF that fails its job while the service stays up.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::Arc;

use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use resume_engine::Engine;
use resume_engine::engine::WorkerHandle;

use resume_engine::jobs::WorkerConfig;
use resume_engine::storage::{BlobKey, LocalStore, UrlSigner, unix_now};
use resume_engine_server::ServerConfig;
use resume_engine_tests::api_client::{ApiClient, accepted, error_code};
use serde_json::{Value, json};

const KEY: &str = "test-key-aaaaaaaaaaaaaaaa";
const OTHER_KEY: &str = "test-key-bbbbbbbbbbbbbbbb";
const SECRET: &str = "a signing secret of at least thirty-two bytes";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../fixtures")
            .join(name),
    )
    .unwrap()
}

/// A running service and a client for it.
struct Service {
    api: ApiClient,
    worker: Option<WorkerHandle>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    _home: tempfile::TempDir,
}

impl std::ops::Deref for Service {
    type Target = ApiClient;

    fn deref(&self) -> &ApiClient {
        &self.api
    }
}

impl Service {
    async fn start(extra_env: &[(&str, &str)]) -> Self {
        let mut env: Vec<(String, String)> = vec![(
            "RESUME_ENGINE_API_KEYS".into(),
            format!("{KEY},{OTHER_KEY}"),
        )];
        env.extend(extra_env.iter().map(|(k, v)| ((*k).into(), (*v).into())));
        let config = ServerConfig::from_lookup(|name| {
            env.iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
        })
        .unwrap();
        let home = tempfile::tempdir().unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let store = resume_engine::jobs::open(&format!(
            "sqlite:{}",
            home.path().join("jobs.sqlite3").display()
        ))
        .await
        .unwrap();
        let blobs = LocalStore::new(
            home.path().join("files"),
            format!("{base}/files"),
            UrlSigner::new(SECRET.as_bytes().to_vec()).unwrap(),
        );
        let engine = Engine::builder()
            .job_store(store)
            .blob_store(Arc::new(blobs))
            .build()
            .unwrap();
        let worker = engine.spawn_worker(WorkerConfig {
            poll_ms: 20,
            ..WorkerConfig::default()
        });
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            resume_engine_server::serve(engine, &config, listener, async {
                let _ = stopped.await;
            })
            .await
            .unwrap();
        });
        Self {
            api: ApiClient::new(base, KEY),
            worker: Some(worker),
            stop: Some(stop),
            _home: home,
        }
    }

    async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(worker) = self.worker.take() {
            worker.shutdown().await;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upload_analyze_poll_then_result() {
    let service = Service::start(&[]).await;
    let id = service
        .upload(
            "/api/v1/analyze",
            "resume.docx",
            fixture("sample-resume.docx"),
            &[],
        )
        .await;
    let status = service.finished(&id).await;
    assert_eq!(status["status"], "completed");
    assert_eq!(status["kind"], "analyze");
    assert_eq!(status["progress"]["percent"], 100);
    let result = service.result(&id).await;
    let total = result["analysis"]["total"].as_f64().unwrap();
    assert!(total > 0.0 && total <= 100.0, "{total}");
    assert_eq!(
        result["analysis"]["categories"].as_array().unwrap().len(),
        5
    );
    assert!(
        result["resume"]["name"]
            .as_str()
            .is_some_and(|n| !n.is_empty())
    );

    let with_description = service
        .upload(
            "/api/v1/analyze",
            "resume.docx",
            fixture("sample-resume.docx"),
            &[(
                "job_description",
                &String::from_utf8(fixture("job-description.txt")).unwrap(),
            )],
        )
        .await;
    let matched = service.result(&with_description).await;
    assert_ne!(
        matched["analysis"], result["analysis"],
        "the job description is used"
    );
    service.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn improve_then_apply_the_accepted_suggestions() {
    let service = Service::start(&[]).await;
    // Weak bullets the offline rules rewrite, sent as resume JSON.
    let weak = json!({
        "name": "Dana Weak",
        "email": "dana@example.com",
        "sections": {
            "experience": [{
                "title": "Support Engineer",
                "company": "Acme",
                "dates": "2020 - 2023",
                "bullets": [
                    "Responsible for handling customer tickets",
                    "Helped with migrating the database to PostgreSQL"
                ]
            }],
            "skills": ["PostgreSQL"]
        }
    });
    let response = service
        .post("/api/v1/improve", Some(KEY))
        .json(&json!({"resume": weak, "providers": ["rules"]}))
        .send()
        .await
        .unwrap();
    let id = accepted(response).await;
    let result = service.result(&id).await;
    let suggestions = result["improvements"]["suggestions"].as_array().unwrap();
    let rewrite = suggestions
        .iter()
        .find(|s| s["rewrite"].is_string())
        .unwrap_or_else(|| panic!("the rules improver rewrites a weak bullet: {result}"));
    let chosen = rewrite["id"].as_str().unwrap();
    let response = service
        .post(&format!("/api/v1/improve/{id}/apply"), Some(KEY))
        .json(&json!({"suggestions": [chosen]}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let applied: Value = response.json().await.unwrap();
    let changes = applied["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0]["after"], rewrite["rewrite"]);
    assert_ne!(applied["resume"], result["resume"]);
    assert!(
        applied["resume"]
            .to_string()
            .contains(rewrite["rewrite"].as_str().unwrap())
    );

    let unknown = service
        .post(&format!("/api/v1/improve/{id}/apply"), Some(KEY))
        .json(&json!({"suggestions": ["no-such-suggestion"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(unknown, StatusCode::UNPROCESSABLE_ENTITY).await,
        "unknown_suggestion"
    );

    // The applied resume renders through a JSON generate request.
    let generate = service
        .post("/api/v1/generate", Some(KEY))
        .json(&json!({"resume": applied["resume"], "template": "compact"}))
        .send()
        .await
        .unwrap();
    let generated = service.result(&accepted(generate).await).await;
    assert_eq!(generated["resume"], applied["resume"]);
    service.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn generate_then_download_through_the_signed_url() {
    let service = Service::start(&[]).await;
    let id = service
        .upload(
            "/api/v1/generate",
            "resume.docx",
            fixture("sample-resume.docx"),
            &[("template", "classic"), ("formats", "pdf,docx")],
        )
        .await;
    let result = service.result(&id).await;
    let files = result["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    let pdf = files.iter().find(|f| f["format"] == "pdf").unwrap();
    let url = pdf["url"].as_str().unwrap();
    assert!(
        url.starts_with(&format!("{}/files/jobs/{id}/", service.base)),
        "{url}"
    );
    let download = service.http.get(url).send().await.unwrap();
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    let bytes = download.bytes().await.unwrap();
    assert_eq!(bytes.len() as u64, pdf["bytes"].as_u64().unwrap());
    let read_back = Engine::builder().build().unwrap().parse(&bytes).unwrap();
    assert_eq!(
        read_back.name.as_deref(),
        result["resume"]["name"].as_str(),
        "the downloaded PDF reads back as the same resume"
    );

    let tampered = url.replace("signature=", "signature=00");
    let refused = service.http.get(&tampered).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let unsigned = url.split('?').next().unwrap();
    assert_eq!(
        service.http.get(unsigned).send().await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    let key = BlobKey::new(pdf["key"].as_str().unwrap()).unwrap();
    let signer = UrlSigner::new(SECRET.as_bytes().to_vec()).unwrap();
    let expired = signer.sign_url(&format!("{}/files", service.base), &key, unix_now() - 1);
    assert_eq!(
        service.http.get(&expired).send().await.unwrap().status(),
        StatusCode::FORBIDDEN
    );

    let again = service
        .post(&format!("/api/v1/generate/{id}/regenerate"), Some(KEY))
        .json(&json!({"template": "modern"}))
        .send()
        .await
        .unwrap();
    let regenerated = service.result(&accepted(again).await).await;
    assert_eq!(regenerated["files"][0]["template"], "modern");
    assert_eq!(regenerated["resume"], result["resume"]);
    service.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_gate_the_api_and_jobs_stay_with_their_key() {
    let service = Service::start(&[]).await;
    let form = || {
        Form::new().part(
            "file",
            Part::bytes(fixture("sample-resume.docx")).file_name("r.docx"),
        )
    };
    let missing = service
        .post("/api/v1/analyze", None)
        .multipart(form())
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(missing, StatusCode::UNAUTHORIZED).await,
        "unauthorized"
    );
    let wrong = service
        .post("/api/v1/analyze", Some("not-a-key-of-ours-at-all"))
        .multipart(form())
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(wrong, StatusCode::UNAUTHORIZED).await,
        "unauthorized"
    );

    let id = service
        .upload(
            "/api/v1/analyze",
            "r.docx",
            fixture("sample-resume.docx"),
            &[],
        )
        .await;
    service.finished(&id).await;
    for path in [
        format!("/api/v1/status/{id}"),
        format!("/api/v1/result/{id}"),
    ] {
        let theirs = service.get(&path, Some(OTHER_KEY)).send().await.unwrap();
        assert_eq!(
            error_code(theirs, StatusCode::NOT_FOUND).await,
            "job_not_found",
            "{path}"
        );
    }
    let regenerate = service
        .post(
            &format!("/api/v1/generate/{id}/regenerate"),
            Some(OTHER_KEY),
        )
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(regenerate, StatusCode::NOT_FOUND).await,
        "job_not_found"
    );
    let smuggled = service
        .post("/api/v1/generate", Some(OTHER_KEY))
        .json(&json!({"source_job": id}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(smuggled, StatusCode::NOT_FOUND).await,
        "job_not_found"
    );
    let unknown = service
        .get(
            "/api/v1/status/00000000-0000-4000-8000-000000000000",
            Some(KEY),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(unknown, StatusCode::NOT_FOUND).await,
        "job_not_found"
    );

    // Public routes need no key.
    assert_eq!(
        service.get("/health", None).send().await.unwrap().status(),
        StatusCode::OK
    );
    let ready: Value = service
        .get("/health/ready", None)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(ready["status"], "ok", "{ready}");
    let openapi: Value = service
        .get("/openapi.json", None)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for path in [
        "/api/v1/analyze",
        "/api/v1/status/{job_id}",
        "/api/v1/improve/{job_id}/apply",
        "/api/v1/generate/{job_id}/regenerate",
    ] {
        assert!(
            openapi["paths"][path].is_object(),
            "{path} missing from the OpenAPI document"
        );
    }
    assert_eq!(
        openapi["components"]["securitySchemes"]["api_key"]["name"],
        "X-API-Key"
    );
    service.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rate_limit_answers_429_with_retry_after() {
    let service = Service::start(&[("RESUME_ENGINE_RATE_LIMIT", "3")]).await;
    let path = "/api/v1/status/00000000-0000-4000-8000-000000000000";
    for _ in 0..3 {
        let response = service.get(path, Some(KEY)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
    let limited = service.get(path, Some(KEY)).send().await.unwrap();
    let retry_after: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=20).contains(&retry_after), "{retry_after}");
    assert_eq!(
        error_code(limited, StatusCode::TOO_MANY_REQUESTS).await,
        "rate_limited"
    );
    let other = service.get(path, Some(OTHER_KEY)).send().await.unwrap();
    assert_eq!(
        other.status(),
        StatusCode::NOT_FOUND,
        "each key has its own budget"
    );
    service.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_refused_and_a_corrupt_pdf_fails_its_job_only() {
    let service = Service::start(&[("RESUME_ENGINE_MAX_UPLOAD_MB", "1")]).await;
    let corrupt = service
        .upload(
            "/api/v1/analyze",
            "broken.pdf",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage".to_vec(),
            &[],
        )
        .await;
    let status = service.finished(&corrupt).await;
    assert_eq!(status["status"], "failed");
    assert_eq!(status["error"]["code"], "corrupt");
    assert_eq!(status["attempts"], 1, "a corrupt document is not retried");
    let result = service
        .get(&format!("/api/v1/result/{corrupt}"), Some(KEY))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_code(result, StatusCode::UNPROCESSABLE_ENTITY).await,
        "corrupt"
    );
    assert_eq!(
        service.get("/health", None).send().await.unwrap().status(),
        StatusCode::OK
    );

    let cases: Vec<(reqwest::RequestBuilder, StatusCode, &str)> = vec![
        (
            service.post("/api/v1/generate", Some(KEY)).multipart(
                Form::new()
                    .part(
                        "file",
                        Part::bytes(fixture("sample-resume.docx")).file_name("r.docx"),
                    )
                    .text("template", "no-such-template"),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_template",
        ),
        (
            service
                .post("/api/v1/analyze", Some(KEY))
                .header("content-type", "application/json")
                .body("{not json"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_json",
        ),
        (
            service.post("/api/v1/analyze", Some(KEY)).json(&json!({})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_input",
        ),
        (
            service
                .post("/api/v1/analyze", Some(KEY))
                .multipart(Form::new().text("colour", "blue")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_input",
        ),
        (
            // A client of its own: the service answers 413 before reading
            // the whole body and closes the connection, which a shared
            // pool could hand to the next request.
            reqwest::Client::new()
                .post(service.url("/api/v1/analyze"))
                .header("X-API-Key", KEY)
                .multipart(Form::new().part(
                    "file",
                    Part::bytes(vec![b'a'; 2 * 1024 * 1024]).file_name("big.txt"),
                )),
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
        ),
        (
            service.get("/api/v1/status/not-a-uuid", Some(KEY)),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_job_id",
        ),
        (
            service
                .post("/api/v1/analyze", Some(KEY))
                .header("content-type", "text/plain")
                .body("hello"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "unsupported_media_type",
        ),
    ];
    for (request, status, code) in cases {
        assert_eq!(
            error_code(request.send().await.unwrap(), status).await,
            code
        );
    }
    let id = service
        .upload(
            "/api/v1/analyze",
            "r.docx",
            fixture("sample-resume.docx"),
            &[],
        )
        .await;
    let running = service
        .get(&format!("/api/v1/result/{id}"), Some(KEY))
        .send()
        .await
        .unwrap();
    if running.status() != StatusCode::OK {
        assert_eq!(
            error_code(running, StatusCode::CONFLICT).await,
            "job_not_finished"
        );
    }
    service.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_ids_and_cors() {
    let service =
        Service::start(&[("RESUME_ENGINE_CORS_ORIGINS", "https://app.example.com")]).await;
    let fresh = service.get("/health", None).send().await.unwrap();
    let id = fresh.headers()["x-request-id"].to_str().unwrap();
    assert_eq!(id.len(), 36, "a new UUID: {id}");
    let given = service
        .get("/health", None)
        .header("x-request-id", "abc-123")
        .send()
        .await
        .unwrap();
    assert_eq!(given.headers()["x-request-id"], "abc-123");
    let preflight = service
        .http
        .request(reqwest::Method::OPTIONS, service.url("/api/v1/analyze"))
        .header("origin", "https://app.example.com")
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "x-api-key")
        .send()
        .await
        .unwrap();
    assert_eq!(
        preflight.headers()["access-control-allow-origin"],
        "https://app.example.com"
    );
    let foreign = service
        .get("/health", None)
        .header("origin", "https://evil.example.com")
        .send()
        .await
        .unwrap();
    assert!(
        foreign
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
    service.stop().await;
}
