//! Hostile and broken input ends in a typed error, quickly, never a panic.

use std::io::{Cursor, Write};

use resume_engine::{Engine, EngineError, ParseError};
use resume_engine_tests::fixtures;
use zip::write::SimpleFileOptions;

fn parse(bytes: &[u8]) -> Result<resume_engine::Resume, EngineError> {
    Engine::builder()
        .build()
        .and_then(|engine| engine.parse(bytes))
}

fn parse_error(bytes: &[u8]) -> ParseError {
    match parse(bytes) {
        Err(EngineError::Parse(e)) => e,
        other => panic!("expected a parse error, got {other:?}"),
    }
}

fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        writer
            .start_file(*name, options)
            .unwrap_or_else(|e| panic!("{e}"));
        writer.write_all(data).unwrap_or_else(|e| panic!("{e}"));
    }
    writer
        .finish()
        .unwrap_or_else(|e| panic!("{e}"))
        .into_inner()
}

#[test]
fn zip_bomb_docx_hits_the_expansion_limit() {
    let zeros = vec![b' '; 80 * 1024 * 1024];
    let bomb = zip_with(&[("word/document.xml", &zeros)]);
    assert!(bomb.len() < 1024 * 1024, "the bomb should be small on disk");
    let err = parse_error(&bomb);
    assert!(
        matches!(
            err,
            ParseError::LimitExceeded { .. } | ParseError::Corrupt { .. }
        ),
        "{err}"
    );
}

#[test]
fn too_many_zip_entries_is_refused() {
    let names: Vec<String> = (0..5000).map(|i| format!("junk/{i}.xml")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let err = parse_error(&zip_with(&entries));
    assert!(matches!(err, ParseError::LimitExceeded { .. }), "{err}");
}

#[test]
fn truncated_docx_is_corrupt() {
    let bytes = std::fs::read(fixtures().join("sample-resume.docx")).unwrap_or_default();
    for cut in [bytes.len() / 2, bytes.len() - 30, 40] {
        let err = parse_error(&bytes[..cut]);
        assert!(
            matches!(err, ParseError::Corrupt { .. }),
            "cut at {cut}: {err}"
        );
        assert!(err.to_string().contains("DOCX"), "{err}");
    }
}

#[test]
fn zip_that_is_not_a_docx_says_so() {
    let err = parse_error(&zip_with(&[("xl/workbook.xml", b"<workbook/>")]));
    assert!(matches!(err, ParseError::UnsupportedFormat { .. }), "{err}");
    assert!(err.to_string().contains("XLSX"), "{err}");
}

#[test]
fn legacy_doc_images_and_empty_input_are_refused() {
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
    assert!(matches!(parse_error(&ole), ParseError::LegacyDoc));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let err = parse_error(png);
    assert_eq!(err.to_string(), "not a PDF or DOCX (detected: PNG image)");
    assert!(matches!(parse_error(b""), ParseError::Empty));
    assert!(matches!(parse_error(b"   \n\n  "), ParseError::Empty));
}

#[test]
fn input_over_the_size_limit_is_refused_before_reading() {
    let engine = Engine::builder()
        .max_input_bytes(1024)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let err = engine.parse(&vec![b'a'; 2048]).err();
    assert!(
        matches!(
            err,
            Some(EngineError::Parse(ParseError::TooLarge {
                size: 2048,
                limit: 1024
            }))
        ),
        "{err:?}"
    );
    let big = Engine::builder().build().unwrap_or_else(|e| panic!("{e}"));
    let err = big
        .parse(&vec![b'a'; 10 * 1024 * 1024 + 1])
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some("input exceeds 10 MiB (got 10485761 bytes)")
    );
}

#[test]
fn malformed_document_xml_is_corrupt() {
    let err = parse_error(&zip_with(&[(
        "word/document.xml",
        b"<w:document><w:body><w:p>",
    )]));
    assert!(
        matches!(err, ParseError::Corrupt { .. } | ParseError::Empty),
        "{err}"
    );
}

#[test]
fn invalid_resume_json_is_a_typed_error() {
    let err = resume_engine::Resume::from_json("{\"name\": 42").err();
    assert!(
        matches!(err, Some(resume_engine::model::ModelError::InvalidJson(_))),
        "{err:?}"
    );
}

#[test]
fn zero_size_limit_is_a_config_error() {
    let err = Engine::builder().max_input_bytes(0).build().err();
    assert!(matches!(err, Some(EngineError::Config(_))), "{err:?}");
}
