//! Keywords and skills (20 points).
//!
//! | rule | points | how points are lost |
//! |---|---|---|
//! | `keywords.coverage` | 14 | full marks at 75 % weighted coverage of a job description's terms (50 % of a pack's, since packs list alternatives); below that, 14 × shortfall / goal, spread over the missing keywords by weight |
//! | `keywords.skills_in_context` | 4 | at least half of the listed skills should also appear in experience, projects or the summary; the shortfall is spread over the skills that appear only in the list (all 4 without a skills list) |
//! | `keywords.skills_count` | 2 | fewer than 5 listed skills costs 2; more than 40 costs 1 (keyword stuffing) |
//!
//! The target is a job description's key terms, a keyword pack, or (by
//! default) the built-in role pack that fits the resume best.

use crate::Resume;
use crate::score::analysis::{
    Category, CategoryId, KeywordMatch, KeywordReport, KeywordSource, KeywordSuggestion, Location,
    SectionKind,
};
#[cfg(doc)]
use crate::score::keywords::CompiledTerms;
use crate::score::keywords::{Keyword, KeywordKind, ResumeIndex, weighted_match};
use crate::score::rules::{Finding, Rule, category};
use crate::score::text::keyword_tokens;

/// Weighted coverage of a job description's terms that earns full marks.
const JOB_COVERAGE_TARGET: f64 = 0.75;
/// Weighted coverage of a pack that earns full marks: packs list
/// alternatives (several languages, several clouds) no one needs all of.
const PACK_COVERAGE_TARGET: f64 = 0.5;
/// Share of listed skills that should be shown in use.
const CONTEXT_TARGET: f64 = 0.5;

/// Scores keyword coverage and skills, and reports matches and suggestions.
///
/// `found` gives, for each keyword, the sections it was found in
/// ([`CompiledTerms::locate`]).
pub fn score(
    resume: &Resume,
    index: &ResumeIndex<'_>,
    keywords: &[Keyword],
    found: &[Vec<SectionKind>],
    source: KeywordSource,
) -> (Category, KeywordReport) {
    let mut coverage = Rule::new("keywords.coverage", "Covers the target's keywords", 14.0);
    let total: f64 = keywords.iter().map(|k| f64::from(k.weight)).sum();
    let rate = weighted_match(keywords, found);
    let mut matched = Vec::new();
    let mut missing: Vec<(usize, &Keyword)> = Vec::new();
    for (i, (keyword, sections)) in keywords.iter().zip(found).enumerate() {
        if sections.is_empty() {
            missing.push((i, keyword));
        } else {
            matched.push(KeywordMatch {
                term: keyword.term.clone(),
                weight: keyword.weight,
                found_in: sections.clone(),
            });
        }
    }
    missing.sort_by(|a, b| b.1.weight.cmp(&a.1.weight).then(a.0.cmp(&b.0)));
    let suggestions: Vec<KeywordSuggestion> =
        missing.iter().map(|(_, k)| suggest(resume, k)).collect();
    let goal = match &source {
        KeywordSource::JobDescription { .. } => JOB_COVERAGE_TARGET,
        _ => PACK_COVERAGE_TARGET,
    };
    let shortfall = (goal - rate).max(0.0);
    let missing_weight: f64 = missing.iter().map(|(_, k)| f64::from(k.weight)).sum();
    if shortfall > 0.0 && missing_weight > 0.0 && total > 0.0 {
        let lost = 14.0 * shortfall / goal;
        for ((_, keyword), suggestion) in missing.iter().zip(&suggestions) {
            let points = lost * f64::from(keyword.weight) / missing_weight;
            coverage.charge(
                points,
                Finding::warning(
                    suggestion.location,
                    format!(
                        "Missing keyword \"{}\" (importance {}).",
                        keyword.term, keyword.weight
                    ),
                    suggestion.advice.clone(),
                ),
            );
        }
    }
    let context = skills_in_context(resume, index);
    let count = skills_count(resume);
    let report = KeywordReport {
        source,
        match_rate: (rate * 1000.0).round() / 1000.0,
        matched,
        missing: suggestions,
    };
    (
        category(CategoryId::Keywords, vec![coverage, context, count]),
        report,
    )
}

