use proptest::prelude::*;
use serde_json::{Value, json};

use super::super::{
    Certification, Education, Experience, Language, Link, ModelError, OtherSection, Project,
    Resume, ResumeDate, Sections, SkillGroup,
};
use super::{from_json_resume, parse_printed_range, to_json_resume};

fn ym(year: u16, month: u8) -> ResumeDate {
    ResumeDate::YearMonth { year, month }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// A resume using every field JSON Resume can carry, in the normal form an
/// import produces (printed dates match the normalised ones, site link first,
/// other sections under their canonical headings).
fn rich_resume() -> Resume {
    Resume {
        name: Some("Ada Lovelace".into()),
        email: Some("ada@example.com".into()),
        phone: Some("+44 20 7946 0000".into()),
        headline: Some("Staff Engineer".into()),
        location: Some("London, UK".into()),
        links: vec![
            Link {
                url: "https://ada.example.com".into(),
                network: None,
            },
            Link {
                url: "https://www.linkedin.com/in/ada-lovelace/".into(),
                network: Some("LinkedIn".into()),
            },
            Link {
                url: "https://github.com/ada".into(),
                network: Some("GitHub".into()),
            },
        ],
        sections: Sections {
            summary: Some("Engineer who likes engines.".into()),
            experience: vec![
                Experience {
                    title: "Staff Engineer".into(),
                    company: "Analytical Engines Ltd".into(),
                    dates: "Jan 2020 – Present".into(),
                    start: Some(ym(2020, 1)),
                    end: Some(ResumeDate::Present),
                    location: Some("London".into()),
                    description: Some("Platform team.".into()),
                    bullets: strings(&["Cut build times by 40%", "Led a team of 6"]),
                },
                Experience {
                    title: "Engineer".into(),
                    company: "Difference Co".into(),
                    dates: "2016 – 2019".into(),
                    start: Some(ResumeDate::Year(2016)),
                    end: Some(ResumeDate::Year(2019)),
                    ..Experience::default()
                },
            ],
            education: vec![Education {
                degree: "Bachelor of Science, Mathematics".into(),
                institution: "University of London".into(),
                year: "2015".into(),
                field: Some("Mathematics".into()),
                start: Some(ym(2011, 9)),
                end: Some(ym(2015, 6)),
                gpa: Some("First".into()),
                location: Some("London".into()),
                details: strings(&["Thesis: Bernoulli numbers"]),
            }],
            skills: strings(&["Rust", "Go", "Kubernetes"]),
            skill_groups: vec![
                SkillGroup {
                    name: Some("Languages".into()),
                    skills: strings(&["Rust", "Go"]),
                },
                SkillGroup {
                    name: Some("Infra".into()),
                    skills: strings(&["Kubernetes"]),
                },
            ],
            projects: vec![Project {
                name: "Note G".into(),
                description: Some("The first program".into()),
                url: Some("https://example.com/note-g".into()),
                dates: Some("Mar 2018 – Jun 2019".into()),
                bullets: strings(&["Computed Bernoulli numbers"]),
            }],
            certifications: vec![Certification {
                name: "CKA".into(),
                issuer: Some("CNCF".into()),
                date: Some("May 2021".into()),
            }],
            languages: vec![
                Language {
                    language: "English".into(),
                    fluency: Some("Native".into()),
                },
                Language {
                    language: "French".into(),
                    fluency: None,
                },
            ],
            other: vec![
                OtherSection {
                    title: "Awards".into(),
                    lines: strings(&["Royal Medal 1843", "Fellow — Royal Society (Mar 1840)"]),
                },
                OtherSection {
                    title: "Volunteering".into(),
                    lines: strings(&["Mentor at Code Club (2019 – Present)", "Tutor"]),
                },
                OtherSection {
                    title: "Interests".into(),
                    lines: strings(&["Music: piano, harp", "Horses"]),
                },
                OtherSection {
                    title: "Patents".into(),
                    lines: strings(&["GB123 Loom card reader"]),
                },
            ],
        },
        raw_text: String::new(),
    }
}

#[test]
fn rich_resume_survives_a_round_trip() -> Result<(), ModelError> {
    let resume = rich_resume();
    let mut back = from_json_resume(&to_json_resume(&resume))?;
    assert!(
        back.raw_text
            .starts_with("Ada Lovelace\nStaff Engineer\nada@example.com")
    );
    assert!(
        back.raw_text
            .contains("EXPERIENCE\nStaff Engineer — Analytical Engines Ltd")
    );
    assert!(back.raw_text.contains("• Cut build times by 40%"));
    back.raw_text.clear();
    assert_eq!(back, resume);
    Ok(())
}

#[test]
fn export_follows_the_schema_and_omits_empty_fields() {
    let doc = to_json_resume(&rich_resume());
    let basics = &doc["basics"];
    assert_eq!(basics["label"], "Staff Engineer");
    assert_eq!(basics["url"], "https://ada.example.com");
    assert_eq!(
        basics["location"],
        json!({ "address": "London, UK", "city": "London", "region": "UK" })
    );
    assert_eq!(
        basics["profiles"],
        json!([
            { "network": "LinkedIn", "username": "ada-lovelace",
              "url": "https://www.linkedin.com/in/ada-lovelace/" },
            { "network": "GitHub", "username": "ada", "url": "https://github.com/ada" }
        ])
    );
    let current = &doc["work"][0];
    assert_eq!(current["name"], "Analytical Engines Ltd");
    assert_eq!(current["position"], "Staff Engineer");
    assert_eq!(current["startDate"], "2020-01");
    assert!(
        current.get("endDate").is_none(),
        "present is an absent endDate"
    );
    assert_eq!(current["summary"], "Platform team.");
    let past = &doc["work"][1];
    assert_eq!(past["endDate"], "2019");
    for absent in ["location", "summary", "highlights"] {
        assert!(past.get(absent).is_none(), "{absent} should be omitted");
    }
    assert_eq!(
        doc["education"][0],
        json!({
            "institution": "University of London", "area": "Mathematics",
            "studyType": "Bachelor of Science", "startDate": "2011-09", "endDate": "2015-06",
            "score": "First", "location": "London", "courses": ["Thesis: Bernoulli numbers"]
        })
    );
    assert_eq!(
        doc["skills"][0],
        json!({ "name": "Languages", "keywords": ["Rust", "Go"] })
    );
    assert_eq!(doc["projects"][0]["startDate"], "2018-03");
    assert_eq!(doc["projects"][0]["endDate"], "2019-06");
    assert_eq!(doc["certificates"][0]["date"], "2021-05");
    assert_eq!(
        doc["awards"],
        json!([
            { "title": "Royal Medal 1843" },
            { "title": "Fellow", "awarder": "Royal Society", "date": "1840-03" }
        ])
    );
    assert_eq!(
        doc["volunteer"],
        json!([
            { "position": "Mentor", "organization": "Code Club", "startDate": "2019" },
            { "organization": "Tutor" }
        ])
    );
    assert_eq!(
        doc["interests"],
        json!([{ "name": "Music", "keywords": ["piano", "harp"] }, { "name": "Horses" }])
    );
    assert_eq!(
        doc["meta"]["x-resume-engine"]["other"],
        json!([{ "title": "Patents", "lines": ["GB123 Loom card reader"] }])
    );
    assert!(doc.get("publications").is_none());
}

#[test]
fn export_of_an_empty_resume_is_just_the_schema() {
    let doc = to_json_resume(&Resume::default());
    let keys: Vec<&String> = doc
        .as_object()
        .map(|o| o.keys().collect())
        .unwrap_or_default();
    assert_eq!(keys, ["$schema"]);
}

#[test]
fn export_falls_back_to_printed_dates_and_plain_skills() {
    let resume = Resume {
        sections: Sections {
            experience: vec![Experience {
                title: "Intern".into(),
                dates: "Jun 2018 - Aug 2018".into(),
                ..Experience::default()
            }],
            education: vec![Education {
                degree: "BSc".into(),
                year: "2017 – 2021".into(),
                ..Education::default()
            }],
            skills: strings(&["Rust", "SQL"]),
            ..Sections::default()
        },
        ..Resume::default()
    };
    let doc = to_json_resume(&resume);
    assert_eq!(doc["work"][0]["startDate"], "2018-06");
    assert_eq!(doc["work"][0]["endDate"], "2018-08");
    assert_eq!(doc["education"][0]["startDate"], "2017");
    assert_eq!(doc["education"][0]["endDate"], "2021");
    assert_eq!(
        doc["skills"],
        json!([{ "name": "Skills", "keywords": ["Rust", "SQL"] }])
    );
}

#[test]
fn printed_ranges_parse() {
    let range = |s: &str| parse_printed_range(s);
    assert_eq!(
        range("Jan 2020 – Present"),
        Some((ym(2020, 1), ResumeDate::Present))
    );
    assert_eq!(
        range("2019-2021"),
        Some((ResumeDate::Year(2019), ResumeDate::Year(2021)))
    );
    assert_eq!(
        range("Sept. 2019 to 03/2020"),
        Some((ym(2019, 9), ym(2020, 3)))
    );
    assert_eq!(range("2020-03"), Some((ym(2020, 3), ym(2020, 3))));
    assert_eq!(range("Summer 2019"), None);
}

/// Modelled on the "Richard Hendriks" sample of the jsonresume/resume-schema
/// repository.
const HENDRIKS: &str = r#"{
  "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
  "basics": {
    "name": "Richard Hendriks",
    "label": "Programmer",
    "image": "",
    "email": "richard.hendriks@mail.com",
    "phone": "(912) 555-4321",
    "url": "http://richardhendricks.example.com",
    "summary": "Richard hails from Tulsa. He has earned degrees from the University of Oklahoma and Stanford.",
    "location": {
      "address": "2712 Broadway St",
      "postalCode": "CA 94115",
      "city": "San Francisco",
      "countryCode": "US",
      "region": "California"
    },
    "profiles": [
      { "network": "Twitter", "username": "neutralthoughts", "url": "" },
      { "network": "SoundCloud", "username": "dandymusicnl", "url": "https://soundcloud.example.com/dandymusicnl" }
    ]
  },
  "work": [
    {
      "name": "Pied Piper",
      "location": "Palo Alto, CA",
      "description": "Awesome compression company",
      "position": "CEO/President",
      "url": "http://piedpiper.example.com",
      "startDate": "2013-12-01",
      "endDate": "2014-12-01",
      "summary": "Pied Piper is a multi-platform technology based on a proprietary universal compression algorithm.",
      "highlights": [
        "Build an algorithm for artist to detect if their music was violating copy right infringement laws",
        "Successfully won Techcrunch Disrupt",
        "Optimized an algorithm that holds the current world record for Weisman Scores"
      ]
    }
  ],
  "volunteer": [
    {
      "organization": "CoderDojo",
      "position": "Teacher",
      "url": "http://coderdojo.example.com/",
      "startDate": "2012-01-01",
      "endDate": "2013-01-01",
      "summary": "Global movement of free coding clubs for young people.",
      "highlights": ["Awarded 'Teacher of the Month'"]
    }
  ],
  "education": [
    {
      "institution": "University of Oklahoma",
      "url": "https://www.ou.edu/",
      "area": "Information Technology",
      "studyType": "Bachelor",
      "startDate": "2011-06-01",
      "endDate": "2014-01-01",
      "score": "4.0",
      "courses": ["DB1101 - Basic SQL", "CS2011 - Java Introduction"]
    }
  ],
  "awards": [
    {
      "title": "Digital Compression Pioneer Award",
      "date": "2014-11-01",
      "awarder": "Techcrunch",
      "summary": "There is no spoon."
    }
  ],
  "certificates": [
    { "name": "Certified Compression Expert", "date": "2015-03-01", "issuer": "Hooli", "url": "https://example.com/cert" }
  ],
  "publications": [
    {
      "name": "Video compression for 3d media",
      "publisher": "Hooli",
      "releaseDate": "2014-10-01",
      "url": "http://en.wikipedia.org/wiki/Silicon_Valley_(TV_series)",
      "summary": "Innovative middle-out compression algorithm that changes the way we store data."
    }
  ],
  "skills": [
    { "name": "Web Development", "level": "Master", "keywords": ["HTML", "CSS", "Javascript"] },
    { "name": "Compression", "level": "Master", "keywords": ["Mpeg", "MP4", "GIF", "HTML"] }
  ],
  "languages": [{ "language": "English", "fluency": "Native Speaker" }],
  "interests": [{ "name": "Wildlife", "keywords": ["Ferrets", "Unicorns"] }],
  "references": [
    { "name": "Erlich Bachman", "reference": "It is my pleasure to recommend Richard." }
  ],
  "projects": [
    {
      "name": "Miss Direction",
      "description": "A mapping engine that misguides you",
      "highlights": ["Won award at AIHacks 2016", "Built by all women team of newbie programmers"],
      "keywords": ["GoogleMaps", "Chrome Extension", "Javascript"],
      "startDate": "2016-08-24",
      "endDate": "2016-08-24",
      "url": "missdirection.example.com",
      "roles": ["Team lead", "Designer"],
      "entity": "Smoogle",
      "type": "application"
    }
  ],
  "meta": { "canonical": "https://example.com/resume.json", "version": "v1.0.0", "lastModified": "2017-12-24T15:53:00" }
}"#;

