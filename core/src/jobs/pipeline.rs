//! The engine's job handler: what `analyze`, `improve`, `generate` and
//! `process` jobs do, stage by stage.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use super::ProgressReporter;
use super::results::{AnalyzeResult, GenerateResult, ImproveResult, ProcessResult};
use super::{Failure, Job, JobHandler, JobId, JobInput, JobKind, JobStatus, JobStore, Outcome};
use crate::improve::{Improvements, improver_for};
use crate::parse::LayoutSignals;
use crate::render::{OutputFormat, Template};
use crate::score::{KeywordPack, Target};
use crate::storage::{BlobKey, BlobStore};
use crate::{Engine, EngineError, Resume};

/// How long the signed URLs in a generate or process job's result stay
/// valid by default: 7 days.
pub const DEFAULT_URL_TTL: Duration = Duration::from_secs(7 * 24 * 60 * 60);

/// A rendered file of a job's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct GeneratedFile {
    /// The template used.
    pub template: String,
    /// The format.
    pub format: OutputFormat,
    /// Where it is stored (`jobs/<id>/<template>.<ext>`).
    pub key: BlobKey,
    /// A signed URL that fetches it until it expires.
    pub url: String,
    /// Its size in bytes.
    pub bytes: usize,
}

/// Runs the engine's job kinds: parses on a blocking thread, scores,
/// improves through the engine's improver, renders into blob storage.
#[derive(Debug, Clone)]
pub struct EngineHandler {
    engine: Engine,
    store: Arc<dyn JobStore>,
    blobs: Arc<dyn BlobStore>,
    url_ttl: Duration,
}

impl EngineHandler {
    /// A handler running jobs with `engine`, reading previous jobs from
    /// `store` and writing files to `blobs`.
    pub fn new(engine: Engine, store: Arc<dyn JobStore>, blobs: Arc<dyn BlobStore>) -> Self {
        Self {
            engine,
            store,
            blobs,
            url_ttl: DEFAULT_URL_TTL,
        }
    }

    /// Sets how long result URLs stay valid.
    pub fn with_url_ttl(mut self, ttl: Duration) -> Self {
        self.url_ttl = ttl;
        self
    }

    /// The resume of the input, and the layout signals when it was read
    /// from a document.
    async fn load(&self, input: &mut JobInput) -> Result<(Resume, Option<LayoutSignals>), Failure> {
        let sources = [
            input.document.is_some(),
            input.resume.is_some(),
            input.source_job.is_some(),
        ];
        if sources.iter().filter(|given| **given).count() != 1 {
            return Err(Failure::permanent(
                "invalid_input",
                "give exactly one of `document`, `resume` and `source_job`",
            ));
        }
        if let Some(resume) = input.resume.take() {
            return Ok((resume, None));
        }
        if let Some(source) = input.source_job {
            return Ok((self.previous_resume(source).await?, None));
        }
        let bytes = input.document.take().unwrap_or_default();
        let engine = self.engine.clone();
        let loaded = tokio::task::spawn_blocking(move || engine.load_resume(&bytes))
            .await
            .map_err(|join| Failure::permanent("internal", format!("the parser crashed: {join}")))?
            .map_err(failure)?;
        Ok((loaded.resume, loaded.layout))
    }

    async fn previous_resume(&self, source: JobId) -> Result<Resume, Failure> {
        let job = self
            .store
            .get(source)
            .await
            .map_err(|error| Failure::transient("jobs", error.to_string()))?
            .ok_or_else(|| {
                Failure::permanent("job_not_found", format!("source job {source} not found"))
            })?;
        if job.status != JobStatus::Completed {
            return Err(Failure::permanent(
                "job_not_finished",
                format!("source job {source} is {}, not completed", job.status),
            ));
        }
        let resume = job
            .result
            .as_ref()
            .and_then(|result| result.get("resume"))
            .cloned();
        let resume = resume.ok_or_else(|| {
            Failure::permanent(
                "invalid_input",
                format!("source job {source} has no resume"),
            )
        })?;
        serde_json::from_value(resume)
            .map_err(|error| Failure::permanent("invalid_input", error.to_string()))
    }

    async fn improve(&self, resume: &Resume, input: &JobInput) -> Result<Improvements, Failure> {
        let improver = if input.providers.is_empty() {
            self.engine.improver().clone()
        } else {
            improver_for(&input.providers, &self.engine.config().improve)
                .map_err(|error| failure(error.into()))?
        };
        improver
            .improve(resume, &input.improve)
            .await
            .map_err(|error| failure(error.into()))
    }

