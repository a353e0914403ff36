//! The engine facade: the single entry point for the CLI and the bindings.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use thiserror::Error;

mod analyze;
mod error_code;
mod improve;
mod job_request;
mod jobs;
mod stores;

pub use analyze::LoadedResume;
pub use job_request::JobRequest;
pub use jobs::{DEFAULT_WAIT, WorkerHandle};

use crate::improve::{ImproveConfig, ImproveError, Improver, improver_from_config};
use crate::jobs::JobStore;
use crate::model::{ModelError, Resume};
use crate::parse::chain::external_parser;
use crate::parse::{
    self, ExternalParserConfig, Format, ParseError, ParseLimits, Parsed, Parser, ParserChain,
    TextDocument,
};
use crate::render::{OutputFormat, RenderError, RenderLimits, Renderer, RendererSet, Template};
use crate::score::{ScoreError, Scorer, StandardScorer};
use crate::storage::BlobStore;

/// Engine settings as plain data, so they can come from code, a file or the
/// environment alike.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EngineConfig {
    /// Limits applied when reading documents.
    pub limits: ParseLimits,
    /// An external parser tried when the built-in one fails or finds no
    /// sections; `None` (the default) keeps parsing embedded and offline.
    /// Needs the `http-parser` feature.
    pub external_parser: Option<ExternalParserConfig>,
    /// Limits applied when rendering documents.
    pub render: RenderLimits,
    /// The improver: LLM providers (with an API key and the `llm` feature)
    /// or, by default, the offline rule-based one.
    pub improve: ImproveConfig,
}

impl EngineConfig {
    /// The default configuration, with the improver's providers and API
    /// keys read from the environment (see [`ImproveConfig::with_env`]).
    pub fn from_env() -> Self {
        Self {
            improve: ImproveConfig::default().with_env(),
            ..Self::default()
        }
    }
}

