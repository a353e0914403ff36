//! Structure and ATS readiness (15 points).
//!
//! | rule | points | how points are lost |
//! |---|---|---|
//! | `structure.dates` | 3 | each role without a readable start and end (or "Present") costs 3 / roles (all 3 without roles) |
//! | `structure.date_format` | 1 | roles written in more than one date style ("Jan 2020", "01/2020", "2020") |
//! | `structure.order` | 3 | 1.5 per role more recent than the role listed above it (reverse-chronological order) |
//! | `structure.gaps` | 2 | 1 per gap of more than 6 months between consecutive roles |
//! | `structure.length` | 2 | shorter than 200 words, or longer than fits the experience: 1 page (~800 words) under 5 years, 2 pages (~1,400 words) under 15, 3 pages beyond |
//! | `structure.headings` | 2 | 1 per section whose heading an ATS does not recognise |
//! | `structure.layout` | 2 | from the reader: pages with almost no text (text in images) 1, multi-column pages 1, contact details only in a page header 1, tables 0.5, text boxes 0.5 |
//!
//! `structure.layout` needs the reader's [`LayoutSignals`]; a resume given
//! as JSON has none and keeps those points.

use crate::Resume;
use crate::model::ResumeDate;
use crate::parse::LayoutSignals;
use crate::score::analysis::{Category, CategoryId, Location, SectionKind};
use crate::score::rules::{Finding, Rule, category};

/// Longest gap between roles, in months, that is not reported.
const MAX_GAP_MONTHS: i64 = 6;
/// Section headings (of sections other than the core ones) an ATS knows.
const KNOWN_HEADINGS: &[&str] = &[
    "awards",
    "honors",
    "honours",
    "achievements",
    "accomplishments",
    "volunteer",
    "volunteering",
    "volunteer experience",
    "publications",
    "interests",
    "hobbies",
    "activities",
    "references",
    "leadership",
    "courses",
    "coursework",
    "patents",
    "affiliations",
    "memberships",
    "professional memberships",
    "training",
    "conferences",
    "presentations",
    "talks",
    "certifications",
    "licenses",
    "languages",
    "projects",
    "research",
    "teaching",
    "extracurricular",
    "additional information",
    "military service",
    "community involvement",
    "open source",
];

/// Scores dates, order, gaps, length, headings and layout.
pub fn score(resume: &Resume, layout: Option<&LayoutSignals>, words: usize) -> (Category, u32) {
    let jobs = &resume.sections.experience;
    let mut dates = Rule::new("structure.dates", "Every role has readable dates", 3.0);
    let n = jobs.len().max(1) as f64;
    if jobs.is_empty() {
        dates.charge(
            3.0,
            Finding::warning(
                Location::section(SectionKind::Experience),
                "No roles with dates.",
                "List your roles with start and end dates, newest first.",
            ),
        );
    }
    for (i, job) in jobs.iter().enumerate() {
        let at = Location::entry(SectionKind::Experience, i);
        let (message, fix) = match (job.start, job.end) {
            (Some(_), Some(_)) => continue,
            (None, None) if job.dates.trim().is_empty() => (
                "No dates for this role.",
                "Add start and end dates as \"Mon YYYY – Mon YYYY\" (or \"– Present\").",
            ),
            (None, None) => (
                "The dates of this role cannot be read.",
                "Write the dates as \"Jan 2020 – Mar 2023\" or \"2020 – 2023\"; avoid seasons and ranges without years.",
            ),
            (Some(_), None) => (
                "Only a start date.",
                "Add the end date, or \"Present\" for your current role.",
            ),
            (None, Some(_)) => ("Only an end date.", "Add the start date."),
        };
        let label = if job.title.is_empty() {
            &job.company
        } else {
            &job.title
        };
        dates.charge(3.0 / n, Finding::warning(at, message, fix).quoting(label));
    }
    let date_format = date_format(resume);
    let order = order(resume);
    let gaps = gaps(resume);
    let months = experience_months(resume);
    let length = length(layout, words, months);
    let headings = headings(resume);
    let layout_rule = layout_rule(layout);
    (
        category(
            CategoryId::Structure,
            vec![
                dates,
                date_format,
                order,
                gaps,
                length,
                headings,
                layout_rule,
            ],
        ),
        months,
    )
}

