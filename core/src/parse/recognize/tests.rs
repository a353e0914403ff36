//! Whole-recogniser tests on small documents built line by line.

use super::recognize;
use crate::model::ResumeDate;
use crate::parse::{Line, Span, TextDocument};

/// A line with a font size and left edge, bold throughout when `bold`.
fn line(text: &str, size: f32, indent: f32, bold: bool) -> Line {
    Line {
        text: text.to_owned(),
        spans: vec![Span {
            start: 0,
            end: text.len(),
            bold,
            italic: false,
        }],
        font_size: Some(size),
        indent: Some(indent),
        space_before: Some(2.0),
        page: 1,
        ..Line::default()
    }
}

fn plain(lines: &[&str]) -> TextDocument {
    TextDocument {
        lines: lines.iter().map(|t| Line::plain(*t)).collect(),
    }
}

#[test]
fn plain_text_resume_with_every_section() {
    let doc = plain(&[
        "Ana Souza",
        "ana@example.com | +55 11 91234-5678 | São Paulo, Brazil",
        "SUMMARY",
        "Product manager with eight years in payments.",
        "EXPERIENCE",
        "Senior Product Manager at Nubank",
        "Mar 2021 – Present",
        "• Launched instalment payments to 4 million customers",
        "• Defined the credit-limit experiment framework",
        "EDUCATION",
        "BSc in Economics, Universidade de São Paulo, 2014",
        "SKILLS",
        "SQL, Amplitude; Figma | Jira",
    ]);
    let r = recognize(&doc);
    assert_eq!(r.name.as_deref(), Some("Ana Souza"));
    assert_eq!(r.location.as_deref(), Some("São Paulo, Brazil"));
    let job = &r.sections.experience[0];
    assert_eq!(
        (job.title.as_str(), job.company.as_str()),
        ("Senior Product Manager", "Nubank")
    );
    assert_eq!(
        job.start,
        Some(ResumeDate::YearMonth {
            year: 2021,
            month: 3
        })
    );
    assert_eq!(job.end, Some(ResumeDate::Present));
    assert_eq!(job.bullets.len(), 2);
    let school = &r.sections.education[0];
    assert_eq!(
        (
            school.degree.as_str(),
            school.institution.as_str(),
            school.year.as_str()
        ),
        ("BSc in Economics", "Universidade de São Paulo", "2014")
    );
    assert_eq!(r.sections.skills, ["SQL", "Amplitude", "Figma", "Jira"]);
}

#[test]
fn company_first_entries_with_places_and_side_dates() {
    let doc = TextDocument {
        lines: vec![
            line("Lena Weiss", 20.0, 50.0, true),
            line("EXPERIENCE", 12.0, 50.0, true),
            line("Bosch | Stuttgart", 10.0, 50.0, true),
            line("Firmware Engineer", 10.0, 50.0, false),
            line("June 2015 to", 10.0, 50.0, false),
            line("August 2017", 10.0, 50.0, false),
            line(
                "Wrote the CAN driver for the brake controller and cut its",
                10.0,
                62.0,
                false,
            ),
            line("interrupt latency by 40%", 10.0, 62.0, false),
            line("Led code reviews for 6 engineers", 10.0, 62.0, false),
            line("EDUCATION", 12.0, 50.0, true),
            line("Karlsruhe Institute of Technology", 10.0, 50.0, true),
        ],
    };
    let r = recognize(&doc);
    let job = &r.sections.experience[0];
    assert_eq!(job.title, "Firmware Engineer");
    assert_eq!(job.company, "Bosch");
    assert_eq!(job.location.as_deref(), Some("Stuttgart"));
    assert_eq!(job.dates, "June 2015 to August 2017");
    assert_eq!(
        job.end,
        Some(ResumeDate::YearMonth {
            year: 2017,
            month: 8
        })
    );
    assert_eq!(
        job.bullets,
        [
            "Wrote the CAN driver for the brake controller and cut its interrupt latency by 40%",
            "Led code reviews for 6 engineers"
        ]
    );
}

#[test]
fn section_label_in_a_side_column() {
    let doc = TextDocument {
        lines: vec![
            line("Hugo Martin", 20.0, 50.0, true),
            line(
                "Summary\tTeacher of mathematics for ten years in Lyon.",
                10.0,
                50.0,
                false,
            ),
            line(
                "Experience\tLycée Ampère\t2018 – Present",
                10.0,
                50.0,
                false,
            ),
            line("Mathematics Teacher", 10.0, 150.0, false),
        ],
    };
    let r = recognize(&doc);
    assert_eq!(
        r.sections.summary.as_deref(),
        Some("Teacher of mathematics for ten years in Lyon.")
    );
    let job = &r.sections.experience[0];
    assert_eq!(
        (job.title.as_str(), job.company.as_str()),
        ("Mathematics Teacher", "Lycée Ampère")
    );
    assert_eq!(job.start, Some(ResumeDate::Year(2018)));
}

