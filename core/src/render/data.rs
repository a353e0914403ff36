//! The data every template reads: the resume laid out for printing.
//!
//! Templates never see markup built from resume text: they receive this view
//! as JSON (`/data.json` for Typst) and print its strings as plain text. The
//! view settles the choices every template would otherwise repeat: one date
//! format, the contact line's parts, skills as groups, empty fields dropped.

use serde::Serialize;

use crate::model::{Education, Experience, Project, Resume, human_range};

/// The resume as templates print it. Every string is plain text; empty
/// optional fields are `null` (Typst `none`), empty lists are `[]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TemplateData {
    /// The candidate's name ("" when unknown).
    pub name: String,
    /// The line under the name.
    pub headline: Option<String>,
    /// Email, phone and place, in that order, the ones present.
    pub contact: Vec<String>,
    /// Links: what to print and where it points.
    pub links: Vec<LinkView>,
    /// Summary paragraph.
    pub summary: Option<String>,
    /// Work history.
    pub experience: Vec<EntryView>,
    /// Education.
    pub education: Vec<EntryView>,
    /// Skills by group; one unnamed group when the resume has no groups.
    pub skills: Vec<GroupView>,
    /// Projects.
    pub projects: Vec<EntryView>,
    /// Certifications, one printed line each.
    pub certifications: Vec<String>,
    /// Spoken languages, one printed item each ("Spanish (Native)").
    pub languages: Vec<String>,
    /// Other sections, verbatim.
    pub other: Vec<GroupView>,
}

/// A link as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkView {
    /// The address without its scheme ("github.com/ana").
    pub label: String,
    /// The full address.
    pub url: String,
}

/// One entry of experience, education or projects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryView {
    /// The role, degree or project name.
    pub title: String,
    /// The employer or school.
    pub org: Option<String>,
    /// Where.
    pub location: Option<String>,
    /// The dates, in one format across the document ("Apr 2021 – Present").
    pub dates: Option<String>,
    /// Free text under the title.
    pub description: Option<String>,
    /// Bullets.
    pub bullets: Vec<String>,
}

/// A titled list: a skill group or another section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupView {
    /// The label, when there is one.
    pub name: Option<String>,
    /// The items.
    pub items: Vec<String>,
}

/// Trims `text` and drops it when empty.
fn present(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn present_opt(text: Option<&String>) -> Option<String> {
    text.and_then(|t| present(t))
}

fn lines(items: &[String]) -> Vec<String> {
    items.iter().filter_map(|t| present(t)).collect()
}

/// The printed date range: the normalised dates when known, else as printed.
fn dates(printed: &str, range: String) -> Option<String> {
    present(&range).or_else(|| present(printed))
}

fn experience(job: &Experience) -> EntryView {
    EntryView {
        title: job.title.trim().to_owned(),
        org: present(&job.company),
        location: present_opt(job.location.as_ref()),
        dates: dates(&job.dates, human_range(job.start, job.end)),
        description: present_opt(job.description.as_ref()),
        bullets: lines(&job.bullets),
    }
}

fn education(school: &Education) -> EntryView {
    let degree = school.degree.trim();
    let title = match school.field.as_deref().map(str::trim) {
        Some(field) if !field.is_empty() && !degree.contains(field) && !degree.is_empty() => {
            format!("{degree}, {field}")
        }
        Some(field) if degree.is_empty() => field.to_owned(),
        _ => degree.to_owned(),
    };
    let mut details = Vec::new();
    if let Some(gpa) = present_opt(school.gpa.as_ref()) {
        details.push(format!("GPA: {gpa}"));
    }
    details.extend(lines(&school.details));
    EntryView {
        title,
        org: present(&school.institution),
        location: present_opt(school.location.as_ref()),
        dates: dates(&school.year, human_range(school.start, school.end)),
        description: None,
        bullets: details,
    }
}

fn project(project: &Project) -> EntryView {
    EntryView {
        title: project.name.trim().to_owned(),
        org: None,
        location: present_opt(project.url.as_ref()),
        dates: present_opt(project.dates.as_ref()),
        description: present_opt(project.description.as_ref()),
        bullets: lines(&project.bullets),
    }
}

fn link_label(url: &str) -> String {
    let bare = url
        .trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.");
    bare.trim_end_matches('/').to_owned()
}

fn skills(resume: &Resume) -> Vec<GroupView> {
    let groups: Vec<GroupView> = resume
        .sections
        .skill_groups
        .iter()
        .map(|g| GroupView {
            name: present_opt(g.name.as_ref()),
            items: lines(&g.skills),
        })
        .filter(|g| !g.items.is_empty())
        .collect();
    let flat = lines(&resume.sections.skills);
    if groups.is_empty() && !flat.is_empty() {
        return vec![GroupView {
            name: None,
            items: flat,
        }];
    }
    groups
}

impl TemplateData {
    /// Lays out `resume` for printing.
    pub fn new(resume: &Resume) -> Self {
        let s = &resume.sections;
        let contact = [&resume.email, &resume.phone, &resume.location]
            .into_iter()
            .filter_map(|field| present_opt(field.as_ref()))
            .collect();
        Self {
            name: present_opt(resume.name.as_ref()).unwrap_or_default(),
            headline: present_opt(resume.headline.as_ref()),
            contact,
            links: resume
                .links
                .iter()
                .filter(|l| !l.url.trim().is_empty())
                .map(|l| LinkView {
                    label: link_label(&l.url),
                    url: l.url.trim().to_owned(),
                })
                .collect(),
            summary: present_opt(s.summary.as_ref()),
            experience: s.experience.iter().map(experience).collect(),
            education: s.education.iter().map(education).collect(),
            skills: skills(resume),
            projects: s.projects.iter().map(project).collect(),
            certifications: s
                .certifications
                .iter()
                .filter_map(|c| {
                    let parts = [Some(&c.name), c.issuer.as_ref(), c.date.as_ref()];
                    let parts: Vec<String> =
                        parts.into_iter().filter_map(|p| present_opt(p)).collect();
                    (!parts.is_empty()).then(|| parts.join(", "))
                })
                .collect(),
            languages: s
                .languages
                .iter()
                .filter_map(|l| {
                    let language = present(&l.language)?;
                    Some(match present_opt(l.fluency.as_ref()) {
                        Some(fluency) => format!("{language} ({fluency})"),
                        None => language,
                    })
                })
                .collect(),
            other: s
                .other
                .iter()
                .map(|o| GroupView {
                    name: present(&o.title),
                    items: lines(&o.lines),
                })
                .filter(|g| !g.items.is_empty())
                .collect(),
        }
    }
}
