//! The job endpoints: submit (analyze, improve, generate, process),
//! regenerate, status and result. A job carries the key that submitted it;
//! any other key gets `404` for it.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use resume_engine::jobs::DEFAULT_URL_TTL;
use resume_engine::jobs::{Job, JobId, JobInput, JobKind, JobStatus, JobSummary, NewJob, Progress};
use resume_engine::render::OutputFormat;
use resume_engine::storage::BlobKey;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::error::{ApiError, ErrorBody};
use crate::keys::Caller;
use crate::state::AppState;
use crate::submission::{Submission, check};

/// The answer to a submission.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Accepted {
    /// The new job's id: poll `/api/v1/status/{job_id}`.
    #[schema(value_type = String, format = Uuid)]
    pub job_id: JobId,
    /// Always `queued`.
    #[schema(value_type = String, example = "queued")]
    pub status: JobStatus,
}

/// A job's status.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct StatusBody {
    /// The job's id.
    #[schema(value_type = String, format = Uuid)]
    pub job_id: JobId,
    /// `analyze`, `improve`, `generate` or `process`.
    #[schema(value_type = String)]
    pub kind: JobKind,
    /// `queued`, `processing`, `completed` or `failed`.
    #[schema(value_type = String)]
    pub status: JobStatus,
    /// The running attempt's stage and percent (`done`, 100 once completed).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub progress: Option<Progress>,
    /// Why the last attempt failed: `{code, message, retryable}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub error: Option<resume_engine::jobs::Failure>,
    /// Attempts started.
    pub attempts: u32,
    /// Attempts allowed.
    pub max_attempts: u32,
    /// Submission time (RFC 3339).
    #[schema(value_type = String)]
    pub created_at: resume_engine::jobs::Timestamp,
    /// When the job completed or failed for good.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub completed_at: Option<resume_engine::jobs::Timestamp>,
    /// When the job and its files are deleted.
    #[schema(value_type = String)]
    pub expires_at: resume_engine::jobs::Timestamp,
    /// What its LLM calls cost, in US dollars.
    pub cost_usd: f64,
}

impl From<JobSummary> for StatusBody {
    fn from(summary: JobSummary) -> Self {
        let progress = match summary.status {
            JobStatus::Completed => Some(Progress::new("done", 100)),
            _ => summary.progress,
        };
        Self {
            job_id: summary.id,
            kind: summary.kind,
            status: summary.status,
            progress,
            error: summary.error,
            attempts: summary.attempts,
            max_attempts: summary.max_attempts,
            created_at: summary.created_at,
            completed_at: summary.completed_at,
            expires_at: summary.expires_at,
            cost_usd: summary.cost_usd,
        }
    }
}

/// What a regeneration takes.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Regenerate {
    /// The template (default `modern`).
    pub template: Option<String>,
    /// The formats (default `["pdf"]`).
    #[schema(value_type = Vec<String>)]
    pub formats: Vec<OutputFormat>,
}

/// Queues a job of `kind` for `caller`.
async fn submit(
    state: &AppState,
    caller: &Caller,
    kind: JobKind,
    input: JobInput,
) -> Result<Response, ApiError> {
    check(&input)?;
    if let Some(source) = input.source_job {
        visible_job(state, caller, source).await?;
    }
    let value = serde_json::to_value(&input)
        .map_err(|error| ApiError::bad("invalid_input", error.to_string()))?;
    let mut job = NewJob::new(kind, value);
    if let Some(owner) = caller.owner() {
        job = job.with_user(owner);
    }
    let id = state.engine.submit_job(job).await?;
    tracing::info!(job = %id, kind = %kind.as_str(), "job submitted");
    let mut response = (
        StatusCode::ACCEPTED,
        Json(Accepted {
            job_id: id,
            status: JobStatus::Queued,
        }),
    )
        .into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/status/{id}")) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// The job `id` when `caller` may see it.
pub(crate) async fn visible_job(
    state: &AppState,
    caller: &Caller,
    id: JobId,
) -> Result<Job, ApiError> {
    match state.engine.job_store().get(id).await? {
        Some(job) if caller.may_see(job.user.as_deref()) => Ok(job),
        _ => Err(ApiError::JobNotFound(id)),
    }
}

/// Parses a job id from the path (`404` when it is not one).
pub(crate) fn job_id(text: &str) -> Result<JobId, ApiError> {
    text.parse()
        .map_err(|_| ApiError::bad("invalid_job_id", format!("`{text}` is not a job id")))
}

/// Parse and score a resume.
#[utoipa::path(post, path = "/api/v1/analyze", tag = "jobs",
    request_body(content((Object = "multipart/form-data"), (Object = "application/json")),
        description = "multipart/form-data with a `file` (PDF, DOCX, text) and optional `job_description`, `keywords`; or a JSON JobInput"),
    responses((status = 202, body = Accepted), (status = 401, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)),
    security(("api_key" = [])))]
pub async fn analyze(
    State(state): State<Arc<AppState>>,
    axum::Extension(caller): axum::Extension<Caller>,
    Submission(input): Submission,
) -> Result<Response, ApiError> {
    submit(&state, &caller, JobKind::Analyze, input).await
}

