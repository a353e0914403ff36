//! The `resume-engine` command line.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod improve;
mod jobs;

use clap::{Parser, Subcommand, ValueEnum};
use resume_engine::score::{Target, text_report};
use resume_engine::{Engine, EngineError};

mod render;
mod serve;

/// Parse resumes (PDF, DOCX, plain text) into structured JSON, and render
/// them to PDF or DOCX.
#[derive(Debug, Parser)]
#[command(name = "resume-engine", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse a resume and print it as JSON on stdout.
    Parse(ParseArgs),
    /// Print the text lines and layout hints the parser reads from a document.
    Lines(InputArgs),
    /// Print the names of the built-in templates, one a line.
    Templates,
    /// Render a resume (JSON, PDF or DOCX) to PDF or DOCX with a template.
    Render(render::RenderArgs),
    /// Score a resume (PDF, DOCX or resume JSON): 5 categories, 100 points,
    /// with the issue and fix behind every lost point.
    Analyze(AnalyzeArgs),
    /// Suggest rewrites of a resume's bullets and summary (offline rules by
    /// default; --provider gemini or claude with an API key).
    Improve(improve::ImproveArgs),
    /// Check a rewrite against the guardrails; prints
    /// {"accepted": bool, "reasons": [...]}.
    Guard(improve::GuardArgs),
    /// Run improvers over a folder of resumes and report guard pass rate,
    /// action verbs, metrics, tokens, cost and latency per provider.
    EvalImprover(improve::EvalArgs),
    /// Queue a job (analyze, improve, generate, process) and print its id;
    /// a worker runs it.
    Submit(jobs::SubmitArgs),
    /// Print a job's status, progress and error as JSON.
    Status(jobs::JobArgs),
    /// Print a completed job's result as JSON.
    Result(jobs::JobArgs),
    /// Cancel a job that has not finished; prints its status.
    Cancel(jobs::JobArgs),
    /// Run jobs from the backend until SIGTERM or Ctrl-C.
    Worker(jobs::WorkerArgs),
    /// Serve the HTTP API (/api/v1/analyze, /status/{id}, /result/{id}…)
    /// until SIGTERM or Ctrl-C.
    Serve(serve::ServeArgs),
}

#[derive(Debug, clap::Args)]
struct AnalyzeArgs {
    #[command(flatten)]
    input: InputArgs,
    /// A job description (text file) to match the resume's keywords against.
    #[arg(long, value_name = "FILE", conflicts_with = "keywords")]
    job_description: Option<PathBuf>,
    /// A keyword pack: a built-in name (general, software, data, product,
    /// marketing, sales, finance, virtual-assistant) or a .json/.txt file.
    /// Default: the built-in role pack that fits the resume best.
    #[arg(long, value_name = "PACK_OR_FILE")]
    keywords: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
    format: ReportFormat,
    /// Print compact JSON on one line.
    #[arg(long)]
    compact: bool,
}

/// How `analyze` prints its result.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum ReportFormat {
    /// The Analysis as JSON.
    Json,
    /// A readable report.
    Text,
}

#[derive(Debug, clap::Args)]
struct InputArgs {
    /// The resume file (PDF, DOCX or text; the format is detected from the
    /// content), or `-` for standard input.
    file: PathBuf,
    /// Largest accepted input in MiB.
    #[arg(long, default_value_t = 10, value_name = "MIB")]
    max_size: u64,
}

#[derive(Debug, clap::Args)]
struct ParseArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output schema.
    #[arg(long, value_enum, default_value_t = Schema::Native)]
    schema: Schema,
    /// Print compact JSON on one line.
    #[arg(long)]
    compact: bool,
}

/// The JSON schema of the output.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum Schema {
    /// resume-engine's own schema (name, email, phone, sections…).
    Native,
    /// The JSON Resume schema (jsonresume.org).
    JsonResume,
}

/// A CLI failure: what went wrong, for stderr.
#[derive(Debug)]
enum Failure {
    Io(PathBuf, std::io::Error),
    Write(PathBuf, std::io::Error),
    Engine(EngineError),
    Message(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Io(path, e) => write!(f, "cannot read {}: {e}", path.display()),
            Self::Write(path, e) => write!(f, "cannot write {}: {e}", path.display()),
            Self::Engine(e) => write!(f, "{e}"),
            Self::Message(m) => f.write_str(m),
        }
    }
}

