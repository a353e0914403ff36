//! What each job kind stores as its result, as typed records (the job
//! store keeps them as JSON).

use serde::{Deserialize, Serialize};

use super::GeneratedFile;
use crate::Resume;
use crate::improve::Improvements;
use crate::score::Analysis;

/// The result of an `analyze` job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct AnalyzeResult {
    /// The resume that was scored.
    pub resume: Resume,
    /// Its scores, issues and suggestions.
    pub analysis: Analysis,
}

/// The result of an `improve` job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ImproveResult {
    /// The resume the suggestions apply to (unchanged).
    pub resume: Resume,
    /// The suggested rewrites.
    pub improvements: Improvements,
}

/// The result of a `generate` job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct GenerateResult {
    /// The resume that was rendered.
    pub resume: Resume,
    /// The rendered files, one per requested format.
    pub files: Vec<GeneratedFile>,
}

/// The result of a `process` job: analyze, improve, apply every rewrite,
/// analyze again, render.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ProcessResult {
    /// The resume with the rewrites applied.
    pub resume: Resume,
    /// The resume as submitted.
    pub original: Resume,
    /// The submitted resume's analysis.
    pub analysis_before: Analysis,
    /// The improved resume's analysis.
    pub analysis: Analysis,
    /// The suggestions that were applied.
    pub improvements: Improvements,
    /// The rendered files of the improved resume.
    pub files: Vec<GeneratedFile>,
}
