//! The resume as records: the engine's `Resume` field for field, dates as
//! their text (`2021-04`, `2021`, `present`), converted both ways.

use resume_engine::EngineError;
use resume_engine::model::{self, ResumeDate};

use crate::convert::from_name;

/// A parsed resume. Every field has a default, so a resume can also be
/// built field by field in Kotlin or Swift.
#[derive(Debug, Clone, PartialEq, Default, uniffi::Record)]
pub struct Resume {
    /// The candidate's name as printed.
    #[uniffi(default)]
    pub name: Option<String>,
    /// Email address.
    #[uniffi(default)]
    pub email: Option<String>,
    /// Phone number as printed.
    #[uniffi(default)]
    pub phone: Option<String>,
    /// The line under the name: current role or professional title.
    #[uniffi(default)]
    pub headline: Option<String>,
    /// Where the candidate lives ("Boston, MA").
    #[uniffi(default)]
    pub location: Option<String>,
    /// Web links and profiles.
    #[uniffi(default)]
    pub links: Vec<Link>,
    /// The resume's sections.
    #[uniffi(default)]
    pub sections: Sections,
    /// The document's text in reading order.
    #[uniffi(default)]
    pub raw_text: String,
}

/// A link to a profile or page.
#[derive(Debug, Clone, PartialEq, Default, uniffi::Record)]
pub struct Link {
    /// The URL, with a scheme.
    pub url: String,
    /// The network or site when recognised ("LinkedIn", "GitHub").
    #[uniffi(default)]
    pub network: Option<String>,
}

/// The content sections of a resume.
#[derive(Debug, Clone, PartialEq, Default, uniffi::Record)]
pub struct Sections {
    /// Summary, profile or objective paragraph(s).
    #[uniffi(default)]
    pub summary: Option<String>,
    /// Work history, most recent first as printed.
    #[uniffi(default)]
    pub experience: Vec<Experience>,
    /// Education entries.
    #[uniffi(default)]
    pub education: Vec<Education>,
    /// Individual skills, flattened from all groups.
    #[uniffi(default)]
    pub skills: Vec<String>,
    /// Skills as grouped on the page ("Languages: Go, Python").
    #[uniffi(default)]
    pub skill_groups: Vec<SkillGroup>,
    /// Projects.
    #[uniffi(default)]
    pub projects: Vec<Project>,
    /// Certifications and licences.
    #[uniffi(default)]
    pub certifications: Vec<Certification>,
    /// Spoken languages.
    #[uniffi(default)]
    pub languages: Vec<Language>,
    /// Sections without dedicated structure (awards, volunteering…).
    #[uniffi(default)]
    pub other: Vec<OtherSection>,
}

/// One position in the work history.
#[derive(Debug, Clone, PartialEq, Default, uniffi::Record)]
pub struct Experience {
    /// Job title.
    #[uniffi(default)]
    pub title: String,
    /// Employer.
    #[uniffi(default)]
    pub company: String,
    /// The dates as printed ("Jan 2020 – Present").
    #[uniffi(default)]
    pub dates: String,
    /// Normalised start date: `YYYY-MM` or `YYYY`.
    #[uniffi(default)]
    pub start: Option<String>,
    /// Normalised end date: `YYYY-MM`, `YYYY` or `present`.
    #[uniffi(default)]
    pub end: Option<String>,
    /// Where the job was.
    #[uniffi(default)]
    pub location: Option<String>,
    /// Free text under the entry that is not a bullet.
    #[uniffi(default)]
    pub description: Option<String>,
    /// Achievement bullets, each joined into one line.
    #[uniffi(default)]
    pub bullets: Vec<String>,
}

/// One education entry.
#[derive(Debug, Clone, PartialEq, Default, uniffi::Record)]
pub struct Education {
    /// Degree as printed.
    #[uniffi(default)]
    pub degree: String,
    /// School, college or university.
    #[uniffi(default)]
    pub institution: String,
    /// Graduation year (or the dates as printed).
    #[uniffi(default)]
    pub year: String,
    /// Field of study, when told apart from the degree.
    #[uniffi(default)]
    pub field: Option<String>,
    /// Normalised start date: `YYYY-MM` or `YYYY`.
    #[uniffi(default)]
    pub start: Option<String>,
    /// Normalised end (graduation) date.
    #[uniffi(default)]
    pub end: Option<String>,
    /// Grade point average or final grade as printed.
    #[uniffi(default)]
    pub gpa: Option<String>,
    /// Where the school is.
    #[uniffi(default)]
    pub location: Option<String>,
    /// Further lines: honours, coursework, thesis.
    #[uniffi(default)]
    pub details: Vec<String>,
}

/// A named group of skills.
#[derive(Debug, Clone, PartialEq, Default, uniffi::Record)]
pub struct SkillGroup {
    /// The group's label ("Languages"), if any.
    #[uniffi(default)]
    pub name: Option<String>,
    /// The skills in the group.
    #[uniffi(default)]
    pub skills: Vec<String>,
}

