//! PDF reader: positioned text from the page content streams, laid out into
//! lines in reading order.
//!
//! `lopdf` reads the object structure; the content streams are run by our own
//! interpreter ([`interpreter`]) with our own font decoding ([`font`],
//! [`cmap`], [`encoding`]). Layout ([`runs`], [`columns`], [`layout`]) turns
//! glyphs into lines; [`furniture`] drops page numbers and repeated headers;
//! [`links`] attaches URI annotations.
//!
//! Conventions of the emitted [`Line`](super::Line)s:
//! * one line per visual line; within a column, lines are top to bottom;
//! * `\t` separates pieces of one line that sit more than 1.5 em apart
//!   (right-aligned dates, tab stops); smaller gaps become a single space;
//! * two-column layouts are read column by column: full-width parts above,
//!   then the left column, then the right column, then full-width parts below;
//! * `list_item` is true when the line starts with a bullet glyph (or a
//!   dash or asterisk followed by a space) followed by text; the bullet is
//!   removed. Continuation lines of a wrapped item are not list items;
//! * `indent` is the x (points from the page's left edge) of the first
//!   character of the emitted text (after a removed bullet), `font_size` the
//!   size most characters of the line have, `space_before` the baseline
//!   distance to the previous line of the same column minus the font size
//!   (`None` for the first line of a page or column);
//! * repeated headers and footers keep their first copy, marked with the
//!   `Header` / `Footer` origin; page numbers are dropped.

mod cmap;
mod columns;
mod content;
mod encoding;
mod font;
mod furniture;
mod glyph_names;
mod interpreter;
mod layout;
mod links;
mod loader;
mod runs;
mod unicode;

use std::panic::{AssertUnwindSafe, catch_unwind};

use super::{ParseError, ParseLimits, TextDocument};
use interpreter::{FontCache, Interpreter};
use loader::Budget;

/// Most glyphs read from one document (a ten-page resume has under 50 000);
/// once it is reached the content stream is no longer read and later pages
/// are skipped (a partial result).
const MAX_GLYPHS: usize = 200_000;

/// Reads the text lines of a PDF. An image-only PDF yields no lines.
pub fn read_pdf(bytes: &[u8], limits: &ParseLimits) -> Result<TextDocument, ParseError> {
    catch_unwind(AssertUnwindSafe(|| read(bytes, limits)))
        .unwrap_or_else(|_| Err(ParseError::corrupt("PDF", "the file could not be read")))
}

fn read(bytes: &[u8], limits: &ParseLimits) -> Result<TextDocument, ParseError> {
    let doc = loader::load(bytes, limits)?;
    let pages = loader::pages(&doc, limits)?;
    if pages.is_empty() {
        return Err(ParseError::corrupt("PDF", "the document has no pages"));
    }
    let mut budget = Budget::new(limits.max_expanded_bytes);
    let mut fonts = FontCache::default();
    let mut all_pages = Vec::with_capacity(pages.len());
    let mut glyphs_left = MAX_GLYPHS;
    for (index, page) in pages.iter().enumerate() {
        if glyphs_left == 0 {
            break;
        }
        let mut content = Vec::new();
        for stream in loader::page_contents(&doc, page) {
            let data = budget.decode(stream)?;
            if content.is_empty() {
                content = data;
            } else {
                content.extend_from_slice(&data);
            }
            content.push(b'\n');
        }
        let caps = (limits.max_depth, glyphs_left);
        let mut interpreter = Interpreter::new(&doc, &mut budget, &mut fonts, caps, page.bounds);
        interpreter.run_page(&content, page.resources, page.view)?;
        let text = interpreter.finish();
        glyphs_left = glyphs_left.saturating_sub(text.glyphs.len());
        let page_number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let mut lines = layout::page_lines(&text, page_number);
        links::attach_links(&doc, page, &mut lines);
        all_pages.push(lines);
    }
    furniture::remove_furniture(&mut all_pages);
    Ok(TextDocument {
        lines: all_pages.into_iter().flatten().map(|l| l.line).collect(),
    })
}

#[cfg(test)]
mod tests;
