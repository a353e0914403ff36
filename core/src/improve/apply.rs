//! Applying the suggestions a user accepted: all of them or none.

use serde::{Deserialize, Serialize};

use super::items::{text_at, text_at_mut};
use super::{ImproveError, Provenance, Suggestion};
use crate::Resume;
use crate::score::Location;

/// A resume with accepted suggestions applied, and what changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Applied {
    /// The new resume.
    pub resume: Resume,
    /// The changes, in the order applied.
    pub changes: Vec<Change>,
}

/// One applied change, for tracking and undo.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Change {
    /// The suggestion's id.
    pub id: String,
    /// Where the text changed.
    pub location: Location,
    /// The text before.
    pub before: String,
    /// The text after.
    pub after: String,
    /// Who wrote the new text.
    pub provenance: Provenance,
}

/// Applies the accepted suggestions to a copy of the resume. Flag-only
/// suggestions (no rewrite) are skipped. When any suggestion does not
/// match the resume (its location is gone or its original text changed),
/// nothing is applied and the error names it: never a half-applied resume.
pub fn apply<'a>(
    resume: &Resume,
    accepted: impl IntoIterator<Item = &'a Suggestion>,
) -> Result<Applied, ImproveError> {
    let mut out = resume.clone();
    let mut changes: Vec<Change> = Vec::new();
    for suggestion in accepted {
        let Some(rewrite) = &suggestion.rewrite else {
            continue;
        };
        if changes.iter().any(|c| c.location == suggestion.location) {
            return Err(stale(
                suggestion,
                "another accepted suggestion changes the same text",
            ));
        }
        match text_at(resume, &suggestion.location) {
            None => return Err(stale(suggestion, "no text at its location")),
            Some(current) if current != suggestion.original => {
                return Err(stale(suggestion, "the text has changed since"));
            }
            Some(_) => {}
        }
        let Some(slot) = text_at_mut(&mut out, &suggestion.location) else {
            return Err(stale(suggestion, "no text at its location"));
        };
        slot.clone_from(rewrite);
        changes.push(Change {
            id: suggestion.id.clone(),
            location: suggestion.location,
            before: suggestion.original.clone(),
            after: rewrite.clone(),
            provenance: suggestion.provenance.clone(),
        });
    }
    Ok(Applied {
        resume: out,
        changes,
    })
}

fn stale(suggestion: &Suggestion, reason: &str) -> ImproveError {
    ImproveError::Stale {
        id: suggestion.id.clone(),
        reason: reason.to_owned(),
    }
}
