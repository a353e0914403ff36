//! Rendering end to end: every template's output read back by our own
//! parser (golden snapshots), text that looks like Typst markup printed
//! literally, missing fields, very long resumes and non-Latin names.

use std::time::{Duration, Instant};

use resume_engine::model::{Experience, Resume};
use resume_engine::render::{BuiltinTemplate, RenderLimits};
use resume_engine::{Engine, EngineError, OutputFormat, RenderError, Template};
use resume_engine_tests::fixtures;

const FORMATS: [OutputFormat; 2] = [OutputFormat::Pdf, OutputFormat::Docx];

fn engine() -> Engine {
    Engine::builder().build().unwrap_or_else(|e| panic!("{e}"))
}

fn sample() -> Resume {
    let path = fixtures().join("render/sample.json");
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    Resume::from_json(&json).unwrap_or_else(|e| panic!("{e}"))
}

fn render(
    engine: &Engine,
    resume: &Resume,
    template: BuiltinTemplate,
    format: OutputFormat,
) -> Vec<u8> {
    engine
        .render(resume, &template.into(), format)
        .unwrap_or_else(|e| panic!("{template} {format}: {e}"))
}

/// Renders and parses back.
fn round_trip(
    engine: &Engine,
    resume: &Resume,
    template: BuiltinTemplate,
    format: OutputFormat,
) -> Resume {
    let document = render(engine, resume, template, format);
    engine
        .parse(&document)
        .unwrap_or_else(|e| panic!("parse {template} {format}: {e}"))
}

#[test]
fn golden_text_of_every_template() {
    let engine = engine();
    let resume = sample();
    for template in BuiltinTemplate::ALL {
        for format in FORMATS {
            let back = round_trip(&engine, &resume, template, format);
            insta::assert_json_snapshot!(format!("render-{template}.{format}"), back);
        }
    }
}

#[test]
fn the_sample_comes_back_field_for_field() {
    let engine = engine();
    let resume = sample();
    for template in BuiltinTemplate::ALL {
        for format in FORMATS {
            let back = round_trip(&engine, &resume, template, format);
            let at = format!("{template} {format}");
            assert_eq!(back.name, resume.name, "{at}");
            assert_eq!(back.email, resume.email, "{at}");
            assert_eq!(back.phone, resume.phone, "{at}");
            assert_eq!(back.sections.summary, resume.sections.summary, "{at}");
            let jobs = |r: &Resume| -> Vec<(String, String, Vec<String>)> {
                let e = &r.sections.experience;
                e.iter()
                    .map(|j| (j.title.clone(), j.company.clone(), j.bullets.clone()))
                    .collect()
            };
            assert_eq!(jobs(&back), jobs(&resume), "{at}");
            let dates = |r: &Resume| -> Vec<_> {
                r.sections
                    .experience
                    .iter()
                    .map(|j| (j.start, j.end))
                    .collect()
            };
            assert_eq!(dates(&back), dates(&resume), "{at}");
            assert_eq!(back.sections.skills, resume.sections.skills, "{at}");
        }
    }
}

const INJECTIONS: [&str; 8] = [
    r#"#read("/etc/passwd")"#,
    "#{ while true {} }",
    "#for x in range(30000000) [x]",
    "Rust ] * _ $ @ < > ` \\ ~ #strong[bold]",
    "<label> @ref $x^2$ *not bold* _not italic_",
    "= Not a heading",
    "// not a comment /* nor this */",
    r#"#import "/data.json": *"#,
];

fn injected() -> Resume {
    let mut resume = sample();
    resume.name = Some("Eve #set page(width: 1pt) Mallory".into());
    resume.headline = Some(INJECTIONS[0].into());
    resume.sections.summary = Some(INJECTIONS[1].into());
    resume.sections.experience[0].bullets = INJECTIONS.iter().map(|s| s.to_string()).collect();
    resume
}

#[test]
fn markup_in_resume_text_is_printed_literally() {
    let engine = engine();
    let resume = injected();
    for template in BuiltinTemplate::ALL {
        for format in FORMATS {
            let started = Instant::now();
            let back = round_trip(&engine, &resume, template, format);
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{template} {format} ran code"
            );
            let text = back.raw_text.replace('\n', " ");
            for injection in INJECTIONS {
                assert!(
                    text.contains(injection),
                    "{template} {format}: {injection:?} not in {text}"
                );
            }
            assert!(!text.contains("root:"), "{template} {format} read a file");
        }
    }
}

