//! What the engine's jobs take: a document or resume, and the options of
//! each stage.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::JobId;
use crate::improve::{ImproveOptions, ProviderKind};
use crate::model::Resume;
use crate::render::OutputFormat;

/// The input of an `analyze`, `improve`, `generate` or `process` job. Give
/// exactly one source: `document` (PDF, DOCX, text or resume JSON bytes),
/// `resume`, or, for `generate`, `source_job` (regenerate from a previous
/// job's resume).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct JobInput {
    /// The uploaded document, base64 in JSON.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "to_base64",
        deserialize_with = "from_base64"
    )]
    pub document: Option<Vec<u8>>,
    /// The document's file name, kept for the record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// A resume already structured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resume: Option<Resume>,
    /// A previous job whose resume (improved, when it was an improve or
    /// process job with applied suggestions) is rendered again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_job: Option<JobId>,
    /// A job description to match keywords against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_description: Option<String>,
    /// A built-in keyword pack (ignored when a job description is given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keywords: Option<String>,
    /// The template to render with (default `modern`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// The formats to render (default PDF).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub formats: Vec<OutputFormat>,
    /// The improver providers in fallback order (default: the engine's).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub providers: Vec<ProviderKind>,
    /// What the improver rewrites.
    pub improve: ImproveOptions,
}

impl JobInput {
    /// Input reading `bytes` (PDF, DOCX, text or resume JSON).
    pub fn document(bytes: impl Into<Vec<u8>>) -> Self {
        Self {
            document: Some(bytes.into()),
            ..Self::default()
        }
    }

    /// Input taking an already structured resume.
    pub fn resume(resume: Resume) -> Self {
        Self {
            resume: Some(resume),
            ..Self::default()
        }
    }

    /// Input regenerating the resume of a previous job.
    pub fn from_job(job: JobId) -> Self {
        Self {
            source_job: Some(job),
            ..Self::default()
        }
    }
}

fn to_base64<S: Serializer>(bytes: &Option<Vec<u8>>, serializer: S) -> Result<S::Ok, S::Error> {
    match bytes {
        Some(bytes) => serializer.serialize_str(&STANDARD.encode(bytes)),
        None => serializer.serialize_none(),
    }
}

fn from_base64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Vec<u8>>, D::Error> {
    let text = Option::<String>::deserialize(deserializer)?;
    text.map(|text| STANDARD.decode(text.trim()).map_err(serde::de::Error::custom))
        .transpose()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn documents_travel_as_base64() {
        let input = JobInput::document(b"%PDF-1.7\x00\xff".to_vec());
        let json = serde_json::to_value(&input).unwrap();
        assert_eq!(json["document"], "JVBERi0xLjcA/w==");
        let back: JobInput = serde_json::from_value(json).unwrap();
        assert_eq!(back, input);
    }

    #[test]
    fn unknown_fields_and_bad_base64_are_refused() {
        assert!(serde_json::from_str::<JobInput>(r#"{"documnet": "AA=="}"#).is_err());
        assert!(serde_json::from_str::<JobInput>(r#"{"document": "not base64!"}"#).is_err());
    }
}
