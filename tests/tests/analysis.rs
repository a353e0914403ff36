//! Scoring end to end: golden analyses of known documents (insta snapshots
//! in `tests/tests/snapshots/`), resume JSON input, keyword packs from files,
//! and typed errors for bad targets.

use std::path::Path;

use resume_engine::score::{CategoryId, KeywordSource, ScoreError, Target};
use resume_engine::{Analysis, Engine, EngineError};
use resume_engine_tests::{dev_corpus, fixtures};

fn engine() -> Engine {
    Engine::builder().build().unwrap_or_else(|e| panic!("{e}"))
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn job_description() -> Target {
    let text = String::from_utf8_lossy(&read(&fixtures().join("job-description.txt"))).into_owned();
    Target::job_description(&text).unwrap_or_else(|e| panic!("{e}"))
}

fn analyze(path: &Path, target: &Target) -> Analysis {
    engine()
        .analyze(&read(path), target)
        .unwrap_or_else(|e| panic!("analyze {}: {e}", path.display()))
}

#[test]
fn golden_sample_docx() {
    let path = fixtures().join("sample-resume.docx");
    insta::assert_json_snapshot!("sample-resume.docx", analyze(&path, &Target::Auto));
    insta::assert_json_snapshot!(
        "sample-resume.docx__job",
        analyze(&path, &job_description())
    );
}

#[test]
fn golden_generated_corpus_documents() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/docs");
    for name in [
        "q03_ciaran_osullivan__docx-table.docx",
        "q08_jihoon_park__html-sidebar.pdf",
    ] {
        insta::assert_json_snapshot!(name, analyze(&dir.join(name), &Target::Auto));
    }
}

#[test]
fn golden_dev_corpus_documents() {
    let Some(dir) = dev_corpus() else { return };
    for name in [
        "p01_jose_nunez__rendercv-classic.pdf",
        "p04_maria_santos__docx-list.docx",
        "p07_ethan_caldwell__docx-list-lo.pdf",
    ] {
        insta::assert_json_snapshot!(name, analyze(&dir.join(name), &Target::Auto));
        insta::assert_json_snapshot!(
            format!("{name}__job"),
            analyze(&dir.join(name), &job_description())
        );
    }
}

#[test]
fn same_document_gives_the_same_bytes() {
    let path = fixtures().join("sample-resume.docx");
    let first = serde_json::to_vec(&analyze(&path, &job_description())).unwrap_or_default();
    let second = serde_json::to_vec(&analyze(&path, &job_description())).unwrap_or_default();
    assert_eq!(first, second);
}

#[test]
fn resume_json_scores_like_the_document_it_came_from() {
    let engine = engine();
    let bytes = read(&fixtures().join("sample-resume.docx"));
    let resume = engine.parse(&bytes).unwrap_or_else(|e| panic!("{e}"));
    let json = serde_json::to_vec(&resume).unwrap_or_default();
    let from_json = engine
        .analyze(&json, &Target::Auto)
        .unwrap_or_else(|e| panic!("{e}"));
    let from_docx = engine
        .analyze(&bytes, &Target::Auto)
        .unwrap_or_else(|e| panic!("{e}"));
    for id in [
        CategoryId::Contact,
        CategoryId::Impact,
        CategoryId::Keywords,
        CategoryId::Clarity,
    ] {
        assert_eq!(from_json.score_of(id), from_docx.score_of(id), "{id:?}");
    }
    let json_resume =
        serde_json::to_vec(&resume_engine::model::to_json_resume(&resume)).unwrap_or_default();
    let from_json_resume = engine
        .analyze(&json_resume, &Target::Auto)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        from_json_resume.score_of(CategoryId::Contact),
        from_docx.score_of(CategoryId::Contact)
    );
}

#[test]
fn invalid_json_is_a_typed_error() {
    let err = engine().analyze(b"{\"name\": ", &Target::Auto).err();
    assert!(matches!(err, Some(EngineError::Model(_))), "{err:?}");
}

#[test]
fn keyword_packs_load_from_files() {
    let dir = std::env::temp_dir().join(format!("resume-engine-packs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let list = dir.join("logistics.txt");
    std::fs::write(&list, "# my pack\nfreight, 3\ncustoms\nKubernetes\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let json = dir.join("ops.json");
    std::fs::write(
        &json,
        r#"{"name": "ops", "keywords": [{"term": "SAP", "weight": 2}, {"term": "forklift"}]}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let sample = fixtures().join("sample-resume.docx");
    for (path, name) in [(&list, "logistics"), (&json, "ops")] {
        let target = Target::pack(&path.to_string_lossy()).unwrap_or_else(|e| panic!("{e}"));
        let analysis = analyze(&sample, &target);
        assert_eq!(
            analysis.keywords.source,
            KeywordSource::Pack {
                name: name.into(),
                auto_selected: false
            }
        );
        assert!(!analysis.keywords.missing.is_empty());
    }
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"keywords\": 3}").unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        Target::pack(&bad.to_string_lossy()),
        Err(ScoreError::InvalidPack { .. })
    ));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unknown_pack_and_empty_job_description_are_typed_errors() {
    assert!(matches!(
        Target::pack("astronaut"),
        Err(ScoreError::UnknownPack { .. })
    ));
    assert!(matches!(
        Target::job_description("   "),
        Err(ScoreError::EmptyJobDescription)
    ));
}

#[test]
fn tailoring_to_the_job_description_raises_the_keyword_score() {
    let engine = engine();
    let bytes = read(&fixtures().join("sample-resume.docx"));
    let mut resume = engine.parse(&bytes).unwrap_or_else(|e| panic!("{e}"));
    let target = job_description();
    let before = engine.analyze_resume(&resume, None, &target);
    for suggestion in &before.keywords.missing {
        resume.sections.skills.push(suggestion.term.clone());
    }
    let after = engine.analyze_resume(&resume, None, &target);
    assert!(after.score_of(CategoryId::Keywords) > before.score_of(CategoryId::Keywords));
    assert!(after.keywords.match_rate > before.keywords.match_rate);
}
