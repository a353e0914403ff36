//! In-process timing of one stage over files, for the side-by-side peer
//! report (`benches/peers/run.sh`): prints one JSON object with the median
//! milliseconds per file (after warm-up runs) and the process's peak RSS.
//!
//! `stage-timing parse [--rounds N] FILE...` parses PDF or DOCX files;
//! `stage-timing render [--rounds N] RESUME.json...` renders resumes to PDF
//! with the classic template (fonts loaded and the template compiled once,
//! as in a long-running service).

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
    if samples.len() % 2 == 0 {
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

/// The timing of one file by the stage.
fn measure(stage: &str, engine: &Engine, path: &str, rounds: usize) -> Result<f64, String> {
    let bytes = std::fs::read(path).map_err(|error| format!("{path}: {error}"))?;
    match stage {
        "parse" => time(rounds, || {
            black_box(engine.parse(&bytes).map_err(|error| error.to_string())?);
            Ok(())
        }),
        "render" => {
            let text = String::from_utf8_lossy(&bytes);
            let resume = Resume::from_json(&text).map_err(|error| format!("{path}: {error}"))?;
            let template = Template::from(BuiltinTemplate::Classic);
            let mut n = 0_u64;
            time(rounds, || {
                // A new document every run: Typst memoises unchanged ones.
                n += 1;
                let mut resume = resume.clone();
                resume.headline = Some(format!("Revision {n}"));
                black_box(
                    engine
                        .render(&resume, &template, OutputFormat::Pdf)
                        .map_err(|error| error.to_string())?,
                );
                Ok(())
            })
        }
        other => Err(format!("unknown stage {other}: parse or render")),
    }
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
    let mut files = Map::new();
    for path in &args {
        match measure(&stage, &engine, path, rounds) {
            Ok(ms) => {
                let name = path.rsplit('/').next().unwrap_or(path);
                files.insert(name.to_owned(), json!(ms));
            }
            Err(error) => {
                eprintln!("{error}");
                std::process::exit(1);
            }
        }
    }
    let report = json!({"stage": stage, "rounds": rounds, "median_ms": Value::Object(files), "peak_rss_kib": peak_rss_kib()});
    println!("{report}");
}
