//! Jobs on every backend reachable from here: submitting a job and reading
//! its status (medians per call), and throughput: 1,000 no-op jobs run by
//! 4 workers of 16 slots (`jobs_throughput/<backend>`, elements per second;
//! the `job-throughput` binary runs the same at a larger scale).

use std::hint::black_box;

use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use resume_engine::jobs::{JobKind, NewJob, open};
use resume_engine_benches::backends::bench_backends;
use resume_engine_benches::throughput::drain;
use serde_json::json;

fn jobs(c: &mut Criterion) {
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
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

/// Jobs per throughput sample.
const BATCH: usize = 1_000;

fn throughput(c: &mut Criterion) {
    let Ok(runtime) = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    else {
        return;
    };
    let dir = std::env::temp_dir();
    let mut group = c.benchmark_group("jobs_throughput");
    group.sample_size(10);
    group.throughput(Throughput::Elements(BATCH as u64));
    for backend in bench_backends(&dir) {
        if let Err(error) = runtime.block_on(drain(&backend.url, 10, 1, 4)) {
            eprintln!("{}: {error}", backend.name);
            continue;
        }
        group.bench_function(backend.name, |b| {
            b.iter_custom(|batches| {
                (0..batches)
                    .map(|_| {
                        runtime
                            .block_on(drain(&backend.url, BATCH, 4, 16))
                            .unwrap_or_else(|error| panic!("{}: {error}", backend.name))
                    })
                    .sum::<Duration>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, jobs, throughput);
criterion_main!(benches);
