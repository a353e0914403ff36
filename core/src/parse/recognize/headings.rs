//! Section headings: which words name which section, and which lines are headings.

use serde::{Deserialize, Serialize};

use super::text::{is_upper, unspace_letters, word_count};
use crate::parse::Line;

/// The kind of a resume section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SectionKind {
    /// Summary, profile or objective.
    Summary,
    /// Work history.
    Experience,
    /// Education.
    Education,
    /// Skills.
    Skills,
    /// Projects.
    Projects,
    /// Certifications and licences.
    Certifications,
    /// Spoken languages.
    Languages,
    /// Contact details given as a section (sidebars).
    Contact,
    /// Any other section: awards, volunteering, publications…
    Other,
}

/// Heading words per section, compared after [`heading_key`].
const SYNONYMS: &[(SectionKind, &[&str])] = &[
    (
        SectionKind::Summary,
        &[
            "summary",
            "professional summary",
            "profile",
            "professional profile",
            "personal profile",
            "about",
            "about me",
            "objective",
            "career objective",
            "professional objective",
            "career summary",
            "executive summary",
            "overview",
            "personal statement",
            "introduction",
            "summary of qualifications",
            "qualifications summary",
            "career profile",
            "executive profile",
            "research interests",
            "professional interests",
            "research and professional interests",
            "areas of interest",
            "profile summary",
            "resume summary",
            "who i am",
            "bio",
        ],
    ),
    (
        SectionKind::Experience,
        &[
            "experience",
            "work experience",
            "professional experience",
            "employment",
            "employment history",
            "work history",
            "career history",
            "relevant experience",
            "military service",
            "military experience",
            "professional background",
            "experience history",
            "positions held",
            "work",
            "career",
            "internships",
            "internship experience",
            "research experience",
            "teaching experience",
            "professional history",
            "job history",
            "industry experience",
            "employment experience",
            "professional employment",
            "work and experience",
            "experiences",
            "related experience",
            "selected experience",
            "leadership experience",
        ],
    ),
    (
        SectionKind::Education,
        &[
            "education",
            "academic background",
            "education and training",
            "academic qualifications",
            "academic history",
            "educational background",
            "education history",
            "academics",
            "education and certifications",
            "education & certifications",
            "training and education",
            "academic profile",
            "educational qualifications",
            "studies",
            "formal education",
            "education and qualifications",
        ],
    ),
    (
        SectionKind::Skills,
        &[
            "skills",
            "technical skills",
            "core skills",
            "key skills",
            "core competencies",
            "competencies",
            "areas of expertise",
            "expertise",
            "skills and tools",
            "skills & tools",
            "tools",
            "technologies",
            "tech stack",
            "strengths",
            "proficiencies",
            "skill highlights",
            "technical proficiencies",
            "skills summary",
            "skills and abilities",
            "professional skills",
            "personal skills",
            "digital skills",
            "job related skills",
            "other skills",
            "organisational skills",
            "organizational skills",
            "communication skills",
            "computer and digital skills",
            "relevant skills",
            "technical expertise",
            "key competencies",
            "skills and expertise",
            "skills & expertise",
            "tools and technologies",
            "tools & technologies",
            "technical competencies",
            "abilities",
            "skill set",
            "skillset",
            "hard skills",
            "soft skills",
            "skills and interests",
            "skills & interests",
            "computer skills",
            "it skills",
            "software",
            "qualifications",
            "key qualifications",
        ],
    ),
    (
        SectionKind::Projects,
        &[
            "projects",
            "personal projects",
            "selected projects",
            "key projects",
            "side projects",
            "open source",
            "academic projects",
            "portfolio",
            "project experience",
            "notable projects",
            "technical projects",
            "open source contributions",
            "project",
            "relevant projects",
        ],
    ),
    (
        SectionKind::Certifications,
        &[
            "certifications",
            "certificates",
            "licenses",
            "licences",
            "licenses and certifications",
            "licenses & certifications",
            "certifications and licenses",
            "certifications & licenses",
            "professional certifications",
            "credentials",
            "training and certifications",
            "certifications and training",
            "certification",
            "accreditations",
            "courses and certifications",
            "courses & certifications",
        ],
    ),
    (
        SectionKind::Languages,
        &[
            "languages",
            "language skills",
            "spoken languages",
            "language",
            "language proficiency",
        ],
    ),
    (
        SectionKind::Contact,
        &[
            "contact",
            "contact information",
            "contact info",
            "contact details",
            "personal information",
            "personal details",
            "personal info",
            "details",
            "links",
        ],
    ),
    (
        SectionKind::Other,
        &[
            "awards",
            "honors",
            "honours",
            "honors and awards",
            "honors & awards",
            "awards and honors",
            "awards & honors",
            "achievements",
            "accomplishments",
            "key achievements",
            "recognition",
            "volunteer",
            "volunteering",
            "volunteer experience",
            "volunteer work",
            "community involvement",
            "community service",
            "publications",
            "interests",
            "hobbies",
            "hobbies and interests",
            "interests and hobbies",
            "references",
            "activities",
            "extracurricular activities",
            "leadership",
            "leadership and activities",
            "memberships",
            "affiliations",
            "professional affiliations",
            "professional memberships",
            "courses",
            "coursework",
            "relevant coursework",
            "training",
            "conferences",
            "presentations",
            "talks",
            "patents",
            "research",
            "grants",
            "additional information",
            "additional",
            "other",
            "miscellaneous",
            "scholarships",
            "fellowships",
            "exhibitions",
            "military",
            "security clearance",
            "clearance",
            "service",
            "community",
            "organizations",
        ],
    ),
];

