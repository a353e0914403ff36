//! The `improve`, `guard` and `eval-improver` subcommands.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::ValueEnum;
use resume_engine::improve::{
    EvalReport, ImproveConfig, ImproveError, ImproveOptions, Improvements, Improver, ProviderKind,
    evaluate, improver_for,
};
use resume_engine::{Engine, Resume};

use super::{Failure, InputArgs, ReportFormat, engine, read_input, to_json};

/// The provider `improve` uses.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Provider {
    /// Offline rules (no network, no cost).
    Rules,
    /// Gemini (needs GEMINI_API_KEY; falls back to Claude when
    /// ANTHROPIC_API_KEY is set).
    Gemini,
    /// Claude (needs ANTHROPIC_API_KEY).
    Claude,
}

#[derive(Debug, clap::Args)]
pub struct ImproveArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Who writes the rewrites.
    #[arg(long, value_enum, default_value_t = Provider::Rules)]
    provider: Provider,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
    format: ReportFormat,
    /// Leave the summary alone.
    #[arg(long)]
    no_summary: bool,
}

#[derive(Debug, clap::Args)]
pub struct GuardArgs {
    /// The original bullet.
    #[arg(long)]
    original: String,
    /// The rewrite to check.
    #[arg(long)]
    rewrite: String,
    /// The resume (PDF, DOCX or JSON) whose names a rewrite may use.
    #[arg(long, value_name = "FILE")]
    resume: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// A folder of resumes (PDF, DOCX, text or resume JSON; `*.truth.json`
    /// and `manifest.json` are skipped).
    dir: PathBuf,
    /// Providers to evaluate, comma-separated (gemini, claude, rules).
    #[arg(long, value_delimiter = ',', default_value = "rules")]
    providers: Vec<String>,
    /// Evaluate at most this many resumes.
    #[arg(long)]
    limit: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
}

fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Message(format!("cannot start the async runtime: {e}")))
}

fn improve_failure(error: ImproveError) -> Failure {
    Failure::Engine(error.into())
}

/// The improver for a provider: Gemini falls back to Claude when its key
/// is set.
fn improver(provider: Provider) -> Result<Arc<dyn Improver>, Failure> {
    let config = ImproveConfig::default().with_env();
    let kinds: Vec<ProviderKind> = match provider {
        Provider::Rules => vec![ProviderKind::Rules],
        Provider::Gemini if config.claude.api_key.is_some() => {
            vec![ProviderKind::Gemini, ProviderKind::Claude]
        }
        Provider::Gemini => vec![ProviderKind::Gemini],
        Provider::Claude => vec![ProviderKind::Claude],
    };
    improver_for(&kinds, &config).map_err(improve_failure)
}

pub fn improve(args: &ImproveArgs) -> Result<String, Failure> {
    let (engine, bytes) = engine(&args.input)?;
    let resume = engine.load_resume(&bytes).map_err(Failure::Engine)?.resume;
    let improver = improver(args.provider)?;
    let options = ImproveOptions {
        include_summary: !args.no_summary,
        ..ImproveOptions::default()
    };
    let improvements = runtime()?
        .block_on(improver.improve(&resume, &options))
        .map_err(improve_failure)?;
    Ok(match args.format {
        ReportFormat::Json => to_json(&improvements, false),
        ReportFormat::Text => text(&improvements),
    })
}

/// A readable list of the suggestions.
fn text(improvements: &Improvements) -> String {
    let mut out = String::new();
    let provider = improvements
        .provider
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    out.push_str(&format!(
        "provider {provider}: {} suggestions, {} input + {} output tokens, ${:.6}\n",
        improvements.suggestions.len(),
        improvements.usage.input_tokens,
        improvements.usage.output_tokens + improvements.usage.thinking_tokens,
        improvements.cost_usd
    ));
    for failure in &improvements.fallbacks {
        out.push_str(&format!(
            "fell back from {}: {}\n",
            failure.provider, failure.error
        ));
    }
    for s in &improvements.suggestions {
        let reasons: Vec<String> = s
            .reasons
            .iter()
            .filter_map(|r| serde_json::to_value(r).ok())
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
        out.push_str(&format!(
            "\n[{}] {} ({})\n",
            s.id,
            reasons.join(", "),
            s.provenance
        ));
        out.push_str(&format!("  - {}\n", s.original));
        if let Some(rewrite) = &s.rewrite {
            out.push_str(&format!("  + {rewrite}\n"));
        }
        if let Some(rejected) = &s.rejected {
            let why: Vec<&str> = rejected
                .reasons
                .iter()
                .map(|r| r.message.as_str())
                .collect();
            out.push_str(&format!(
                "  ! rejected {} rewrite \"{}\": {}\n",
                rejected.provenance,
                rejected.rewrite,
                why.join("; ")
            ));
        }
    }
    out.trim_end().to_owned()
}

