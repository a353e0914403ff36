//! The structured resume: what the parser produces and every later stage consumes.

use serde::{Deserialize, Serialize};

use super::date::ResumeDate;

/// A parsed resume.
///
/// The field names `name, email, phone, sections{summary, experience, education,
/// skills}, raw_text` are a stable interchange contract; the other fields add
/// what real resumes carry.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default)]
pub struct Resume {
    /// The candidate's name as printed.
    pub name: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Phone number as printed.
    pub phone: Option<String>,
    /// The line under the name: current role or professional title.
    pub headline: Option<String>,
    /// Where the candidate lives ("Boston, MA").
    pub location: Option<String>,
    /// Web links and profiles (LinkedIn, GitHub, a home page).
    pub links: Vec<Link>,
    /// The resume's sections.
    pub sections: Sections,
    /// The document's text in reading order.
    pub raw_text: String,
}

/// A link to a profile or page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default)]
pub struct Link {
    /// The URL, with a scheme (`https://…`).
    pub url: String,
    /// The network or site when recognised ("LinkedIn", "GitHub"), else `None`.
    pub network: Option<String>,
}

/// The content sections of a resume.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default)]
pub struct Sections {
    /// Summary, profile or objective paragraph(s).
    pub summary: Option<String>,
    /// Work history, most recent first as printed.
    pub experience: Vec<Experience>,
    /// Education entries.
    pub education: Vec<Education>,
    /// Individual skills, flattened from all groups.
    pub skills: Vec<String>,
    /// Skills as grouped on the page ("Languages: Go, Python").
    pub skill_groups: Vec<SkillGroup>,
    /// Projects.
    pub projects: Vec<Project>,
    /// Certifications and licences.
    pub certifications: Vec<Certification>,
    /// Spoken languages.
    pub languages: Vec<Language>,
    /// Sections the recogniser has no structure for (awards, volunteering,
    /// publications…), kept so nothing is lost.
    pub other: Vec<OtherSection>,
}

/// One position in the work history.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default)]
pub struct Experience {
    /// Job title.
    pub title: String,
    /// Employer.
    pub company: String,
    /// The dates as printed ("Jan 2020 – Present").
    pub dates: String,
    /// Normalised start date.
    pub start: Option<ResumeDate>,
    /// Normalised end date ([`ResumeDate::Present`] for a current role).
    pub end: Option<ResumeDate>,
    /// Where the job was.
    pub location: Option<String>,
    /// Free text under the entry that is not a bullet.
    pub description: Option<String>,
    /// Achievement bullets, each joined into one line.
    pub bullets: Vec<String>,
}

/// One education entry.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default)]
pub struct Education {
    /// Degree as printed ("Bachelor of Science, Computer Science").
    pub degree: String,
    /// School, college or university.
    pub institution: String,
    /// Graduation year (or the dates as printed when only a range is given).
    pub year: String,
    /// Field of study, when it can be told apart from the degree.
    pub field: Option<String>,
    /// Normalised start date.
    pub start: Option<ResumeDate>,
    /// Normalised end (graduation) date.
    pub end: Option<ResumeDate>,
    /// Grade point average or final grade as printed.
    pub gpa: Option<String>,
    /// Where the school is.
    pub location: Option<String>,
    /// Further lines: honours, coursework, thesis.
    pub details: Vec<String>,
}

/// A named group of skills.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default)]
pub struct SkillGroup {
    /// The group's label ("Languages"), if any.
    pub name: Option<String>,
    /// The skills in the group.
    pub skills: Vec<String>,
}

/// A project.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default)]
pub struct Project {
    /// Project name.
    pub name: String,
    /// One-line description.
    pub description: Option<String>,
    /// Link to the project.
    pub url: Option<String>,
    /// Dates as printed.
    pub dates: Option<String>,
    /// Bullets under the project.
    pub bullets: Vec<String>,
}

/// A certification or licence.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default)]
pub struct Certification {
    /// Certification name.
    pub name: String,
    /// Issuing body.
    pub issuer: Option<String>,
    /// Date or year as printed.
    pub date: Option<String>,
}

/// A spoken language.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default)]
pub struct Language {
    /// The language.
    pub language: String,
    /// Proficiency as printed ("Native", "Fluent", "B2").
    pub fluency: Option<String>,
}

/// A section without dedicated structure, kept verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default)]
pub struct OtherSection {
    /// The heading as printed.
    pub title: String,
    /// The section's lines.
    pub lines: Vec<String>,
}