#[test]
fn large_name_in_the_main_column_after_a_sidebar() {
    let doc = TextDocument {
        lines: vec![
            line("JP", 16.0, 40.0, true),
            line("CONTACT", 9.0, 40.0, true),
            line("jp@example.com", 8.0, 40.0, false),
            line("SKILLS", 9.0, 40.0, true),
            line("Kotlin, Go", 8.0, 40.0, false),
            line("Ji-hoon Park", 17.0, 230.0, true),
            line("Backend Engineer", 11.0, 230.0, false),
            line("EXPERIENCE", 9.0, 230.0, true),
            line("Backend Engineer", 10.0, 230.0, true),
            line("Toss, Seoul", 9.0, 230.0, false),
            line("2021.07 – PRESENT", 8.0, 230.0, false),
        ],
    };
    let r = recognize(&doc);
    assert_eq!(r.name.as_deref(), Some("Ji-hoon Park"));
    assert_eq!(r.headline.as_deref(), Some("Backend Engineer"));
    assert_eq!(r.email.as_deref(), Some("jp@example.com"));
    assert_eq!(r.sections.skills, ["Kotlin", "Go"]);
    assert_eq!(r.sections.experience[0].company, "Toss");
    assert_eq!(r.sections.experience[0].end, Some(ResumeDate::Present));
}

#[test]
fn headings_side_by_side_split_their_columns() {
    let doc = TextDocument {
        lines: vec![
            line("Lena Weiss", 20.0, 50.0, true),
            line("Skills", 12.0, 50.0, true),
            line("Python, Rust", 10.0, 50.0, false),
            line("Languages\tCertificates", 12.0, 50.0, true),
            line(
                "German — native\tAWS Solutions Architect (2022)",
                10.0,
                50.0,
                false,
            ),
            line("English — C1", 10.0, 50.0, false),
        ],
    };
    let r = recognize(&doc);
    assert_eq!(r.sections.skills, ["Python", "Rust"]);
    let languages: Vec<_> = r
        .sections
        .languages
        .iter()
        .map(|l| (l.language.as_str(), l.fluency.as_deref()))
        .collect();
    assert_eq!(
        languages,
        [("German", Some("native")), ("English", Some("C1"))]
    );
    assert_eq!(r.sections.certifications[0].name, "AWS Solutions Architect");
    assert_eq!(r.sections.certifications[0].date.as_deref(), Some("2022"));
}

#[test]
fn education_cards_side_by_side_are_read_card_by_card() {
    let doc = TextDocument {
        lines: vec![
            line("Lena Weiss", 20.0, 50.0, true),
            line("Education", 12.0, 50.0, true),
            line("2012 – 2014\t2009 – 2012", 8.0, 50.0, false),
            line(
                "MSc in Computer Science\tBSc in Applied Mathematics",
                10.0,
                50.0,
                true,
            ),
            line(
                "Warsaw University of Technology\tJagiellonian University",
                9.0,
                50.0,
                false,
            ),
        ],
    };
    let r = recognize(&doc);
    let schools: Vec<_> = r
        .sections
        .education
        .iter()
        .map(|e| (e.degree.as_str(), e.institution.as_str(), e.year.as_str()))
        .collect();
    assert_eq!(
        schools,
        [
            (
                "MSc in Computer Science",
                "Warsaw University of Technology",
                "2014"
            ),
            (
                "BSc in Applied Mathematics",
                "Jagiellonian University",
                "2012"
            )
        ]
    );
}

#[test]
fn skills_drop_years_and_route_spoken_languages() {
    let doc = plain(&[
        "Ana Souza",
        "SKILLS",
        "Figma (5 years), SQL (1 year)",
        "Spoken: Portuguese (native), English (C1)",
    ]);
    let r = recognize(&doc);
    assert_eq!(r.sections.skills, ["Figma", "SQL"]);
    let languages: Vec<_> = r
        .sections
        .languages
        .iter()
        .map(|l| l.language.as_str())
        .collect();
    assert_eq!(languages, ["Portuguese", "English"]);
}

proptest::proptest! {
    /// Any text, however odd, is recognised without a panic and kept in
    /// `raw_text`.
    #[test]
    fn arbitrary_lines_never_panic(lines in proptest::collection::vec("[\\PC\\t]{0,80}", 0..40)) {
        let doc = TextDocument { lines: lines.iter().map(|t| Line::plain(t.as_str())).collect() };
        let r = recognize(&doc);
        for line in &lines {
            proptest::prop_assert!(r.raw_text.contains(&line.replace('\t', "  ")));
        }
    }

    /// Every printed range of month-year dates is found with its months.
    #[test]
    fn month_year_ranges_are_found(m1 in 1u8..=12, y1 in 1970u16..2030, m2 in 1u8..=12, y2 in 1970u16..2030) {
        const NAMES: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let text = format!("Engineer, Acme\t{} {y1} – {} {y2}", NAMES[usize::from(m1 - 1)], NAMES[usize::from(m2 - 1)]);
        let range = super::find_range(&text);
        proptest::prop_assert_eq!(range.map(|r| (r.start, r.end)), Some((
            ResumeDate::YearMonth { year: y1, month: m1 },
            ResumeDate::YearMonth { year: y2, month: m2 },
        )));
    }
}

#[test]
fn a_title_keeps_its_comma_tail_when_the_employer_is_known() {
    let doc = plain(&[
        "Margaret Hughes",
        "EXPERIENCE",
        "Unilever — Vice President, Supply Chain Europe",
        "Sep 2010 – Mar 2014",
        "• Ran 14 factories",
    ]);
    let resume = recognize(&doc);
    let job = &resume.sections.experience[0];
    assert_eq!(job.title, "Vice President, Supply Chain Europe");
    assert_eq!(job.company, "Unilever");
    assert_eq!(job.location, None);
}
