//! `GET /health` (the process answers) and `GET /health/ready` (the job
//! backend and the blob store answer too).

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use resume_engine::jobs::JobId;
use resume_engine::storage::BlobKey;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::state::AppState;

/// A health answer.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Health {
    /// `ok`, or `unavailable` when a dependency does not answer.
    pub status: String,
    /// The service's version.
    pub version: String,
    /// What failed, when something did.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub problems: Vec<String>,
}

/// Liveness: the process answers.
#[utoipa::path(get, path = "/health", tag = "health", responses((status = 200, body = Health)))]
pub async fn live() -> Json<Health> {
    Json(Health {
        status: "ok".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        problems: Vec::new(),
    })
}

/// Readiness: the job backend and the blob store answer a read.
#[utoipa::path(get, path = "/health/ready", tag = "health",
    responses((status = 200, body = Health), (status = 503, body = Health)))]
pub async fn ready(State(state): State<Arc<AppState>>) -> (StatusCode, Json<Health>) {
    let mut problems = Vec::new();
    if let Err(error) = state.engine.job_store().status(JobId::new()).await {
        problems.push(format!("job backend: {error}"));
    }
    match BlobKey::new("health/probe") {
        Ok(probe) => {
            if let Err(error) = state.engine.blob_store().get(&probe).await {
                problems.push(format!("blob store: {error}"));
            }
        }
        Err(error) => problems.push(format!("blob store: {error}")),
    }
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let health = Health {
        status: if problems.is_empty() {
            "ok"
        } else {
            "unavailable"
        }
        .to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        problems,
    };
    (status, Json(health))
}
