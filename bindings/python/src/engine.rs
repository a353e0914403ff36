//! The `Engine` class: each method translates its arguments, calls the
//! Rust engine off the interpreter's thread (`py.detach`, or the shared
//! tokio runtime for the `_async` variants) and wraps the result.

use std::borrow::Cow;
use std::future::Future;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use pyo3::PyClass;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use resume_engine::engine::JobRequest;
use resume_engine::jobs::WorkerConfig;
use resume_engine::render::{BuiltinTemplate, Template};
use resume_engine::score::Target;
use resume_engine::{EngineConfig, EngineError};
use serde_json::Value;

use crate::convert::{from_py_as, to_plain, to_value};
use crate::error::{invalid_input, to_py};
use crate::inputs::{self, Source};
use crate::records::{Analysis, Applied, Improvements, Job, Record, Resume};

/// The one tokio runtime every engine shares (pyo3-async-runtimes').
fn runtime() -> &'static tokio::runtime::Runtime {
    pyo3_async_runtimes::tokio::get_runtime()
}

/// Runs `future` to completion on the shared runtime, the interpreter free
/// meanwhile.
fn block_on<F>(py: Python<'_>, future: F) -> F::Output
where
    F: Future + Send,
    F::Output: Send,
{
    py.detach(|| runtime().block_on(future))
}

/// A Python awaitable running `future` on the shared runtime.
fn awaitable<'py, F, T>(py: Python<'py>, future: F) -> PyResult<Bound<'py, PyAny>>
where
    F: Future<Output = PyResult<T>> + Send + 'static,
    T: for<'a> IntoPyObject<'a> + Send + 'static,
{
    pyo3_async_runtimes::tokio::future_into_py(py, future)
}

/// Runs CPU-bound `work` on the runtime's blocking pool, for the `_async`
/// variants.
async fn off_thread<T, F>(work: F) -> PyResult<T>
where
    F: FnOnce() -> Result<T, EngineError> + Send + 'static,
    T: Send + 'static,
{
    match tokio::task::spawn_blocking(work).await {
        Ok(result) => result.map_err(|error| to_py(&error)),
        Err(error) => Err(invalid_input(format!("the engine task failed: {error}"))),
    }
}

fn engine_err(error: EngineError) -> PyErr {
    to_py(&error)
}

/// Wraps `value` in the record subclass `S`.
fn record<S>(value: Value, subclass: S) -> PyResult<Py<S>>
where
    S: PyClass<BaseType = Record>,
    PyClassInitializer<S>: From<(S, Record)>,
{
    Python::attach(|py| Py::new(py, (subclass, Record::new(value))))
}

fn analysis(value: &resume_engine::Analysis) -> PyResult<Py<Analysis>> {
    record(to_value(value)?, Analysis)
}

fn job(value: &resume_engine::jobs::JobSummary) -> PyResult<Py<Job>> {
    record(to_value(value)?, Job)
}

fn bytes(document: &[u8]) -> Py<PyBytes> {
    Python::attach(|py| PyBytes::new(py, document).unbind())
}

/// The resume engine: parse, analyze, improve, apply and render resumes,
/// and run jobs on a backend. Safe to share across threads.
#[pyclass(module = "resume_engine", frozen)]
pub struct Engine {
    inner: resume_engine::Engine,
    worker: Mutex<Option<resume_engine::engine::WorkerHandle>>,
}

#[pymethods]
impl Engine {
    /// An engine whose jobs live in `backend` (`memory:` by default,
    /// `sqlite:PATH`, `postgres://…`, `redis://…`) and whose generated files
    /// go to `storage` (a folder, `file:PATH` or `s3://BUCKET?…`; by default
    /// a temporary folder). `config` is an `EngineConfig` as a dict; without
    /// it the improver reads its API keys from the environment.
    #[new]
    #[pyo3(signature = (backend=None, storage=None, *, max_input_bytes=None, config=None))]
    fn new(
        py: Python<'_>,
        backend: Option<String>,
        storage: Option<String>,
        max_input_bytes: Option<u64>,
        config: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut config = match config {
            Some(config) => from_py_as::<EngineConfig>(config)
                .map_err(|error| to_py(&EngineError::Config(error.to_string())))?,
            None => EngineConfig::from_env(),
        };
        if let Some(limit) = max_input_bytes {
            config.limits.max_input_bytes = limit;
        }
        let inner = block_on(
            py,
            resume_engine::Engine::with_stores(config, backend.as_deref(), storage.as_deref()),
        )
        .map_err(engine_err)?;
        Ok(Self {
            inner,
            worker: Mutex::new(None),
        })
    }

