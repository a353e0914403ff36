//! The recogniser: from lines with hints to a structured [`Resume`].
//!
//! It works in three passes: clean each line ([`text`]), cut the document into
//! sections at its headings ([`headings`]), then read each section with the
//! recogniser for its kind (contact details, experience, education, skills…).

mod contact;
mod dates;
mod education;
mod entries;
mod experience;
mod header;
mod headings;
mod lexicon;
mod lists;
mod sections;
mod skills;
mod text;

use regex::Regex;

pub use dates::{DateRange, find_range};
pub use headings::{SectionKind, section_for};

use super::{Line, TextDocument};
use crate::model::Resume;

/// A cleaned line: its text without a bullet glyph, and whether it is a bullet.
#[derive(Debug, Clone)]
pub(crate) struct Item<'a> {
    /// Cleaned text (ligatures expanded, spaces collapsed, bullet glyph removed).
    pub text: String,
    /// The line is a list item.
    pub bullet: bool,
    /// The line as the reader produced it.
    pub line: &'a Line,
    /// Left edge of the text, when known (the line's, unless the item is
    /// only part of its line).
    pub indent: Option<f32>,
}

/// Compiles a constant pattern. Every pattern in this module is covered by
/// unit tests, so a failure here is a programming error caught by the tests.
#[allow(clippy::expect_used)]
pub(crate) fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("constant regex pattern is valid")
}

fn items(document: &TextDocument) -> Vec<Item<'_>> {
    document
        .lines
        .iter()
        .filter_map(|line| {
            let cleaned = text::clean(&line.text);
            let (rest, glyph) = text::strip_bullet(&cleaned);
            let rest = rest.trim();
            (rest.chars().any(char::is_alphanumeric)).then(|| Item {
                text: rest.to_owned(),
                bullet: line.list_item || glyph,
                line,
                indent: line.indent,
            })
        })
        .collect()
}

/// Recognises the structure of a resume in a document's lines.
pub fn recognize(document: &TextDocument) -> Resume {
    let items = items(document);
    let layout = sections::split(&items);
    let mut resume = Resume {
        raw_text: document.plain_text(),
        ..Resume::default()
    };
    header::read(&layout, &items, &mut resume);
    for section in &layout.sections {
        sections::read_into(section, &mut resume);
    }
    resume
}

#[cfg(test)]
mod tests;
