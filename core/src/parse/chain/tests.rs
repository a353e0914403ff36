use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{BuiltinParser, ExternalParserConfig, Parser, ParserChain};
use crate::engine::{Engine, EngineConfig, EngineError};
use crate::model::Resume;
use crate::parse::{ParseError, ParseLimits};

/// Plain text the built-in parser reads but finds no sections in.
const NO_SECTIONS: &[u8] = b"just a few words\n";

#[derive(Clone, Copy)]
enum Outcome {
    Sections,
    Nothing,
    Fails,
}

struct Fake {
    name: &'static str,
    outcome: Outcome,
    calls: AtomicUsize,
}

impl Fake {
    fn new(name: &'static str, outcome: Outcome) -> Arc<Self> {
        Arc::new(Self {
            name,
            outcome,
            calls: AtomicUsize::new(0),
        })
    }

    fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }
}

impl Parser for Fake {
    fn name(&self) -> &str {
        self.name
    }

    fn parse(&self, _bytes: &[u8], _limits: &ParseLimits) -> Result<Resume, ParseError> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        let mut resume = Resume {
            name: Some(self.name.to_owned()),
            ..Resume::default()
        };
        match self.outcome {
            Outcome::Sections => resume.sections.skills.push("Rust".into()),
            Outcome::Nothing => {}
            Outcome::Fails => return Err(ParseError::external(self.name, "fake failure")),
        }
        Ok(resume)
    }
}

fn builtin() -> ParserChain {
    ParserChain::new(Arc::new(BuiltinParser))
}

fn sample_docx() -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fixtures/sample-resume.docx"
    );
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn first_fails_second_used() {
    let chain =
        ParserChain::new(Fake::new("a", Outcome::Fails)).then(Fake::new("b", Outcome::Sections));
    let parsed = chain
        .parse(b"x", &ParseLimits::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed.parser, "b");
    assert_eq!(parsed.resume.name.as_deref(), Some("b"));
    let failed: Vec<&str> = parsed.failures.iter().map(|f| f.parser.as_str()).collect();
    assert_eq!(failed, ["a"]);
}

#[test]
fn builtin_with_no_sections_falls_back() {
    let limits = ParseLimits::default();
    let alone = builtin()
        .parse(NO_SECTIONS, &limits)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(alone.parser, "builtin");

    let fallback = Fake::new("fallback", Outcome::Sections);
    let chain = builtin().then(fallback.clone());
    let parsed = chain
        .parse(NO_SECTIONS, &limits)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed.parser, "fallback");
    assert!(parsed.failures.is_empty());
    assert_eq!(fallback.calls(), 1);
}

#[test]
fn builtin_with_sections_skips_fallbacks() {
    let fallback = Fake::new("fallback", Outcome::Sections);
    let chain = builtin().then(fallback.clone());
    let parsed = chain
        .parse(&sample_docx(), &ParseLimits::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed.parser, "builtin");
    assert_eq!(fallback.calls(), 0);
}

#[test]
fn all_fail_returns_the_builtin_error() {
    let chain = builtin()
        .then(Fake::new("a", Outcome::Fails))
        .then(Fake::new("b", Outcome::Fails));
    let err = chain.parse(b"", &ParseLimits::default()).err();
    assert!(matches!(err, Some(ParseError::Empty)), "{err:?}");
}

#[test]
fn nothing_found_anywhere_keeps_the_builtin_result() {
    let other = Fake::new("other", Outcome::Nothing);
    let chain = builtin().then(other.clone());
    let parsed = chain
        .parse(NO_SECTIONS, &ParseLimits::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed.parser, "builtin");
    assert_eq!(other.calls(), 1);
}

#[test]
fn builtin_fails_and_fallback_finds_nothing_keeps_the_partial_result() {
    let chain = builtin()
        .then(Fake::new("a", Outcome::Fails))
        .then(Fake::new("b", Outcome::Nothing))
        .then(Fake::new("c", Outcome::Nothing));
    let parsed = chain
        .parse(b"", &ParseLimits::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed.parser, "b");
    let failed: Vec<&str> = parsed.failures.iter().map(|f| f.parser.as_str()).collect();
    assert_eq!(failed, ["builtin", "a"]);
    assert!(matches!(parsed.failures[0].error, ParseError::Empty));
}

#[test]
fn later_sections_beat_an_earlier_partial_result() {
    let last = Fake::new("last", Outcome::Sections);
    let after = Fake::new("after", Outcome::Sections);
    let chain = ParserChain::new(Fake::new("first", Outcome::Nothing))
        .then(Fake::new("second", Outcome::Fails))
        .then(last.clone())
        .then(after.clone());
    let parsed = chain
        .parse(b"x", &ParseLimits::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed.parser, "last");
    assert_eq!((last.calls(), after.calls()), (1, 0));
}

#[test]
fn engine_appends_custom_parsers_after_the_builtin() {
    let engine = Engine::builder()
        .parser(Fake::new("custom", Outcome::Sections))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = engine.parser_chain().names().collect();
    assert_eq!(names, ["builtin", "custom"]);
    let parsed = engine
        .parse_detailed(NO_SECTIONS)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed.parser, "custom");
}

#[test]
fn engine_returns_the_builtin_error_when_all_fail() {
    let engine = Engine::builder()
        .parser(Fake::new("custom", Outcome::Fails))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let err = engine.parse(b"").err();
    assert!(
        matches!(err, Some(EngineError::Parse(ParseError::Empty))),
        "{err:?}"
    );
}

#[test]
fn default_engine_has_only_the_builtin_parser() {
    let engine = Engine::builder().build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        engine.parser_chain().names().collect::<Vec<_>>(),
        ["builtin"]
    );
    assert_eq!(engine.config().external_parser, None);
}

#[test]
fn external_parser_config_defaults() {
    let config: EngineConfig =
        serde_json::from_str(r#"{"external_parser": {"endpoint": "http://127.0.0.1:9/parse"}}"#)
            .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        config.external_parser,
        Some(ExternalParserConfig::new("http://127.0.0.1:9/parse"))
    );
    let external = config
        .external_parser
        .unwrap_or_else(|| panic!("no external parser"));
    assert_eq!((external.timeout_ms, external.api_key_env), (10_000, None));
}

#[cfg(not(feature = "http-parser"))]
#[test]
fn external_parser_without_the_feature_is_a_config_error() {
    let err = Engine::builder()
        .external_parser(ExternalParserConfig::new("http://127.0.0.1:9/parse"))
        .build()
        .err();
    match err {
        Some(EngineError::Config(reason)) => {
            assert_eq!(reason, "external_parser needs the http-parser feature");
        }
        other => panic!("expected a config error, got {other:?}"),
    }
}
