//! Reading a resume from a document or JSON, and scoring it.

use serde::{Deserialize, Serialize};

use super::{Engine, EngineError};
use crate::model::{ModelError, Resume, from_json_resume};
use crate::parse::{self, LayoutSignals, recognize};
use crate::score::{Analysis, ScoreInput, Target};

/// A resume as the engine read it, with the reader's layout signals when it
/// came from a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LoadedResume {
    /// The resume.
    pub resume: Resume,
    /// What the document reader saw of the layout (`None` for JSON input or
    /// when a fallback parser produced the resume from an unreadable file).
    pub layout: Option<LayoutSignals>,
}

impl Engine {
    /// Reads a resume from a PDF, DOCX or plain-text document, or from JSON
    /// (this crate's schema, or JSON Resume when it has a `basics` object or
    /// a `work` array).
    /// Input whose first non-blank byte is `{` is read as JSON.
    pub fn load_resume(&self, bytes: &[u8]) -> Result<LoadedResume, EngineError> {
        if bytes.trim_ascii_start().starts_with(b"{") {
            return Ok(LoadedResume {
                resume: resume_from_json(bytes)?,
                layout: None,
            });
        }
        // The chain starts with the built-in parser: its read is done here
        // once, for the layout signals and as the chain's first result.
        let limits = &self.config.limits;
        let (layout, first) = match parse::read_document(bytes, limits) {
            Ok((format, document)) => (
                Some(LayoutSignals::from_document(format, &document)),
                Ok(recognize::recognize(&document)),
            ),
            Err(error) => (None, Err(error)),
        };
        let resume = self.chain.parse_after(bytes, limits, first)?.resume;
        Ok(LoadedResume { resume, layout })
    }

    /// Reads a resume (see [`Engine::load_resume`]) and scores it against
    /// `target`.
    pub fn analyze(&self, bytes: &[u8], target: &Target) -> Result<Analysis, EngineError> {
        let loaded = self.load_resume(bytes)?;
        Ok(self.analyze_resume(&loaded.resume, loaded.layout.as_ref(), target))
    }

    /// Scores a resume already in memory.
    pub fn analyze_resume(
        &self,
        resume: &Resume,
        layout: Option<&LayoutSignals>,
        target: &Target,
    ) -> Analysis {
        let input = ScoreInput {
            resume,
            layout,
            target: Some(target),
        };
        self.scorer.analyze(&input)
    }
}

/// A resume from JSON: JSON Resume when the document has a `basics` object
/// or a `work` array, this crate's schema otherwise.
fn resume_from_json(bytes: &[u8]) -> Result<Resume, ModelError> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(ModelError::InvalidJson)?;
    if value
        .get("basics")
        .is_some_and(serde_json::Value::is_object)
    {
        from_json_resume(&value)
    } else {
        serde_json::from_value(value).map_err(ModelError::InvalidJson)
    }
}
