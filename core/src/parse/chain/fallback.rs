//! Running parsers in order until one finds a resume with sections.

use std::sync::Arc;

use super::{BuiltinParser, Parser};
use crate::model::Resume;
use crate::parse::{ParseError, ParseLimits};

/// Parsers tried in order: the first result that has sections wins.
///
/// When none has sections, the first successful result is returned; when all
/// fail, the first parser's error (for the default chain, the built-in
/// parser's: the input itself is the likely problem).
#[derive(Debug, Clone)]
pub struct ParserChain {
    first: Arc<dyn Parser>,
    fallbacks: Vec<Arc<dyn Parser>>,
}

/// A resume and where it came from.
#[derive(Debug)]
#[non_exhaustive]
pub struct Parsed {
    /// The parsed resume.
    pub resume: Resume,
    /// [`Parser::name`] of the parser that produced it.
    pub parser: String,
    /// Parsers that were tried and failed, in chain order.
    pub failures: Vec<ParserFailure>,
}

/// A parser of the chain that failed while another one produced the result.
#[derive(Debug)]
#[non_exhaustive]
pub struct ParserFailure {
    /// [`Parser::name`] of the failing parser.
    pub parser: String,
    /// Why it failed.
    pub error: ParseError,
}

impl ParserChain {
    /// A chain that starts with `first`.
    pub fn new(first: Arc<dyn Parser>) -> Self {
        Self {
            first,
            fallbacks: Vec::new(),
        }
    }

    /// Appends a fallback, tried after every parser already in the chain.
    pub fn then(mut self, parser: Arc<dyn Parser>) -> Self {
        self.fallbacks.push(parser);
        self
    }

    /// The names of the parsers, in the order they are tried.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&self.first)
            .chain(&self.fallbacks)
            .map(|p| p.name())
    }

    /// Runs the parsers in order, stopping at the first result with sections.
    pub fn parse(&self, bytes: &[u8], limits: &ParseLimits) -> Result<Parsed, ParseError> {
        self.parse_after(bytes, limits, self.first.parse(bytes, limits))
    }

    /// Like [`ParserChain::parse`], given the first parser's outcome (for a
    /// caller that already ran it), so the first parser does not run twice.
    pub(crate) fn parse_after(
        &self,
        bytes: &[u8],
        limits: &ParseLimits,
        first: Result<Resume, ParseError>,
    ) -> Result<Parsed, ParseError> {
        let mut failures = Vec::new();
        // The best outcome so far: the first result without sections, else
        // the first parser's error.
        let mut best = match first {
            Ok(resume) if has_sections(&resume) => {
                return Ok(parsed(resume, &*self.first, failures));
            }
            outcome => outcome.map(|resume| (&*self.first, resume)),
        };
        for parser in &self.fallbacks {
            match parser.parse(bytes, limits) {
                Err(error) => failures.push(failure(&**parser, error)),
                Ok(resume) => {
                    let done = has_sections(&resume);
                    if done || best.is_err() {
                        if let Err(error) = std::mem::replace(&mut best, Ok((&**parser, resume))) {
                            failures.insert(0, failure(&*self.first, error));
                        }
                    }
                    if done {
                        break;
                    }
                }
            }
        }
        best.map(|(parser, resume)| parsed(resume, parser, failures))
    }
}

impl Default for ParserChain {
    /// The built-in parser alone.
    fn default() -> Self {
        Self::new(Arc::new(BuiltinParser))
    }
}

/// Whether the resume has any content section: experience, education,
/// skills or a summary.
fn has_sections(resume: &Resume) -> bool {
    let sections = &resume.sections;
    !sections.experience.is_empty()
        || !sections.education.is_empty()
        || !sections.skills.is_empty()
        || sections
            .summary
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty())
}

fn parsed(resume: Resume, parser: &dyn Parser, failures: Vec<ParserFailure>) -> Parsed {
    Parsed {
        resume,
        parser: parser.name().to_owned(),
        failures,
    }
}

fn failure(parser: &dyn Parser, error: ParseError) -> ParserFailure {
    ParserFailure {
        parser: parser.name().to_owned(),
        error,
    }
}
