//! Parsing benchmarks: every dev PDF and DOCX through `Engine::parse`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use resume_engine::Engine;
use resume_engine_benches::documents;

fn parse(c: &mut Criterion) {
    let Ok(engine) = Engine::builder().build() else {
        return;
    };
    for extension in ["pdf", "docx"] {
        let mut group = c.benchmark_group(format!("parse_{extension}"));
        for doc in documents(extension) {
            group.throughput(Throughput::Bytes(doc.bytes.len() as u64));
            group.bench_function(&doc.name, |b| {
                b.iter(|| engine.parse(black_box(&doc.bytes)))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, parse);
criterion_main!(benches);
