//! Layout facts a reader saw that matter to applicant tracking systems:
//! pages, multi-column pages, tables, text boxes, contact details in page
//! headers, and pages with almost no text (their text is likely in images).

use serde::{Deserialize, Serialize};

use super::{Format, LineOrigin, TextDocument};

/// Pages with fewer words than this are counted as sparse.
const SPARSE_PAGE_WORDS: usize = 25;

/// What the reader saw of a document's layout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayoutSignals {
    /// The document's format.
    pub format: Format,
    /// Pages with text (PDF; 0 for formats without pages).
    pub pages: u32,
    /// Pages read as two or more columns (PDF).
    pub multi_column_pages: u32,
    /// Pages with fewer than 25 words, the last page of several excepted:
    /// their text is likely in images (PDF).
    pub sparse_pages: u32,
    /// Lines that sit in table cells.
    pub table_lines: usize,
    /// Lines that sit in floating text boxes.
    pub text_box_lines: usize,
    /// An email address or phone number appears only in a page header or footer.
    pub contact_in_header: bool,
    /// Words in the document.
    pub words: usize,
}

impl LayoutSignals {
    /// Collects the signals from a document as its reader produced it.
    pub fn from_document(format: Format, document: &TextDocument) -> Self {
        let pages = document.lines.iter().map(|l| l.page).max().unwrap_or(0);
        let page_count = usize::try_from(pages).unwrap_or(0);
        let mut words_per_page = vec![0usize; page_count + 1];
        let mut column_starts = vec![0u32; page_count + 1];
        let mut signals = Self {
            format,
            pages,
            multi_column_pages: 0,
            sparse_pages: 0,
            table_lines: 0,
            text_box_lines: 0,
            contact_in_header: false,
            words: 0,
        };
        let mut contact_in_body = false;
        for line in &document.lines {
            let words = line.text.split_whitespace().count();
            signals.words += words;
            let page = usize::try_from(line.page).unwrap_or(0);
            if let Some(count) = words_per_page.get_mut(page) {
                *count += words;
            }
            let contact =
                line.text.contains('@') || line.links.iter().any(|l| l.starts_with("mailto:"));
            match line.origin {
                LineOrigin::Header | LineOrigin::Footer => signals.contact_in_header |= contact,
                LineOrigin::TableCell => signals.table_lines += 1,
                LineOrigin::TextBox => signals.text_box_lines += 1,
                _ => {}
            }
            if line.origin == LineOrigin::Body {
                contact_in_body |= contact;
                if format == Format::Pdf
                    && line.space_before.is_none()
                    && let Some(starts) = column_starts.get_mut(page)
                {
                    *starts += 1;
                }
            }
        }
        signals.contact_in_header &= !contact_in_body;
        if format == Format::Pdf {
            signals.multi_column_pages = column_starts.iter().filter(|&&n| n > 1).count() as u32;
            // The last page of several may be short: only earlier pages count.
            let judged = if page_count > 1 {
                page_count - 1
            } else {
                page_count
            };
            signals.sparse_pages = words_per_page
                .iter()
                .skip(1)
                .take(judged)
                .filter(|&&w| w < SPARSE_PAGE_WORDS)
                .count() as u32;
        }
        signals
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Line;

    fn line(text: &str, page: u32, space_before: Option<f32>, origin: LineOrigin) -> Line {
        Line {
            text: text.into(),
            page,
            space_before,
            origin,
            ..Line::default()
        }
    }

    #[test]
    fn column_starts_mark_multi_column_pages() {
        let body = "word ".repeat(30);
        let doc = TextDocument {
            lines: vec![
                line(&body, 1, None, LineOrigin::Body),
                line("left", 1, Some(2.0), LineOrigin::Body),
                line("right column", 1, None, LineOrigin::Body),
                line(&body, 2, None, LineOrigin::Body),
            ],
        };
        let s = LayoutSignals::from_document(Format::Pdf, &doc);
        assert_eq!((s.pages, s.multi_column_pages, s.sparse_pages), (2, 1, 0));
        let mut short_last = doc.clone();
        short_last.lines[3].text = "References on request".into();
        let s = LayoutSignals::from_document(Format::Pdf, &short_last);
        assert_eq!(s.sparse_pages, 0);
        short_last.lines.swap(0, 3);
        short_last.lines[0].page = 1;
        short_last.lines[3].page = 2;
        let s = LayoutSignals::from_document(Format::Pdf, &short_last);
        assert_eq!(s.sparse_pages, 1);
    }

    #[test]
    fn sparse_pages_and_header_contact() {
        let doc = TextDocument {
            lines: vec![
                line("ana@example.pt", 1, None, LineOrigin::Header),
                line("Scanned page", 1, Some(1.0), LineOrigin::Body),
                line("Cell", 1, Some(1.0), LineOrigin::TableCell),
            ],
        };
        let s = LayoutSignals::from_document(Format::Pdf, &doc);
        assert_eq!(s.sparse_pages, 1);
        assert!(s.contact_in_header);
        assert_eq!(s.table_lines, 1);
    }
}
