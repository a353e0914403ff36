//! A job submission in plain values (names of kinds, formats and
//! providers, ids as text), as hosts without the Rust types pass it.

use serde::{Deserialize, Serialize};

use super::EngineError;
use crate::improve::ProviderKind;
use crate::jobs::{JobId, JobInput, JobKind, JobsError, NewJob};
use crate::render::OutputFormat;

/// What a submission takes besides its kind and source.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct JobRequest {
    /// A job description to match keywords against.
    pub job_description: Option<String>,
    /// A built-in keyword pack.
    pub keywords: Option<String>,
    /// The template for generate and process jobs.
    pub template: Option<String>,
    /// The output formats for generate and process jobs (`pdf`, `docx`).
    pub formats: Vec<String>,
    /// Improver providers in fallback order (`rules`, `gemini`, `claude`).
    pub providers: Vec<String>,
    /// The document's file name, kept for the record.
    pub filename: Option<String>,
    /// A previous job whose resume is rendered again.
    pub source_job: Option<String>,
    /// The job id to use (idempotent submission).
    pub job_id: Option<String>,
    /// Who submits the job.
    pub user: Option<String>,
    /// Attempts before the job fails for good.
    pub max_attempts: Option<u32>,
}

impl JobRequest {
    /// The job of `kind` (`analyze`, `improve`, `generate`, `process`) on
    /// `input` (its source) with these options; a bad name or id is
    /// [`EngineError::InvalidInput`] or the parse error of its type.
    pub fn into_new_job(self, kind: &str, mut input: JobInput) -> Result<NewJob, EngineError> {
        let invalid = |message: String| EngineError::InvalidInput(message);
        let kind = kind
            .parse::<JobKind>()
            .map_err(|error| invalid(error.to_string()))?;
        input.source_job = self.source_job.as_deref().map(job_id).transpose()?;
        input.filename = self.filename;
        input.job_description = self.job_description;
        input.keywords = self.keywords;
        input.template = self.template;
        input.formats = self
            .formats
            .iter()
            .map(|format| format.parse::<OutputFormat>())
            .collect::<Result<_, _>>()?;
        input.providers = self
            .providers
            .iter()
            .map(|provider| provider.parse::<ProviderKind>())
            .collect::<Result<_, _>>()
            .map_err(invalid)?;
        let value = serde_json::to_value(&input).map_err(|error| invalid(error.to_string()))?;
        let mut job = NewJob::new(kind, value);
        if let Some(id) = self.job_id.as_deref() {
            job = job.with_id(job_id(id)?);
        }
        if let Some(user) = self.user {
            job = job.with_user(user);
        }
        if let Some(attempts) = self.max_attempts {
            job = job.with_max_attempts(attempts);
        }
        Ok(job)
    }
}

/// A job id from text.
fn job_id(id: &str) -> Result<JobId, EngineError> {
    id.parse()
        .map_err(|error: JobsError| EngineError::InvalidInput(error.to_string()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn plain_values_become_a_job_and_bad_ones_are_typed_errors() {
        let request = JobRequest {
            template: Some("classic".into()),
            formats: vec!["pdf".into(), "docx".into()],
            providers: vec!["rules".into()],
            user: Some("alice".into()),
            max_attempts: Some(5),
            ..JobRequest::default()
        };
        let job = request
            .into_new_job("generate", JobInput::document(b"text".to_vec()))
            .unwrap();
        assert_eq!(job.kind, JobKind::Generate);
        assert_eq!(job.user.as_deref(), Some("alice"));
        assert_eq!(job.max_attempts, 5);
        let input: JobInput = serde_json::from_value(job.input).unwrap();
        assert_eq!(input.formats, vec![OutputFormat::Pdf, OutputFormat::Docx]);
        let bad_kind = JobRequest::default().into_new_job("render", JobInput::default());
        assert_eq!(bad_kind.unwrap_err().code(), "invalid_input");
        let bad_id = JobRequest {
            job_id: Some("nope".into()),
            ..JobRequest::default()
        }
        .into_new_job("analyze", JobInput::default());
        assert_eq!(bad_id.unwrap_err().code(), "invalid_input");
    }
}