/// A project.
#[derive(Debug, Clone, PartialEq, Default, uniffi::Record)]
pub struct Project {
    /// Project name.
    #[uniffi(default)]
    pub name: String,
    /// One-line description.
    #[uniffi(default)]
    pub description: Option<String>,
    /// Link to the project.
    #[uniffi(default)]
    pub url: Option<String>,
    /// Dates as printed.
    #[uniffi(default)]
    pub dates: Option<String>,
    /// Bullets under the project.
    #[uniffi(default)]
    pub bullets: Vec<String>,
}

/// A certification or licence.
#[derive(Debug, Clone, PartialEq, Default, uniffi::Record)]
pub struct Certification {
    /// Certification name.
    #[uniffi(default)]
    pub name: String,
    /// Issuing body.
    #[uniffi(default)]
    pub issuer: Option<String>,
    /// Date or year as printed.
    #[uniffi(default)]
    pub date: Option<String>,
}

/// A spoken language.
#[derive(Debug, Clone, PartialEq, Default, uniffi::Record)]
pub struct Language {
    /// The language.
    #[uniffi(default)]
    pub language: String,
    /// Proficiency as printed ("Native", "B2").
    #[uniffi(default)]
    pub fluency: Option<String>,
}

/// A section without dedicated structure, kept verbatim.
#[derive(Debug, Clone, PartialEq, Default, uniffi::Record)]
pub struct OtherSection {
    /// The heading as printed.
    #[uniffi(default)]
    pub title: String,
    /// The section's lines.
    #[uniffi(default)]
    pub lines: Vec<String>,
}

/// A date as text.
fn date_text(date: Option<ResumeDate>) -> Option<String> {
    date.map(|date| date.to_string())
}

/// A date from text; a malformed one is an invalid-resume error.
fn date(text: Option<String>) -> Result<Option<ResumeDate>, EngineError> {
    text.as_deref().map(from_name).transpose()
}

/// Converts every item of a list.
fn convert_all<A, B: From<A>>(items: Vec<A>) -> Vec<B> {
    items.into_iter().map(B::from).collect()
}

/// Converts every item of a list, stopping at the first failure.
fn try_convert_all<A, B: TryFrom<A, Error = EngineError>>(
    items: Vec<A>,
) -> Result<Vec<B>, EngineError> {
    items.into_iter().map(B::try_from).collect()
}

impl From<model::Resume> for Resume {
    fn from(resume: model::Resume) -> Self {
        let model::Resume {
            name,
            email,
            phone,
            headline,
            location,
            links,
            sections,
            raw_text,
        } = resume;
        Self {
            name,
            email,
            phone,
            headline,
            location,
            links: convert_all(links),
            sections: sections.into(),
            raw_text,
        }
    }
}

impl TryFrom<Resume> for model::Resume {
    type Error = EngineError;

    fn try_from(resume: Resume) -> Result<Self, EngineError> {
        let Resume {
            name,
            email,
            phone,
            headline,
            location,
            links,
            sections,
            raw_text,
        } = resume;
        Ok(Self {
            name,
            email,
            phone,
            headline,
            location,
            links: convert_all(links),
            sections: sections.try_into()?,
            raw_text,
        })
    }
}

impl From<model::Link> for Link {
    fn from(link: model::Link) -> Self {
        let model::Link { url, network } = link;
        Self { url, network }
    }
}

impl From<Link> for model::Link {
    fn from(link: Link) -> Self {
        let Link { url, network } = link;
        Self { url, network }
    }
}

impl From<model::Sections> for Sections {
    fn from(sections: model::Sections) -> Self {
        let model::Sections {
            summary,
            experience,
            education,
            skills,
            skill_groups,
            projects,
            certifications,
            languages,
            other,
        } = sections;
        Self {
            summary,
            experience: convert_all(experience),
            education: convert_all(education),
            skills,
            skill_groups: convert_all(skill_groups),
            projects: convert_all(projects),
            certifications: convert_all(certifications),
            languages: convert_all(languages),
            other: convert_all(other),
        }
    }
}

impl TryFrom<Sections> for model::Sections {
    type Error = EngineError;

    fn try_from(sections: Sections) -> Result<Self, EngineError> {
        let Sections {
            summary,
            experience,
            education,
            skills,
            skill_groups,
            projects,
            certifications,
            languages,
            other,
        } = sections;
        Ok(Self {
            summary,
            experience: try_convert_all(experience)?,
            education: try_convert_all(education)?,
            skills,
            skill_groups: convert_all(skill_groups),
            projects: convert_all(projects),
            certifications: convert_all(certifications),
            languages: convert_all(languages),
            other: convert_all(other),
        })
    }
}

impl From<model::Experience> for Experience {
    fn from(experience: model::Experience) -> Self {
        let model::Experience {
            title,
            company,
            dates,
            start,
            end,
            location,
            description,
            bullets,
        } = experience;
        Self {
            title,
            company,
            dates,
            start: date_text(start),
            end: date_text(end),
            location,
            description,
            bullets,
        }
    }
}

impl TryFrom<Experience> for model::Experience {
    type Error = EngineError;

