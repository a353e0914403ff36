//! Reading a job submission: a multipart upload (a `file` field and option
//! fields) or a JSON body (the engine's `JobInput`), checked before the job
//! is queued so a bad option is answered at once rather than as a failed
//! job.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use resume_engine::improve::ProviderKind;
use resume_engine::jobs::JobInput;
use resume_engine::render::OutputFormat;
use resume_engine::score::KeywordPack;
use resume_engine::{EngineError, Template};

use crate::error::ApiError;
use crate::state::AppState;

/// A submission's input, read from the body.
#[derive(Debug)]
pub struct Submission(pub JobInput);

impl FromRequest<Arc<AppState>> for Submission {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &Arc<AppState>) -> Result<Self, ApiError> {
        let limit_mb = state.max_upload_bytes / (1024 * 1024);
        let content_type = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        let input = if content_type.starts_with("multipart/form-data") {
            let multipart = Multipart::from_request(request, state)
                .await
                .map_err(|error| ApiError::bad("invalid_input", error.body_text()))?;
            read_multipart(multipart, limit_mb).await?
        } else if content_type.is_empty() || content_type.starts_with("application/json") {
            let bytes = Bytes::from_request(request, state).await.map_err(|error| {
                match error.status() {
                    StatusCode::PAYLOAD_TOO_LARGE => ApiError::TooLarge(limit_mb),
                    _ => ApiError::bad("invalid_input", error.body_text()),
                }
            })?;
            if bytes.is_empty() {
                JobInput::default()
            } else {
                serde_json::from_slice(&bytes).map_err(|error| {
                    ApiError::bad("invalid_json", format!("the JSON body is invalid: {error}"))
                })?
            }
        } else {
            return Err(ApiError::bad(
                "unsupported_media_type",
                format!(
                    "send multipart/form-data (a `file` field) or application/json, not {content_type}"
                ),
            ));
        };
        Ok(Self(input))
    }
}

/// The fields of a multipart upload: `file` (the document), `resume`
/// (resume JSON), `job_description`, `keywords`, `template`, `formats` and
/// `providers` (comma-separated), `improve` (JSON options).
async fn read_multipart(mut multipart: Multipart, limit_mb: usize) -> Result<JobInput, ApiError> {
    let mut input = JobInput::default();
    let too_large_or_bad = |error: axum::extract::multipart::MultipartError| match error.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::TooLarge(limit_mb),
        _ => ApiError::bad("invalid_input", error.body_text()),
    };
    while let Some(field) = multipart.next_field().await.map_err(too_large_or_bad)? {
        let name = field.name().unwrap_or("").to_owned();
        if name == "file" {
            input.filename = field.file_name().map(str::to_owned);
            input.document = Some(field.bytes().await.map_err(too_large_or_bad)?.to_vec());
            continue;
        }
        let text = field.text().await.map_err(too_large_or_bad)?;
        match name.as_str() {
            "resume" => {
                input.resume = Some(serde_json::from_str(&text).map_err(|error| {
                    ApiError::bad("invalid_json", format!("the `resume` field: {error}"))
                })?);
            }
            "improve" => {
                input.improve = serde_json::from_str(&text).map_err(|error| {
                    ApiError::bad("invalid_json", format!("the `improve` field: {error}"))
                })?;
            }
            "job_description" => input.job_description = Some(text),
            "keywords" => input.keywords = Some(text.trim().to_owned()),
            "template" => input.template = Some(text.trim().to_owned()),
            "formats" | "format" => {
                for format in list(&text) {
                    input.formats.push(
                        format
                            .parse::<OutputFormat>()
                            .map_err(|error| ApiError::Engine(EngineError::from(error)))?,
                    );
                }
            }
            "providers" | "provider" => {
                for provider in list(&text) {
                    input.providers.push(
                        provider
                            .parse::<ProviderKind>()
                            .map_err(|error| ApiError::bad("invalid_input", error))?,
                    );
                }
            }
            other => {
                return Err(ApiError::bad(
                    "invalid_input",
                    format!("unknown field `{other}`"),
                ));
            }
        }
    }
    Ok(input)
}

fn list(text: &str) -> impl Iterator<Item = &str> {
    text.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// Refuses what the job would fail on for sure: no source or several,
/// an unknown template or keyword pack.
pub fn check(input: &JobInput) -> Result<(), ApiError> {
    let sources = usize::from(input.document.is_some())
        + usize::from(input.resume.is_some())
        + usize::from(input.source_job.is_some());
    if sources != 1 {
        return Err(ApiError::bad(
            "invalid_input",
            "give exactly one of: a `file` upload, a `document` (base64), a `resume`",
        ));
    }
    if input.document.as_ref().is_some_and(Vec::is_empty) {
        return Err(ApiError::bad("empty", "the uploaded file is empty"));
    }
    if let Some(name) = &input.template {
        Template::named(name).map_err(|error| ApiError::Engine(error.into()))?;
    }
    if input.job_description.is_none() {
        if let Some(name) = &input.keywords {
            KeywordPack::builtin(name).map_err(|error| ApiError::Engine(error.into()))?;
        }
    }
    Ok(())
}
