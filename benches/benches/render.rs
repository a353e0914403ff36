//! Rendering benchmarks: the sample resume through every template.
//!
//! - `render_pdf/<template>`: a warm render (fonts loaded, template parsed)
//!   of a resume that differs on every iteration, tagged PDF export
//!   included: the steady state of a server.
//! - `render_docx/<template>`: the same for Word output.
//! - `render_first/pdf`: a new renderer with Typst's caches emptied first:
//!   font book, first compile and export, as a fresh process pays them.
//! - `render_parallel/pdf`: 20 documents on 2 threads sharing one renderer.

use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use resume_engine::Resume;
use resume_engine::render::{
    BuiltinTemplate, DocxRenderer, RenderLimits, Renderer, Template, TypstRenderer,
};

fn sample() -> Option<Resume> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/render/sample.json");
    Resume::from_json(&std::fs::read_to_string(path).ok()?).ok()
}

/// `resume` with its summary changed on every call, so each render is a new
/// document (Typst memoises whole documents: an unchanged input would
/// measure a cache hit).
fn varied(resume: &Resume, n: &mut u64) -> Resume {
    *n += 1;
    let mut resume = resume.clone();
    let summary = resume.sections.summary.unwrap_or_default();
    resume.sections.summary = Some(format!("{summary} Revision {n}."));
    resume
}

fn warm(c: &mut Criterion, name: &str, renderer: &dyn Renderer, resume: &Resume) {
    let mut group = c.benchmark_group(name);
    for template in BuiltinTemplate::ALL {
        let name = template.name();
        let template = Template::from(template);
        let mut n = 0u64;
        group.bench_function(name, |b| {
            b.iter(|| renderer.render(black_box(&varied(resume, &mut n)), &template))
        });
    }
    group.finish();
}

fn render(c: &mut Criterion) {
    let Some(resume) = sample() else {
        eprintln!("fixtures/render/sample.json not readable: nothing to benchmark");
        return;
    };
    let typst = TypstRenderer::default();
    warm(c, "render_pdf", &typst, &resume);
    warm(c, "render_docx", &DocxRenderer::default(), &resume);

    let classic = Template::from(BuiltinTemplate::Classic);
    let mut first = c.benchmark_group("render_first");
    first.sample_size(10);
    first.bench_function("pdf", |b| {
        b.iter_batched(
            || {
                comemo::evict(0);
                TypstRenderer::new(RenderLimits::default())
            },
            |renderer| renderer.render(&resume, &classic),
            BatchSize::PerIteration,
        )
    });
    first.finish();

    let mut parallel = c.benchmark_group("render_parallel");
    parallel.sample_size(10);
    parallel.throughput(Throughput::Elements(20));
    let next = AtomicU64::new(0);
    parallel.bench_function("pdf", |b| {
        b.iter(|| {
            std::thread::scope(|scope| {
                for _ in 0..2 {
                    scope.spawn(|| {
                        for _ in 0..10 {
                            let mut n = next.fetch_add(1, Ordering::Relaxed);
                            let _ = black_box(typst.render(&varied(&resume, &mut n), &classic));
                        }
                    });
                }
            })
        })
    });
    parallel.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