/// The month index (year × 12 + month − 1) a date starts at.
fn start_month(date: ResumeDate) -> Option<i64> {
    match date {
        ResumeDate::YearMonth { year, month } => Some(i64::from(year) * 12 + i64::from(month) - 1),
        ResumeDate::Year(year) => Some(i64::from(year) * 12),
        ResumeDate::Present => None,
    }
}

/// The month index a date ends at (`i64::MAX` for "present").
fn end_month(date: ResumeDate) -> i64 {
    match date {
        ResumeDate::YearMonth { year, month } => i64::from(year) * 12 + i64::from(month) - 1,
        ResumeDate::Year(year) => i64::from(year) * 12 + 11,
        ResumeDate::Present => i64::MAX,
    }
}

/// How a date range is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateStyle {
    MonthName,
    Numeric,
    YearOnly,
}

fn date_style(dates: &str) -> Option<DateStyle> {
    let lower = dates.to_lowercase();
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if lower
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m)))
    {
        return Some(DateStyle::MonthName);
    }
    let numbers: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty())
        .collect();
    if numbers.iter().any(|t| t.len() <= 2) {
        Some(DateStyle::Numeric)
    } else if numbers.iter().any(|t| t.len() == 4) {
        Some(DateStyle::YearOnly)
    } else {
        None
    }
}

fn date_format(resume: &Resume) -> Rule {
    let mut rule = Rule::new("structure.date_format", "One date style throughout", 1.0);
    let styles: Vec<(usize, DateStyle)> = resume
        .sections
        .experience
        .iter()
        .enumerate()
        .filter_map(|(i, job)| date_style(&job.dates).map(|s| (i, s)))
        .collect();
    let Some(&(_, first)) = styles.first() else {
        return rule;
    };
    if let Some(&(i, _)) = styles.iter().find(|(_, s)| *s != first) {
        let text = &resume.sections.experience[i].dates;
        rule.charge(
            1.0,
            Finding::warning(
                Location::entry(SectionKind::Experience, i),
                "Dates are written in more than one style.",
                "Use one style for every role, e.g. \"Jan 2020 – Mar 2023\".",
            )
            .quoting(text),
        );
    }
    rule
}

/// A role's sort key: end first, then start (both as month indexes).
fn recency(start: Option<ResumeDate>, end: Option<ResumeDate>) -> Option<(i64, i64)> {
    let start = start.and_then(start_month);
    let end = end.map(end_month).or(start)?;
    Some((end, start.unwrap_or(end)))
}

fn order(resume: &Resume) -> Rule {
    let mut rule = Rule::new(
        "structure.order",
        "Roles in reverse-chronological order",
        3.0,
    );
    let mut previous: Option<(i64, i64)> = None;
    for (i, job) in resume.sections.experience.iter().enumerate() {
        let Some(key) = recency(job.start, job.end) else {
            continue;
        };
        if previous.is_some_and(|p| key > p) {
            rule.charge(1.5, Finding::warning(Location::entry(SectionKind::Experience, i), "This role is more recent than the one listed above it.", "List roles newest first: recruiters and ATS read the top entry as your current role.").quoting(&job.dates));
        }
        previous = Some(key);
    }
    rule
}

fn gaps(resume: &Resume) -> Rule {
    let mut rule = Rule::new("structure.gaps", "No unexplained gaps over 6 months", 2.0);
    let mut spans: Vec<(i64, i64, usize)> = resume
        .sections
        .experience
        .iter()
        .enumerate()
        .filter_map(|(i, job)| {
            let start = job.start.and_then(start_month)?;
            Some((start, end_month(job.end?), i))
        })
        .collect();
    spans.sort_unstable();
    let mut covered_until: Option<i64> = None;
    for (start, end, i) in spans {
        if let Some(until) = covered_until {
            let gap = start - until - 1;
            if until != i64::MAX && gap > MAX_GAP_MONTHS {
                let job = &resume.sections.experience[i];
                rule.charge(1.0, Finding::warning(Location::entry(SectionKind::Experience, i), format!("A gap of {gap} months before this role."), "If the gap was study, caregiving, travel or freelance work, say so in one line; otherwise expect the question in interviews.").quoting(&job.dates));
            }
        }
        covered_until = Some(covered_until.map_or(end, |u| u.max(end)));
    }
    rule
}

