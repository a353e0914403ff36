//! The module-level functions: parse, analyze, improve, apply and render
//! resumes on a default engine (no job backend), plus templates and JSON
//! Resume conversion.

use std::sync::OnceLock;

use napi::bindgen_prelude::{AsyncTask, PromiseRaw, Uint8Array};
use napi::{Env, Unknown};
use napi_derive::napi;
use resume_engine::model;
use resume_engine::render::{BuiltinTemplate, Template};
use resume_engine::score::Target;
use resume_engine::{EngineConfig, EngineError};
use serde_json::Value;

use crate::error::to_js;
use crate::inputs::{self, ResumeArg, Source};
use crate::promise::{self, Output, Work, json};

/// The engine behind the module-level functions, built on first use; its
/// improver reads API keys from the environment.
fn default_engine() -> Result<resume_engine::Engine, EngineError> {
    static ENGINE: OnceLock<resume_engine::Engine> = OnceLock::new();
    if let Some(engine) = ENGINE.get() {
        return Ok(engine.clone());
    }
    let engine = resume_engine::Engine::builder()
        .config(EngineConfig::from_env())
        .build()?;
    Ok(ENGINE.get_or_init(|| engine).clone())
}

/// Options of `analyze`: what to score the resume against.
#[napi(object)]
pub struct AnalyzeOptions {
    /// A job description's text to match keywords against.
    pub job_description: Option<String>,
    /// A keyword pack: a built-in name or a file path.
    pub keywords: Option<String>,
}

/// Options of `improve`.
#[napi(object)]
pub struct ImproveOptions {
    /// Suggest a rewrite of the summary too (default true).
    pub include_summary: Option<bool>,
    /// Suggest rewrites of project bullets too (default true).
    pub include_projects: Option<bool>,
    /// The longest rewritten bullet, in words.
    pub max_bullet_words: Option<u32>,
    /// The longest rewritten summary, in words.
    pub max_summary_words: Option<u32>,
}

/// Options of `render`.
#[napi(object)]
pub struct RenderOptions {
    /// A built-in template's name (default `modern`).
    pub template: Option<String>,
    /// `pdf` (default) or `docx`.
    pub format: Option<String>,
}

/// Parses a PDF, DOCX or plain-text document into a resume object.
#[napi(ts_return_type = "Promise<Resume>")]
pub fn parse(data: Uint8Array) -> AsyncTask<Work> {
    let data = data.to_vec();
    promise::spawn(move || json(&default_engine()?.parse(&data)?))
}

/// Scores a resume (document bytes or a resume object) against a job
/// description, a keyword pack, or by default the best-fitting built-in
/// pack.
#[napi(ts_return_type = "Promise<Analysis>")]
pub fn analyze(
    env: &Env,
    #[napi(ts_arg_type = "Uint8Array | ResumeInput")] resume: ResumeArg<'_>,
    options: Option<AnalyzeOptions>,
) -> AsyncTask<Work> {
    let source = Source::from_arg(env, resume);
    promise::spawn(move || {
        let source = source?;
        let (job_description, keywords) = options
            .map(|options| (options.job_description, options.keywords))
            .unwrap_or_default();
        let target = Target::from_options(job_description.as_deref(), keywords.as_deref())?;
        let engine = default_engine()?;
        let analysis = match source {
            Source::Document(bytes) => engine.analyze(&bytes, &target)?,
            Source::Resume(resume) => engine.analyze_resume(&resume, None, &target),
        };
        json(&analysis)
    })
}

/// Suggests rewrites of the resume's bullets and summary; the resume is not
/// changed.
#[napi(ts_return_type = "Promise<Improvements>")]
pub fn improve<'env>(
    env: &'env Env,
    #[napi(ts_arg_type = "Uint8Array | ResumeInput")] resume: ResumeArg<'_>,
    options: Option<ImproveOptions>,
) -> napi::Result<PromiseRaw<'env, Unknown<'env>>> {
    let source = Source::from_arg(env, resume);
    let options = options.map_or_else(
        || inputs::improve_options(None, None, None, None),
        |options| {
            inputs::improve_options(
                options.include_summary,
                options.include_projects,
                options.max_bullet_words,
                options.max_summary_words,
            )
        },
    );
    promise::spawn_async(env, async move {
        let engine = default_engine()?;
        let resume = source?.into_resume(&engine)?;
        json(&engine.improve(&resume, &options).await?)
    })
}

/// Applies suggestions (an `improve` result, or an array of suggestions) to
/// a copy of the resume, all or none; `ids` keeps only those suggestions.
#[napi(ts_return_type = "Promise<Applied>")]
pub fn apply(
    #[napi(ts_arg_type = "ResumeInput")] resume: Value,
    #[napi(ts_arg_type = "Improvements | Suggestion[]")] improvements: Value,
    ids: Option<Vec<String>>,
) -> AsyncTask<Work> {
    promise::spawn(move || {
        let resume = inputs::resume(resume)?;
        let suggestions = inputs::suggestions(improvements, ids.as_deref())?;
        json(&default_engine()?.apply(&resume, &suggestions)?)
    })
}

/// Renders a resume object with a built-in template to PDF or DOCX bytes.
#[napi(ts_return_type = "Promise<Buffer>")]
pub fn render(
    #[napi(ts_arg_type = "ResumeInput")] resume: Value,
    options: Option<RenderOptions>,
) -> AsyncTask<Work> {
    promise::spawn(move || {
        let resume = inputs::resume(resume)?;
        let (template, format) = match &options {
            Some(options) => {
                Template::with_format(options.template.as_deref(), options.format.as_deref())?
            }
            None => Template::with_format(None, None)?,
        };
        let document = default_engine()?.render(&resume, &template, format)?;
        Ok(Output::Bytes(document))
    })
}

/// The names of the built-in templates.
#[napi]
pub fn templates() -> Vec<&'static str> {
    BuiltinTemplate::NAMES.to_vec()
}

/// A resume object as a JSON Resume document.
#[napi(ts_return_type = "Record<string, unknown>")]
pub fn to_json_resume(
    env: &Env,
    #[napi(ts_arg_type = "ResumeInput")] resume: Value,
) -> napi::Result<Unknown<'_>> {
    let resume = inputs::resume(resume).map_err(|error| to_js(env, &error))?;
    env.to_js_value(&model::to_json_resume(&resume))
}

/// A JSON Resume document as a resume object.
#[napi(ts_return_type = "Resume")]
pub fn from_json_resume(
    env: &Env,
    #[napi(ts_arg_type = "Record<string, unknown>")] document: Value,
) -> napi::Result<Unknown<'_>> {
    let resume = model::from_json_resume(&document)
        .map_err(|error| to_js(env, &EngineError::Model(error)))?;
    env.to_js_value(&resume)
}
