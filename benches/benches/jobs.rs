//! Job latency: submitting a job and reading its status, on every backend
//! reachable from here (medians per call). Throughput is measured by the
//! `job-throughput` binary.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use resume_engine::jobs::{JobKind, NewJob, open};
use resume_engine_benches::backends::bench_backends;
use serde_json::json;

fn jobs(c: &mut Criterion) {
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() else {
        return;
    };
    let dir = std::env::temp_dir();
    for backend in bench_backends(&dir) {
        let Ok(store) = runtime.block_on(open(&backend.url)) else {
            eprintln!("{}: cannot open {}", backend.name, backend.url);
            continue;
        };
        let input = json!({"document": "JVBERi0xLjcK", "template": "modern"});
        let mut group = c.benchmark_group(format!("jobs/{}", backend.name));
        group.bench_function("submit", |b| {
            b.iter(|| {
                let job = NewJob::new(JobKind::Analyze, input.clone());
                black_box(runtime.block_on(store.enqueue(job)).ok())
            })
        });
        let Ok(job) = runtime.block_on(store.enqueue(NewJob::new(JobKind::Analyze, input.clone())))
        else {
            continue;
        };
        group.bench_function("status", |b| {
            b.iter(|| black_box(runtime.block_on(store.status(job.id)).ok()))
        });
        group.finish();
    }
}

criterion_group!(benches, jobs);
criterion_main!(benches);
