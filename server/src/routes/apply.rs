//! `POST /api/v1/improve/{job_id}/apply`: applies the suggestions a user
//! accepted from a completed improve job, all of them or none.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use resume_engine::Resume;
use resume_engine::improve::{Applied, Improvements};
use resume_engine::jobs::JobKind;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::jobs::{completed_result, job_id, visible_job};
use crate::error::{ApiError, ErrorBody};
use crate::keys::Caller;
use crate::state::AppState;

/// The suggestions accepted.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Accept {
    /// The ids of the accepted suggestions (from the improve job's result).
    pub suggestions: Vec<String>,
}

/// Applies the accepted suggestions to the improve job's resume and
/// returns the new resume with the changes made; render it with
/// `POST /api/v1/generate` and `{"resume": …}`.
#[utoipa::path(post, path = "/api/v1/improve/{job_id}/apply", tag = "jobs",
    params(("job_id" = String, Path, description = "a completed improve job of this key")),
    request_body(content = Accept, content_type = "application/json"),
    responses((status = 200, body = Object, description = "{resume, changes}"), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("api_key" = [])))]
pub async fn apply(
    State(state): State<Arc<AppState>>,
    axum::Extension(caller): axum::Extension<Caller>,
    Path(id): Path<String>,
    Json(accept): Json<Accept>,
) -> Result<Json<Applied>, ApiError> {
    let job = visible_job(&state, &caller, job_id(&id)?).await?;
    if job.kind != JobKind::Improve {
        return Err(ApiError::bad(
            "invalid_input",
            format!(
                "job {} is a {} job, not an improve job",
                job.id,
                job.kind.as_str()
            ),
        ));
    }
    let mut result = completed_result(job)?;
    let stored =
        |field: &str| ApiError::Backend(format!("the improve job's result has no valid `{field}`"));
    let resume: Resume =
        serde_json::from_value(result["resume"].take()).map_err(|_| stored("resume"))?;
    let improvements: Improvements = serde_json::from_value(result["improvements"].take())
        .map_err(|_| stored("improvements"))?;
    if let Some(unknown) = accept
        .suggestions
        .iter()
        .find(|id| !improvements.suggestions.iter().any(|s| &s.id == *id))
    {
        return Err(ApiError::bad(
            "unknown_suggestion",
            format!("no suggestion `{unknown}` in this job"),
        ));
    }
    let applied = state
        .engine
        .apply(&resume, improvements.select(&accept.suggestions))?;
    Ok(Json(applied))
}
