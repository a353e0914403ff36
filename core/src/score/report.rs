//! A plain-text rendering of an [`Analysis`] for people.

use std::fmt::Write;

use super::analysis::{Analysis, KeywordSource, Location, SectionKind, Severity};

/// The analysis as a readable report: the total, each category with its
/// issues and fixes, and the keyword coverage with suggestions.
pub fn text_report(analysis: &Analysis) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Resume score: {}/100\n", analysis.total);
    for category in &analysis.categories {
        let _ = writeln!(
            out,
            "{} — {}/{}",
            category.name, category.score, category.max
        );
        if category.issues.is_empty() {
            let _ = writeln!(out, "  ✓ no issues");
        }
        for issue in &category.issues {
            let mark = match issue.severity {
                Severity::Critical => "✗",
                Severity::Warning => "!",
                Severity::Info => "i",
            };
            let _ = writeln!(
                out,
                "  {mark} [{}] {} (−{})",
                place(&issue.location),
                issue.message,
                issue.points
            );
            if let Some(excerpt) = &issue.excerpt {
                let _ = writeln!(out, "      \"{excerpt}\"");
            }
            let _ = writeln!(out, "      → {}", issue.suggestion);
        }
        out.push('\n');
    }
    let keywords = &analysis.keywords;
    let source = match &keywords.source {
        KeywordSource::JobDescription { terms } => {
            format!("the job description ({terms} key terms)")
        }
        KeywordSource::Pack {
            name,
            auto_selected: true,
        } => format!("the \"{name}\" keyword pack (chosen to fit the resume)"),
        KeywordSource::Pack { name, .. } => format!("the \"{name}\" keyword pack"),
    };
    let _ = writeln!(
        out,
        "Keywords: {:.0}% match with {source}",
        keywords.match_rate * 100.0
    );
    if !keywords.matched.is_empty() {
        let terms: Vec<&str> = keywords.matched.iter().map(|m| m.term.as_str()).collect();
        let _ = writeln!(out, "  matched: {}", terms.join(", "));
    }
    if !keywords.missing.is_empty() {
        let terms: Vec<&str> = keywords.missing.iter().map(|m| m.term.as_str()).collect();
        let _ = writeln!(out, "  missing, most important first: {}", terms.join(", "));
    }
    let s = &analysis.stats;
    let _ = writeln!(
        out,
        "\n{} bullets, {} open with an action verb, {} quantified; {} words; {} months of experience",
        s.bullets, s.action_verb_bullets, s.quantified_bullets, s.words, s.experience_months
    );
    out
}

fn place(location: &Location) -> String {
    let section = match location.section {
        SectionKind::Contact => "contact",
        SectionKind::Summary => "summary",
        SectionKind::Experience => "experience",
        SectionKind::Education => "education",
        SectionKind::Skills => "skills",
        SectionKind::Projects => "projects",
        SectionKind::Other => "other",
        SectionKind::Document => "document",
    };
    match (location.entry, location.bullet) {
        (Some(entry), Some(bullet)) => format!("{section} #{} • {}", entry + 1, bullet + 1),
        (Some(entry), None) => format!("{section} #{}", entry + 1),
        _ => section.to_owned(),
    }
}
