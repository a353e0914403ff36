//! The `ResumeEngine` object: parse, analyze, improve, apply and render
//! resumes, and submit jobs to a worker in this process. Each method
//! converts its arguments, calls `resume_engine::Engine` and converts the
//! result; the `…Async` twins and the job methods are suspend functions in
//! Kotlin and `async` in Swift, with CPU work on tokio's blocking pool.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use resume_engine::engine::{DEFAULT_WAIT, JobRequest, WorkerHandle};
use resume_engine::improve::{self, ImproveOptions};
use resume_engine::jobs::{JobInput, WorkerConfig};
use resume_engine::render::Template;
use resume_engine::score::Target;
use resume_engine::{Engine, EngineConfig, EngineError, model};

use crate::analysis::Analysis;
use crate::error::ResumeEngineError;
use crate::improvements::{Applied, Improvements};
use crate::inputs::job_id;
use crate::jobs::{JobOptions, JobSummary, WorkerStats};
use crate::resume::Resume;

/// The resume engine: embedded and offline (parsing, scoring, the
/// rule-based improver, Typst rendering), with jobs in memory or in an
/// SQLite file. Safe to share across threads.
#[derive(Debug, uniffi::Object)]
pub struct ResumeEngine {
    inner: Engine,
    worker: Mutex<Option<WorkerHandle>>,
}

impl ResumeEngine {
    /// Wraps an engine.
    fn wrap(inner: Engine) -> Arc<Self> {
        Arc::new(Self {
            inner,
            worker: Mutex::new(None),
        })
    }
}

/// Runs CPU-bound engine work on tokio's blocking pool, off the caller's
/// thread.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, EngineError> + Send + 'static,
) -> Result<T, ResumeEngineError> {
    let result = tokio::task::spawn_blocking(work)
        .await
        .map_err(ResumeEngineError::internal)?;
    Ok(result?)
}

#[uniffi::export(async_runtime = "tokio")]
impl ResumeEngine {
    /// An engine whose jobs live in `backend` (`memory:`, the default, or
    /// `sqlite:PATH`) and whose generated files go to `storage` (a folder;
    /// default: a temporary folder). Opening an SQLite file blocks the
    /// calling thread briefly: from a coroutine or a Swift task, prefer
    /// [`ResumeEngine::open`].
    #[uniffi::constructor(default(backend = None, storage = None))]
    pub fn new(
        backend: Option<String>,
        storage: Option<String>,
    ) -> Result<Arc<Self>, ResumeEngineError> {
        let opening = Engine::with_stores(
            EngineConfig::default(),
            backend.as_deref(),
            storage.as_deref(),
        );
        // The SQLite store opens its file on tokio's blocking pool: a
        // runtime of the call's own drives it. The stores keep no task on
        // it, so it can end with the call.
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(ResumeEngineError::internal)?;
        Ok(Self::wrap(runtime.block_on(opening)?))
    }

    /// Like the constructor, without blocking the caller: a suspend
    /// function in Kotlin, `async` in Swift.
    #[uniffi::constructor(default(backend = None, storage = None))]
    pub async fn open(
        backend: Option<String>,
        storage: Option<String>,
    ) -> Result<Arc<Self>, ResumeEngineError> {
        let engine = Engine::with_stores(
            EngineConfig::default(),
            backend.as_deref(),
            storage.as_deref(),
        )
        .await?;
        Ok(Self::wrap(engine))
    }

    /// Parses a resume from PDF, DOCX or plain-text bytes (the format is
    /// detected from the bytes).
    pub fn parse(&self, data: Vec<u8>) -> Result<Resume, ResumeEngineError> {
        Ok(self.inner.parse(&data)?.into())
    }

    /// [`ResumeEngine::parse`] off the caller's thread.
    pub async fn parse_async(&self, data: Vec<u8>) -> Result<Resume, ResumeEngineError> {
        let engine = self.inner.clone();
        Ok(blocking(move || engine.parse(&data)).await?.into())
    }

    /// Scores a resume against a job description's text, else a keyword
    /// pack, else the best-fitting built-in pack.
    #[uniffi::method(default(job_description = None, keywords = None))]
    pub fn analyze(
        &self,
        resume: Resume,
        job_description: Option<String>,
        keywords: Option<String>,
    ) -> Result<Analysis, ResumeEngineError> {
        let resume = model::Resume::try_from(resume)?;
        let target = Target::from_options(job_description.as_deref(), keywords.as_deref())
            .map_err(EngineError::from)?;
        Ok(self.inner.analyze_resume(&resume, None, &target).into())
    }