/// Months from the earliest start to the latest end; "present" counts as
/// the latest month the resume names (so the result never depends on today).
pub fn experience_months(resume: &Resume) -> u32 {
    let jobs = &resume.sections.experience;
    let starts = jobs.iter().filter_map(|j| j.start.and_then(start_month));
    let ends = jobs
        .iter()
        .filter_map(|j| j.end)
        .filter(|&d| d != ResumeDate::Present)
        .map(end_month);
    let latest = starts.clone().chain(ends).max();
    let Some(first) = starts.min() else {
        return 0;
    };
    let last = jobs
        .iter()
        .filter_map(|j| j.end)
        .map(|d| {
            if d == ResumeDate::Present {
                latest.unwrap_or(first)
            } else {
                end_month(d)
            }
        })
        .max()
        .unwrap_or(first);
    u32::try_from((last - first + 1).max(0)).unwrap_or(0)
}

fn length(layout: Option<&LayoutSignals>, words: usize, months: u32) -> Rule {
    let mut rule = Rule::new("structure.length", "Length fits the experience", 2.0);
    let at = Location::section(SectionKind::Document);
    let (max_pages, max_words) = match months {
        0..60 => (1, 800),
        60..180 => (2, 1400),
        _ => (3, 2000),
    };
    let years = months / 12;
    if words < 200 {
        rule.charge(2.0, Finding::warning(at, format!("Only {words} words: too thin to show your experience."), "Aim for 400–800 words: 3–5 bullets per recent role, a skills list and a short summary."));
        return rule;
    }
    let pages = layout.map_or(0, |l| l.pages);
    if pages > max_pages {
        rule.charge(2.0, Finding::warning(at, format!("{pages} pages for about {years} years of experience."), format!("Trim to {max_pages} page(s): keep the last 10–15 years and cut bullets that show no result.")));
    } else if pages == 0 && words > max_words {
        rule.charge(2.0, Finding::warning(at, format!("{words} words for about {years} years of experience."), format!("Trim to about {max_words} words: keep the last 10–15 years and cut bullets that show no result.")));
    }
    rule
}

fn headings(resume: &Resume) -> Rule {
    let mut rule = Rule::new("structure.headings", "Standard section headings", 2.0);
    for (i, section) in resume.sections.other.iter().enumerate() {
        let title = section.title.trim().trim_end_matches(':').to_lowercase();
        let known = KNOWN_HEADINGS
            .iter()
            .any(|k| title == *k || title.split(&[' ', '&', ','][..]).any(|w| w == *k));
        if !known {
            rule.charge(1.0, Finding::warning(Location::entry(SectionKind::Other, i), format!("\"{}\" is not a heading an ATS recognises.", section.title.trim()), "Use a standard heading: Experience, Education, Skills, Projects, Certifications, Awards, Volunteering.").quoting(&section.title));
        }
    }
    rule
}

