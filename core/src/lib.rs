//! # resume-engine
//!
//! An embeddable resume engine: parse a resume (PDF, DOCX or plain text) into
//! structured data, score it (a deterministic 100-point analysis with the
//! issues and fixes behind every lost point), render it to PDF or DOCX
//! ([`Engine::render`], module [`render`]), and, in later stages, improve it.
//!
//! ```
//! use resume_engine::Engine;
//!
//! let engine = Engine::builder().max_input_bytes(5 * 1024 * 1024).build()?;
//! let bytes = std::fs::read("../fixtures/sample-resume.docx")?;
//! let resume = engine.parse(&bytes)?;
//! assert_eq!(resume.email.as_deref(), Some("ana.ferreira@example.pt"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod engine;
pub mod improve;
pub mod jobs;
pub mod model;
pub mod parse;
pub mod render;
pub mod score;
pub mod storage;
#[cfg(feature = "typescript")]
pub mod typescript;

pub use engine::{Engine, EngineBuilder, EngineConfig, EngineError};
pub use model::Resume;
pub use parse::ParseError;
pub use render::{OutputFormat, RenderError, Template};
pub use score::{Analysis, ScoreError, Scorer, StandardScorer};

/// The README's examples, compiled and run as documentation tests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