/// Normalises heading text for lookup: letter-spacing undone, `&` read as
/// "and", punctuation dropped, lower-cased.
pub fn heading_key(text: &str) -> String {
    let text = unspace_letters(text.trim());
    let mut key = String::new();
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '&') {
        if word.is_empty() {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&word.to_lowercase());
    }
    key.replace('&', "and").replace("  ", " ")
}

/// The section a heading text names, if any.
pub fn section_for(text: &str) -> Option<SectionKind> {
    let key = heading_key(text);
    if key.is_empty() || key.split(' ').count() > 6 {
        return None;
    }
    SYNONYMS.iter().find_map(|(kind, words)| {
        words
            .iter()
            .any(|w| w.replace('&', "and") == key)
            .then_some(*kind)
    })
}

/// The section a heading names by one of its words, for headings that are
/// not in the synonym lists but look like the document's other headings:
/// `Appointments and Experience`, `Selected Technical Projects`.
pub fn section_by_keyword(text: &str) -> Option<SectionKind> {
    const KEYWORDS: &[(&str, SectionKind)] = &[
        ("experience", SectionKind::Experience),
        ("experiences", SectionKind::Experience),
        ("employment", SectionKind::Experience),
        ("appointments", SectionKind::Experience),
        ("positions", SectionKind::Experience),
        ("career", SectionKind::Experience),
        ("education", SectionKind::Education),
        ("academic", SectionKind::Education),
        ("degrees", SectionKind::Education),
        ("skills", SectionKind::Skills),
        ("competencies", SectionKind::Skills),
        ("expertise", SectionKind::Skills),
        ("proficiencies", SectionKind::Skills),
        ("technologies", SectionKind::Skills),
        ("projects", SectionKind::Projects),
        ("certifications", SectionKind::Certifications),
        ("certificates", SectionKind::Certifications),
        ("licenses", SectionKind::Certifications),
        ("licences", SectionKind::Certifications),
        ("languages", SectionKind::Languages),
        ("summary", SectionKind::Summary),
        ("profile", SectionKind::Summary),
        ("objective", SectionKind::Summary),
    ];
    heading_key(text).split(' ').find_map(|word| {
        KEYWORDS
            .iter()
            .find(|(k, _)| *k == word)
            .map(|(_, kind)| *kind)
    })
}

/// Sub-headings inside an entry (`Key Achievements`) that do not start a section.
pub fn is_entry_subheading(text: &str) -> bool {
    matches!(
        heading_key(text).as_str(),
        "achievements"
            | "key achievements"
            | "selected achievements"
            | "accomplishments"
            | "key accomplishments"
            | "responsibilities"
            | "key responsibilities"
            | "highlights"
            | "key highlights"
            | "main achievements"
    )
}

/// How a line looks, for comparing a candidate heading with known headings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeadingStyle {
    /// Outline level from the document structure.
    pub level: Option<u8>,
    /// Bold throughout.
    pub bold: bool,
    /// No lower-case letters.
    pub upper: bool,
    /// Font size rounded to half points.
    pub size: Option<i32>,
}

impl HeadingStyle {
    /// The style of `line`.
    pub fn of(line: &Line) -> Self {
        Self {
            level: line.heading_level,
            bold: line.is_bold(),
            upper: is_upper(&line.text),
            size: line.font_size.map(|s| (s * 2.0).round() as i32),
        }
    }

    /// True when the style stands out from body text at all.
    pub fn is_emphasised(&self, body_size: Option<i32>) -> bool {
        self.level.is_some_and(|l| l >= 1)
            || self.bold
            || self.upper
            || matches!((self.size, body_size), (Some(s), Some(b)) if s > b)
    }
}

/// True when `line` could be a heading by shape alone: short, no sentence
/// punctuation, no date or contact detail.
pub fn heading_shaped(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':');
    let words = word_count(t);
    (1..=5).contains(&words)
        && t.chars().count() <= 48
        && !t.contains(['@', '|', ',', '.', '\t'])
        && !t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_and_casing() {
        let cases = [
            ("Summary", SectionKind::Summary),
            ("PROFESSIONAL PROFILE", SectionKind::Summary),
            ("Objective:", SectionKind::Summary),
            ("Work History", SectionKind::Experience),
            ("EMPLOYMENT", SectionKind::Experience),
            ("Military Service", SectionKind::Experience),
            ("Professional Experience", SectionKind::Experience),
            ("E X P E R I E N C E", SectionKind::Experience),
            ("Education & Training", SectionKind::Education),
            ("Technical Skills", SectionKind::Skills),
            ("Core Competencies", SectionKind::Skills),
            ("Personal Projects", SectionKind::Projects),
            ("Licenses & Certifications", SectionKind::Certifications),
            ("Languages", SectionKind::Languages),
            ("Honors & Awards", SectionKind::Other),
            ("Volunteering", SectionKind::Other),
        ];
        for (text, kind) in cases {
            assert_eq!(section_for(text), Some(kind), "{text}");
        }
        assert_eq!(section_for("Senior Software Engineer"), None);
        assert_eq!(
            section_by_keyword("Appointments and Experience"),
            Some(SectionKind::Experience)
        );
        assert_eq!(
            section_by_keyword("Selected Technical Projects"),
            Some(SectionKind::Projects)
        );
        assert_eq!(section_by_keyword("Research Interests"), None);
        assert!(is_entry_subheading("KEY ACHIEVEMENTS"));
        assert_eq!(section_for("Led the education of new hires"), None);
    }

    #[test]
    fn heading_shape() {
        assert!(heading_shaped("Volunteer Work"));
        assert!(!heading_shaped("Led a team of 5."));
        assert!(!heading_shaped("Jan 2020 – Present"));
        assert!(!heading_shaped("jane@doe.com"));
    }
}
