//! The `templates` and `render` subcommands.

use std::path::{Path, PathBuf};

use resume_engine::render::BuiltinTemplate;
use resume_engine::{Engine, OutputFormat, Template};

use crate::{Failure, read_input};

/// Arguments of `render`.
#[derive(Debug, clap::Args)]
pub(crate) struct RenderArgs {
    /// The resume: JSON in resume-engine's schema or JSON Resume, or a PDF
    /// or DOCX document to parse first; `-` for standard input.
    resume: PathBuf,
    /// A built-in template (see `templates`) or the path of a `.typ` file
    /// that reads `/data.json`.
    #[arg(long, value_name = "NAME|FILE.typ")]
    template: String,
    /// Output format; by default taken from the extension of `--out`, else PDF.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Where to write the document.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Largest accepted input in MiB.
    #[arg(long, default_value_t = 10, value_name = "MIB")]
    max_size: u64,
}

/// An output format on the command line.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    /// PDF (Typst).
    Pdf,
    /// Word.
    Docx,
}

/// The names of the built-in templates, one a line.
pub(crate) fn templates() -> String {
    BuiltinTemplate::NAMES.join("\n")
}

fn template(name: &str) -> Result<Template, Failure> {
    let path = Path::new(name);
    if path.extension().is_some_and(|e| e == "typ") || path.is_file() {
        let source = std::fs::read_to_string(path).map_err(|e| Failure::Io(path.to_owned(), e))?;
        return Ok(Template::custom(source));
    }
    Template::named(name).map_err(|e| Failure::Engine(e.into()))
}

/// Renders the resume and writes the document; prints nothing on success.
pub(crate) fn render(args: &RenderArgs) -> Result<(), Failure> {
    let limit = args.max_size.saturating_mul(1024 * 1024);
    let engine = Engine::builder()
        .max_input_bytes(limit)
        .build()
        .map_err(Failure::Engine)?;
    let template = template(&args.template)?;
    let format = match args.format {
        Some(Format::Pdf) => OutputFormat::Pdf,
        Some(Format::Docx) => OutputFormat::Docx,
        None if args.out.extension().is_some_and(|e| e == "docx") => OutputFormat::Docx,
        None => OutputFormat::Pdf,
    };
    let bytes = read_input(&args.resume, limit)?;
    let resume = engine.load_resume(&bytes).map_err(Failure::Engine)?.resume;
    let document = engine
        .render(&resume, &template, format)
        .map_err(Failure::Engine)?;
    std::fs::write(&args.out, document).map_err(|e| Failure::Write(args.out.clone(), e))
}