fn parse(json: &str) -> Result<Value, ModelError> {
    serde_json::from_str(json).map_err(ModelError::InvalidJson)
}

#[test]
fn imports_the_hendriks_sample() -> Result<(), ModelError> {
    let r = from_json_resume(&parse(HENDRIKS)?)?;
    assert_eq!(r.name.as_deref(), Some("Richard Hendriks"));
    assert_eq!(r.headline.as_deref(), Some("Programmer"));
    assert_eq!(r.email.as_deref(), Some("richard.hendriks@mail.com"));
    assert_eq!(r.phone.as_deref(), Some("(912) 555-4321"));
    assert_eq!(r.location.as_deref(), Some("San Francisco, California, US"));
    assert_eq!(
        r.links,
        vec![
            Link {
                url: "http://richardhendricks.example.com".into(),
                network: None
            },
            Link {
                url: "https://twitter.com/neutralthoughts".into(),
                network: Some("Twitter".into())
            },
            Link {
                url: "https://soundcloud.example.com/dandymusicnl".into(),
                network: Some("SoundCloud".into())
            },
        ]
    );
    let s = &r.sections;
    assert!(
        s.summary
            .as_deref()
            .is_some_and(|t| t.starts_with("Richard hails from Tulsa"))
    );

    let [job] = s.experience.as_slice() else {
        panic!("one job: {:?}", s.experience)
    };
    assert_eq!(job.title, "CEO/President");
    assert_eq!(job.company, "Pied Piper");
    assert_eq!(job.dates, "Dec 2013 – Dec 2014");
    assert_eq!(
        (job.start, job.end),
        (Some(ym(2013, 12)), Some(ym(2014, 12)))
    );
    assert_eq!(job.location.as_deref(), Some("Palo Alto, CA"));
    assert!(
        job.description
            .as_deref()
            .is_some_and(|d| d.starts_with("Pied Piper is"))
    );
    assert_eq!(job.bullets.len(), 3);

    let [school] = s.education.as_slice() else {
        panic!("one school: {:?}", s.education)
    };
    assert_eq!(school.degree, "Bachelor, Information Technology");
    assert_eq!(school.field.as_deref(), Some("Information Technology"));
    assert_eq!(school.institution, "University of Oklahoma");
    assert_eq!(school.year, "2014");
    assert_eq!(
        (school.start, school.end),
        (Some(ym(2011, 6)), Some(ym(2014, 1)))
    );
    assert_eq!(school.gpa.as_deref(), Some("4.0"));
    assert_eq!(
        school.details,
        strings(&["DB1101 - Basic SQL", "CS2011 - Java Introduction"])
    );

    assert_eq!(
        s.skills,
        strings(&["HTML", "CSS", "Javascript", "Mpeg", "MP4", "GIF"])
    );
    assert_eq!(s.skill_groups.len(), 2);
    assert_eq!(s.skill_groups[1].name.as_deref(), Some("Compression"));
    assert_eq!(
        s.languages,
        vec![Language {
            language: "English".into(),
            fluency: Some("Native Speaker".into())
        }]
    );
    assert_eq!(
        s.projects,
        vec![Project {
            name: "Miss Direction".into(),
            description: Some("A mapping engine that misguides you".into()),
            url: Some("missdirection.example.com".into()),
            dates: Some("Aug 2016".into()),
            bullets: strings(&[
                "Won award at AIHacks 2016",
                "Built by all women team of newbie programmers"
            ]),
        }]
    );
    assert_eq!(
        s.certifications,
        vec![Certification {
            name: "Certified Compression Expert".into(),
            issuer: Some("Hooli".into()),
            date: Some("Mar 2015".into()),
        }]
    );
    let other: Vec<(&str, Vec<&str>)> = s
        .other
        .iter()
        .map(|o| {
            (
                o.title.as_str(),
                o.lines.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        other,
        vec![
            (
                "Awards",
                vec![
                    "Digital Compression Pioneer Award — Techcrunch (Nov 2014)",
                    "There is no spoon."
                ]
            ),
            (
                "Volunteering",
                vec![
                    "Teacher at CoderDojo (Jan 2012 – Jan 2013)",
                    "Global movement of free coding clubs for young people.",
                    "Awarded 'Teacher of the Month'",
                ]
            ),
            (
                "Publications",
                vec![
                    "Video compression for 3d media — Hooli (Oct 2014)",
                    "Innovative middle-out compression algorithm that changes the way we store data.",
                ]
            ),
            ("Interests", vec!["Wildlife: Ferrets, Unicorns"]),
            (
                "References",
                vec!["Erlich Bachman: It is my pleasure to recommend Richard."]
            ),
        ]
    );
    for text in [
        "Richard Hendriks",
        "EXPERIENCE",
        "CEO/President — Pied Piper",
        "SKILLS",
        "REFERENCES",
    ] {
        assert!(
            r.raw_text.contains(text),
            "raw_text lacks {text:?}:\n{}",
            r.raw_text
        );
    }
    Ok(())
}

#[test]
fn hendriks_sample_survives_export_and_reimport() -> Result<(), ModelError> {
    let first = from_json_resume(&parse(HENDRIKS)?)?;
    let second = from_json_resume(&to_json_resume(&first))?;
    assert_eq!(second.name, first.name);
    assert_eq!(second.location, first.location);
    assert_eq!(second.links, first.links);
    assert_eq!(second.sections.experience, first.sections.experience);
    assert_eq!(second.sections.education, first.sections.education);
    assert_eq!(second.sections.skill_groups, first.sections.skill_groups);
    assert_eq!(second.sections.projects, first.sections.projects);
    assert_eq!(
        second.sections.certifications,
        first.sections.certifications
    );
    assert_eq!(second.sections.other, first.sections.other);
    Ok(())
}

#[test]
fn imports_older_and_looser_variants() -> Result<(), ModelError> {
    let doc = json!({
        "basics": { "name": "Jo", "website": "https://jo.example.com", "location": "Berlin",
                    "profiles": [{ "network": "GitHub", "username": "jo" }] },
        "work": [
            { "company": "Acme", "position": "Dev", "startDate": "2020", "highlights": null },
            { "name": "Initech", "startDate": "Mar 2017", "endDate": "2019-02-28",
              "location": { "city": "Austin", "region": "TX" } }
        ],
        "education": [{ "institution": "TU", "studyType": "MSc in Physics", "area": "Physics",
                        "endDate": "2016", "gpa": 1.3 }],
        "skills": [{ "name": "Rust", "level": "Expert" }, { "name": "Go" },
                   { "name": "Tools", "keywords": ["Git", "Rust"] }],
        "languages": [{ "name": "German" }]
    });
    let r = from_json_resume(&doc)?;
    assert_eq!(r.location.as_deref(), Some("Berlin"));
    assert_eq!(
        r.links,
        vec![
            Link {
                url: "https://jo.example.com".into(),
                network: None
            },
            Link {
                url: "https://github.com/jo".into(),
                network: Some("GitHub".into())
            },
        ]
    );
    let work = &r.sections.experience;
    assert_eq!(work[0].company, "Acme");
    assert_eq!(work[0].dates, "2020 – Present");
    assert_eq!(work[0].end, Some(ResumeDate::Present));
    assert!(work[0].bullets.is_empty());
    assert_eq!(work[1].dates, "Mar 2017 – Feb 2019");
    assert_eq!(work[1].location.as_deref(), Some("Austin, TX"));
    let school = &r.sections.education[0];
    assert_eq!(school.degree, "MSc in Physics");
    assert_eq!(school.year, "2016");
    assert_eq!(school.gpa.as_deref(), Some("1.3"));
    assert_eq!(r.sections.skills, strings(&["Rust", "Go", "Git"]));
    assert_eq!(
        r.sections.skill_groups,
        vec![
            SkillGroup {
                name: None,
                skills: strings(&["Rust", "Go"])
            },
            SkillGroup {
                name: Some("Tools".into()),
                skills: strings(&["Git", "Rust"])
            },
        ]
    );
    assert_eq!(r.sections.languages[0].language, "German");
    Ok(())
}

fn import_error(doc: &Value) -> String {
    match from_json_resume(doc) {
        Err(ModelError::InvalidJsonResume(message)) => message,
        other => panic!("expected InvalidJsonResume, got {other:?}"),
    }
}

#[test]
fn reports_bad_documents_with_the_field_path() {
    assert_eq!(
        import_error(&json!([1, 2])),
        "expected a JSON object at the top level"
    );
    assert_eq!(
        import_error(&json!("resume")),
        "expected a JSON object at the top level"
    );
    assert_eq!(
        import_error(&json!({ "work": {} })),
        "work: expected an array"
    );
    assert_eq!(
        import_error(&json!({ "work": [{}, {}, { "startDate": "soon" }] })),
        "work[2].startDate: not a date: \"soon\""
    );
    assert_eq!(
        import_error(&json!({ "education": [{ "endDate": 2020 }] })),
        "education[0].endDate: not a date: 2020"
    );
    assert_eq!(
        import_error(&json!({ "basics": [] })),
        "basics: expected an object"
    );
    assert_eq!(
        import_error(&json!({ "basics": { "profiles": [{ "url": ["x"] }] } })),
        "basics.profiles[0].url: expected a string"
    );
    assert_eq!(
        import_error(&json!({ "skills": [{ "keywords": [true] }] })),
        "skills[0].keywords[0]: expected a string"
    );
    assert_eq!(
        import_error(&json!({ "projects": [3] })),
        "projects[0]: expected an object"
    );
}

#[test]
fn empty_document_imports_as_an_empty_resume() -> Result<(), ModelError> {
    assert_eq!(from_json_resume(&json!({}))?, Resume::default());
    Ok(())
}

fn date() -> impl Strategy<Value = ResumeDate> {
    prop_oneof![
        (0u16..=9999, 1u8..=12).prop_map(|(year, month)| ResumeDate::YearMonth { year, month }),
        (0u16..=9999).prop_map(ResumeDate::Year),
    ]
}

/// Start and end dates in the shapes JSON Resume can carry: an open end
/// needs a start, and a start without an end is read as open.
fn date_pair() -> impl Strategy<Value = (Option<ResumeDate>, Option<ResumeDate>)> {
    prop_oneof![
        Just((None, None)),
        date().prop_map(|end| (None, Some(end))),
        (date(), prop_oneof![date(), Just(ResumeDate::Present)])
            .prop_map(|(start, end)| (Some(start), Some(end))),
    ]
}

fn experience() -> impl Strategy<Value = Experience> {
    (
        "\\PC{0,12}",
        "\\PC{0,12}",
        date_pair(),
        prop::collection::vec("\\PC{0,12}", 0..4),
    )
        .prop_map(|(title, company, (start, end), bullets)| Experience {
            title,
            company,
            start,
            end,
            bullets,
            ..Experience::default()
        })
}

/// Blank text is written as an absent field and read back as absent.
fn without_blank(text: &str) -> String {
    if text.trim().is_empty() {
        String::new()
    } else {
        text.to_owned()
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,8}".prop_map(Value::from),
        "[0-9]{4}(-[0-9]{1,2}){0,2}".prop_map(Value::from),
    ];
    let key = prop_oneof![
        prop::sample::select(vec![
            "basics",
            "work",
            "education",
            "skills",
            "projects",
            "certificates",
            "languages",
            "awards",
            "volunteer",
            "publications",
            "interests",
            "references",
            "meta",
            "x-resume-engine",
            "other",
            "lines",
            "title",
            "name",
            "location",
            "profiles",
            "url",
            "startDate",
            "endDate",
            "date",
            "releaseDate",
            "keywords",
            "highlights",
            "courses",
        ])
        .prop_map(str::to_owned),
        "\\PC{0,4}",
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn exported_resumes_import_back(
        name in proptest::option::of("\\PC{0,16}"),
        email in proptest::option::of("\\PC{0,16}"),
        experience in prop::collection::vec(experience(), 0..4),
    ) {
        let resume = Resume {
            name: name.clone(),
            email: email.clone(),
            sections: Sections { experience: experience.clone(), ..Sections::default() },
            ..Resume::default()
        };
        let back = from_json_resume(&to_json_resume(&resume));
        prop_assert!(back.is_ok(), "{back:?}");
        let back = back.unwrap_or_default();
        let present = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        prop_assert_eq!(back.name, present(name));
        prop_assert_eq!(back.email, present(email));
        prop_assert_eq!(back.sections.experience.len(), experience.len());
        for (got, want) in back.sections.experience.iter().zip(&experience) {
            prop_assert_eq!(&got.title, &without_blank(&want.title));
            prop_assert_eq!(&got.company, &without_blank(&want.company));
            prop_assert_eq!((got.start, got.end), (want.start, want.end));
            let bullets: Vec<&String> =
                want.bullets.iter().filter(|b| !b.trim().is_empty()).collect();
            prop_assert_eq!(got.bullets.iter().collect::<Vec<_>>(), bullets);
        }
    }

    #[test]
    fn importing_a_damaged_export_never_panics(
        pointer in prop::sample::select(vec![
            "/basics", "/basics/name", "/basics/location", "/basics/location/city",
            "/basics/profiles", "/basics/profiles/0", "/basics/profiles/1/url", "/work",
            "/work/0", "/work/0/startDate", "/work/1/endDate", "/work/0/highlights/1",
            "/education/0/studyType", "/education/0/courses", "/skills/0/keywords",
            "/projects/0/startDate", "/certificates/0/date", "/languages/1", "/awards/0",
            "/volunteer/0/organization", "/interests/0/keywords/0", "/meta",
            "/meta/x-resume-engine", "/meta/x-resume-engine/other/0/lines",
        ]),
        replacement in json_value(),
    ) {
        let mut doc = to_json_resume(&rich_resume());
        if let Some(slot) = doc.pointer_mut(pointer) {
            *slot = replacement;
        }
        match from_json_resume(&doc) {
            Ok(_) | Err(ModelError::InvalidJsonResume(_)) => {}
            Err(other) => prop_assert!(false, "unexpected error {other:?}"),
        }
    }

    #[test]
    fn importing_any_json_never_panics(doc in json_value()) {
        match from_json_resume(&doc) {
            Ok(_) => prop_assert!(doc.is_object()),
            Err(ModelError::InvalidJsonResume(message)) => prop_assert!(!message.is_empty()),
            Err(other) => prop_assert!(false, "unexpected error {other:?}"),
        }
    }
}
