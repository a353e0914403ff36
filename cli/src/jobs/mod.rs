//! The jobs commands: `submit`, `status`, `result`, `cancel` and `worker`,
//! each a separate process sharing one backend.

use std::path::PathBuf;
use std::time::Duration;

use clap::ValueEnum;
use resume_engine::improve::ProviderKind;
use resume_engine::jobs::{JobId, JobInput, JobKind, NewJob, backend};
use resume_engine::render::OutputFormat;
use resume_engine::storage::{StorageConfig, load_or_create_secret};
use resume_engine::{Engine, EngineConfig};

use crate::{Failure, read_input, to_json};

mod worker;

pub use worker::{WorkerArgs, shutdown_signal, worker};

/// Where jobs and their files live: shared by every jobs command.
#[derive(Debug, Clone, clap::Args)]
pub struct BackendArgs {
    /// The job backend: sqlite:PATH, postgres://…, redis://… or memory:
    /// (default: $RESUME_ENGINE_BACKEND, else an SQLite file in the user's
    /// data directory).
    #[arg(long, value_name = "URL")]
    backend: Option<String>,
    /// Where generated files go: a folder, file:PATH or s3://BUCKET?…
    /// (default: $RESUME_ENGINE_STORAGE, else `files` in the data directory).
    #[arg(long, value_name = "URL")]
    storage: Option<String>,
}

impl BackendArgs {
    /// The job backend's URL: the flag, else $RESUME_ENGINE_BACKEND, else
    /// the default SQLite file.
    pub fn url(&self) -> String {
        self.backend.clone().unwrap_or_else(backend::default_url)
    }

    /// Whether the backend lives in this process or a file of this machine
    /// (SQLite, memory) rather than on a server workers share.
    pub fn is_embedded(&self) -> bool {
        let url = self.url();
        url.starts_with("sqlite:") || url.starts_with("memory:")
    }

    /// An engine on the chosen job and blob stores, its improver configured
    /// from the environment (GEMINI_API_KEY, ANTHROPIC_API_KEY…); signed
    /// local file URLs start with $RESUME_ENGINE_PUBLIC_URL.
    pub async fn engine(&self) -> Result<Engine, Failure> {
        let public_url = std::env::var("RESUME_ENGINE_PUBLIC_URL").ok();
        self.engine_serving_files_at(public_url.as_deref()).await
    }

    /// An engine like [`engine`](Self::engine) whose signed local file URLs
    /// start with `public_url` (the service that serves `/files`).
    pub async fn engine_serving_files_at(
        &self,
        public_url: Option<&str>,
    ) -> Result<Engine, Failure> {
        let url = self.url();
        let store = resume_engine::jobs::open(&url)
            .await
            .map_err(engine_failure)?;
        let storage = self
            .storage
            .clone()
            .or_else(|| {
                std::env::var("RESUME_ENGINE_STORAGE")
                    .ok()
                    .filter(|url| !url.is_empty())
            })
            .unwrap_or_else(|| backend::data_dir().join("files").display().to_string());
        let secret = load_or_create_secret(&backend::data_dir().join("signing.key"))
            .map_err(|error| Failure::Message(error.to_string()))?;
        let mut config = StorageConfig::new(storage).with_secret(secret);
        if let Some(base) = public_url {
            config = config.with_public_base_url(format!("{}/files", base.trim_end_matches('/')));
        }
        let blobs = resume_engine::storage::open(&config)
            .map_err(|error| Failure::Message(error.to_string()))?;
        Engine::builder()
            .config(EngineConfig::from_env())
            .job_store(store)
            .blob_store(blobs)
            .build()
            .map_err(Failure::Engine)
    }
}

/// A job kind on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// Parse and score.
    Analyze,
    /// Parse and suggest rewrites.
    Improve,
    /// Render to PDF or DOCX.
    Generate,
    /// Parse, score, improve, apply and render.
    Process,
}

impl From<KindArg> for JobKind {
    fn from(kind: KindArg) -> Self {
        match kind {
            KindArg::Analyze => Self::Analyze,
            KindArg::Improve => Self::Improve,
            KindArg::Generate => Self::Generate,
            KindArg::Process => Self::Process,
        }
    }
}

