use super::*;
use crate::score::{Location, SectionKind};

fn bullet(text: &str, kind: ItemKind) -> Option<Suggestion> {
    let item = Item {
        id: "e0.0".into(),
        location: Location::bullet(SectionKind::Experience, 0, 0),
        kind,
        text: text.into(),
    };
    suggest_item(&item, &ImproveOptions::default())
}

fn rewrite(text: &str) -> Option<String> {
    bullet(text, ItemKind::Bullet).and_then(|s| s.rewrite)
}

#[test]
fn weak_openers_become_verbs_that_claim_no_more() {
    assert_eq!(
        rewrite("Responsible for managing the billing service").as_deref(),
        Some("Managed the billing service")
    );
    assert_eq!(
        rewrite("Responsible for the design of the API").as_deref(),
        Some("Owned the design of the API")
    );
    assert_eq!(
        rewrite("Helped build the payments API").as_deref(),
        Some("Contributed to building the payments API")
    );
    assert_eq!(
        rewrite("Worked with designers on onboarding").as_deref(),
        Some("Collaborated with designers on onboarding")
    );
    assert_eq!(rewrite("Made coffee for 3 teams"), None);
}

#[test]
fn fillers_pronouns_and_tense_are_fixed() {
    assert_eq!(
        rewrite("I successfully migrated 40 services in order to cut costs").as_deref(),
        Some("Migrated 40 services to cut costs")
    );
    assert_eq!(
        rewrite("Developing very fast tools for 12 teams").as_deref(),
        Some("Developed fast tools for 12 teams")
    );
    let current = bullet("Leading a team of 5", ItemKind::CurrentBullet);
    assert_eq!(
        current.and_then(|s| s.rewrite).as_deref(),
        Some("Lead a team of 5")
    );
}

#[test]
fn missing_metrics_are_flagged_never_invented() {
    let s = bullet("Built the billing system", ItemKind::Bullet);
    let s = s.as_ref();
    assert_eq!(
        s.map(|s| s.reasons.clone()),
        Some(vec![Reason::MissingMetric])
    );
    assert_eq!(s.and_then(|s| s.rewrite.clone()), None);
    assert!(bullet("Built the billing system for 40 clients", ItemKind::Bullet).is_none());
}
