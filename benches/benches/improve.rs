//! Improver benchmarks: the rule-based provider on every dev corpus PDF,
//! already parsed (target ≤ 1 ms per resume), and the guard on one rewrite.
//! The prompt's token overhead is printed beside them.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use resume_engine::Engine;
use resume_engine::improve::{GuardContext, ImproveOptions, ItemKind, RuleImprover, check, prompt};
use resume_engine_benches::documents;

fn improve(c: &mut Criterion) {
    let Ok(engine) = Engine::builder().build() else {
        return;
    };
    let resumes: Vec<_> = documents("pdf")
        .iter()
        .filter_map(|doc| engine.load_resume(&doc.bytes).ok())
        .map(|loaded| loaded.resume)
        .collect();
    eprintln!(
        "prompt {}: overhead {} tokens (system instruction, schema, line framing)",
        prompt::VERSION,
        prompt::overhead_tokens()
    );
    let options = ImproveOptions::default();
    let rules = RuleImprover::new();
    let mut group = c.benchmark_group("improve");
    group.throughput(Throughput::Elements(resumes.len().max(1) as u64));
    group.bench_function("rules_per_corpus", |b| {
        b.iter(|| {
            for resume in &resumes {
                black_box(rules.suggest(resume, &options));
            }
        })
    });
    group.finish();
    let Some(resume) = resumes.first() else {
        return;
    };
    let context = GuardContext::new(Some(resume), &options);
    c.bench_function("guard_one_rewrite", |b| {
        b.iter(|| {
            black_box(check(
                black_box("Responsible for the sales pipeline across 3 regions"),
                black_box("Owned the sales pipeline across 3 regions, growing revenue by 40%"),
                ItemKind::Bullet,
                &context,
            ))
        })
    });
}

criterion_group!(benches, improve);
criterion_main!(benches);
