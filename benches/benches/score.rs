//! Scoring benchmarks: `Engine::analyze_resume` on every dev corpus PDF,
//! already parsed (parsing excluded), against the automatic pack, a named
//! pack and a job description (matched against each resume; in the last
//! group its key terms are also extracted again for every resume).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use resume_engine::Engine;
use resume_engine::score::{JobDescription, Target};
use resume_engine_benches::documents;

const JOB_DESCRIPTION: &str = include_str!("../../fixtures/job-description.txt");

fn score(c: &mut Criterion) {
    let Ok(engine) = Engine::builder().build() else {
        return;
    };
    let loaded: Vec<_> = documents("pdf")
        .iter()
        .filter_map(|doc| engine.load_resume(&doc.bytes).ok())
        .collect();
    let Ok(pack) = Target::pack("software") else {
        return;
    };
    let mut group = c.benchmark_group("score");
    group.throughput(Throughput::Elements(loaded.len() as u64));
    group.bench_function("auto_pack", |b| {
        b.iter(|| {
            for l in &loaded {
                black_box(engine.analyze_resume(&l.resume, l.layout.as_ref(), &Target::Auto));
            }
        })
    });
    group.bench_function("named_pack", |b| {
        b.iter(|| {
            for l in &loaded {
                black_box(engine.analyze_resume(&l.resume, l.layout.as_ref(), &pack));
            }
        })
    });
    let Ok(job) = JobDescription::new(JOB_DESCRIPTION) else {
        return;
    };
    let job = Target::JobDescription(job);
    group.bench_function("job_description", |b| {
        b.iter(|| {
            for l in &loaded {
                black_box(engine.analyze_resume(&l.resume, l.layout.as_ref(), &job));
            }
        })
    });
    group.bench_function("job_description_extracted_each_time", |b| {
        b.iter(|| {
            for l in &loaded {
                let Ok(jd) = JobDescription::new(black_box(JOB_DESCRIPTION)) else {
                    continue;
                };
                let target = Target::JobDescription(jd);
                black_box(engine.analyze_resume(&l.resume, l.layout.as_ref(), &target));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, score);
criterion_main!(benches);