    /// Renders `resume` in every requested format and stores the files
    /// under the job's folder (a retry overwrites them).
    async fn render(
        &self,
        job: JobId,
        resume: &Resume,
        input: &JobInput,
    ) -> Result<Vec<GeneratedFile>, Failure> {
        let name = input
            .template
            .clone()
            .unwrap_or_else(|| "modern".to_owned());
        let template = Template::named(&name).map_err(|error| failure(error.into()))?;
        let formats = if input.formats.is_empty() {
            vec![OutputFormat::Pdf]
        } else {
            input.formats.clone()
        };
        let mut files = Vec::with_capacity(formats.len());
        for format in formats {
            let (engine, resume, template) =
                (self.engine.clone(), resume.clone(), template.clone());
            let bytes =
                tokio::task::spawn_blocking(move || engine.render(&resume, &template, format))
                    .await
                    .map_err(|join| {
                        Failure::permanent("internal", format!("the renderer crashed: {join}"))
                    })?
                    .map_err(failure)?;
            let key = BlobKey::for_job(job, &format!("{name}.{}", format.extension()))
                .map_err(|error| Failure::permanent("invalid_input", error.to_string()))?;
            let size = bytes.len();
            let content_type = match format {
                OutputFormat::Pdf => "application/pdf",
                OutputFormat::Docx => {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                }
            };
            self.blobs
                .put(&key, bytes, content_type)
                .await
                .map_err(|error| Failure::transient("storage", error.to_string()))?;
            let url = self
                .blobs
                .signed_url(&key, self.url_ttl)
                .await
                .map_err(|error| Failure::transient("storage", error.to_string()))?;
            files.push(GeneratedFile {
                template: name.clone(),
                format,
                key,
                url,
                bytes: size,
            });
        }
        Ok(files)
    }
}

#[async_trait]
impl JobHandler for EngineHandler {
    async fn run(&self, job: &Job, progress: &ProgressReporter) -> Result<Outcome, Failure> {
        let mut input: JobInput = serde_json::from_value(job.input.clone())
            .map_err(|error| Failure::permanent("invalid_input", error.to_string()))?;
        progress.report("parse", 10);
        let (resume, layout) = self.load(&mut input).await?;
        let target = target(&input)?;
        let outcome = match job.kind {
            JobKind::Analyze => {
                progress.report("analyze", 60);
                let analysis = self
                    .engine
                    .analyze_resume(&resume, layout.as_ref(), &target);
                Outcome::free(record(&AnalyzeResult { resume, analysis })?)
            }
            JobKind::Improve => {
                progress.report("improve", 40);
                let improvements = self.improve(&resume, &input).await?;
                let cost_usd = improvements.cost_usd;
                Outcome {
                    cost_usd,
                    result: record(&ImproveResult {
                        resume,
                        improvements,
                    })?,
                }
            }
            JobKind::Generate => {
                progress.report("render", 50);
                let files = self.render(job.id, &resume, &input).await?;
                Outcome::free(record(&GenerateResult { resume, files })?)
            }
            JobKind::Process => {
                progress.report("analyze", 20);
                let before = self
                    .engine
                    .analyze_resume(&resume, layout.as_ref(), &target);
                progress.report("improve", 40);
                let improvements = self.improve(&resume, &input).await?;
                let applied = self
                    .engine
                    .apply(&resume, improvements.rewrites())
                    .map_err(failure)?;
                let analysis =
                    self.engine
                        .analyze_resume(&applied.resume, layout.as_ref(), &target);
                progress.report("render", 70);
                let files = self.render(job.id, &applied.resume, &input).await?;
                Outcome {
                    cost_usd: improvements.cost_usd,
                    result: record(&ProcessResult {
                        resume: applied.resume,
                        original: resume,
                        analysis_before: before,
                        analysis,
                        improvements,
                        files,
                    })?,
                }
            }
        };
        Ok(outcome)
    }
}

/// A job's result as the JSON the job store keeps.
fn record(result: &impl Serialize) -> Result<serde_json::Value, Failure> {
    serde_json::to_value(result).map_err(|error| {
        Failure::permanent("internal", format!("the result did not serialize: {error}"))
    })
}

/// The keyword target of the input: the job description, a built-in pack
/// (never a file on the worker), or automatic.
fn target(input: &JobInput) -> Result<Target, Failure> {
    if let Some(text) = &input.job_description {
        return Target::job_description(text).map_err(|error| failure(error.into()));
    }
    match &input.keywords {
        Some(name) => KeywordPack::builtin(name)
            .map(Target::Pack)
            .map_err(|error| failure(error.into())),
        None => Ok(Target::Auto),
    }
}

/// An engine error as a job failure with its stable code; retryable when
/// the error is.
fn failure(error: EngineError) -> Failure {
    Failure {
        code: error.code().to_owned(),
        message: error.to_string(),
        retryable: error.is_retryable(),
    }
}