/// Suggest rewrites of a resume's bullets and summary.
#[utoipa::path(post, path = "/api/v1/improve", tag = "jobs",
    request_body(content((Object = "multipart/form-data"), (Object = "application/json")),
        description = "multipart/form-data with a `file` and optional `providers`, `improve` (JSON options), `job_description`; or a JSON JobInput"),
    responses((status = 202, body = Accepted), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)),
    security(("api_key" = [])))]
pub async fn improve(
    State(state): State<Arc<AppState>>,
    axum::Extension(caller): axum::Extension<Caller>,
    Submission(input): Submission,
) -> Result<Response, ApiError> {
    submit(&state, &caller, JobKind::Improve, input).await
}

/// Render a resume to PDF or DOCX with a template.
#[utoipa::path(post, path = "/api/v1/generate", tag = "jobs",
    request_body(content((Object = "multipart/form-data"), (Object = "application/json")),
        description = "multipart/form-data with a `file` or `resume` (JSON) and optional `template`, `formats`; or a JSON JobInput"),
    responses((status = 202, body = Accepted), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)),
    security(("api_key" = [])))]
pub async fn generate(
    State(state): State<Arc<AppState>>,
    axum::Extension(caller): axum::Extension<Caller>,
    Submission(input): Submission,
) -> Result<Response, ApiError> {
    submit(&state, &caller, JobKind::Generate, input).await
}

/// Parse, score, improve, apply every rewrite and render, in one job.
#[utoipa::path(post, path = "/api/v1/process", tag = "jobs",
    request_body(content((Object = "multipart/form-data"), (Object = "application/json")),
        description = "as for generate"),
    responses((status = 202, body = Accepted), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)),
    security(("api_key" = [])))]
pub async fn process(
    State(state): State<Arc<AppState>>,
    axum::Extension(caller): axum::Extension<Caller>,
    Submission(input): Submission,
) -> Result<Response, ApiError> {
    submit(&state, &caller, JobKind::Process, input).await
}

/// Render a previous job's resume again, with another template.
#[utoipa::path(post, path = "/api/v1/generate/{job_id}/regenerate", tag = "jobs",
    params(("job_id" = String, Path, description = "a completed job of this key")),
    request_body(content = Regenerate, content_type = "application/json"),
    responses((status = 202, body = Accepted), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("api_key" = [])))]
pub async fn regenerate(
    State(state): State<Arc<AppState>>,
    axum::Extension(caller): axum::Extension<Caller>,
    Path(source): Path<String>,
    body: Option<Json<Regenerate>>,
) -> Result<Response, ApiError> {
    let source = job_id(&source)?;
    let Json(options) = body.unwrap_or_default();
    let mut input = JobInput::from_job(source);
    input.template = options.template;
    input.formats = options.formats;
    submit(&state, &caller, JobKind::Generate, input).await
}

/// A job's status, progress and error.
#[utoipa::path(get, path = "/api/v1/status/{job_id}", tag = "jobs",
    params(("job_id" = String, Path)),
    responses((status = 200, body = StatusBody), (status = 404, body = ErrorBody)),
    security(("api_key" = [])))]
pub async fn status(
    State(state): State<Arc<AppState>>,
    axum::Extension(caller): axum::Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Json<StatusBody>, ApiError> {
    let id = job_id(&id)?;
    match state.engine.job_store().status(id).await? {
        Some(summary) if caller.may_see(summary.user.as_deref()) => Ok(Json(summary.into())),
        _ => Err(ApiError::JobNotFound(id)),
    }
}

/// A completed job's result: the resume and its analysis, improvements, or
/// generated files with signed URLs. `409` while it runs; a failed job
/// answers with its error.
#[utoipa::path(get, path = "/api/v1/result/{job_id}", tag = "jobs",
    params(("job_id" = String, Path)),
    responses((status = 200, body = Object), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("api_key" = [])))]
pub async fn result(
    State(state): State<Arc<AppState>>,
    axum::Extension(caller): axum::Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let job = visible_job(&state, &caller, job_id(&id)?).await?;
    let mut result = completed_result(job)?;
    sign_file_urls(&state, &mut result).await?;
    Ok(Json(result))
}

/// Signs the URLs of a result's files afresh, here: the worker that
/// rendered them may run elsewhere, without knowing this service's address,
/// and a result read days later still gets URLs valid for the full TTL.
async fn sign_file_urls(state: &AppState, result: &mut Value) -> Result<(), ApiError> {
    let Some(files) = result.get_mut("files").and_then(Value::as_array_mut) else {
        return Ok(());
    };
    for file in files {
        let Some(key) = file.get("key").and_then(Value::as_str) else {
            continue;
        };
        let key = BlobKey::new(key).map_err(|error| ApiError::Backend(error.to_string()))?;
        let url = state
            .engine
            .blob_store()
            .signed_url(&key, DEFAULT_URL_TTL)
            .await
            .map_err(|error| ApiError::Backend(error.to_string()))?;
        file["url"] = Value::String(url);
    }
    Ok(())
}

/// The result of a completed job; its error when it failed.
pub(crate) fn completed_result(job: Job) -> Result<Value, ApiError> {
    match (job.status, job.result, job.error) {
        (JobStatus::Completed, Some(result), _) => Ok(result),
        (JobStatus::Failed, _, Some(failure)) => Err(ApiError::JobFailed {
            id: job.id,
            code: failure.code,
            message: failure.message,
        }),
        (status, _, _) => Err(ApiError::NotCompleted { id: job.id, status }),
    }
}
