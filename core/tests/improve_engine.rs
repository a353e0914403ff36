//! The engine's improver: rule-based and offline by default, suggestions
//! applied all or none.

use resume_engine::improve::{ImproveConfig, ImproveError, ImproveOptions, Provenance};
use resume_engine::{Engine, EngineError, Resume};

fn resume() -> Resume {
    let json = r#"{"sections": {"summary": "I am a very hands-on engineer.",
      "experience": [{"title": "Engineer", "company": "Acme", "dates": "2019 - 2021",
        "bullets": ["Responsible for managing the billing service", "Worked on the 2020 migration"]}]}}"#;
    Resume::from_json(json).unwrap_or_default()
}

#[tokio::test]
async fn the_default_engine_improves_offline_and_applies_all_or_nothing() {
    let engine = Engine::builder()
        .improve(ImproveConfig::default())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(engine.improver().provenance(), Provenance::rules());
    let resume = resume();
    let improvements = engine
        .improve(&resume, &ImproveOptions::default())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = improvements
        .suggestions
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, ["s", "e0.0", "e0.1"]);
    let summary = &improvements.suggestions[0];
    assert_eq!(
        summary.rewrite.as_deref(),
        Some("I am a hands-on engineer.")
    );
    let applied = engine
        .apply(&resume, &improvements.suggestions)
        .unwrap_or_else(|e| panic!("{e}"));
    let bullets = &applied.resume.sections.experience[0].bullets;
    assert_eq!(
        bullets,
        &[
            "Managed the billing service",
            "Contributed to the 2020 migration"
        ]
    );
    assert_eq!(applied.changes.len(), 3);

    // A suggestion whose original no longer matches stops the whole apply.
    let mut edited = resume.clone();
    edited.sections.experience[0].bullets[1] = "Led the 2020 migration".into();
    let error = engine.apply(&edited, &improvements.suggestions).err();
    assert!(
        matches!(error, Some(EngineError::Improve(ImproveError::Stale { ref id, .. })) if id == "e0.1"),
        "{error:?}"
    );
}

#[test]
fn guard_checks_rewrites_against_the_resume() {
    let engine = Engine::builder().build().unwrap_or_else(|e| panic!("{e}"));
    let verdict = engine.guard(
        "Worked on the 2020 migration",
        "Led the 2021 migration to Kubernetes",
        Some(&resume()),
    );
    assert!(!verdict.accepted);
    let rules: Vec<String> = verdict
        .reasons
        .iter()
        .filter_map(|r| {
            serde_json::to_value(r.rule)
                .ok()?
                .as_str()
                .map(str::to_owned)
        })
        .collect();
    assert_eq!(rules, ["date_changed", "date_changed", "new_name"]);
}