fn read_input(path: &Path, limit: u64) -> Result<Vec<u8>, Failure> {
    let io = |e| Failure::Io(path.to_owned(), e);
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io)?;
    } else {
        std::fs::File::open(path)
            .map_err(io)?
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io)?;
    }
    Ok(bytes)
}

fn engine(input: &InputArgs) -> Result<(Engine, Vec<u8>), Failure> {
    let limit = input.max_size.saturating_mul(1024 * 1024);
    let engine = Engine::builder()
        .max_input_bytes(limit)
        .build()
        .map_err(Failure::Engine)?;
    let bytes = read_input(&input.file, limit)?;
    Ok((engine, bytes))
}

fn to_json<T: serde::Serialize>(value: &T, compact: bool) -> String {
    let printed = if compact {
        serde_json::to_string(value)
    } else {
        serde_json::to_string_pretty(value)
    };
    printed.unwrap_or_default()
}

fn run(cli: Cli) -> Result<String, Failure> {
    match cli.command {
        Command::Parse(args) => {
            let (engine, bytes) = engine(&args.input)?;
            let resume = engine.parse(&bytes).map_err(Failure::Engine)?;
            Ok(match args.schema {
                Schema::Native => to_json(&resume, args.compact),
                Schema::JsonResume => {
                    to_json(&resume_engine::model::to_json_resume(&resume), args.compact)
                }
            })
        }
        Command::Analyze(args) => {
            let (engine, bytes) = engine(&args.input)?;
            let target = match (&args.job_description, &args.keywords) {
                (Some(path), _) => {
                    let text = read_input(path, 1024 * 1024)?;
                    Target::job_description(&String::from_utf8_lossy(&text))
                        .map_err(|e| Failure::Engine(e.into()))?
                }
                (None, Some(pack)) => Target::pack(pack).map_err(|e| Failure::Engine(e.into()))?,
                (None, None) => Target::Auto,
            };
            let analysis = engine.analyze(&bytes, &target).map_err(Failure::Engine)?;
            Ok(match args.format {
                ReportFormat::Json => to_json(&analysis, args.compact),
                ReportFormat::Text => text_report(&analysis).trim_end().to_owned(),
            })
        }
        Command::Templates => Ok(render::templates()),
        Command::Render(args) => render::render(&args).map(|()| String::new()),
        Command::Improve(args) => improve::improve(&args),
        Command::Guard(args) => improve::guard(&args),
        Command::EvalImprover(args) => improve::eval(&args),
        Command::Submit(args) => jobs::submit(&args),
        Command::Status(args) => jobs::status(&args),
        Command::Result(args) => jobs::result(&args),
        Command::Cancel(args) => jobs::cancel(&args),
        Command::Serve(args) => {
            init_worker_logging();
            serve::serve(&args)
        }
        Command::Worker(args) => {
            init_worker_logging();
            jobs::worker(&args)
        }
        Command::Lines(input) => {
            let (engine, bytes) = engine(&input)?;
            let (format, document) = engine.read_lines(&bytes).map_err(Failure::Engine)?;
            Ok(to_json(
                &serde_json::json!({ "format": format, "lines": document.lines }),
                false,
            ))
        }
    }
}

/// Sends the library's `tracing` events (provider, model, tokens, cost,
/// latency, retries of each LLM call…) to stderr when `RESUME_ENGINE_LOG`
/// holds a filter such as `info` or `resume_engine=debug`.
fn init_logging() {
    let Ok(filter) = std::env::var("RESUME_ENGINE_LOG") else {
        return;
    };
    let Ok(filter) = tracing_subscriber::EnvFilter::try_new(filter) else {
        eprintln!("warning: RESUME_ENGINE_LOG is not a valid filter; logging stays off");
        return;
    };
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .init();
}

/// The worker logs at `info` unless `RESUME_ENGINE_LOG` says otherwise,
/// as JSON lines when `RESUME_ENGINE_LOG_FORMAT=json`.
fn init_worker_logging() {
    if std::env::var_os("RESUME_ENGINE_LOG").is_some() {
        return;
    }
    let filter = tracing_subscriber::EnvFilter::new("info");
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false);
    if std::env::var("RESUME_ENGINE_LOG_FORMAT").is_ok_and(|format| format == "json") {
        builder.json().init();
    } else {
        builder.init();
    }
}

fn main() -> ExitCode {
    init_logging();
    match run(Cli::parse()) {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            if !output.is_empty() && writeln!(stdout, "{output}").is_err() {
                return ExitCode::from(74);
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            eprintln!("error: {failure}");
            ExitCode::FAILURE
        }
    }
}
