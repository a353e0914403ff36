//! Contact and completeness (15 points).
//!
//! | rule | points | passes when |
//! |---|---|---|
//! | `contact.name` | 2 | a name is present |
//! | `contact.email` | 3 | a well-formed email address is present |
//! | `contact.phone` | 2 | a phone number with 7–15 digits is present |
//! | `contact.location` | 1 | a city or region is given |
//! | `contact.profile_link` | 2 | a profile link (LinkedIn, GitHub, portfolio) is given |
//! | `contact.experience` | 2 | an experience section with at least one entry |
//! | `contact.education` | 1.5 | an education section with at least one entry |
//! | `contact.skills` | 1.5 | a skills section with at least one skill |

use crate::Resume;
use crate::score::analysis::{Category, CategoryId, Location, SectionKind};
use crate::score::rules::{Finding, Rule, category};

/// Scores contact details and section completeness.
pub fn score(resume: &Resume) -> Category {
    let contact = Location::section(SectionKind::Contact);
    let mut name = Rule::new("contact.name", "A name at the top", 2.0);
    if blank(resume.name.as_deref()) {
        name.charge(
            2.0,
            Finding::critical(
                contact,
                "No name found.",
                "Put your full name on the first line, on its own.",
            ),
        );
    }
    let mut email = Rule::new("contact.email", "A valid email address", 3.0);
    match resume.email.as_deref().map(str::trim) {
        None | Some("") => email.charge(
            3.0,
            Finding::critical(
                contact,
                "No email address found.",
                "Add a professional email address (firstname.lastname@…) below your name.",
            ),
        ),
        Some(address) if !valid_email(address) => email.charge(
            3.0,
            Finding::critical(
                contact,
                "The email address is not valid.",
                "Check the address: it needs one @ and a domain such as example.com.",
            )
            .quoting(address),
        ),
        Some(_) => {}
    }
    let mut phone = Rule::new("contact.phone", "A phone number", 2.0);
    match resume.phone.as_deref() {
        None => phone.charge(
            2.0,
            Finding::warning(
                contact,
                "No phone number found.",
                "Add a phone number with its country code, e.g. +1 415 555 0142.",
            ),
        ),
        Some(number) if !(7..=15).contains(&digits(number)) => phone.charge(
            2.0,
            Finding::warning(
                contact,
                "The phone number does not look complete.",
                "Write the full number with its country code, e.g. +1 415 555 0142.",
            )
            .quoting(number),
        ),
        Some(_) => {}
    }
    let mut location = Rule::new("contact.location", "A city or region", 1.0);
    if blank(resume.location.as_deref()) {
        location.charge(
            1.0,
            Finding::warning(
                contact,
                "No location given.",
                "Add your city and country (or \"Remote\"): recruiters filter by location.",
            ),
        );
    }
    let mut link = Rule::new(
        "contact.profile_link",
        "A profile link (LinkedIn, GitHub, portfolio)",
        2.0,
    );
    if resume.links.is_empty() {
        link.charge(
            2.0,
            Finding::warning(
                contact,
                "No profile link found.",
                "Add your LinkedIn URL, and GitHub or a portfolio if you have one.",
            ),
        );
    }
    let sections = &resume.sections;
    let mut experience = Rule::new("contact.experience", "An experience section", 2.0);
    if sections.experience.is_empty() {
        experience.charge(2.0, Finding::critical(Location::section(SectionKind::Experience), "No work experience section found.", "Add an \"Experience\" section: title, company, dates and 3–5 bullets per role (internships and volunteering count)."));
    }
    let mut education = Rule::new("contact.education", "An education section", 1.5);
    if sections.education.is_empty() {
        education.charge(1.5, Finding::warning(Location::section(SectionKind::Education), "No education section found.", "Add an \"Education\" section with your degree, school and graduation year (or relevant courses and certifications)."));
    }
    let mut skills = Rule::new("contact.skills", "A skills section", 1.5);
    let has_skills =
        !sections.skills.is_empty() || sections.skill_groups.iter().any(|g| !g.skills.is_empty());
    if !has_skills {
        skills.charge(1.5, Finding::warning(Location::section(SectionKind::Skills), "No skills section found.", "Add a \"Skills\" section listing the tools and methods you use, as ATS filters search it first."));
    }
    category(
        CategoryId::Contact,
        vec![
            name, email, phone, location, link, experience, education, skills,
        ],
    )
}

fn blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}

fn digits(text: &str) -> usize {
    text.chars().filter(char::is_ascii_digit).count()
}

/// An address with one `@`, a non-empty local part and a dotted domain.
pub fn valid_email(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !address.contains(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Education, Experience, Link, Sections};

    fn complete() -> Resume {
        Resume {
            name: Some("Ana Ferreira".into()),
            email: Some("ana@example.pt".into()),
            phone: Some("+351 912 345 678".into()),
            location: Some("Lisbon, Portugal".into()),
            links: vec![Link {
                url: "https://linkedin.com/in/ana".into(),
                network: None,
            }],
            sections: Sections {
                experience: vec![Experience::default()],
                education: vec![Education::default()],
                skills: vec!["SQL".into()],
                ..Sections::default()
            },
            ..Resume::default()
        }
    }

    fn lost(resume: &Resume, rule: &str) -> f64 {
        let c = score(resume);
        c.rules
            .iter()
            .find(|r| r.id == rule)
            .map_or(-1.0, |r| r.max - r.score)
    }

    #[test]
    fn a_complete_header_scores_full_marks() {
        let c = score(&complete());
        assert_eq!(c.score, 15.0);
        assert!(c.issues.is_empty());
    }

    #[test]
    fn each_missing_field_costs_its_points() {
        type Case = (&'static str, fn(&mut Resume), f64);
        let cases: [Case; 8] = [
            ("contact.name", |r| r.name = None, 2.0),
            ("contact.email", |r| r.email = None, 3.0),
            ("contact.phone", |r| r.phone = None, 2.0),
            ("contact.location", |r| r.location = None, 1.0),
            ("contact.profile_link", |r| r.links.clear(), 2.0),
            ("contact.experience", |r| r.sections.experience.clear(), 2.0),
            ("contact.education", |r| r.sections.education.clear(), 1.5),
            ("contact.skills", |r| r.sections.skills.clear(), 1.5),
        ];
        for (rule, remove, points) in cases {
            let mut resume = complete();
            remove(&mut resume);
            assert_eq!(lost(&resume, rule), points, "{rule}");
            assert_eq!(score(&resume).score, 15.0 - points, "{rule}");
        }
    }

    #[test]
    fn malformed_email_and_phone_cost_points() {
        let mut resume = complete();
        resume.email = Some("ana at example".into());
        resume.phone = Some("555-12".into());
        assert_eq!(lost(&resume, "contact.email"), 3.0);
        assert_eq!(lost(&resume, "contact.phone"), 2.0);
        assert!(valid_email("first.last+cv@mail.example.co.uk"));
        assert!(!valid_email("a@b"));
    }
}
