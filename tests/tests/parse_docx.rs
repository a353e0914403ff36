//! End to end: DOCX bytes through the engine to a structured resume.

use resume_engine::model::ResumeDate;
use resume_engine::{Engine, Resume};
use resume_engine_tests::{dev_corpus, fixtures};

fn parse(path: &std::path::Path) -> Resume {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let engine = Engine::builder()
        .build()
        .unwrap_or_else(|e| panic!("engine: {e}"));
    engine
        .parse(&bytes)
        .unwrap_or_else(|e| panic!("parse {}: {e}", path.display()))
}

#[test]
fn sample_docx_parses_into_every_section() {
    let resume = parse(&fixtures().join("sample-resume.docx"));
    assert_eq!(resume.name.as_deref(), Some("Ana Lucía Ferreira-Sousa"));
    assert_eq!(resume.email.as_deref(), Some("ana.ferreira@example.pt"));
    assert_eq!(resume.phone.as_deref(), Some("+351 912 345 678"));
    assert_eq!(resume.location.as_deref(), Some("Lisbon, Portugal"));
    assert_eq!(resume.headline.as_deref(), Some("Product Engineer"));
    assert_eq!(
        resume.links.first().map(|l| l.url.as_str()),
        Some("https://github.com/anaferreira")
    );
    assert!(
        resume
            .sections
            .summary
            .as_deref()
            .is_some_and(|s| s.starts_with("Product engineer with seven years"))
    );

    let jobs = &resume.sections.experience;
    assert_eq!(jobs.len(), 2);
    assert_eq!(
        (jobs[0].title.as_str(), jobs[0].company.as_str()),
        ("Senior Product Engineer", "Tagus Freight")
    );
    assert_eq!(jobs[0].dates, "Mar 2021 – Present");
    assert_eq!(
        jobs[0].start,
        Some(ResumeDate::YearMonth {
            year: 2021,
            month: 3
        })
    );
    assert_eq!(jobs[0].end, Some(ResumeDate::Present));
    assert_eq!(jobs[0].location.as_deref(), Some("Lisbon, Portugal"));
    assert_eq!(jobs[0].bullets.len(), 3);
    assert_eq!(
        (jobs[1].title.as_str(), jobs[1].company.as_str()),
        ("Software Developer", "Clínica Atlântico")
    );
    assert_eq!(
        jobs[1].start,
        Some(ResumeDate::YearMonth {
            year: 2017,
            month: 6
        })
    );
    assert_eq!(
        jobs[1].end,
        Some(ResumeDate::YearMonth {
            year: 2021,
            month: 2
        })
    );

    let school = &resume.sections.education[0];
    assert_eq!(school.degree, "MSc in Informatics Engineering");
    assert_eq!(school.field.as_deref(), Some("Informatics Engineering"));
    assert_eq!(school.institution, "University of Porto");
    assert_eq!(school.year, "2017");

    assert_eq!(
        resume.sections.skills,
        [
            "Rust",
            "TypeScript",
            "Python",
            "SQL",
            "PostgreSQL",
            "Kafka",
            "AWS",
            "Docker"
        ]
    );
    assert_eq!(
        resume.sections.skill_groups[0].name.as_deref(),
        Some("Languages")
    );
    assert_eq!(
        resume.sections.certifications[0].issuer.as_deref(),
        Some("Amazon Web Services")
    );
    assert_eq!(resume.sections.languages.len(), 3);
    assert!(resume.raw_text.contains("Tagus Freight"));
}

#[test]
fn parse_output_round_trips_through_json() {
    let resume = parse(&fixtures().join("sample-resume.docx"));
    let json = serde_json::to_string(&resume).unwrap_or_default();
    let back = Resume::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, resume);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    for key in ["name", "email", "phone", "sections", "raw_text"] {
        assert!(value.get(key).is_some(), "missing {key}");
    }
    for key in ["summary", "experience", "education", "skills"] {
        assert!(
            value["sections"].get(key).is_some(),
            "missing sections.{key}"
        );
    }
}

#[test]
fn dev_corpus_docx_files_match_their_truth_on_contact_and_entries() {
    let Some(dir) = dev_corpus() else { return };
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "docx") {
            continue;
        }
        let truth_path = path.with_extension("truth.json");
        let truth: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&truth_path).unwrap_or_default())
                .unwrap_or_default();
        let resume = parse(&path);
        let name = path.display();
        assert_eq!(resume.name.as_deref(), truth["name"].as_str(), "{name}");
        assert_eq!(resume.email.as_deref(), truth["email"].as_str(), "{name}");
        let truth_jobs = truth["sections"]["experience"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert_eq!(resume.sections.experience.len(), truth_jobs.len(), "{name}");
        for (got, want) in resume.sections.experience.iter().zip(&truth_jobs) {
            assert_eq!(
                got.title,
                want["title"].as_str().unwrap_or_default(),
                "{name}"
            );
            assert_eq!(
                got.company,
                want["company"].as_str().unwrap_or_default(),
                "{name}"
            );
            assert_eq!(
                got.bullets.len(),
                want["bullets"].as_array().map_or(0, Vec::len),
                "{name}"
            );
        }
        checked += 1;
    }
    assert!(
        checked >= 10,
        "expected the 10 dev DOCX files, found {checked}"
    );
}