fn suggest(resume: &Resume, keyword: &Keyword) -> KeywordSuggestion {
    let has_jobs = !resume.sections.experience.is_empty();
    let (location, advice) = match keyword.kind {
        KeywordKind::Skill => (
            Location::section(SectionKind::Skills),
            format!(
                "If you have it, add \"{}\" to your skills and name it in the bullet where you used it.",
                keyword.term
            ),
        ),
        KeywordKind::Competency if has_jobs => (
            Location::entry(SectionKind::Experience, 0),
            format!(
                "If it reflects your work, show \"{}\" in a bullet of your most recent role.",
                keyword.term
            ),
        ),
        KeywordKind::Competency => (
            Location::section(SectionKind::Summary),
            format!(
                "If it reflects your work, mention \"{}\" in your summary.",
                keyword.term
            ),
        ),
    };
    KeywordSuggestion {
        term: keyword.term.clone(),
        weight: keyword.weight,
        location,
        advice,
    }
}

/// The listed skills (short entries only), in order, without duplicates.
fn listed_skills(resume: &Resume) -> Vec<&str> {
    let s = &resume.sections;
    let mut out: Vec<&str> = Vec::new();
    for skill in s
        .skills
        .iter()
        .chain(s.skill_groups.iter().flat_map(|g| &g.skills))
    {
        let skill = skill.trim();
        if !skill.is_empty()
            && skill.split_whitespace().count() <= 4
            && !out.iter().any(|o| o.eq_ignore_ascii_case(skill))
        {
            out.push(skill);
        }
    }
    out
}

fn skills_in_context(resume: &Resume, index: &ResumeIndex<'_>) -> Rule {
    let mut rule = Rule::new(
        "keywords.skills_in_context",
        "Listed skills also appear in experience",
        4.0,
    );
    let skills = listed_skills(resume);
    let unevidenced: Vec<&str> = skills
        .iter()
        .copied()
        .filter(|skill| {
            let tokens = keyword_tokens(skill);
            !index.sections_of(&tokens).iter().any(|s| {
                matches!(
                    s,
                    SectionKind::Experience | SectionKind::Projects | SectionKind::Summary
                )
            })
        })
        .collect();
    if skills.is_empty() {
        rule.charge(
            4.0,
            Finding::warning(
                Location::section(SectionKind::Skills),
                "No listed skills to back with experience.",
                "List your key skills and show each one in use in a bullet.",
            ),
        );
        return rule;
    }
    let needed = (CONTEXT_TARGET * skills.len() as f64).ceil();
    let evidenced = (skills.len() - unevidenced.len()) as f64;
    let shortfall = (needed - evidenced).max(0.0);
    if shortfall > 0.0 && !unevidenced.is_empty() {
        let points = 4.0 * shortfall / needed / unevidenced.len() as f64;
        for skill in unevidenced {
            rule.charge(
                points,
                Finding::warning(
                    Location::section(SectionKind::Skills),
                    format!("\"{skill}\" is listed but never shown in use."),
                    format!("Name \"{skill}\" in a bullet that shows what you did with it."),
                )
                .quoting(skill),
            );
        }
    }
    rule
}

