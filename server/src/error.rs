//! The service's errors and how each is answered: an HTTP status and a
//! JSON body `{"error": {"code", "message"}}` with the engine's stable
//! codes.

use std::time::Duration;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use resume_engine::EngineError;
use resume_engine::jobs::{JobId, JobStatus, JobsError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// No `X-API-Key`, or one that is not configured.
    #[error("a valid X-API-Key header is required")]
    Unauthorized,
    /// The key's request budget is spent.
    #[error("rate limit exceeded: retry in {} s", .0.as_secs().max(1))]
    RateLimited(Duration),
    /// No such job, or one another key submitted.
    #[error("job {0} not found")]
    JobNotFound(JobId),
    /// The job has not completed (still running, or failed).
    #[error("job {id} is {status}, not completed")]
    NotCompleted {
        /// The job.
        id: JobId,
        /// Where it is.
        status: JobStatus,
    },
    /// The job failed for good.
    #[error("job {id} failed: {message}")]
    JobFailed {
        /// The job.
        id: JobId,
        /// The failure's stable code (`corrupt`, `encrypted`, `provider`…).
        code: String,
        /// The failure's message.
        message: String,
    },
    /// The request is malformed: missing fields, bad JSON, bad options.
    #[error("{message}")]
    BadRequest {
        /// A stable code.
        code: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The body is larger than the upload limit.
    #[error("the upload is larger than the {0} MiB limit")]
    TooLarge(usize),
    /// The engine refused the request (unknown template, stale suggestion…).
    #[error(transparent)]
    Engine(#[from] EngineError),
    /// The job or blob store failed.
    #[error("the job backend failed: {0}")]
    Backend(String),
}

/// The JSON body of an error answer.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// An error's code and message.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ErrorDetail {
    /// A stable, machine-readable code (`unauthorized`, `rate_limited`,
    /// `job_not_found`, `job_not_finished`, `invalid_input`, `too_large`,
    /// `unknown_template`…).
    pub code: String,
    /// What went wrong, for people.
    pub message: String,
}

impl ApiError {
    /// A malformed request with `code`.
    pub fn bad(code: &'static str, message: impl Into<String>) -> Self {
        Self::BadRequest {
            code,
            message: message.into(),
        }
    }

    fn status_and_code(&self) -> (StatusCode, &str) {
        match self {
            Self::JobFailed { code, .. } => (StatusCode::UNPROCESSABLE_ENTITY, code),
            Self::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
            Self::RateLimited(_) => (StatusCode::TOO_MANY_REQUESTS, "rate_limited"),
            Self::JobNotFound(_) => (StatusCode::NOT_FOUND, "job_not_found"),
            Self::NotCompleted { .. } => (StatusCode::CONFLICT, "job_not_finished"),
            Self::BadRequest { code, .. } => (StatusCode::UNPROCESSABLE_ENTITY, code),
            Self::TooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, "too_large"),
            Self::Backend(_) => (StatusCode::SERVICE_UNAVAILABLE, "backend"),
            Self::Engine(error) => match error {
                EngineError::Jobs(JobsError::NotFound(_)) => {
                    (StatusCode::NOT_FOUND, "job_not_found")
                }
                EngineError::Jobs(JobsError::NoResult { .. }) => {
                    (StatusCode::CONFLICT, "job_not_finished")
                }
                EngineError::Jobs(_) => (StatusCode::SERVICE_UNAVAILABLE, error.code()),
                _ => (StatusCode::UNPROCESSABLE_ENTITY, error.code()),
            },
        }
    }
}

impl From<JobsError> for ApiError {
    fn from(error: JobsError) -> Self {
        Self::Engine(error.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        let code = code.to_owned();
        if status.is_server_error() {
            tracing::error!(%code, error = %self, "request failed");
        }
        let body = ErrorBody {
            error: ErrorDetail {
                code,
                message: self.to_string(),
            },
        };
        let mut response = (status, Json(body)).into_response();
        if let Self::RateLimited(wait) = self {
            let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            if let Ok(value) = HeaderValue::from_str(&seconds.max(1).to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
        }
        response
    }
}
