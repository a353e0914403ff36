//! Improving a resume through the engine's improver, and checking a
//! rewrite with the guard.

use std::sync::Arc;

use super::{Engine, EngineError};
use crate::Resume;
use crate::improve::{
    Applied, GuardContext, ImproveOptions, Improvements, Improver, ItemKind, Suggestion, Verdict,
    apply, check,
};

impl Engine {
    /// Suggests rewrites of the resume's bullets and summary with the
    /// configured improver (rule-based and offline unless an LLM provider
    /// is configured with an API key). The resume is never changed: apply
    /// the accepted suggestions with [`Engine::apply`].
    pub async fn improve(
        &self,
        resume: &Resume,
        options: &ImproveOptions,
    ) -> Result<Improvements, EngineError> {
        Ok(self.improver.improve(resume, options).await?)
    }

    /// The improver in use.
    pub fn improver(&self) -> &Arc<dyn Improver> {
        &self.improver
    }

    /// Applies the accepted suggestions to a copy of the resume, all or
    /// none.
    pub fn apply<'a>(
        &self,
        resume: &Resume,
        accepted: impl IntoIterator<Item = &'a Suggestion>,
    ) -> Result<Applied, EngineError> {
        Ok(apply(resume, accepted)?)
    }

    /// Checks a rewrite of a bullet against the guardrails; `resume` gives
    /// the names a rewrite may use (its skills, companies, other bullets).
    pub fn guard(&self, original: &str, rewrite: &str, resume: Option<&Resume>) -> Verdict {
        let context = GuardContext::new(resume, &ImproveOptions::default());
        check(original, rewrite, ItemKind::Bullet, &context)
    }
}