fn layout_rule(layout: Option<&LayoutSignals>) -> Rule {
    let mut rule = Rule::new("structure.layout", "A layout an ATS reads in order", 2.0);
    let Some(layout) = layout else {
        return rule;
    };
    let at = Location::section(SectionKind::Document);
    if layout.sparse_pages > 0 {
        rule.charge(1.0, Finding::critical(at, format!("{} page(s) with almost no selectable text: the text is probably in images.", layout.sparse_pages), "Export the resume from your editor as a text PDF; never scan it or paste text as pictures."));
    }
    if layout.multi_column_pages > 0 {
        rule.charge(
            1.0,
            Finding::warning(
                at,
                format!("{} page(s) laid out in columns.", layout.multi_column_pages),
                "Use a single column: many ATS read columns across, mixing your sections.",
            ),
        );
    }
    if layout.contact_in_header {
        rule.charge(
            1.0,
            Finding::warning(
                Location::section(SectionKind::Contact),
                "Your contact details are only in the page header.",
                "Move your email and phone into the body: many ATS skip headers and footers.",
            ),
        );
    }
    if layout.table_lines > 0 {
        rule.charge(0.5, Finding::warning(at, "Parts of the resume are in a table.", "Replace tables with plain lines and tab stops: ATS often read tables cell by cell out of order."));
    }
    if layout.text_box_lines > 0 {
        rule.charge(
            0.5,
            Finding::warning(
                at,
                "Parts of the resume are in text boxes.",
                "Move text out of text boxes and shapes: many ATS ignore them.",
            ),
        );
    }
    rule
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Experience, OtherSection, Sections};
    use crate::parse::Format;

    fn ym(year: u16, month: u8) -> Option<ResumeDate> {
        Some(ResumeDate::YearMonth { year, month })
    }

    fn job(dates: &str, start: Option<ResumeDate>, end: Option<ResumeDate>) -> Experience {
        Experience {
            title: "Engineer".into(),
            dates: dates.into(),
            start,
            end,
            ..Experience::default()
        }
    }

    fn with_jobs(jobs: Vec<Experience>) -> Resume {
        Resume {
            sections: Sections {
                experience: jobs,
                ..Sections::default()
            },
            ..Resume::default()
        }
    }

    fn rule(c: &Category, id: &str) -> f64 {
        c.rules
            .iter()
            .find(|r| r.id == id)
            .map_or(-1.0, |r| r.score)
    }

    fn good() -> Vec<Experience> {
        vec![
            job("Mar 2021 – Present", ym(2021, 3), Some(ResumeDate::Present)),
            job("Jan 2018 – Feb 2021", ym(2018, 1), ym(2021, 2)),
        ]
    }

    #[test]
    fn ordered_dated_roles_keep_their_points() {
        let (c, months) = score(&with_jobs(good()), None, 500);
        assert_eq!(c.score, 15.0, "{:?}", c.issues);
        assert_eq!(months, 39);
    }

    #[test]
    fn undated_roles_cost_their_share() {
        let mut jobs = good();
        jobs.push(job("", None, None));
        let (c, _) = score(&with_jobs(jobs), None, 500);
        assert_eq!(rule(&c, "structure.dates"), 2.0);
    }

    #[test]
    fn mixed_date_styles_cost_a_point() {
        let mut jobs = good();
        jobs[1].dates = "01/2018 – 02/2021".into();
        let (c, _) = score(&with_jobs(jobs), None, 500);
        assert_eq!(rule(&c, "structure.date_format"), 0.0);
    }

    #[test]
    fn out_of_order_roles_cost_points() {
        let mut jobs = good();
        jobs.reverse();
        let (c, _) = score(&with_jobs(jobs), None, 500);
        assert_eq!(rule(&c, "structure.order"), 1.5);
    }

    #[test]
    fn gaps_over_six_months_cost_a_point() {
        let jobs = vec![
            job("Mar 2021 – Present", ym(2021, 3), Some(ResumeDate::Present)),
            job("Jan 2018 – Jun 2020", ym(2018, 1), ym(2020, 6)),
            job(
                "2016 – 2017",
                Some(ResumeDate::Year(2016)),
                Some(ResumeDate::Year(2017)),
            ),
        ];
        let (c, _) = score(&with_jobs(jobs), None, 500);
        assert_eq!(rule(&c, "structure.gaps"), 1.0);
        assert!(c.issues.iter().any(|i| i.message.contains("8 months")));
    }

    #[test]
    fn length_is_judged_against_experience() {
        let (thin, _) = score(&with_jobs(good()), None, 120);
        assert_eq!(rule(&thin, "structure.length"), 0.0);
        let (long, _) = score(&with_jobs(good()), None, 1500);
        assert_eq!(rule(&long, "structure.length"), 0.0);
        let mut layout =
            LayoutSignals::from_document(Format::Pdf, &crate::parse::TextDocument::default());
        layout.pages = 2;
        let (two_pages, _) = score(&with_jobs(good()), Some(&layout), 700);
        assert_eq!(rule(&two_pages, "structure.length"), 0.0);
    }

    #[test]
    fn unknown_headings_cost_a_point() {
        let mut resume = with_jobs(good());
        resume.sections.other = vec![
            OtherSection {
                title: "Awards & Honors".into(),
                lines: vec![],
            },
            OtherSection {
                title: "My Journey".into(),
                lines: vec![],
            },
        ];
        let (c, _) = score(&resume, None, 500);
        assert_eq!(rule(&c, "structure.headings"), 1.0);
    }

    #[test]
    fn layout_signals_cost_points() {
        let mut layout =
            LayoutSignals::from_document(Format::Pdf, &crate::parse::TextDocument::default());
        layout.pages = 1;
        layout.multi_column_pages = 1;
        layout.table_lines = 3;
        let (c, _) = score(&with_jobs(good()), Some(&layout), 500);
        assert_eq!(rule(&c, "structure.layout"), 0.5);
        layout.sparse_pages = 1;
        let (c, _) = score(&with_jobs(good()), Some(&layout), 500);
        assert_eq!(rule(&c, "structure.layout"), 0.0);
    }
}