/// `submit`: queue a job and print its id.
#[derive(Debug, clap::Args)]
pub struct SubmitArgs {
    /// What the job does.
    #[arg(value_enum)]
    kind: KindArg,
    /// The resume (PDF, DOCX, text or resume JSON), or `-` for standard
    /// input. Omit it with --from-job.
    #[arg(required_unless_present = "from_job")]
    file: Option<PathBuf>,
    /// Regenerate from a previous job's resume instead of a file.
    #[arg(long, value_name = "JOB_ID", conflicts_with = "file")]
    from_job: Option<JobId>,
    /// A job description (text file) to match keywords against.
    #[arg(long, value_name = "FILE")]
    job_description: Option<PathBuf>,
    /// A built-in keyword pack.
    #[arg(long, value_name = "PACK")]
    keywords: Option<String>,
    /// The template for generate and process.
    #[arg(long)]
    template: Option<String>,
    /// Output formats for generate and process (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "pdf,docx")]
    format: Vec<String>,
    /// Improver providers in fallback order (rules, gemini, claude).
    #[arg(long, value_delimiter = ',')]
    provider: Vec<String>,
    /// The job id to use (submitting the same id twice queues one job).
    #[arg(long, value_name = "UUID")]
    id: Option<JobId>,
    /// Who submits the job, for listing.
    #[arg(long)]
    user: Option<String>,
    /// Attempts before the job is marked failed.
    #[arg(long, default_value_t = resume_engine::jobs::DEFAULT_MAX_ATTEMPTS)]
    max_attempts: u32,
    /// Largest accepted input in MiB.
    #[arg(long, default_value_t = 10, value_name = "MIB")]
    max_size: u64,
    #[command(flatten)]
    backend: BackendArgs,
}

/// `status`, `result` and `cancel`: one job by id.
#[derive(Debug, clap::Args)]
pub struct JobArgs {
    /// The job id.
    id: JobId,
    /// Wait until the job is finished (completed or failed) before printing.
    #[arg(long)]
    wait: bool,
    /// With --wait: give up after this many seconds.
    #[arg(long, default_value_t = 300, value_name = "SECONDS")]
    timeout: u64,
    #[command(flatten)]
    backend: BackendArgs,
}

/// `submit`.
pub fn submit(args: &SubmitArgs) -> Result<String, Failure> {
    let mut input = match (&args.file, args.from_job) {
        (_, Some(job)) => JobInput::from_job(job),
        (Some(path), None) => {
            let limit = args.max_size.saturating_mul(1024 * 1024);
            let bytes = read_input(path, limit)?;
            if bytes.len() as u64 > limit {
                return Err(Failure::Message(format!(
                    "{} is larger than {} MiB",
                    path.display(),
                    args.max_size
                )));
            }
            let mut input = JobInput::document(bytes);
            input.filename = path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned());
            input
        }
        (None, None) => return Err(Failure::Message("give a file or --from-job".into())),
    };
    if let Some(path) = &args.job_description {
        let text = read_input(path, 1024 * 1024)?;
        input.job_description = Some(String::from_utf8_lossy(&text).into_owned());
    }
    input.keywords = args.keywords.clone();
    input.template = args.template.clone();
    for format in &args.format {
        input.formats.push(
            format
                .parse::<OutputFormat>()
                .map_err(|e| Failure::Engine(e.into()))?,
        );
    }
    for provider in &args.provider {
        input
            .providers
            .push(provider.parse::<ProviderKind>().map_err(Failure::Message)?);
    }
    let value = serde_json::to_value(&input).map_err(|e| Failure::Message(e.to_string()))?;
    let mut job = NewJob::new(args.kind.into(), value).with_max_attempts(args.max_attempts);
    if let Some(id) = args.id {
        job = job.with_id(id);
    }
    if let Some(user) = &args.user {
        job = job.with_user(user.clone());
    }
    runtime()?.block_on(async {
        let engine = args.backend.engine().await?;
        let id = engine.submit_job(job).await.map_err(Failure::Engine)?;
        Ok(id.to_string())
    })
}

/// `status`.
pub fn status(args: &JobArgs) -> Result<String, Failure> {
    runtime()?.block_on(async {
        let engine = args.backend.engine().await?;
        if args.wait {
            wait(&engine, args).await?;
        }
        let status = engine.status(args.id).await.map_err(Failure::Engine)?;
        Ok(to_json(&status, false))
    })
}

/// `result`.
pub fn result(args: &JobArgs) -> Result<String, Failure> {
    runtime()?.block_on(async {
        let engine = args.backend.engine().await?;
        if args.wait {
            wait(&engine, args).await?;
        }
        let result = engine.result(args.id).await.map_err(Failure::Engine)?;
        Ok(to_json(&result, false))
    })
}

/// `cancel`.
pub fn cancel(args: &JobArgs) -> Result<String, Failure> {
    runtime()?.block_on(async {
        let engine = args.backend.engine().await?;
        let status = engine.cancel(args.id).await.map_err(Failure::Engine)?;
        Ok(to_json(&status, false))
    })
}

/// Polls until the job is finished or the timeout passes.
async fn wait(engine: &Engine, args: &JobArgs) -> Result<(), Failure> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(args.timeout);
    let mut pause = Duration::from_millis(20);
    loop {
        let status = engine.status(args.id).await.map_err(Failure::Engine)?;
        if status.status.is_terminal() {
            return Ok(());
        }
        if tokio::time::Instant::now() >= deadline {
            return Err(Failure::Message(format!(
                "job {} is still {} after {} s",
                args.id, status.status, args.timeout
            )));
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_millis(500));
    }
}

pub fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Message(format!("cannot start the async runtime: {e}")))
}

fn engine_failure(error: resume_engine::jobs::JobsError) -> Failure {
    Failure::Engine(error.into())
}
