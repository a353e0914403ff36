//! Fuzzes scoring: the bytes are read as a resume (JSON or a document) and
//! scored, and also as a job description the sample resume is scored against.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resume_engine::Engine;
use resume_engine::score::Target;

fuzz_target!(|data: &[u8]| {
    let Ok(engine) = Engine::builder().build() else {
        return;
    };
    if let Ok(analysis) = engine.analyze(data, &Target::Auto) {
        let sum: f64 = analysis.categories.iter().map(|c| c.score).sum();
        assert!((analysis.total - sum).abs() < 1e-6 && (0.0..=100.0).contains(&analysis.total));
    }
    let text = String::from_utf8_lossy(data);
    if let Ok(target) = Target::job_description(&text) {
        let resume = resume_engine::Resume::default();
        let _ = engine.analyze_resume(&resume, None, &target);
    }
});