pub fn guard(args: &GuardArgs) -> Result<String, Failure> {
    let engine = Engine::builder().build().map_err(Failure::Engine)?;
    let resume = match &args.resume {
        Some(path) => Some(load(&engine, path)?),
        None => None,
    };
    let verdict = engine.guard(&args.original, &args.rewrite, resume.as_ref());
    Ok(to_json(&verdict, false))
}

fn load(engine: &Engine, path: &Path) -> Result<Resume, Failure> {
    let bytes = read_input(path, engine.config().limits.max_input_bytes)?;
    Ok(engine.load_resume(&bytes).map_err(Failure::Engine)?.resume)
}

pub fn eval(args: &EvalArgs) -> Result<String, Failure> {
    let engine = Engine::builder().build().map_err(Failure::Engine)?;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&args.dir)
        .map_err(|e| Failure::Io(args.dir.clone(), e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| is_resume_file(p))
        .collect();
    paths.sort();
    paths.truncate(args.limit.unwrap_or(usize::MAX));
    let mut resumes = Vec::new();
    for path in &paths {
        match load(&engine, path) {
            Ok(resume) if has_text(&resume) => resumes.push(resume),
            Ok(_) => eprintln!("skipped {}: no summary or bullets", path.display()),
            Err(failure) => eprintln!("skipped {}: {failure}", path.display()),
        }
    }
    let mut providers = Vec::new();
    for name in &args.providers {
        let provider = Provider::from_str(name, true).map_err(Failure::Message)?;
        let config = ImproveConfig {
            cache_capacity: 0,
            ..ImproveConfig::default().with_env()
        };
        let kind = match provider {
            Provider::Rules => ProviderKind::Rules,
            Provider::Gemini => ProviderKind::Gemini,
            Provider::Claude => ProviderKind::Claude,
        };
        let improver = improver_for(&[kind], &config).map_err(improve_failure)?;
        providers.push((name.trim().to_owned(), improver));
    }
    let report = runtime()?.block_on(evaluate(&resumes, &providers, &ImproveOptions::default()));
    Ok(match args.format {
        ReportFormat::Json => to_json(&report, false),
        ReportFormat::Text => eval_text(&report),
    })
}

fn has_text(resume: &Resume) -> bool {
    let s = &resume.sections;
    s.summary.is_some()
        || s.experience.iter().any(|e| !e.bullets.is_empty())
        || s.projects.iter().any(|p| !p.bullets.is_empty())
}

fn is_resume_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let document = matches!(ext.as_str(), "pdf" | "docx" | "txt");
    let json = ext == "json" && !name.contains(".truth.") && name != "manifest.json";
    path.is_file() && (document || json)
}

/// The evaluation as a table.
fn eval_text(report: &EvalReport) -> String {
    let mut out = format!(
        "prompt {}: overhead {} tokens; {} resumes\n\n",
        report.prompt_version, report.prompt_overhead_tokens, report.resumes
    );
    out.push_str(
        "provider  fail  guard-pass  verbs before→after  metrics before→after  in-tokens  out-tokens  $/resume    ms/resume\n",
    );
    for p in &report.providers {
        out.push_str(&format!(
            "{:<8}  {:>4}  {:>10.3}  {:>8.3} → {:<7.3}  {:>9.3} → {:<8.3}  {:>9}  {:>10}  {:>10.6}  {:>9.1}\n",
            p.provider,
            p.failures,
            p.guard_pass_rate,
            p.action_verbs_before,
            p.action_verbs_after,
            p.metrics_before,
            p.metrics_after,
            p.usage.input_tokens,
            p.usage.output_tokens + p.usage.thinking_tokens,
            p.cost_per_resume_usd,
            p.mean_latency_ms
        ));
    }
    out.trim_end().to_owned()
}
