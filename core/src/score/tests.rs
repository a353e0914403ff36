//! Whole-scorer tests: the invariants (as property tests) and example pairs.

use proptest::prelude::*;

use super::*;
use crate::model::{Education, Experience, Link, ResumeDate, Sections};

fn base_resume(bullets: Vec<String>) -> Resume {
    Resume {
        name: Some("Ana Ferreira".into()),
        email: Some("ana@example.pt".into()),
        phone: Some("+351 912 345 678".into()),
        location: Some("Lisbon".into()),
        links: vec![Link {
            url: "https://github.com/ana".into(),
            network: None,
        }],
        sections: Sections {
            summary: Some("Backend engineer building payment systems.".into()),
            experience: vec![Experience {
                title: "Backend Engineer".into(),
                company: "Acme".into(),
                dates: "Mar 2020 – Present".into(),
                start: Some(ResumeDate::YearMonth {
                    year: 2020,
                    month: 3,
                }),
                end: Some(ResumeDate::Present),
                bullets,
                ..Experience::default()
            }],
            education: vec![Education {
                degree: "BSc Computer Science".into(),
                ..Education::default()
            }],
            skills: ["Rust", "Python", "SQL", "Kafka", "Docker"]
                .map(String::from)
                .to_vec(),
            ..Sections::default()
        },
        ..Resume::default()
    }
}

fn analyze(resume: &Resume) -> Analysis {
    StandardScorer::new().analyze(&ScoreInput::new(resume))
}

fn analyze_for(resume: &Resume, target: &Target) -> Analysis {
    StandardScorer::new().analyze(&ScoreInput::new(resume).target(target))
}

const VERBS: &[&str] = &[
    "Built",
    "Led",
    "Designed",
    "Reduced",
    "Migrated",
    "Automated",
    "Shipped",
];
const OBJECTS: &[&str] = &[
    "the billing service",
    "a Kafka pipeline",
    "the SQL schema",
    "deploys with Docker",
    "the on-call rotation",
    "Python tooling",
];

fn bullet() -> impl Strategy<Value = String> {
    (
        0..VERBS.len(),
        0..OBJECTS.len(),
        prop::option::of(1u32..500),
    )
        .prop_map(|(v, o, n)| match n {
            Some(n) => format!("{} {} for {n} customers", VERBS[v], OBJECTS[o]),
            None => format!("{} {} for the team", VERBS[v], OBJECTS[o]),
        })
}

fn bullets() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(bullet(), 1..12)
}

proptest! {
    #[test]
    fn total_is_the_sum_of_categories_and_within_bounds(bullets in bullets(), drop_email: bool, drop_skills: bool) {
        let mut resume = base_resume(bullets);
        if drop_email { resume.email = None; }
        if drop_skills { resume.sections.skills.clear(); }
        let analysis = analyze(&resume);
        let sum: f64 = analysis.categories.iter().map(|c| c.score).sum();
        prop_assert!((analysis.total - sum).abs() < 1e-9);
        prop_assert!((0.0..=100.0).contains(&analysis.total));
        for c in &analysis.categories {
            prop_assert!(c.score >= 0.0 && c.score <= c.max);
            let lost: f64 = c.issues.iter().map(|i| i.points).sum();
            prop_assert!((c.max - c.score - lost).abs() < 0.05 + 0.01 * c.issues.len() as f64, "{} lost {lost} but scores {}", c.name, c.score);
        }
    }

    #[test]
    fn adding_a_metric_never_lowers_impact(bullets in bullets(), pick in any::<prop::sample::Index>()) {
        let resume = base_resume(bullets.clone());
        let mut improved = bullets;
        let i = pick.index(improved.len());
        improved[i].push_str(", cutting costs by 25%");
        let before = analyze(&resume).score_of(CategoryId::Impact);
        let after = analyze(&base_resume(improved)).score_of(CategoryId::Impact);
        prop_assert!(after >= before, "{after} < {before}");
    }

    #[test]
    fn responsible_for_instead_of_a_verb_lowers_impact(bullets in bullets(), pick in any::<prop::sample::Index>()) {
        let resume = base_resume(bullets.clone());
        let mut weakened = bullets;
        let i = pick.index(weakened.len());
        let rest = weakened[i].split_once(' ').map(|(_, r)| r.to_owned()).unwrap_or_default();
        weakened[i] = format!("Responsible for {rest}");
        let before = analyze(&resume).score_of(CategoryId::Impact);
        let after = analyze(&base_resume(weakened)).score_of(CategoryId::Impact);
        prop_assert!(after < before, "{after} >= {before}");
    }

    #[test]
    fn removing_the_email_lowers_contact(bullets in bullets()) {
        let resume = base_resume(bullets);
        let mut without = resume.clone();
        without.email = None;
        prop_assert!(analyze(&without).score_of(CategoryId::Contact) < analyze(&resume).score_of(CategoryId::Contact));
    }

    #[test]
    fn tailoring_with_missing_keywords_raises_keywords(bullets in bullets()) {
        let jd = JobDescription::new("Requirements:\n- Kubernetes and Terraform (required)\n- GraphQL APIs\n- Rust").map_err(|e| TestCaseError::fail(e.to_string()))?;
        let target = Target::JobDescription(jd);
        let resume = base_resume(bullets);
        let before = analyze_for(&resume, &target);
        let mut tailored = resume.clone();
        for missing in &before.keywords.missing {
            tailored.sections.skills.push(missing.term.clone());
        }
        let after = analyze_for(&tailored, &target);
        prop_assert!(!before.keywords.missing.is_empty());
        prop_assert!(after.score_of(CategoryId::Keywords) > before.score_of(CategoryId::Keywords));
        prop_assert!(after.keywords.missing.is_empty());
    }

    #[test]
    fn the_same_input_gives_the_same_bytes(bullets in bullets()) {
        let resume = base_resume(bullets);
        let a = serde_json::to_string(&analyze(&resume)).unwrap_or_default();
        let b = serde_json::to_string(&analyze(&resume)).unwrap_or_default();
        prop_assert_eq!(a, b);
    }
}

#[test]
fn an_empty_resume_scores_low_without_panicking() {
    let analysis = analyze(&Resume::default());
    assert!(analysis.total <= 25.0, "{}", analysis.total);
    assert!(analysis.issues().any(|i| i.severity == Severity::Critical));
}

#[test]
fn auto_target_picks_the_fitting_role_pack() {
    let resume = base_resume(vec![
        "Built REST APIs in Python on AWS with Docker and Kubernetes".into(),
    ]);
    let analysis = analyze(&resume);
    assert_eq!(
        analysis.keywords.source,
        KeywordSource::Pack {
            name: "software".into(),
            auto_selected: true
        }
    );
}

#[test]
fn a_user_pack_is_the_target() -> Result<(), ScoreError> {
    let pack = KeywordPack::from_list("mine", "Rust, 3\nErlang\n")?;
    let analysis = analyze_for(
        &base_resume(vec!["Built Rust services for 40 teams".into()]),
        &Target::Pack(pack.into()),
    );
    assert_eq!(analysis.keywords.matched.len(), 1);
    assert_eq!(analysis.keywords.missing[0].term, "Erlang");
    Ok(())
}

#[test]
fn text_report_lists_scores_and_fixes() {
    let analysis = analyze(&base_resume(vec![
        "Responsible for the billing service".into(),
    ]));
    let report = text_report(&analysis);
    assert!(report.starts_with("Resume score: "));
    assert!(report.contains("Impact — "));
    assert!(report.contains("→ Start with an action verb such as"));
}
