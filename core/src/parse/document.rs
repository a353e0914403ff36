//! The reader-neutral intermediate form: lines of text with layout hints.
//!
//! Every document reader (DOCX, PDF, plain text) turns its input into a
//! [`TextDocument`]; the recogniser turns that into a [`crate::Resume`]. The
//! hints are optional: a reader fills in what its format knows.

use serde::{Deserialize, Serialize};

/// Where in the document a line came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LineOrigin {
    /// The main flow of text.
    #[default]
    Body,
    /// A page header (names and contact details often live here).
    Header,
    /// A page footer.
    Footer,
    /// A floating text box or shape.
    TextBox,
    /// A table cell.
    TableCell,
}

/// A styled stretch of a line, as a byte range into [`Line::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset where the span starts.
    pub start: usize,
    /// Byte offset one past the span's end.
    pub end: usize,
    /// The span is set in a bold face.
    pub bold: bool,
    /// The span is set in an italic face.
    pub italic: bool,
}

/// One visual line (PDF) or paragraph (DOCX) of text with its layout hints.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Line {
    /// The text. A leading bullet glyph is removed when the reader recognised
    /// the line as a list item; a tab (`\t`) separates pieces that sit apart on
    /// the same line (tab stops, table cells of one row, right-aligned dates).
    pub text: String,
    /// Styled spans covering the text (may be empty when unknown).
    pub spans: Vec<Span>,
    /// Heading level from the document structure: 0 for a title, 1.. for outline levels.
    pub heading_level: Option<u8>,
    /// The line is a list item (bullet or numbered).
    pub list_item: bool,
    /// Effective font size in points.
    pub font_size: Option<f32>,
    /// Vertical space above the line in points.
    pub space_before: Option<f32>,
    /// Left edge of the line in points from the page's left edge.
    pub indent: Option<f32>,
    /// Page number, starting at 1 (0 when the format has no pages).
    pub page: u32,
    /// Where the line came from.
    pub origin: LineOrigin,
    /// Link targets (URLs, `mailto:`) attached to text in the line.
    pub links: Vec<String>,
}

impl Line {
    /// A plain body line with no hints.
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            ..Self::default()
        }
    }

    /// True when every non-blank span is bold (and there is at least one).
    pub fn is_bold(&self) -> bool {
        let mut any = false;
        for span in &self.spans {
            let Some(piece) = self.text.get(span.start..span.end) else {
                continue;
            };
            if piece.trim().is_empty() {
                continue;
            }
            if !span.bold {
                return false;
            }
            any = true;
        }
        any
    }

    /// The bold text at the start of the line, when the line starts bold and
    /// continues in another weight (for example `**Engineer** — Acme`).
    pub fn bold_prefix(&self) -> Option<&str> {
        let mut end = 0;
        for span in &self.spans {
            let piece = self.text.get(span.start..span.end)?;
            if span.bold {
                end = span.end;
            } else if !piece.trim().is_empty() {
                break;
            }
        }
        let prefix = self.text.get(..end)?.trim();
        (!prefix.is_empty() && end < self.text.trim_end().len()).then_some(prefix)
    }
}

/// A document as a reader sees it: its lines in reading order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TextDocument {
    /// Lines in reading order.
    pub lines: Vec<Line>,
}

impl TextDocument {
    /// All line texts joined with newlines (tabs become spaces).
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for line in &self.lines {
            out.push_str(&line.text.replace('\t', "  "));
            out.push('\n');
        }
        out
    }
}
