//! Impact (30 points).
//!
//! | rule | points | how points are lost |
//! |---|---|---|
//! | `impact.action_verbs` | 12 | each bullet that does not open with a strong action verb (any tense, after an optional `-ly` adverb) costs 12 / bullets |
//! | `impact.quantified` | 12 | when fewer than 60 % of bullets state a number, percentage, amount or duration, the shortfall (12 × missing / needed) is spread over the unquantified bullets |
//! | `impact.weak_openers` | 6 | 2 per bullet opening with a weak phrase ("Responsible for", "Helped", "Worked on", "Duties included"…) |
//!
//! A resume without bullets loses all 30 points.

use crate::score::analysis::{Category, CategoryId, Location, SectionKind};
use crate::score::bullets::{Bullet, Opener, is_quantified};
use crate::score::rules::{Finding, Rule, category};
use crate::score::text::capitalise;

/// Share of bullets that should carry a quantity.
const QUANTIFIED_TARGET: f64 = 0.6;
/// Verbs suggested for bullets without one, rotated by bullet.
const SUGGESTED_VERBS: &[&str] = &[
    "Led",
    "Built",
    "Delivered",
    "Reduced",
    "Improved",
    "Launched",
    "Designed",
    "Automated",
];

/// Counts behind the impact rules.
pub struct ImpactCounts {
    /// Bullets opening with an action verb.
    pub action: usize,
    /// Bullets stating a quantity.
    pub quantified: usize,
}