#[test]
fn a_custom_template_reads_the_data_and_nothing_else() {
    let engine = engine();
    let custom = Template::custom(
        "#import \"/resume.typ\": *\n#set document(..pdf-metadata)\n= #data.name\n#for e in data.experience [- #e.title at #e.org]",
    );
    let pdf = engine
        .render(&sample(), &custom, OutputFormat::Pdf)
        .unwrap_or_else(|e| panic!("{e}"));
    let back = engine.parse(&pdf).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        back.raw_text
            .contains("Senior Product Engineer at Tagus Freight")
    );
    let snooping = Template::custom("#read(\"/etc/passwd\")");
    let error = engine.render(&sample(), &snooping, OutputFormat::Pdf);
    assert!(
        matches!(error, Err(EngineError::Render(RenderError::Template(_)))),
        "{error:?}"
    );
    let broken = engine.render(&sample(), &Template::custom("#let"), OutputFormat::Pdf);
    assert!(matches!(
        broken,
        Err(EngineError::Render(RenderError::Template(_)))
    ));
}

#[test]
fn missing_fields_render_gracefully() {
    let engine = engine();
    let mut sparse = Resume {
        name: Some("Only A. Name".into()),
        ..Resume::default()
    };
    sparse.sections.experience.push(Experience {
        company: "Acme Corp".into(),
        bullets: vec!["Did the work".into()],
        ..Experience::default()
    });
    for resume in [Resume::default(), sparse] {
        for template in BuiltinTemplate::ALL {
            for format in FORMATS {
                let document = render(&engine, &resume, template, format);
                assert!(!document.is_empty(), "{template} {format}");
            }
        }
    }
}

/// Distinct words, so no line repeats at the same place on every page (the
/// parser drops such lines as running headers).
const WORDS: [&str; 8] = [
    "Harbour", "Granite", "Willow", "Copper", "Meridian", "Falcon", "Juniper", "Atlas",
];
const KINDS: [&str; 5] = ["Logistics", "Analytics", "Foods", "Energy", "Media"];

fn long_resume(jobs: usize) -> Resume {
    let mut resume = sample();
    let job = resume.sections.experience[0].clone();
    resume.sections.experience = (0..jobs)
        .map(|i| {
            let (a, b) = (WORDS[i % 8], KINDS[(i / 8) % 5]);
            Experience {
                company: format!("{a} {b}"),
                bullets: (0..3 + i % 4)
                    .map(|n| {
                        format!(
                            "Grew {b} revenue with the {a} team{}",
                            " and partners".repeat(n * 3 % 7)
                        )
                    })
                    .collect(),
                ..job.clone()
            }
        })
        .collect();
    resume.name =
        Some("Maximilian Alexander Konstantin Wolfeschlegelsteinhausen-Bergerdorff".into());
    resume.links.push(resume_engine::model::Link {
        url:
            "https://example.com/a/very/long/path/that/goes/on/and/on/and/never/seems/to/end/at/all"
                .into(),
        network: None,
    });
    resume
}

#[test]
fn very_long_resumes_render_and_limits_hold() {
    let engine = engine();
    let resume = long_resume(40);
    for template in BuiltinTemplate::ALL {
        let back = round_trip(&engine, &resume, template, OutputFormat::Pdf);
        assert_eq!(back.sections.experience.len(), 40, "{template}");
    }
    let tight = Engine::builder()
        .render_limits(RenderLimits {
            max_pages: 2,
            ..RenderLimits::default()
        })
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let error = tight.render(&resume, &BuiltinTemplate::Classic.into(), OutputFormat::Pdf);
    assert!(
        matches!(error, Err(EngineError::Render(RenderError::Limit { .. }))),
        "{error:?}"
    );
}

#[test]
fn unicode_names_come_back() {
    let engine = engine();
    for name in [
        "Nguyễn Văn An",
        "Zoë Ångström",
        "Małgorzata Wiśniewska",
        "Çağla Şahin",
        "Ólafur Þórsson",
    ] {
        let mut resume = sample();
        resume.name = Some(name.into());
        for template in BuiltinTemplate::ALL {
            for format in FORMATS {
                let back = round_trip(&engine, &resume, template, format);
                assert_eq!(back.name.as_deref(), Some(name), "{template} {format}");
            }
        }
    }
}

#[test]
fn unknown_names_are_typed_errors() {
    assert!(matches!(
        Template::named("fancy"),
        Err(RenderError::UnknownTemplate(_))
    ));
    assert!(matches!(
        "rtf".parse::<OutputFormat>(),
        Err(RenderError::UnknownFormat(_))
    ));
}