    /// The names of the built-in templates.
    #[staticmethod]
    fn templates() -> Vec<&'static str> {
        BuiltinTemplate::NAMES.to_vec()
    }

    /// Parses a PDF, DOCX or plain-text document.
    fn parse(&self, py: Python<'_>, data: Cow<'_, [u8]>) -> PyResult<Resume> {
        py.detach(|| self.inner.parse(&data))
            .map(Resume::new)
            .map_err(engine_err)
    }

    /// `parse`, awaitable.
    fn parse_async<'py>(
        &self,
        py: Python<'py>,
        data: Cow<'_, [u8]>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let data = data.into_owned();
        let engine = self.inner.clone();
        awaitable(py, async move {
            off_thread(move || engine.parse(&data))
                .await
                .map(Resume::new)
        })
    }

    /// Reads a resume from a document (PDF, DOCX, text) or from JSON text
    /// (this engine's schema or JSON Resume).
    fn load(&self, py: Python<'_>, data: Cow<'_, [u8]>) -> PyResult<Resume> {
        py.detach(|| self.inner.load_resume(&data))
            .map(|loaded| Resume::new(loaded.resume))
            .map_err(engine_err)
    }

    /// Scores a resume (document bytes, a `Resume` or a dict) against a job
    /// description's text, a keyword pack, or by default the best-fitting
    /// built-in pack.
    #[pyo3(signature = (resume, job_description=None, keywords=None))]
    fn analyze(
        &self,
        py: Python<'_>,
        resume: &Bound<'_, PyAny>,
        job_description: Option<&str>,
        keywords: Option<&str>,
    ) -> PyResult<Py<Analysis>> {
        let source = Source::extract(resume)?;
        let target = Target::from_options(job_description, keywords)
            .map_err(|error| to_py(&error.into()))?;
        let result = py.detach(|| analyze(&self.inner, &source, &target));
        analysis(&result.map_err(engine_err)?)
    }

    /// `analyze`, awaitable.
    #[pyo3(signature = (resume, job_description=None, keywords=None))]
    fn analyze_async<'py>(
        &self,
        py: Python<'py>,
        resume: &Bound<'py, PyAny>,
        job_description: Option<&str>,
        keywords: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let source = Source::extract(resume)?;
        let target = Target::from_options(job_description, keywords)
            .map_err(|error| to_py(&error.into()))?;
        let engine = self.inner.clone();
        awaitable(py, async move {
            let result = off_thread(move || analyze(&engine, &source, &target)).await?;
            analysis(&result)
        })
    }

    /// Suggests rewrites of the resume's bullets and summary (document
    /// bytes, a `Resume` or a dict); the resume is not changed.
    #[pyo3(signature = (resume, *, include_summary=true, include_projects=true, max_bullet_words=None, max_summary_words=None))]
    fn improve(
        &self,
        py: Python<'_>,
        resume: &Bound<'_, PyAny>,
        include_summary: bool,
        include_projects: bool,
        max_bullet_words: Option<usize>,
        max_summary_words: Option<usize>,
    ) -> PyResult<Py<Improvements>> {
        let source = Source::extract(resume)?;
        let options = inputs::improve_options(
            include_summary,
            include_projects,
            max_bullet_words,
            max_summary_words,
        );
        let engine = self.inner.clone();
        let result = block_on(py, improve(engine, source, options)).map_err(engine_err)?;
        record(result, Improvements)
    }

    /// `improve`, awaitable.
    #[pyo3(signature = (resume, *, include_summary=true, include_projects=true, max_bullet_words=None, max_summary_words=None))]
    fn improve_async<'py>(
        &self,
        py: Python<'py>,
        resume: &Bound<'py, PyAny>,
        include_summary: bool,
        include_projects: bool,
        max_bullet_words: Option<usize>,
        max_summary_words: Option<usize>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let source = Source::extract(resume)?;
        let options = inputs::improve_options(
            include_summary,
            include_projects,
            max_bullet_words,
            max_summary_words,
        );
        let engine = self.inner.clone();
        awaitable(py, async move {
            let result = improve(engine, source, options).await.map_err(engine_err)?;
            record(result, Improvements)
        })
    }

    /// Applies suggestions to a copy of the resume, all or none: the
    /// rewrites of an `Improvements` result, or a list of suggestions;
    /// `ids` keeps only the suggestions with these ids.
    #[pyo3(signature = (resume, suggestions, ids=None))]
    fn apply(
        &self,
        py: Python<'_>,
        resume: &Bound<'_, PyAny>,
        suggestions: &Bound<'_, PyAny>,
        ids: Option<Vec<String>>,
    ) -> PyResult<Py<Applied>> {
        let resume = inputs::resume(resume)?;
        let suggestions = inputs::suggestions(suggestions, ids.as_deref())?;
        let applied = py
            .detach(|| self.inner.apply(&resume, &suggestions))
            .map_err(engine_err)?;
        record(to_value(&applied)?, Applied)
    }

    /// Renders a resume (a `Resume` or a dict) with a built-in template to
    /// PDF or DOCX bytes.
    #[pyo3(signature = (resume, template="modern", format="pdf"))]
    fn render(
        &self,
        py: Python<'_>,
        resume: &Bound<'_, PyAny>,
        template: &str,
        format: &str,
    ) -> PyResult<Py<PyBytes>> {
        let resume = inputs::resume(resume)?;
        let (template, format) = Template::with_format(Some(template), Some(format))
            .map_err(|error| to_py(&error.into()))?;
        let document = py
            .detach(|| self.inner.render(&resume, &template, format))
            .map_err(engine_err)?;
        Ok(bytes(&document))
    }

    /// `render`, awaitable.
    #[pyo3(signature = (resume, template="modern", format="pdf"))]
    fn render_async<'py>(
        &self,
        py: Python<'py>,
        resume: &Bound<'py, PyAny>,
        template: &str,
        format: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let resume = inputs::resume(resume)?;
        let (template, format) = Template::with_format(Some(template), Some(format))
            .map_err(|error| to_py(&error.into()))?;
        let engine = self.inner.clone();
        awaitable(py, async move {
            let document = off_thread(move || engine.render(&resume, &template, format)).await?;
            Ok(bytes(&document))
        })
    }

    /// Submits a job (`analyze`, `improve`, `generate` or `process`) on
    /// document bytes, a `Resume` or a dict (or, for `generate`, a
    /// `source_job`) and returns its id at once; a worker runs it.
    #[pyo3(signature = (kind, data=None, *, job_description=None, keywords=None, template=None, formats=None, providers=None, filename=None, source_job=None, job_id=None, user=None, max_attempts=None))]
    #[allow(clippy::too_many_arguments)]
    fn submit(
        &self,
        py: Python<'_>,
        kind: &str,
        data: Option<&Bound<'_, PyAny>>,
        job_description: Option<String>,
        keywords: Option<String>,
        template: Option<String>,
        formats: Option<Vec<String>>,
        providers: Option<Vec<String>>,
        filename: Option<String>,
        source_job: Option<String>,
        job_id: Option<String>,
        user: Option<String>,
        max_attempts: Option<u32>,
    ) -> PyResult<String> {
        let source = data.map(Source::extract).transpose()?;
        let options = JobRequest {
            job_description,
            keywords,
            template,
            formats: formats.unwrap_or_default(),
            providers: providers.unwrap_or_default(),
            filename,
            source_job,
            job_id,
            user,
            max_attempts,
        };
        let job = inputs::new_job(kind, source, options)?;
        let id = block_on(py, self.inner.submit_job(job)).map_err(engine_err)?;
        Ok(id.to_string())
    }

    /// `submit`, awaitable.
    #[pyo3(signature = (kind, data=None, *, job_description=None, keywords=None, template=None, formats=None, providers=None, filename=None, source_job=None, job_id=None, user=None, max_attempts=None))]
    #[allow(clippy::too_many_arguments)]
    fn submit_async<'py>(
        &self,
        py: Python<'py>,
        kind: &str,
        data: Option<&Bound<'py, PyAny>>,
        job_description: Option<String>,
        keywords: Option<String>,
        template: Option<String>,
        formats: Option<Vec<String>>,
        providers: Option<Vec<String>>,
        filename: Option<String>,
        source_job: Option<String>,
        job_id: Option<String>,
        user: Option<String>,
        max_attempts: Option<u32>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let source = data.map(Source::extract).transpose()?;
        let options = JobRequest {
            job_description,
            keywords,
            template,
            formats: formats.unwrap_or_default(),
            providers: providers.unwrap_or_default(),
            filename,
            source_job,
            job_id,
            user,
            max_attempts,
        };
        let job = inputs::new_job(kind, source, options)?;
        let engine = self.inner.clone();
        awaitable(py, async move {
            let id = engine.submit_job(job).await.map_err(engine_err)?;
            Ok(id.to_string())
        })
    }

    /// A job's status, progress and error.
    fn status(&self, py: Python<'_>, id: &str) -> PyResult<Py<Job>> {
        let id = inputs::job_id(id)?;
        job(&block_on(py, self.inner.status(id)).map_err(engine_err)?)
    }

    /// `status`, awaitable.
    fn status_async<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        let id = inputs::job_id(id)?;
        let engine = self.inner.clone();
        awaitable(py, async move {
            job(&engine.status(id).await.map_err(engine_err)?)
        })
    }

    /// A completed job's result; raises `JobNotFinished` while it is queued
    /// or running, or when it failed.
    fn result(&self, py: Python<'_>, id: &str) -> PyResult<Py<Record>> {
        let id = inputs::job_id(id)?;
        let value = block_on(py, self.inner.result(id)).map_err(engine_err)?;
        Py::new(py, Record::new(value))
    }

    /// `result`, awaitable.
    fn result_async<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        let id = inputs::job_id(id)?;
        let engine = self.inner.clone();
        awaitable(py, async move {
            let value = engine.result(id).await.map_err(engine_err)?;
            Python::attach(|py| Py::new(py, Record::new(value)))
        })
    }

    /// Cancels a job that has not finished.
    fn cancel(&self, py: Python<'_>, id: &str) -> PyResult<Py<Job>> {
        let id = inputs::job_id(id)?;
        job(&block_on(py, self.inner.cancel(id)).map_err(engine_err)?)
    }

    /// `cancel`, awaitable.
    fn cancel_async<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        let id = inputs::job_id(id)?;
        let engine = self.inner.clone();
        awaitable(py, async move {
            job(&engine.cancel(id).await.map_err(engine_err)?)
        })
    }

    /// Waits until the job is finished or `timeout` seconds have passed,
    /// and returns its last status (check `status` to tell which).
    #[pyo3(signature = (id, timeout=60.0))]
    fn wait(&self, py: Python<'_>, id: &str, timeout: f64) -> PyResult<Py<Job>> {
        let id = inputs::job_id(id)?;
        let timeout = seconds(timeout)?;
        job(&block_on(py, self.inner.wait(id, timeout)).map_err(engine_err)?)
    }

    /// `wait`, awaitable.
    #[pyo3(signature = (id, timeout=60.0))]
    fn wait_async<'py>(
        &self,
        py: Python<'py>,
        id: &str,
        timeout: f64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let id = inputs::job_id(id)?;
        let timeout = seconds(timeout)?;
        let engine = self.inner.clone();
        awaitable(py, async move {
            job(&engine.wait(id, timeout).await.map_err(engine_err)?)
        })
    }

    /// Starts a worker in this process, on the shared runtime, running this
    /// engine's jobs (`concurrency` at once) until `stop_worker`.
    #[pyo3(signature = (concurrency=2))]
    fn start_worker(&self, concurrency: usize) -> PyResult<()> {
        let mut worker = self.worker.lock().unwrap_or_else(PoisonError::into_inner);
        if worker.is_some() {
            return Err(invalid_input("a worker is already running"));
        }
        let config = WorkerConfig {
            concurrency: concurrency.max(1),
            ..WorkerConfig::default()
        };
        let _runtime = runtime().enter();
        *worker = Some(self.inner.spawn_worker(config));
        Ok(())
    }

    /// Stops the worker (running jobs may finish within the grace period)
    /// and returns what it did; `None` when no worker was running.
    fn stop_worker<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let handle = self
            .worker
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        let Some(handle) = handle else {
            return Ok(None);
        };
        let stats = block_on(py, handle.shutdown());
        to_plain(py, &to_value(&stats)?).map(Some)
    }

    /// Whether a worker started with `start_worker` is running.
    #[getter]
    fn worker_running(&self) -> bool {
        self.worker
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }
}

fn seconds(timeout: f64) -> PyResult<Duration> {
    Duration::try_from_secs_f64(timeout)
        .map_err(|_| invalid_input("timeout must be a non-negative number of seconds"))
}

fn analyze(
    engine: &resume_engine::Engine,
    source: &Source,
    target: &resume_engine::score::Target,
) -> Result<resume_engine::Analysis, EngineError> {
    match source {
        Source::Document(bytes) => engine.analyze(bytes, target),
        Source::Resume(resume) => Ok(engine.analyze_resume(resume, None, target)),
    }
}

async fn improve(
    engine: resume_engine::Engine,
    source: Source,
    options: resume_engine::improve::ImproveOptions,
) -> Result<Value, EngineError> {
    let resume = match source {
        Source::Document(bytes) => engine.load_resume(&bytes)?.resume,
        Source::Resume(resume) => *resume,
    };
    let improvements = engine.improve(&resume, &options).await?;
    serde_json::to_value(&improvements)
        .map_err(|error| EngineError::InvalidInput(error.to_string()))
}
