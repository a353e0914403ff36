//! Reading call arguments into engine inputs: a document or a resume, a
//! keyword target, improve options, suggestions, and a job to submit.

use std::borrow::Cow;

use pyo3::prelude::*;
use resume_engine::EngineError;
use resume_engine::engine::JobRequest;
use resume_engine::improve::{ImproveOptions, Improvements, Suggestion};
use resume_engine::jobs::{JobId, JobInput, NewJob};

use crate::convert::{from_py, from_py_as};
use crate::error::{invalid_resume, to_py};
use crate::records::{Improvements as PyImprovements, Record, Resume};

/// What a call reads a resume from.
pub enum Source {
    /// PDF, DOCX, text or resume JSON bytes.
    Document(Vec<u8>),
    /// A resume already structured.
    Resume(Box<resume_engine::Resume>),
}

impl Source {
    /// `bytes`/`bytearray` as a document; a `Resume` or a dict as a resume.
    pub fn extract(object: &Bound<'_, PyAny>) -> PyResult<Self> {
        match object.extract::<Cow<'_, [u8]>>() {
            Ok(bytes) => Ok(Self::Document(bytes.into_owned())),
            Err(_) => resume(object).map(|resume| Self::Resume(Box::new(resume))),
        }
    }
}

/// A `Resume`, or a dict in the engine's schema, as an engine resume.
pub fn resume(object: &Bound<'_, PyAny>) -> PyResult<resume_engine::Resume> {
    if let Ok(resume) = object.cast::<Resume>() {
        return Ok(resume.get().inner().clone());
    }
    serde_json::from_value(from_py(object)?).map_err(invalid_resume)
}

/// Improve options from keyword arguments; `None` keeps the default.
pub fn improve_options(
    include_summary: bool,
    include_projects: bool,
    max_bullet_words: Option<usize>,
    max_summary_words: Option<usize>,
) -> ImproveOptions {
    let defaults = ImproveOptions::default();
    ImproveOptions {
        include_summary,
        include_projects,
        max_bullet_words: max_bullet_words.unwrap_or(defaults.max_bullet_words),
        max_summary_words: max_summary_words.unwrap_or(defaults.max_summary_words),
    }
}

/// The suggestions to apply: from an `Improvements` result (those with a
/// rewrite, or those listed in `ids`), or from a list of suggestion dicts
/// or records (those listed in `ids`, when given).
pub fn suggestions(object: &Bound<'_, PyAny>, ids: Option<&[String]>) -> PyResult<Vec<Suggestion>> {
    let listed = |suggestion: &Suggestion| ids.is_none_or(|ids| ids.contains(&suggestion.id));
    if let Ok(improvements) = object.cast::<PyImprovements>() {
        let record: &Bound<'_, Record> = improvements.as_super();
        let improvements: Improvements = serde_json::from_value(record.get().value().clone())
            .map_err(|error| to_py(&EngineError::InvalidInput(error.to_string())))?;
        return Ok(match ids {
            Some(ids) => improvements.select(ids).cloned().collect(),
            None => improvements.rewrites().cloned().collect(),
        });
    }
    let all: Vec<Suggestion> = from_py_as(object)?;
    Ok(all.into_iter().filter(listed).collect())
}

/// A job id from its text.
pub fn job_id(id: &str) -> PyResult<JobId> {
    id.parse().map_err(|error: resume_engine::jobs::JobsError| {
        to_py(&EngineError::InvalidInput(error.to_string()))
    })
}

/// The job to enqueue: `source` as the job's input, `options` for the rest.
pub fn new_job(kind: &str, source: Option<Source>, options: JobRequest) -> PyResult<NewJob> {
    let input = match source {
        Some(Source::Document(bytes)) => JobInput::document(bytes),
        Some(Source::Resume(resume)) => JobInput::resume(*resume),
        None => JobInput::default(),
    };
    options
        .into_new_job(kind, input)
        .map_err(|error| to_py(&error))
}