fn skills_count(resume: &Resume) -> Rule {
    let mut rule = Rule::new("keywords.skills_count", "5–40 listed skills", 2.0);
    let count = listed_skills(resume).len();
    let at = Location::section(SectionKind::Skills);
    if count < 5 {
        rule.charge(2.0, Finding::warning(at, format!("Only {count} skills listed."), "List 8–20 skills: the tools, methods and domains you use, as the posting names them."));
    } else if count > 40 {
        rule.charge(
            1.0,
            Finding::warning(
                at,
                format!("{count} skills listed: it reads as keyword stuffing."),
                "Keep the 15–25 skills most relevant to the roles you want.",
            ),
        );
    }
    rule
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Experience, Sections};
    use crate::score::keywords::{CompiledTerms, ResumeTokens};

    fn resume(skills: &[&str], bullets: &[&str]) -> Resume {
        Resume {
            sections: Sections {
                skills: skills.iter().map(|s| (*s).to_owned()).collect(),
                experience: vec![Experience {
                    bullets: bullets.iter().map(|b| (*b).to_owned()).collect(),
                    ..Experience::default()
                }],
                ..Sections::default()
            },
            ..Resume::default()
        }
    }

    fn keywords(terms: &[(&str, u8)]) -> Vec<Keyword> {
        terms
            .iter()
            .map(|(t, w)| Keyword {
                term: (*t).to_owned(),
                weight: *w,
                kind: KeywordKind::Skill,
                aliases: Vec::new(),
            })
            .collect()
    }

    fn run(resume: &Resume, terms: &[(&str, u8)]) -> (Category, KeywordReport) {
        let tokens = ResumeTokens::new(resume);
        let index = tokens.index();
        let keywords = keywords(terms);
        let found = CompiledTerms::new(&keywords).locate(&index);
        let source = KeywordSource::JobDescription { terms: terms.len() };
        score(resume, &index, &keywords, &found, source)
    }

    fn rule(c: &Category, id: &str) -> f64 {
        c.rules
            .iter()
            .find(|r| r.id == id)
            .map_or(-1.0, |r| r.score)
    }

    const SKILLS: &[&str] = &["Rust", "Go", "SQL", "Kafka", "Docker"];
    const BULLETS: &[&str] = &["Built Rust services on Kafka", "Tuned SQL queries"];

    #[test]
    fn full_coverage_earns_full_marks_and_reports_matches() {
        let (c, report) = run(
            &resume(SKILLS, BULLETS),
            &[("Rust", 3), ("Kafka", 2), ("SQL", 1)],
        );
        assert_eq!(rule(&c, "keywords.coverage"), 14.0);
        assert_eq!(report.match_rate, 1.0);
        assert_eq!(
            report.matched[0].found_in,
            [SectionKind::Experience, SectionKind::Skills]
        );
    }

    #[test]
    fn missing_keywords_cost_points_by_weight_and_are_ranked() {
        let (c, report) = run(
            &resume(SKILLS, BULLETS),
            &[("Rust", 1), ("Kubernetes", 3), ("Terraform", 1), ("SQL", 1)],
        );
        // 2 of 6 weight matched: shortfall 0.75 - 1/3 over 0.75 of 14 points.
        assert!((rule(&c, "keywords.coverage") - 14.0 * (1.0 / 3.0) / 0.75).abs() < 0.01);
        let missing: Vec<&str> = report.missing.iter().map(|m| m.term.as_str()).collect();
        assert_eq!(missing, ["Kubernetes", "Terraform"]);
        assert_eq!(
            report.missing[0].location,
            Location::section(SectionKind::Skills)
        );
    }

    #[test]
    fn skills_never_shown_in_use_cost_points() {
        let (c, _) = run(&resume(SKILLS, &["Led a team of 4"]), &[("Rust", 1)]);
        assert_eq!(rule(&c, "keywords.skills_in_context"), 0.0);
        let (c, _) = run(&resume(SKILLS, BULLETS), &[("Rust", 1)]);
        assert_eq!(rule(&c, "keywords.skills_in_context"), 4.0);
    }

    #[test]
    fn too_few_or_too_many_skills_cost_points() {
        let (c, _) = run(&resume(&["Rust"], BULLETS), &[("Rust", 1)]);
        assert_eq!(rule(&c, "keywords.skills_count"), 0.0);
        let many: Vec<String> = (0..45).map(|i| format!("Tool{i}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let (c, _) = run(&resume(&many, BULLETS), &[("Rust", 1)]);
        assert_eq!(rule(&c, "keywords.skills_count"), 1.0);
    }
}
