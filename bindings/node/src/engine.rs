//! The `Engine` class: an engine on a job backend and blob storage, for
//! submitting jobs and running a worker in this process. Every method that
//! touches the backend returns a Promise and runs off the JavaScript thread.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use napi::bindgen_prelude::{PromiseRaw, block_on, within_runtime_if_available};
use napi::{Env, Unknown};
use napi_derive::napi;
use resume_engine::EngineConfig;
use resume_engine::engine::DEFAULT_WAIT;
use resume_engine::jobs::WorkerConfig;

use crate::error::{invalid_input, to_js};
use crate::inputs::{self, ResumeArg, Source, SubmitOptions};
use crate::promise::{self, Output, json};

/// Options of `new Engine(...)`.
#[napi(object)]
pub struct EngineOptions {
    /// The job backend: `memory:` (default), `sqlite:PATH`, `postgres://…`
    /// or `redis://…`.
    pub backend: Option<String>,
    /// Where generated files go: a folder, `file:PATH` or `s3://BUCKET?…`
    /// (default: a temporary folder).
    pub storage: Option<String>,
    /// The largest accepted input document, in bytes.
    pub max_input_bytes: Option<u32>,
}

/// The resume engine with a job backend: submit jobs, read their status and
/// results, and run a worker in this process.
#[napi]
pub struct Engine {
    inner: resume_engine::Engine,
    worker: Arc<Mutex<Option<resume_engine::engine::WorkerHandle>>>,
}

/// The engine configuration, backend and storage of the options.
fn settings(options: Option<EngineOptions>) -> (EngineConfig, Option<String>, Option<String>) {
    let (backend, storage, limit) = options
        .map(|options| (options.backend, options.storage, options.max_input_bytes))
        .unwrap_or_default();
    let mut config = EngineConfig::from_env();
    if let Some(limit) = limit {
        config.limits.max_input_bytes = u64::from(limit);
    }
    (config, backend, storage)
}

impl Engine {
    /// Wraps a built engine, with no worker running.
    fn from_inner(inner: resume_engine::Engine) -> Self {
        Self {
            inner,
            worker: Arc::new(Mutex::new(None)),
        }
    }
}

#[napi]
impl Engine {
    /// An engine whose jobs live in `backend` and whose generated files go
    /// to `storage`; the improver reads its API keys from the environment.
    /// Opening the backend blocks the JavaScript thread until it connects:
    /// prefer `await Engine.open(...)` for a server backend.
    #[napi(constructor)]
    pub fn new(env: &Env, options: Option<EngineOptions>) -> napi::Result<Self> {
        let (config, backend, storage) = settings(options);
        let inner = block_on(resume_engine::Engine::with_stores(
            config,
            backend.as_deref(),
            storage.as_deref(),
        ))
        .map_err(|error| to_js(env, &error))?;
        Ok(Self::from_inner(inner))
    }

