//! In-process timing of one stage over files, for the side-by-side peer
//! report (`benches/peers/run.sh`): prints one JSON object with the median
//! milliseconds per file (after warm-up runs) and the process's peak RSS.
//!
//! `stage-timing parse [--rounds N] FILE...` parses PDF or DOCX files;
//! `stage-timing render [--rounds N] RESUME.json...` renders resumes to PDF
//! with the classic template, as a long-running service does: fonts and the
//! template loaded once, and each render a different resume from the one
//! before (the files in turn, each run with a new revision line).

use std::hint::black_box;
use std::time::Instant;

use resume_engine::render::{BuiltinTemplate, OutputFormat, Template};
use resume_engine::{Engine, Resume};
use serde_json::{Map, Value, json};

/// Warm-up runs per file before timing.
const WARMUP: usize = 3;

/// The median of `samples` (milliseconds).
fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    let middle = samples.len() / 2;
    if samples.len().is_multiple_of(2) {
        (samples[middle - 1] + samples[middle]) / 2.0
    } else {
        samples[middle]
    }
}

/// Median milliseconds of `run` over `rounds` timed runs after warm-up.
fn time(rounds: usize, mut run: impl FnMut() -> Result<(), String>) -> Result<f64, String> {
    for _ in 0..WARMUP {
        run()?;
    }
    let mut samples = Vec::with_capacity(rounds);
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        run()?;
        samples.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(median(samples))
}

/// Peak resident set size of this process in KiB (Linux `VmHWM`).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Median parse milliseconds of each file.
fn parse(engine: &Engine, paths: &[String], rounds: usize) -> Result<Vec<f64>, String> {
    paths
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).map_err(|error| format!("{path}: {error}"))?;
            time(rounds, || {
                black_box(engine.parse(&bytes).map_err(|error| error.to_string())?);
                Ok(())
            })
        })
        .collect()
}

/// Median render milliseconds of each resume file, rendering the resumes
/// in turn so that no render repeats the document before it (Typst
/// memoises unchanged work), each round with a new revision line.
fn render(engine: &Engine, paths: &[String], rounds: usize) -> Result<Vec<f64>, String> {
    let resumes = paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).map_err(|error| format!("{path}: {error}"))?;
            Resume::from_json(&text).map_err(|error| format!("{path}: {error}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let template = Template::from(BuiltinTemplate::Classic);
    let mut samples = vec![Vec::with_capacity(rounds); resumes.len()];
    for round in 0..WARMUP + rounds.max(1) {
        for (resume, samples) in resumes.iter().zip(&mut samples) {
            let mut resume = resume.clone();
            resume.headline = Some(format!("Revision {round}"));
            let start = Instant::now();
            black_box(
                engine
                    .render(&resume, &template, OutputFormat::Pdf)
                    .map_err(|error| error.to_string())?,
            );
            if round >= WARMUP {
                samples.push(start.elapsed().as_secs_f64() * 1000.0);
            }
        }
    }
    Ok(samples.into_iter().map(median).collect())
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let stage = if args.is_empty() {
        String::new()
    } else {
        args.remove(0)
    };
    let mut rounds = 15;
    if args.first().map(String::as_str) == Some("--rounds") && args.len() > 1 {
        rounds = args[1].parse().unwrap_or(rounds);
        args.drain(..2);
    }
    let engine = match Engine::builder().build() {
        Ok(engine) => engine,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(1);
        }
    };
    let timings = match stage.as_str() {
        "parse" => parse(&engine, &args, rounds),
        "render" => render(&engine, &args, rounds),
        other => Err(format!("unknown stage `{other}`: parse or render")),
    };
    let timings = match timings {
        Ok(timings) => timings,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(1);
        }
    };
    let mut files = Map::new();
    for (path, ms) in args.iter().zip(timings) {
        let name = path.rsplit('/').next().unwrap_or(path);
        files.insert(name.to_owned(), json!(ms));
    }
    let report = json!({"stage": stage, "rounds": rounds, "median_ms": Value::Object(files), "peak_rss_kib": peak_rss_kib()});
    println!("{report}");
}
