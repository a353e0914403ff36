//! The engine facade: the single entry point for the CLI and the bindings.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::model::{ModelError, Resume};
use crate::parse::{self, Format, ParseError, ParseLimits, TextDocument};

/// Engine settings as plain data, so they can come from code, a file or the
/// environment alike.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EngineConfig {
    /// Limits applied when reading documents.
    pub limits: ParseLimits,
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
    /// The configuration is invalid.
    #[error("invalid configuration: {0}")]
    Config(String),
}

/// The resume engine. Cheap to clone and safe to share across threads.
#[derive(Debug, Clone)]
pub struct Engine {
    config: EngineConfig,
}

impl Engine {
    /// Starts building an engine from the defaults.
    pub fn builder() -> EngineBuilder {
        EngineBuilder::default()
    }

    /// Builds an engine from a configuration.
    pub fn from_config(config: EngineConfig) -> Result<Self, EngineError> {
        if config.limits.max_input_bytes == 0 {
            return Err(EngineError::Config(
                "limits.max_input_bytes must be greater than 0".into(),
            ));
        }
        Ok(Self { config })
    }

    /// The configuration in effect.
    pub fn config(&self) -> &EngineConfig {
        &self.config
    }

    /// Parses a resume from PDF, DOCX or plain-text bytes (the format is
    /// detected from the bytes).
    pub fn parse(&self, bytes: &[u8]) -> Result<Resume, EngineError> {
        Ok(parse::parse_resume(bytes, &self.config.limits)?)
    }

    /// Reads a document into the lines and layout hints the recogniser sees,
    /// without recognising fields: useful to see why a field was missed.
    pub fn read_lines(&self, bytes: &[u8]) -> Result<(Format, TextDocument), EngineError> {
        Ok(parse::read_document(bytes, &self.config.limits)?)
    }
}

/// Builder for [`Engine`].
#[derive(Debug, Clone, Default)]
pub struct EngineBuilder {
    config: EngineConfig,
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

    /// Builds the engine, validating the configuration.
    pub fn build(self) -> Result<Engine, EngineError> {
        Engine::from_config(self.config)
    }
}
