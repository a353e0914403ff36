//! A client of the HTTP API for tests: requests with or without a key,
//! uploads that must be accepted, status polling and results.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use reqwest::multipart::{Form, Part};
use reqwest::{RequestBuilder, Response, StatusCode};
use serde_json::Value;

/// The service at `base`, called with `key` unless a request says otherwise.
#[derive(Debug, Clone)]
pub struct ApiClient {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The key the helpers send.
    pub key: String,
    /// The HTTP client.
    pub http: reqwest::Client,
}

impl ApiClient {
    /// A client of `base` using `key`.
    pub fn new(base: impl Into<String>, key: impl Into<String>) -> Self {
        Self {
            base: base.into(),
            key: key.into(),
            http: reqwest::Client::new(),
        }
    }

    /// The absolute URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A GET of `path` sending `key` (none: no key header).
    pub fn get(&self, path: &str, key: Option<&str>) -> RequestBuilder {
        with_key(self.http.get(self.url(path)), key)
    }

    /// A POST to `path` sending `key` (none: no key header).
    pub fn post(&self, path: &str, key: Option<&str>) -> RequestBuilder {
        with_key(self.http.post(self.url(path)), key)
    }

    /// Uploads `bytes` as the `file` field named `name` to `endpoint` with
    /// extra text fields; returns the job id after checking the `202`.
    pub async fn upload(
        &self,
        endpoint: &str,
        name: &str,
        bytes: Vec<u8>,
        fields: &[(&str, &str)],
    ) -> String {
        let mut form = Form::new().part("file", Part::bytes(bytes).file_name(name.to_owned()));
        for (field, value) in fields {
            form = form.text((*field).to_owned(), (*value).to_owned());
        }
        let response = self
            .post(endpoint, Some(&self.key))
            .multipart(form)
            .send()
            .await
            .unwrap();
        accepted(response).await
    }

    /// Polls the status until the job has finished; returns the last status.
    pub async fn finished(&self, id: &str) -> Value {
        let start = Instant::now();
        loop {
            let response = self
                .get(&format!("/api/v1/status/{id}"), Some(&self.key))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            let status: Value = response.json().await.unwrap();
            assert_eq!(status["job_id"], id);
            if status["status"] == "completed" || status["status"] == "failed" {
                return status;
            }
            assert!(
                start.elapsed() < Duration::from_secs(120),
                "job {id} never finished: {status}"
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Waits for the job to complete and returns its result.
    pub async fn result(&self, id: &str) -> Value {
        let status = self.finished(id).await;
        assert_eq!(status["status"], "completed", "{status}");
        let response = self
            .get(&format!("/api/v1/result/{id}"), Some(&self.key))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }
}

fn with_key(request: RequestBuilder, key: Option<&str>) -> RequestBuilder {
    match key {
        Some(key) => request.header("X-API-Key", key),
        None => request,
    }
}

/// The job id of a submission's answer, after checking the `202`, the body
/// and the `Location` header.
pub async fn accepted(response: Response) -> String {
    let status = response.status();
    let location = response.headers().get("location").cloned();
    let body: Value = response.json().await.unwrap();
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    assert_eq!(body["status"], "queued");
    let id = body["job_id"].as_str().unwrap().to_owned();
    assert_eq!(
        location.unwrap().to_str().unwrap(),
        format!("/api/v1/status/{id}")
    );
    id
}

/// The error code of an error answer, after checking its status.
pub async fn error_code(response: Response, status: StatusCode) -> String {
    assert_eq!(response.status(), status);
    let body: Value = response.json().await.unwrap();
    body["error"]["code"].as_str().unwrap().to_owned()
}
