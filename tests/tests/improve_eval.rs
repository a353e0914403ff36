//! The improver's cost and quality targets, measured over the dev corpus
//! (and the fixtures) against loopback stand-ins that answer with
//! realistic output sizes.

use std::sync::Arc;

use resume_engine::improve::{
    ApiKey, EvalReport, GeminiConfig, ImproveConfig, ImproveOptions, Improver, ProviderKind,
    evaluate, improver_for,
};
use resume_engine::{Engine, Resume};
use resume_engine_tests::{dev_corpus, fixtures, mock_llm};
use wiremock::MockServer;

fn resumes(dir: &std::path::Path) -> Vec<Resume> {
    let engine = Engine::builder().build().unwrap_or_else(|e| panic!("{e}"));
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_else(|_| Vec::new());
    paths.sort();
    paths
        .iter()
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("pdf" | "docx")))
        .filter_map(|p| engine.load_resume(&std::fs::read(p).ok()?).ok())
        .map(|loaded| loaded.resume)
        .collect()
}

async fn report(resumes: &[Resume]) -> EvalReport {
    let server = MockServer::start().await;
    mock_llm::mount(&server).await;
    let config = ImproveConfig {
        gemini: GeminiConfig {
            base_url: format!("{}/v1beta", server.uri()),
            api_key: Some(ApiKey("mock".into())),
            ..GeminiConfig::default()
        },
        cache_capacity: 0,
        ..ImproveConfig::default()
    };
    let provider = |kind| improver_for(&[kind], &config).unwrap_or_else(|e| panic!("{e}"));
    let providers: Vec<(String, Arc<dyn Improver>)> = vec![
        ("gemini".into(), provider(ProviderKind::Gemini)),
        ("rules".into(), provider(ProviderKind::Rules)),
    ];
    let report = evaluate(resumes, &providers, &ImproveOptions::default()).await;
    assert_eq!(
        server.received_requests().await.map(|r| r.len()),
        Some(resumes.len()),
        "one request per resume"
    );
    report
}

fn check_targets(report: &EvalReport) {
    eprintln!(
        "{}",
        serde_json::to_string_pretty(report).unwrap_or_default()
    );
    assert!(report.prompt_overhead_tokens < 700);
    let gemini = &report.providers[0];
    assert_eq!(gemini.failures, 0);
    assert!(
        gemini.cost_per_resume_usd <= 0.0005,
        "cost per resume {} at the default model's list price",
        gemini.cost_per_resume_usd
    );
    assert!(gemini.guard_pass_rate >= 0.95, "{}", gemini.guard_pass_rate);
    assert!(gemini.action_verbs_after >= gemini.action_verbs_before);
    let rules = &report.providers[1];
    assert!(
        (rules.guard_pass_rate - 1.0).abs() < f64::EPSILON,
        "rules rewrites pass the guard"
    );
    assert!(rules.cost_usd.abs() < f64::EPSILON);
}

#[tokio::test]
async fn fixtures_meet_the_cost_target() {
    let resumes = resumes(&fixtures());
    assert!(!resumes.is_empty());
    check_targets(&report(&resumes).await);
}

#[tokio::test]
async fn dev_corpus_meets_the_cost_and_guard_targets() {
    let Some(dir) = dev_corpus() else { return };
    let resumes = resumes(&dir);
    assert!(resumes.len() >= 30, "{} resumes", resumes.len());
    check_targets(&report(&resumes).await);
}