    /// Like `new Engine(...)`, but connects to the backend off the
    /// JavaScript thread and resolves to the engine.
    #[napi(ts_return_type = "Promise<Engine>")]
    pub fn open<'env>(
        env: &'env Env,
        options: Option<EngineOptions>,
    ) -> napi::Result<PromiseRaw<'env, Engine>> {
        let (config, backend, storage) = settings(options);
        env.spawn_future_with_callback(
            async move {
                Ok(resume_engine::Engine::with_stores(
                    config,
                    backend.as_deref(),
                    storage.as_deref(),
                )
                .await)
            },
            |env, built| match built {
                Ok(inner) => Ok(Self::from_inner(inner)),
                Err(error) => Err(to_js(env, &error)),
            },
        )
    }

    /// Submits a job (`analyze`, `improve`, `generate` or `process`) on
    /// document bytes or a resume object and resolves to its id; a worker
    /// runs it.
    #[napi(ts_return_type = "Promise<string>")]
    pub fn submit<'env>(
        &self,
        env: &'env Env,
        kind: String,
        #[napi(ts_arg_type = "Uint8Array | ResumeInput | undefined | null")] data: Option<
            ResumeArg<'_>,
        >,
        options: Option<SubmitOptions>,
    ) -> napi::Result<PromiseRaw<'env, Unknown<'env>>> {
        let engine = self.inner.clone();
        let source = data.map(|data| Source::from_arg(env, data)).transpose();
        promise::spawn_async(env, async move {
            let source = source?;
            let job = inputs::new_job(&kind, source, options.unwrap_or_default())?;
            let id = engine.submit_job(job).await?;
            json(&id.to_string())
        })
    }

    /// A job's status, progress and error.
    #[napi(ts_return_type = "Promise<JobSummary>")]
    pub fn status<'env>(
        &self,
        env: &'env Env,
        id: String,
    ) -> napi::Result<PromiseRaw<'env, Unknown<'env>>> {
        let engine = self.inner.clone();
        promise::spawn_async(env, async move {
            json(&engine.status(inputs::job_id(&id)?).await?)
        })
    }

    /// A completed job's result; rejects with `E_JOB_NOT_FINISHED` while it
    /// is queued or running, or when it failed.
    #[napi(ts_return_type = "Promise<JobResult>")]
    pub fn result<'env>(
        &self,
        env: &'env Env,
        id: String,
    ) -> napi::Result<PromiseRaw<'env, Unknown<'env>>> {
        let engine = self.inner.clone();
        promise::spawn_async(env, async move {
            json(&engine.result(inputs::job_id(&id)?).await?)
        })
    }

    /// Cancels a job that has not finished.
    #[napi(ts_return_type = "Promise<JobSummary>")]
    pub fn cancel<'env>(
        &self,
        env: &'env Env,
        id: String,
    ) -> napi::Result<PromiseRaw<'env, Unknown<'env>>> {
        let engine = self.inner.clone();
        promise::spawn_async(env, async move {
            json(&engine.cancel(inputs::job_id(&id)?).await?)
        })
    }

    /// Waits until the job is finished or `timeoutMs` milliseconds (default
    /// 60 000) have passed, and resolves to its last status.
    #[napi(ts_return_type = "Promise<JobSummary>")]
    pub fn wait<'env>(
        &self,
        env: &'env Env,
        id: String,
        timeout_ms: Option<u32>,
    ) -> napi::Result<PromiseRaw<'env, Unknown<'env>>> {
        let engine = self.inner.clone();
        let timeout = timeout_ms.map_or(DEFAULT_WAIT, |ms| Duration::from_millis(u64::from(ms)));
        promise::spawn_async(env, async move {
            json(&engine.wait(inputs::job_id(&id)?, timeout).await?)
        })
    }

    /// Starts a worker in this process, on napi's tokio runtime, running
    /// this engine's jobs (`concurrency` at once, default 2) until
    /// `stopWorker`.
    #[napi]
    pub fn start_worker(&self, env: &Env, concurrency: Option<u32>) -> napi::Result<()> {
        let mut worker = self.worker.lock().unwrap_or_else(PoisonError::into_inner);
        if worker.is_some() {
            return Err(to_js(env, &invalid_input("a worker is already running")));
        }
        let config = WorkerConfig {
            concurrency: concurrency.map_or(2, |count| count as usize).max(1),
            ..WorkerConfig::default()
        };
        *worker = Some(within_runtime_if_available(|| {
            self.inner.spawn_worker(config)
        }));
        Ok(())
    }

    /// Stops the worker (running jobs may finish within the grace period)
    /// and resolves to what it did; `null` when no worker was running.
    #[napi(ts_return_type = "Promise<WorkerStats | null>")]
    pub fn stop_worker<'env>(
        &self,
        env: &'env Env,
    ) -> napi::Result<PromiseRaw<'env, Unknown<'env>>> {
        let handle = self
            .worker
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        promise::spawn_async(env, async move {
            match handle {
                Some(handle) => json(&handle.shutdown().await),
                None => Ok(Output::Json(serde_json::Value::Null)),
            }
        })
    }

    /// Whether a worker started with `startWorker` is running.
    #[napi(getter)]
    pub fn worker_running(&self) -> bool {
        self.worker
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }
}
