//! Runs → lines: text with spaces and tabs, styled spans, list bullets, and
//! the layout hints of [`Line`].

use super::columns::{reading_blocks, rows};
use super::interpreter::{Glyph, PageText};
use super::runs::{Run, SPACE_GAP, build_runs};
use crate::parse::{Line, Span};

/// A gap wider than this (× font size) between runs on a line is a tab.
const TAB_GAP: f32 = 1.5;

/// Characters that mark a list item wherever they stand first.
const BULLETS: &[char] = &[
    '•', '▪', '◦', '●', '‣', '■', '□', '○', '◆', '◇', '►', '▸', '▶', '➢', '➤', '✓', '✔', '⁃', '∙',
    '⦁', '⚫', '❖', '➔', '→',
];
/// Characters that mark a list item only when a space follows.
const DASH_BULLETS: &[char] = &['-', '–', '—', '*', '·'];

/// A line with the geometry needed after layout (furniture, links).
#[derive(Debug, Clone)]
pub struct PageLine {
    /// The line itself.
    pub line: Line,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Baseline, downwards from the page top.
    pub y: f32,
    /// Page height.
    pub page_height: f32,
}

/// Reusable buffers for building one line.
#[derive(Default)]
struct Builder {
    text: String,
    spans: Vec<Span>,
    /// (byte offset, x) where each visible glyph starts.
    starts: Vec<(usize, f32)>,
    /// (font size, characters) tallies.
    sizes: Vec<(f32, usize)>,
    /// Scratch: gaps (em) between the glyphs of a run.
    gaps: Vec<f32>,
}

impl Builder {
    fn clear(&mut self) {
        self.text.clear();
        self.spans.clear();
        self.starts.clear();
        self.sizes.clear();
    }

    /// Appends `piece` in the given style, merging with the previous span.
    fn push(&mut self, piece: &str, bold: bool, italic: bool) {
        let start = self.text.len();
        self.text.push_str(piece);
        let end = self.text.len();
        match self.spans.last_mut() {
            Some(span) if span.end == start && span.bold == bold && span.italic == italic => {
                span.end = end
            }
            _ => self.spans.push(Span {
                start,
                end,
                bold,
                italic,
            }),
        }
    }

    /// Appends a separator (space or tab) in the style of the span before it.
    fn separator(&mut self, sep: &str) {
        if self.text.is_empty() || self.text.ends_with([' ', '\t']) {
            return;
        }
        let (bold, italic) = self
            .spans
            .last()
            .map_or((false, false), |s| (s.bold, s.italic));
        self.push(sep, bold, italic);
    }

    fn tally(&mut self, size: f32, count: usize) {
        match self
            .sizes
            .iter_mut()
            .find(|(s, _)| (*s - size).abs() < 0.05)
        {
            Some(entry) => entry.1 += count,
            None => self.sizes.push((size, count)),
        }
    }

    fn dominant_size(&self) -> Option<f32> {
        self.sizes
            .iter()
            .max_by_key(|(_, count)| *count)
            .map(|(size, _)| *size)
    }

    /// The usual gap (em) between adjacent glyphs of a run: about 0, or the
    /// letter spacing of tracked-out text, which word gaps must exceed.
    fn letter_spacing(&mut self, glyphs: &[Glyph], page: &PageText) -> f32 {
        self.gaps.clear();
        let mut last: Option<&Glyph> = None;
        for glyph in glyphs {
            if page.text_of(glyph).trim().is_empty() {
                last = None;
                continue;
            }
            if let Some(previous) = last {
                self.gaps
                    .push((glyph.x0 - previous.x1) / glyph.size.max(0.1));
            }
            last = Some(glyph);
        }
        if self.gaps.len() < 4 {
            return 0.0;
        }
        let middle = self.gaps.len() / 2;
        let (_, median, _) = self.gaps.select_nth_unstable_by(middle, f32::total_cmp);
        median.clamp(0.0, 0.5)
    }

