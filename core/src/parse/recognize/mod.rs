//! The recogniser: from lines with hints to a structured [`Resume`].

use super::TextDocument;
use crate::model::Resume;

/// Recognises the structure of a resume in a document's lines.
pub fn recognize(document: &TextDocument) -> Resume {
    Resume {
        raw_text: document.plain_text(),
        ..Resume::default()
    }
}
