//! The whole `process` pipeline on one document, as a process job runs it
//! (without the job store): parse, analyze, improve with the rule-based
//! provider, apply every rewrite, analyze again, render a PDF.
//!
//! - `pipeline/process_pdf` and `pipeline/process_docx`: the repository's
//!   sample and the first corpus document of each format, per document.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use resume_engine::improve::ImproveOptions;
use resume_engine::render::{BuiltinTemplate, OutputFormat, Template};
use resume_engine::score::Target;
use resume_engine::{Engine, EngineError};
use resume_engine_benches::documents;

/// One document through every stage; the rendered PDF's size. `revision`
/// makes each rendered document new (Typst memoises unchanged ones, which
/// would time a cache hit).
fn process(
    engine: &Engine,
    runtime: &tokio::runtime::Runtime,
    bytes: &[u8],
    template: &Template,
    revision: u64,
) -> Result<usize, EngineError> {
    let loaded = engine.load_resume(bytes)?;
    let before = engine.analyze_resume(&loaded.resume, loaded.layout.as_ref(), &Target::Auto);
    let improvements =
        runtime.block_on(engine.improve(&loaded.resume, &ImproveOptions::default()))?;
    let mut applied = engine.apply(&loaded.resume, improvements.rewrites())?;
    applied.resume.headline = Some(format!("Revision {revision}"));
    let after = engine.analyze_resume(&applied.resume, loaded.layout.as_ref(), &Target::Auto);
    black_box((before.total, after.total));
    Ok(engine
        .render(&applied.resume, template, OutputFormat::Pdf)?
        .len())
}

fn pipeline(c: &mut Criterion) {
    let (Ok(engine), Ok(runtime)) = (
        Engine::builder().build(),
        tokio::runtime::Builder::new_current_thread().build(),
    ) else {
        return;
    };
    let template = Template::from(BuiltinTemplate::Modern);
    let mut group = c.benchmark_group("pipeline");
    for extension in ["pdf", "docx"] {
        let Some(document) = documents(extension).into_iter().next() else {
            continue;
        };
        if let Err(error) = process(&engine, &runtime, &document.bytes, &template, 0) {
            eprintln!("{}: {error}", document.name);
            continue;
        }
        let mut revision = 0;
        group.bench_function(format!("process_{extension}"), |b| {
            b.iter(|| {
                revision += 1;
                process(
                    &engine,
                    &runtime,
                    black_box(&document.bytes),
                    &template,
                    revision,
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