    /// Reads and scores a document in one call: the layout the reader saw
    /// (columns, tables, headings) counts in the structure category.
    #[uniffi::method(default(job_description = None, keywords = None))]
    pub fn analyze_document(
        &self,
        data: Vec<u8>,
        job_description: Option<String>,
        keywords: Option<String>,
    ) -> Result<Analysis, ResumeEngineError> {
        let target = Target::from_options(job_description.as_deref(), keywords.as_deref())
            .map_err(EngineError::from)?;
        Ok(self.inner.analyze(&data, &target)?.into())
    }

    /// [`ResumeEngine::analyze_document`] off the caller's thread.
    #[uniffi::method(default(job_description = None, keywords = None))]
    pub async fn analyze_document_async(
        &self,
        data: Vec<u8>,
        job_description: Option<String>,
        keywords: Option<String>,
    ) -> Result<Analysis, ResumeEngineError> {
        let engine = self.inner.clone();
        let analysis = blocking(move || {
            let target = Target::from_options(job_description.as_deref(), keywords.as_deref())
                .map_err(EngineError::from)?;
            engine.analyze(&data, &target)
        })
        .await?;
        Ok(analysis.into())
    }

    /// Suggests rewrites of the resume's bullets and summary with the
    /// offline rule-based improver. The resume is not changed: pass the
    /// accepted suggestions to [`ResumeEngine::apply`].
    pub async fn improve(&self, resume: Resume) -> Result<Improvements, ResumeEngineError> {
        let resume = model::Resume::try_from(resume)?;
        let improvements = self
            .inner
            .improve(&resume, &ImproveOptions::default())
            .await?;
        Ok(improvements.into())
    }

    /// Applies suggestions to a copy of the resume, all or none: those
    /// listed in `ids`, or by default every suggestion with a rewrite.
    #[uniffi::method(default(ids = None))]
    pub fn apply(
        &self,
        resume: Resume,
        improvements: Improvements,
        ids: Option<Vec<String>>,
    ) -> Result<Applied, ResumeEngineError> {
        let resume = model::Resume::try_from(resume)?;
        let improvements = improve::Improvements::try_from(improvements)?;
        let applied = match ids {
            Some(ids) => self.inner.apply(&resume, improvements.select(&ids)),
            None => self.inner.apply(&resume, improvements.rewrites()),
        }?;
        Ok(applied.into())
    }

    /// Renders a resume with a built-in template (default `modern`, see
    /// [`templates`](crate::templates)) to `pdf` (default) or `docx` bytes.
    #[uniffi::method(default(template = None, format = None))]
    pub fn render(
        &self,
        resume: Resume,
        template: Option<String>,
        format: Option<String>,
    ) -> Result<Vec<u8>, ResumeEngineError> {
        let resume = model::Resume::try_from(resume)?;
        let (template, format) = Template::with_format(template.as_deref(), format.as_deref())
            .map_err(EngineError::from)?;
        Ok(self.inner.render(&resume, &template, format)?)
    }

    /// [`ResumeEngine::render`] off the caller's thread.
    #[uniffi::method(default(template = None, format = None))]
    pub async fn render_async(
        &self,
        resume: Resume,
        template: Option<String>,
        format: Option<String>,
    ) -> Result<Vec<u8>, ResumeEngineError> {
        let resume = model::Resume::try_from(resume)?;
        let engine = self.inner.clone();
        blocking(move || {
            let (template, format) = Template::with_format(template.as_deref(), format.as_deref())
                .map_err(EngineError::from)?;
            engine.render(&resume, &template, format)
        })
        .await
    }

    /// Submits a job of `kind` (`analyze`, `improve`, `generate`,
    /// `process`) on document bytes (or none, for a `generate` job with
    /// `source_job`) and returns its id; a worker runs it.
    #[uniffi::method(default(options = None))]
    pub async fn submit(
        &self,
        kind: String,
        data: Option<Vec<u8>>,
        options: Option<JobOptions>,
    ) -> Result<String, ResumeEngineError> {
        let input = data.map(JobInput::document).unwrap_or_default();
        self.submit_input(&kind, input, options).await
    }

    /// Submits a job of `kind` on a resume already structured.
    #[uniffi::method(default(options = None))]
    pub async fn submit_resume(
        &self,
        kind: String,
        resume: Resume,
        options: Option<JobOptions>,
    ) -> Result<String, ResumeEngineError> {
        let input = JobInput::resume(model::Resume::try_from(resume)?);
        self.submit_input(&kind, input, options).await
    }

    /// A job's status, progress and error.
    pub async fn status(&self, id: String) -> Result<JobSummary, ResumeEngineError> {
        Ok(self.inner.status(job_id(&id)?).await?.into())
    }

