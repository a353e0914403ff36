//! Reading call arguments into engine values: a job id.

use resume_engine::EngineError;
use resume_engine::jobs::{JobId, JobsError};

/// A job id from its text.
pub(crate) fn job_id(id: &str) -> Result<JobId, EngineError> {
    id.parse()
        .map_err(|error: JobsError| EngineError::InvalidInput(error.to_string()))
}