    /// Appends the text of one run, inserting spaces at wide gaps.
    fn run(&mut self, page: &PageText, run: &Run) {
        let glyphs = page.glyphs.get(run.first..run.end).unwrap_or_default();
        let threshold = self.letter_spacing(glyphs, page) + SPACE_GAP;
        let mut last_x1: Option<f32> = None;
        let mut pending_space = false;
        for glyph in glyphs {
            let text = page.text_of(glyph);
            if text.trim().is_empty() {
                pending_space = true;
                continue;
            }
            if let Some(x1) = last_x1
                && (pending_space || glyph.x0 - x1 > threshold * glyph.size)
            {
                self.separator(" ");
            }
            pending_space = false;
            self.starts.push((self.text.len(), glyph.x0));
            self.tally(glyph.size, text.chars().count());
            self.push(text, glyph.bold, glyph.italic);
            last_x1 = Some(glyph.x1);
        }
    }

    /// Removes a leading list bullet; returns whether there was one.
    fn strip_bullet(&mut self) -> bool {
        let mut chars = self.text.char_indices();
        let Some((_, first)) = chars.next() else {
            return false;
        };
        let after = chars.next();
        let spaced = after.is_some_and(|(_, c)| c == ' ' || c == '\t');
        if !(BULLETS.contains(&first) || (DASH_BULLETS.contains(&first) && spaced)) {
            return false;
        }
        let rest = self.text[first.len_utf8()..].trim_start_matches([' ', '\t']);
        if rest.is_empty() {
            return false;
        }
        let cut = self.text.len() - rest.len();
        self.text.replace_range(..cut, "");
        self.spans.retain_mut(|span| {
            span.start = span.start.saturating_sub(cut);
            span.end = span.end.saturating_sub(cut);
            span.end > span.start
        });
        self.starts.retain_mut(|(offset, _)| {
            let keep = *offset >= cut;
            *offset = offset.saturating_sub(cut);
            keep
        });
        true
    }

    /// Removes trailing separators.
    fn trim_end(&mut self) {
        let len = self.text.trim_end_matches([' ', '\t']).len();
        self.text.truncate(len);
        self.spans.retain_mut(|span| {
            span.end = span.end.min(len);
            span.end > span.start
        });
    }
}

/// True when `run` repeats the text of `previous` at (nearly) the same place,
/// as producers do to fake bold or shadows.
fn overlays(page: &PageText, previous: &Run, run: &Run) -> bool {
    let overlap = previous.x1.min(run.x1) - previous.x0.max(run.x0);
    let width = (run.x1 - run.x0).max(0.1);
    if overlap < 0.7 * width {
        return false;
    }
    let text = |r: &Run| {
        page.glyphs
            .get(r.first..r.end)
            .unwrap_or_default()
            .iter()
            .map(|g| page.text_of(g))
            .filter(|t| !t.trim().is_empty())
    };
    text(previous).eq(text(run))
}

