//! Import from and export to the JSON Resume schema (being written).
use super::{ModelError, Resume};
use serde_json::Value;

/// Converts a resume to a JSON Resume document.
pub fn to_json_resume(_resume: &Resume) -> Value {
    Value::Null
}

/// Reads a JSON Resume document.
pub fn from_json_resume(_doc: &Value) -> Result<Resume, ModelError> {
    Err(ModelError::InvalidJsonResume("not yet implemented".into()))
}