/// Scores how bullets show results.
pub fn score(bullets: &[Bullet<'_>]) -> (Category, ImpactCounts) {
    let mut verbs = Rule::new(
        "impact.action_verbs",
        "Bullets open with a strong action verb",
        12.0,
    );
    let mut quantified = Rule::new(
        "impact.quantified",
        "At least 60% of bullets quantify a result",
        12.0,
    );
    let mut weak = Rule::new(
        "impact.weak_openers",
        "No bullet opens with a weak phrase",
        6.0,
    );
    let mut counts = ImpactCounts {
        action: 0,
        quantified: 0,
    };
    if bullets.is_empty() {
        let at = Location::section(SectionKind::Experience);
        verbs.charge(12.0, Finding::critical(at, "No bullet points found under experience or projects.", "Describe each role in 3–5 bullets that start with an action verb and state a result."));
        quantified.charge(
            12.0,
            Finding::critical(
                at,
                "No results can be measured without bullets.",
                "Add bullets with numbers: how many, how much, how fast?",
            ),
        );
        weak.charge(
            6.0,
            Finding::critical(
                at,
                "No bullets to show what you achieved.",
                "Write bullets that state what you did and its result, not your duties.",
            ),
        );
        return (
            category(CategoryId::Impact, vec![verbs, quantified, weak]),
            counts,
        );
    }
    let n = bullets.len() as f64;
    let mut unquantified = Vec::new();
    for (i, bullet) in bullets.iter().enumerate() {
        match &bullet.opener {
            Opener::Action(_) => counts.action += 1,
            Opener::Weak(phrase) => {
                let written = bullet
                    .text
                    .split_whitespace()
                    .take(phrase.split(' ').count())
                    .collect::<Vec<_>>()
                    .join(" ");
                verbs.charge(
                    12.0 / n,
                    Finding::warning(
                        bullet.location,
                        format!("Opens with \"{written}\" instead of an action verb."),
                        suggest_verbs(i),
                    )
                    .quoting(bullet.text),
                );
                weak.charge(2.0, Finding::warning(bullet.location, format!("\"{written}\" describes a duty, not what you achieved."), format!("Replace \"{written}\" with what you did and its result: \"{} …, which …\".", SUGGESTED_VERBS[i % SUGGESTED_VERBS.len()])).quoting(bullet.text));
            }
            Opener::Other(word) => {
                let message = if word.is_empty() {
                    "The bullet has no opening word.".to_owned()
                } else {
                    format!(
                        "Opens with \"{}\" rather than an action verb.",
                        capitalise(word)
                    )
                };
                verbs.charge(
                    12.0 / n,
                    Finding::warning(bullet.location, message, suggest_verbs(i))
                        .quoting(bullet.text),
                );
            }
        }
        if is_quantified(bullet.text, &bullet.words) {
            counts.quantified += 1;
        } else {
            unquantified.push(bullet);
        }
    }
    let needed = (QUANTIFIED_TARGET * n).ceil();
    let shortfall = (needed - counts.quantified as f64).max(0.0);
    if shortfall > 0.0 {
        let points = 12.0 * shortfall / needed / unquantified.len() as f64;
        for bullet in unquantified {
            quantified.charge(points, Finding::warning(bullet.location, "No measurable result.", "Quantify the result: how many, how much, how fast? (e.g. \"cutting response time by 30%\").").quoting(bullet.text));
        }
    }
    (
        category(CategoryId::Impact, vec![verbs, quantified, weak]),
        counts,
    )
}

fn suggest_verbs(i: usize) -> String {
    let pick = |k: usize| SUGGESTED_VERBS[(i + k) % SUGGESTED_VERBS.len()];
    format!(
        "Start with an action verb such as *{}*, *{}* or *{}*.",
        pick(0),
        pick(1),
        pick(2)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Resume;
    use crate::model::{Experience, Sections};
    use crate::score::bullets::bullets;

    fn resume(lines: &[&str]) -> Resume {
        Resume {
            sections: Sections {
                experience: vec![Experience {
                    bullets: lines.iter().map(|l| (*l).to_owned()).collect(),
                    ..Experience::default()
                }],
                ..Sections::default()
            },
            ..Resume::default()
        }
    }

    fn impact(lines: &[&str]) -> Category {
        score(&bullets(&resume(lines))).0
    }

    fn rule(c: &Category, id: &str) -> f64 {
        c.rules
            .iter()
            .find(|r| r.id == id)
            .map_or(-1.0, |r| r.score)
    }

    #[test]
    fn strong_quantified_bullets_score_full_marks() {
        let c = impact(&[
            "Led a team of 6 engineers",
            "Cut cloud costs by 30%",
            "Shipped 4 releases a year",
        ]);
        assert_eq!(c.score, 30.0);
        assert!(c.issues.is_empty());
    }

    #[test]
    fn each_bullet_without_an_action_verb_costs_its_share() {
        let c = impact(&[
            "Led a team of 6",
            "Team of 4 people",
            "Cut costs by 30%",
            "Grew revenue 2x",
        ]);
        assert_eq!(rule(&c, "impact.action_verbs"), 9.0);
        let issue = c.issues.iter().find(|i| i.rule == "impact.action_verbs");
        assert_eq!(
            issue.map(|i| i.location),
            Some(Location::bullet(SectionKind::Experience, 0, 1))
        );
        assert!(issue.is_some_and(|i| i.suggestion.contains("action verb such as")));
    }

    #[test]
    fn weak_openers_cost_two_points_each_up_to_six() {
        let c = impact(&[
            "Responsible for 3 stores",
            "Helped 40 clients",
            "Worked on 2 apps",
            "Duties included 5 reports",
            "Led 6 people",
        ]);
        assert_eq!(rule(&c, "impact.weak_openers"), 0.0);
        assert_eq!(
            c.issues
                .iter()
                .filter(|i| i.rule == "impact.weak_openers")
                .count(),
            4
        );
        let one = impact(&["Responsible for 3 stores", "Led 6 people"]);
        assert_eq!(rule(&one, "impact.weak_openers"), 4.0);
    }

    #[test]
    fn quantification_below_sixty_percent_costs_the_shortfall() {
        let c = impact(&[
            "Led the team",
            "Built the API",
            "Designed the schema",
            "Cut costs by 30%",
            "Grew sales 10%",
        ]);
        assert_eq!(rule(&c, "impact.quantified"), 8.0);
        assert_eq!(
            c.issues
                .iter()
                .filter(|i| i.rule == "impact.quantified")
                .count(),
            3
        );
    }

    #[test]
    fn no_bullets_loses_every_point() {
        let c = impact(&[]);
        assert_eq!(c.score, 0.0);
    }
}