/// Builds the lines of one page in reading order.
pub fn page_lines(page: &PageText, page_number: u32) -> Vec<PageLine> {
    let runs = build_runs(page);
    let mut out: Vec<PageLine> = Vec::new();
    let mut builder = Builder::default();
    for block in reading_blocks(&runs) {
        let mut previous: Option<(f32, f32)> = None;
        for row in rows(&runs, &block) {
            builder.clear();
            let mut last: Option<&Run> = None;
            let (mut x0, mut x1, mut y, mut size) = (f32::INFINITY, f32::NEG_INFINITY, 0.0, 0.0);
            for &index in &row {
                let Some(run) = runs.get(index) else {
                    continue;
                };
                if last.is_some_and(|prev| overlays(page, prev, run)) {
                    continue;
                }
                if let Some(prev) = last {
                    let gap = run.x0 - prev.x1;
                    let em = prev.size.max(run.size);
                    if gap > TAB_GAP * em {
                        builder.separator("\t");
                    } else if gap > SPACE_GAP * em {
                        builder.separator(" ");
                    }
                }
                builder.run(page, run);
                x0 = x0.min(run.x0);
                x1 = x1.max(run.x1);
                if run.size >= size {
                    size = run.size;
                    y = run.y;
                }
                last = Some(run);
            }
            builder.trim_end();
            if builder.text.is_empty() {
                continue;
            }
            let list_item = builder.strip_bullet();
            let font_size = builder.dominant_size();
            let indent = builder.starts.first().map(|(_, x)| *x);
            let line_size = font_size.unwrap_or(size);
            let space_before = previous
                .filter(|(prev_y, _)| y > *prev_y)
                .map(|(prev_y, _)| (y - prev_y - line_size).max(0.0));
            previous = Some((y, line_size));
            out.push(PageLine {
                line: Line {
                    text: builder.text.clone(),
                    spans: builder.spans.clone(),
                    heading_level: None,
                    list_item,
                    font_size,
                    space_before,
                    indent,
                    page: page_number,
                    ..Line::default()
                },
                x0,
                x1,
                y,
                page_height: page.height,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_of(words: &[(&str, f32, f32, bool)]) -> PageText {
        let mut page = PageText {
            height: 792.0,
            ..PageText::default()
        };
        for (word, x, y, bold) in words {
            let mut x = *x;
            for c in word.chars() {
                let start = page.text.len() as u32;
                page.text.push(c);
                page.glyphs.push(Glyph {
                    x0: x,
                    x1: x + 5.0,
                    y: *y,
                    size: 10.0,
                    bold: *bold,
                    italic: false,
                    start,
                    end: page.text.len() as u32,
                });
                x += 5.0;
            }
        }
        page
    }

    #[test]
    fn words_spaces_and_tabs() {
        let page = page_of(&[
            ("Senior", 50.0, 100.0, true),
            ("Engineer", 83.0, 100.0, false),
            ("2020", 500.0, 100.0, false),
            ("Next", 50.0, 114.0, false),
        ]);
        let lines = page_lines(&page, 1);
        assert_eq!(lines.len(), 2);
        let first = &lines[0].line;
        assert_eq!(first.text, "Senior Engineer\t2020");
        assert_eq!(first.bold_prefix(), Some("Senior"));
        assert_eq!(first.indent, Some(50.0));
        assert_eq!(lines[1].line.space_before, Some(4.0));
    }

    #[test]
    fn letter_spaced_headings_stay_words() {
        let mut page = page_of(&[]);
        for (i, c) in "SUMMARY".chars().enumerate() {
            let start = page.text.len() as u32;
            page.text.push(c);
            let x = 50.0 + i as f32 * 8.0;
            page.glyphs.push(Glyph {
                x0: x,
                x1: x + 6.0,
                y: 100.0,
                size: 10.0,
                bold: true,
                italic: false,
                start,
                end: page.text.len() as u32,
            });
        }
        assert_eq!(page_lines(&page, 1)[0].line.text, "SUMMARY");
    }

    #[test]
    fn overlaid_copies_are_dropped() {
        let page = page_of(&[("Bold", 50.0, 100.0, true), ("Bold", 50.3, 100.0, true)]);
        assert_eq!(page_lines(&page, 1)[0].line.text, "Bold");
    }

    #[test]
    fn bullets_become_list_items() {
        let page = page_of(&[
            ("•", 50.0, 100.0, false),
            ("Led", 68.0, 100.0, false),
            ("team", 90.0, 100.0, false),
            ("wrapped", 68.0, 114.0, false),
            ("- dash", 50.0, 128.0, false),
            ("-5%", 50.0, 142.0, false),
        ]);
        let lines = page_lines(&page, 1);
        let texts: Vec<_> = lines
            .iter()
            .map(|l| (l.line.text.as_str(), l.line.list_item))
            .collect();
        assert_eq!(
            texts,
            [
                ("Led team", true),
                ("wrapped", false),
                ("dash", true),
                ("-5%", false)
            ]
        );
        assert_eq!(lines[0].line.indent, Some(68.0));
        assert_eq!(lines[0].line.spans[0].start, 0);
    }
}