    /// A completed job's result as JSON text; `JobNotFinished` while it is
    /// queued or running, or when it failed.
    pub async fn result_json(&self, id: String) -> Result<String, ResumeEngineError> {
        Ok(self.inner.result(job_id(&id)?).await?.to_string())
    }

    /// Waits until the job is finished or `timeout_ms` milliseconds
    /// (default 60 000) have passed, and returns its last status: check
    /// `finished` to tell a finished job from a timeout.
    #[uniffi::method(default(timeout_ms = None))]
    pub async fn wait(
        &self,
        id: String,
        timeout_ms: Option<u64>,
    ) -> Result<JobSummary, ResumeEngineError> {
        let timeout = timeout_ms.map_or(DEFAULT_WAIT, Duration::from_millis);
        Ok(self.inner.wait(job_id(&id)?, timeout).await?.into())
    }

    /// Cancels a job that has not finished.
    pub async fn cancel(&self, id: String) -> Result<JobSummary, ResumeEngineError> {
        Ok(self.inner.cancel(job_id(&id)?).await?.into())
    }

    /// Starts a worker in this process running this engine's jobs
    /// (`concurrency` at once, default 2) until
    /// [`ResumeEngine::stop_worker`]; `InvalidInput` when one is already
    /// running.
    #[uniffi::method(default(concurrency = None))]
    pub async fn start_worker(&self, concurrency: Option<u32>) -> Result<(), ResumeEngineError> {
        let mut worker = self.worker.lock().unwrap_or_else(PoisonError::into_inner);
        if worker.is_some() {
            let running = EngineError::InvalidInput("a worker is already running".into());
            return Err(running.into());
        }
        let config = WorkerConfig {
            concurrency: concurrency.map_or(2, |count| count as usize).max(1),
            ..WorkerConfig::default()
        };
        *worker = Some(self.inner.spawn_worker(config));
        Ok(())
    }

    /// Stops the worker (running jobs may finish within the grace period)
    /// and returns what it did; `null` when no worker was running.
    pub async fn stop_worker(&self) -> Option<WorkerStats> {
        let handle = self
            .worker
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        match handle {
            Some(handle) => Some(handle.shutdown().await.into()),
            None => None,
        }
    }

    /// Whether a worker started with [`ResumeEngine::start_worker`] is
    /// running.
    pub fn worker_running(&self) -> bool {
        self.worker
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }
}

impl ResumeEngine {
    /// Submits a job of `kind` on `input` with `options`.
    async fn submit_input(
        &self,
        kind: &str,
        input: JobInput,
        options: Option<JobOptions>,
    ) -> Result<String, ResumeEngineError> {
        let request = JobRequest::from(options.unwrap_or_default());
        let job = request.into_new_job(kind, input)?;
        Ok(self.inner.submit_job(job).await?.to_string())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn fixture() -> Vec<u8> {
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/sample-resume.docx"
        ))
        .unwrap()
    }

    #[test]
    fn parses_scores_and_maps_errors_to_their_variants() {
        let engine = ResumeEngine::new(None, None).unwrap();
        let resume = engine.parse(fixture()).unwrap();
        assert_eq!(resume.email.as_deref(), Some("ana.ferreira@example.pt"));
        let analysis = engine.analyze(resume.clone(), None, None).unwrap();
        assert_eq!(analysis.categories.len(), 5);
        assert!((0.0..=100.0).contains(&analysis.total));
        let corrupt = engine.parse(b"%PDF-1.7 garbage".to_vec()).unwrap_err();
        assert!(matches!(corrupt, ResumeEngineError::Corrupt { .. }));
        let template = engine
            .render(resume, Some("nope".into()), None)
            .unwrap_err();
        assert!(matches!(
            template,
            ResumeEngineError::UnknownTemplate { .. }
        ));
    }

    #[tokio::test]
    async fn runs_a_job_with_the_worker() {
        let engine = ResumeEngine::open(None, None).await.unwrap();
        engine.start_worker(Some(1)).await.unwrap();
        let id = engine
            .submit("analyze".into(), Some(fixture()), None)
            .await
            .unwrap();
        let summary = engine.wait(id.clone(), Some(60_000)).await.unwrap();
        assert!(summary.finished, "{summary:?}");
        assert_eq!(summary.status, "completed");
        assert!(
            engine
                .result_json(id)
                .await
                .unwrap()
                .contains("\"analysis\"")
        );
        let stats = engine.stop_worker().await.unwrap();
        assert_eq!(stats.completed, 1);
        let unknown = engine.status("nope".into()).await.unwrap_err();
        assert!(matches!(unknown, ResumeEngineError::InvalidInput { .. }));
    }
}