/// Errors of the engine layer.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum EngineError {
    /// The document could not be parsed.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// Resume data could not be read.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// A keyword target (pack or job description) could not be loaded.
    #[error(transparent)]
    Score(#[from] ScoreError),
    /// The resume could not be rendered.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// Improving failed (every provider failed, or a suggestion did not
    /// match the resume); the resume is unchanged.
    #[error(transparent)]
    Improve(#[from] ImproveError),
    /// The configuration is invalid.
    #[error("invalid configuration: {0}")]
    Config(String),
    /// A job could not be submitted or read (unknown id, backend failure).
    #[error(transparent)]
    Jobs(#[from] crate::jobs::JobsError),
    /// A job's input is incomplete or contradictory.
    #[error("invalid input: {0}")]
    InvalidInput(String),
}

/// The resume engine. Cheap to clone and safe to share across threads.
#[derive(Debug, Clone)]
pub struct Engine {
    config: EngineConfig,
    chain: ParserChain,
    scorer: Arc<dyn Scorer>,
    renderers: RendererSet,
    improver: Arc<dyn Improver>,
    jobs: jobs::JobParts,
}

impl Engine {
    /// Starts building an engine from the defaults.
    pub fn builder() -> EngineBuilder {
        EngineBuilder::default()
    }

    /// Builds an engine from a configuration.
    pub fn from_config(config: EngineConfig) -> Result<Self, EngineError> {
        Self::with_parts(config, Parts::default())
    }

    /// Builds an engine whose chain is the built-in parser, the configured
    /// external parser, then `extra` in order; `scorer` defaults to
    /// [`StandardScorer`].
    fn with_parts(config: EngineConfig, parts: Parts) -> Result<Self, EngineError> {
        let Parts {
            parsers: extra,
            scorer,
            renderers,
            improver,
            job_store,
            blob_store,
        } = parts;
        if config.limits.max_input_bytes == 0 {
            return Err(EngineError::Config(
                "limits.max_input_bytes must be greater than 0".into(),
            ));
        }
        let mut chain = ParserChain::default();
        if let Some(external) = &config.external_parser {
            chain = chain.then(external_parser(external).map_err(EngineError::Config)?);
        }
        let chain = extra.into_iter().fold(chain, ParserChain::then);
        let scorer = scorer.unwrap_or_else(|| Arc::new(StandardScorer::new()));
        let renderers = RendererSet::new(config.render, renderers);
        let improver = improver.unwrap_or_else(|| improver_from_config(&config.improve));
        let jobs = jobs::JobParts::new(job_store, blob_store)?;
        Ok(Self {
            config,
            chain,
            scorer,
            renderers,
            improver,
            jobs,
        })
    }

    /// The configuration in effect.
    pub fn config(&self) -> &EngineConfig {
        &self.config
    }

    /// Parses a resume from PDF, DOCX or plain-text bytes (the format is
    /// detected from the bytes), trying the fallback parsers when the
    /// built-in one fails or finds no sections.
    pub fn parse(&self, bytes: &[u8]) -> Result<Resume, EngineError> {
        Ok(self.parse_detailed(bytes)?.resume)
    }

    /// Like [`Engine::parse`], and also says which parser produced the
    /// resume and which ones failed on the way.
    pub fn parse_detailed(&self, bytes: &[u8]) -> Result<Parsed, EngineError> {
        Ok(self.chain.parse(bytes, &self.config.limits)?)
    }

    /// The parsers in the order they are tried.
    pub fn parser_chain(&self) -> &ParserChain {
        &self.chain
    }

    /// Reads a document into the lines and layout hints the recogniser sees,
    /// without recognising fields: useful to see why a field was missed.
    pub fn read_lines(&self, bytes: &[u8]) -> Result<(Format, TextDocument), EngineError> {
        Ok(parse::read_document(bytes, &self.config.limits)?)
    }

    /// Renders `resume` with `template` into a document of `format` (PDF
    /// through Typst, or DOCX).
    pub fn render(
        &self,
        resume: &Resume,
        template: &Template,
        format: OutputFormat,
    ) -> Result<Vec<u8>, EngineError> {
        Ok(self.renderers.get(format)?.render(resume, template)?)
    }
}

/// Builder for [`Engine`].
#[derive(Debug, Clone, Default)]
pub struct EngineBuilder {
    config: EngineConfig,
    parts: Parts,
}

/// The pluggable parts of an engine; `None` takes the default.
#[derive(Debug, Clone, Default)]
struct Parts {
    parsers: Vec<Arc<dyn Parser>>,
    scorer: Option<Arc<dyn Scorer>>,
    renderers: Vec<Arc<dyn Renderer>>,
    improver: Option<Arc<dyn Improver>>,
    job_store: Option<Arc<dyn JobStore>>,
    blob_store: Option<Arc<dyn BlobStore>>,
}

impl EngineBuilder {
    /// Replaces the whole configuration.
    pub fn config(mut self, config: EngineConfig) -> Self {
        self.config = config;
        self
    }

    /// Sets the largest accepted input in bytes.
    pub fn max_input_bytes(mut self, bytes: u64) -> Self {
        self.config.limits.max_input_bytes = bytes;
        self
    }

    /// Sets all parse limits.
    pub fn limits(mut self, limits: ParseLimits) -> Self {
        self.config.limits = limits;
        self
    }

    /// Sets the external parser tried when the built-in one fails or finds
    /// no sections (needs the `http-parser` feature, else [`build`](Self::build)
    /// fails).
    pub fn external_parser(mut self, external: ExternalParserConfig) -> Self {
        self.config.external_parser = Some(external);
        self
    }

    /// Appends a custom parser to the chain, tried after the built-in and
    /// external ones.
    pub fn parser(mut self, parser: Arc<dyn Parser>) -> Self {
        self.parts.parsers.push(parser);
        self
    }

    /// Replaces the scorer ([`StandardScorer`] by default).
    pub fn scorer(mut self, scorer: Arc<dyn Scorer>) -> Self {
        self.parts.scorer = Some(scorer);
        self
    }

    /// Sets the limits applied when rendering.
    pub fn render_limits(mut self, limits: RenderLimits) -> Self {
        self.config.render = limits;
        self
    }

    /// Uses `renderer` for its output format instead of the built-in one.
    pub fn renderer(mut self, renderer: Arc<dyn Renderer>) -> Self {
        self.parts.renderers.push(renderer);
        self
    }

    /// Sets the improver settings (providers, models, keys, retries).
    pub fn improve(mut self, improve: ImproveConfig) -> Self {
        self.config.improve = improve;
        self
    }

    /// Replaces the improver (by default built from the improve settings).
    pub fn improver(mut self, improver: Arc<dyn Improver>) -> Self {
        self.parts.improver = Some(improver);
        self
    }

    /// Builds the engine, validating the configuration.
    pub fn build(self) -> Result<Engine, EngineError> {
        Engine::with_parts(self.config, self.parts)
    }

    /// Sets the job store (default: in memory; see
    /// [`jobs::open`](crate::jobs::open) for SQLite, PostgreSQL and Redis).
    pub fn job_store(mut self, store: Arc<dyn JobStore>) -> Self {
        self.parts.job_store = Some(store);
        self
    }

    /// Sets the blob store for generated files (default: a folder in the
    /// system's temporary directory, URLs signed with a per-process key).
    pub fn blob_store(mut self, blobs: Arc<dyn BlobStore>) -> Self {
        self.parts.blob_store = Some(blobs);
        self
    }
}
