//! The `resume-engine` command line.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use resume_engine::{Engine, EngineError};

mod render;

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
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Io(path, e) => write!(f, "cannot read {}: {e}", path.display()),
            Self::Write(path, e) => write!(f, "cannot write {}: {e}", path.display()),
            Self::Engine(e) => write!(f, "{e}"),
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
        Command::Templates => Ok(render::templates()),
        Command::Render(args) => render::render(&args).map(|()| String::new()),
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

fn main() -> ExitCode {
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
