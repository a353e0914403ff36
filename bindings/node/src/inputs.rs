//! Reading call arguments into engine inputs: a document or a resume, a
//! keyword target, improve options, suggestions, and a job to submit.

use napi::bindgen_prelude::{Object, Uint8Array};
use napi::{Either, Env};
use resume_engine::EngineError;
use resume_engine::engine::JobRequest;
use resume_engine::improve::{ImproveOptions, Improvements, Suggestion};
use resume_engine::jobs::{JobId, JobInput, NewJob};
use resume_engine::model::ModelError;
use serde_json::Value;

use crate::error::invalid_input;

/// What a call reads a resume from.
pub enum Source {
    /// PDF, DOCX, text or resume JSON bytes.
    Document(Vec<u8>),
    /// A resume already structured.
    Resume(Box<resume_engine::Resume>),
}

/// A resume argument: document bytes or a resume object.
pub type ResumeArg<'a> = Either<Uint8Array, Object<'a>>;

impl Source {
    /// A `Buffer`/`Uint8Array` as a document; an object as a resume.
    pub fn from_arg(env: &Env, arg: ResumeArg<'_>) -> Result<Self, EngineError> {
        match arg {
            Either::A(bytes) => Ok(Self::Document(bytes.to_vec())),
            Either::B(object) => {
                let value: Value = env
                    .from_js_value(object)
                    .map_err(|error| invalid_input(error.reason.clone()))?;
                resume(value).map(|resume| Self::Resume(Box::new(resume)))
            }
        }
    }

    /// The structured resume, parsing a document first.
    pub fn into_resume(
        self,
        engine: &resume_engine::Engine,
    ) -> Result<resume_engine::Resume, EngineError> {
        match self {
            Self::Document(bytes) => Ok(engine.load_resume(&bytes)?.resume),
            Self::Resume(resume) => Ok(*resume),
        }
    }
}

/// An object in the engine's resume schema, as an engine resume.
pub fn resume(value: Value) -> Result<resume_engine::Resume, EngineError> {
    serde_json::from_value(value)
        .map_err(|error| EngineError::Model(ModelError::InvalidJson(error)))
}

/// Improve options; `None` keeps the default.
pub fn improve_options(
    include_summary: Option<bool>,
    include_projects: Option<bool>,
    max_bullet_words: Option<u32>,
    max_summary_words: Option<u32>,
) -> ImproveOptions {
    let defaults = ImproveOptions::default();
    ImproveOptions {
        include_summary: include_summary.unwrap_or(defaults.include_summary),
        include_projects: include_projects.unwrap_or(defaults.include_projects),
        max_bullet_words: max_bullet_words
            .map_or(defaults.max_bullet_words, |words| words as usize),
        max_summary_words: max_summary_words
            .map_or(defaults.max_summary_words, |words| words as usize),
    }
}

/// The suggestions to apply: from an `improve` result (those with a
/// rewrite, or those listed in `ids`), or from an array of suggestions
/// (those listed in `ids`, when given).
pub fn suggestions(value: Value, ids: Option<&[String]>) -> Result<Vec<Suggestion>, EngineError> {
    let invalid = |error: serde_json::Error| invalid_input(error.to_string());
    if value.is_array() {
        let all: Vec<Suggestion> = serde_json::from_value(value).map_err(invalid)?;
        let listed = |suggestion: &Suggestion| ids.is_none_or(|ids| ids.contains(&suggestion.id));
        return Ok(all.into_iter().filter(listed).collect());
    }
    let improvements: Improvements = serde_json::from_value(value).map_err(invalid)?;
    Ok(match ids {
        Some(ids) => improvements.select(ids).cloned().collect(),
        None => improvements.rewrites().cloned().collect(),
    })
}

/// A job id from its text.
pub fn job_id(id: &str) -> Result<JobId, EngineError> {
    id.parse()
        .map_err(|error: resume_engine::jobs::JobsError| invalid_input(error.to_string()))
}

/// What `submit` takes besides the kind and the source.
#[napi_derive::napi(object)]
#[derive(Default)]
pub struct SubmitOptions {
    /// A job description to match keywords against.
    pub job_description: Option<String>,
    /// A keyword pack (a built-in name or a file path).
    pub keywords: Option<String>,
    /// The template for generate and process jobs.
    pub template: Option<String>,
    /// The output formats for generate and process jobs (`pdf`, `docx`).
    pub formats: Option<Vec<String>>,
    /// Improver providers in fallback order.
    pub providers: Option<Vec<String>>,
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

/// The job to enqueue: `source` as the job's input, `options` for the rest.
pub fn new_job(
    kind: &str,
    source: Option<Source>,
    options: SubmitOptions,
) -> Result<NewJob, EngineError> {
    let input = match source {
        Some(Source::Document(bytes)) => JobInput::document(bytes),
        Some(Source::Resume(resume)) => JobInput::resume(*resume),
        None => JobInput::default(),
    };
    let request = JobRequest {
        job_description: options.job_description,
        keywords: options.keywords,
        template: options.template,
        formats: options.formats.unwrap_or_default(),
        providers: options.providers.unwrap_or_default(),
        filename: options.filename,
        source_job: options.source_job,
        job_id: options.job_id,
        user: options.user,
        max_attempts: options.max_attempts,
    };
    request.into_new_job(kind, input)
}