    fn try_from(experience: Experience) -> Result<Self, EngineError> {
        let Experience {
            title,
            company,
            dates,
            start,
            end,
            location,
            description,
            bullets,
        } = experience;
        Ok(Self {
            title,
            company,
            dates,
            start: date(start)?,
            end: date(end)?,
            location,
            description,
            bullets,
        })
    }
}

impl From<model::Education> for Education {
    fn from(education: model::Education) -> Self {
        let model::Education {
            degree,
            institution,
            year,
            field,
            start,
            end,
            gpa,
            location,
            details,
        } = education;
        Self {
            degree,
            institution,
            year,
            field,
            start: date_text(start),
            end: date_text(end),
            gpa,
            location,
            details,
        }
    }
}

impl TryFrom<Education> for model::Education {
    type Error = EngineError;

    fn try_from(education: Education) -> Result<Self, EngineError> {
        let Education {
            degree,
            institution,
            year,
            field,
            start,
            end,
            gpa,
            location,
            details,
        } = education;
        Ok(Self {
            degree,
            institution,
            year,
            field,
            start: date(start)?,
            end: date(end)?,
            gpa,
            location,
            details,
        })
    }
}

impl From<model::SkillGroup> for SkillGroup {
    fn from(group: model::SkillGroup) -> Self {
        let model::SkillGroup { name, skills } = group;
        Self { name, skills }
    }
}

impl From<SkillGroup> for model::SkillGroup {
    fn from(group: SkillGroup) -> Self {
        let SkillGroup { name, skills } = group;
        Self { name, skills }
    }
}

impl From<model::Project> for Project {
    fn from(project: model::Project) -> Self {
        let model::Project {
            name,
            description,
            url,
            dates,
            bullets,
        } = project;
        Self {
            name,
            description,
            url,
            dates,
            bullets,
        }
    }
}

impl From<Project> for model::Project {
    fn from(project: Project) -> Self {
        let Project {
            name,
            description,
            url,
            dates,
            bullets,
        } = project;
        Self {
            name,
            description,
            url,
            dates,
            bullets,
        }
    }
}

impl From<model::Certification> for Certification {
    fn from(certification: model::Certification) -> Self {
        let model::Certification { name, issuer, date } = certification;
        Self { name, issuer, date }
    }
}

impl From<Certification> for model::Certification {
    fn from(certification: Certification) -> Self {
        let Certification { name, issuer, date } = certification;
        Self { name, issuer, date }
    }
}

impl From<model::Language> for Language {
    fn from(language: model::Language) -> Self {
        let model::Language { language, fluency } = language;
        Self { language, fluency }
    }
}

impl From<Language> for model::Language {
    fn from(language: Language) -> Self {
        let Language { language, fluency } = language;
        Self { language, fluency }
    }
}

impl From<model::OtherSection> for OtherSection {
    fn from(section: model::OtherSection) -> Self {
        let model::OtherSection { title, lines } = section;
        Self { title, lines }
    }
}

impl From<OtherSection> for model::OtherSection {
    fn from(section: OtherSection) -> Self {
        let OtherSection { title, lines } = section;
        Self { title, lines }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_full_resume_survives_the_round_trip() {
        let json = r#"{
            "name": "Ana Ferreira", "email": "ana@example.pt", "phone": "+351 912 345 678",
            "headline": "Backend engineer", "location": "Lisbon",
            "links": [{"url": "https://github.com/ana", "network": "GitHub"}],
            "sections": {
                "summary": "Engineer.",
                "experience": [{"title": "Engineer", "company": "Acme", "dates": "2020 – Present",
                    "start": "2020-03", "end": "present", "location": "Porto",
                    "description": "Payments.", "bullets": ["Built the ledger"]}],
                "education": [{"degree": "BSc", "institution": "IST", "year": "2015",
                    "field": "CS", "start": "2012", "end": "2015", "gpa": "17/20",
                    "location": "Lisbon", "details": ["Honours"]}],
                "skills": ["Go", "SQL"],
                "skill_groups": [{"name": "Languages", "skills": ["Go"]}],
                "projects": [{"name": "Tool", "description": "CLI", "url": "https://x.dev",
                    "dates": "2021", "bullets": ["Wrote it"]}],
                "certifications": [{"name": "CKA", "issuer": "CNCF", "date": "2022"}],
                "languages": [{"language": "Portuguese", "fluency": "Native"}],
                "other": [{"title": "Awards", "lines": ["Best paper"]}]
            },
            "raw_text": "Ana Ferreira"
        }"#;
        let engine_resume = model::Resume::from_json(json).unwrap();
        let record = Resume::from(engine_resume.clone());
        assert_eq!(
            record.sections.experience[0].end.as_deref(),
            Some("present")
        );
        assert_eq!(model::Resume::try_from(record).unwrap(), engine_resume);
    }

    #[test]
    fn a_malformed_date_is_an_invalid_resume() {
        let mut record = Resume::default();
        record.sections.experience.push(Experience {
            start: Some("last spring".into()),
            ..Experience::default()
        });
        let error = model::Resume::try_from(record).unwrap_err();
        assert_eq!(error.code(), "invalid_json");
    }
}
