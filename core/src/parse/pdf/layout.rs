//! Runs → lines: text with spaces and tabs, styled spans, list bullets, and
//! the layout hints of [`Line`].

use super::columns::{reading_blocks, rows};
use super::interpreter::{Glyph, PageText};
use super::runs::{Run, SPACE_GAP, build_runs};
use crate::parse::{Line, Span};

/// A gap wider than this (× font size) between runs on a line is a tab.
const TAB_GAP: f32 = 1.5;
/// Fewest gaps between glyphs from which a letter spacing is estimated.
const MIN_GAPS: usize = 4;
/// Widest letter spacing (em) recognised as such: wide tracking such as CSS
/// `letter-spacing: 0.6em` still reads as one word.
const MAX_LETTER_SPACING: f32 = 1.0;

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

    /// Appends to `gaps` the gaps (em) between adjacent visible glyphs.
    fn collect_gaps(gaps: &mut Vec<f32>, glyphs: &[Glyph], page: &PageText) {
        let mut last: Option<&Glyph> = None;
        for glyph in glyphs {
            if page.text_of(glyph).trim().is_empty() {
                last = None;
                continue;
            }
            if let Some(previous) = last {
                gaps.push((glyph.x0 - previous.x1) / glyph.size.max(0.1));
            }
            last = Some(glyph);
        }
    }

    /// The usual gap (em) in `self.gaps`: about 0, or the letter spacing of
    /// tracked-out text, which word gaps must exceed. `None` when there are
    /// too few gaps to tell.
    fn usual_gap(&mut self) -> Option<f32> {
        if self.gaps.len() < MIN_GAPS {
            return None;
        }
        let middle = self.gaps.len() / 2;
        let (_, median, _) = self.gaps.select_nth_unstable_by(middle, f32::total_cmp);
        Some(median.clamp(0.0, MAX_LETTER_SPACING))
    }

    /// The letter spacing of the runs of a row taken together, for runs too
    /// short to tell their own (a letter-spaced "WORK" next to "EXPERIENCE").
    fn row_spacing(&mut self, page: &PageText, runs: &[&Run]) -> f32 {
        self.gaps.clear();
        for run in runs {
            let glyphs = page.glyphs.get(run.first..run.end).unwrap_or_default();
            Self::collect_gaps(&mut self.gaps, glyphs, page);
        }
        self.usual_gap().unwrap_or(0.0)
    }

    /// Appends the text of one run, inserting spaces at wide gaps;
    /// `row_spacing` is the letter spacing of its row.
    fn run(&mut self, page: &PageText, run: &Run, row_spacing: f32) {
        let glyphs = page.glyphs.get(run.first..run.end).unwrap_or_default();
        self.gaps.clear();
        Self::collect_gaps(&mut self.gaps, glyphs, page);
        let threshold = self.usual_gap().unwrap_or(row_spacing) + SPACE_GAP;
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

    /// Removes a leading list bullet or number; returns whether there was one.
    fn strip_bullet(&mut self) -> bool {
        let Some(cut) = list_marker(&self.text) else {
            return false;
        };
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

/// The length of a number that starts a numbered list item: `1.`, `2)`,
/// `(3)`, `a.`, `iv)`. One or two digits, one lowercase letter or a short
/// lowercase roman numeral, closed by a dot or parenthesis.
fn number_marker(text: &str) -> Option<usize> {
    let (open, body) = match text.strip_prefix('(') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let label = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    let digits = (1..=2).contains(&label) && body[..label].bytes().all(|b| b.is_ascii_digit());
    let letter = label == 1 && body.bytes().next().is_some_and(|b| b.is_ascii_lowercase());
    let roman = (1..=4).contains(&label) && body[..label].bytes().all(|b| b"ivx".contains(&b));
    if !(digits || letter || roman) {
        return None;
    }
    let close = body[label..].chars().next()?;
    let closed = if open {
        close == ')'
    } else {
        close == '.' || close == ')'
    };
    closed.then_some(usize::from(open) + label + 1)
}

/// The byte length of the list marker that starts `text` with the
/// separators after it: a bullet glyph, a dash or asterisk followed by a
/// space, or a list number followed by a space (but not by more digits);
/// `None` when there is none or nothing follows it.
fn list_marker(text: &str) -> Option<usize> {
    let first = text.chars().next()?;
    let numbered = !(BULLETS.contains(&first) || DASH_BULLETS.contains(&first));
    let marker = if numbered {
        number_marker(text)?
    } else {
        first.len_utf8()
    };
    let rest = text.get(marker..)?;
    // A number followed by more digits is a phone number or an amount:
    // "(02) 9374 4000".
    if numbered
        && rest
            .trim_start_matches([' ', '\t'])
            .starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let spaced = rest.starts_with([' ', '\t']);
    if !spaced && !BULLETS.contains(&first) {
        return None;
    }
    let rest = rest.trim_start_matches([' ', '\t']);
    (!rest.is_empty()).then(|| text.len() - rest.len())
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

/// True when the visible text of `run` is one bullet glyph.
fn is_lone_bullet(page: &PageText, run: &Run) -> bool {
    let mut visible = page
        .glyphs
        .get(run.first..run.end)
        .unwrap_or_default()
        .iter()
        .map(|g| page.text_of(g).trim())
        .filter(|t| !t.is_empty());
    let bullet = visible.next().is_some_and(|t| {
        let mut chars = t.chars();
        chars
            .next()
            .is_some_and(|c| BULLETS.contains(&c) || c == '·')
            && chars.next().is_none()
    });
    bullet && visible.next().is_none()
}

/// Moves rows that hold nothing but a bullet into the neighbouring row of
/// text the bullet stands before, when their baselines differ a little (the
/// bullet is often set in another font on its own baseline).
fn attach_bullets(page: &PageText, runs: &[Run], rows: &mut Vec<Vec<usize>>) {
    // A moved bullet's row is left empty and dropped at the end, which keeps
    // this linear in the number of rows (rows from `rows` are never empty).
    let mut previous_row: Option<usize> = None;
    for k in 0..rows.len() {
        let bullet = match rows[k].as_slice() {
            [index] => runs.get(*index).filter(|run| is_lone_bullet(page, run)),
            _ => None,
        };
        let Some(bullet) = bullet else {
            previous_row = Some(k);
            continue;
        };
        let fits = |row: &Vec<usize>| {
            let first = row.first().and_then(|&i| runs.get(i))?;
            let size = first.size.max(bullet.size);
            let dy = (first.y - bullet.y).abs();
            let gap = first.x0 - bullet.x1;
            (dy < 0.5 * size && gap > -0.1 * size && gap < 4.0 * size).then_some(dy)
        };
        let previous = previous_row.and_then(|p| Some((p, fits(rows.get(p)?)?)));
        let next = rows.get(k + 1).and_then(fits).map(|dy| (k + 1, dy));
        let target = match (previous, next) {
            (Some(p), Some(n)) => Some(if n.1 < p.1 { n } else { p }),
            (p, n) => p.or(n),
        };
        match target {
            Some((target, _)) => {
                let index = rows[k][0];
                rows[k].clear();
                rows[target].insert(0, index);
            }
            None => previous_row = Some(k),
        }
    }
    rows.retain(|row| !row.is_empty());
}

/// Builds the lines of one page in reading order.
pub fn page_lines(page: &PageText, page_number: u32) -> Vec<PageLine> {
    let runs = build_runs(page);
    let mut out: Vec<PageLine> = Vec::new();
    let mut builder = Builder::default();
    for block in reading_blocks(&runs) {
        let mut previous: Option<(f32, f32)> = None;
        let mut block_rows = rows(&runs, &block);
        attach_bullets(page, &runs, &mut block_rows);
        for row in block_rows {
            builder.clear();
            let row_runs: Vec<&Run> = row.iter().filter_map(|&i| runs.get(i)).collect();
            let row_spacing = builder.row_spacing(page, &row_runs);
            let mut last: Option<&Run> = None;
            let (mut x0, mut x1, mut y, mut size) = (f32::INFINITY, f32::NEG_INFINITY, 0.0, 0.0);
            for run in row_runs {
                if last.is_some_and(|prev| overlays(page, prev, run)) {
                    continue;
                }
                if let Some(prev) = last {
                    let em = prev.size.max(run.size);
                    let gap = run.x0 - prev.x1 - row_spacing * em;
                    if gap > TAB_GAP * em {
                        builder.separator("\t");
                    } else if gap > SPACE_GAP * em {
                        builder.separator(" ");
                    }
                }
                builder.run(page, run, row_spacing);
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

    #[test]
    fn numbered_items_become_list_items() {
        for (text, stripped) in [
            ("1. Led the team", Some("Led the team")),
            ("12) Shipped it", Some("Shipped it")),
            ("(3) Wrote docs", Some("Wrote docs")),
            ("a. First point", Some("First point")),
            ("iv. Fourth point", Some("Fourth point")),
            ("2.\tTabbed", Some("Tabbed")),
            ("2019 – 2021", None),
            ("3 years of Rust", None),
            ("5.2 to 3.1", None),
            ("J. Smith", None),
            ("e.g. this", None),
            ("100. Too long", None),
            ("1.", None),
            ("(2. Unbalanced", None),
            ("(02) 9374 4000", None),
            ("1) 2020 release", None),
        ] {
            let cut = list_marker(text);
            assert_eq!(cut.map(|c| &text[c..]), stripped, "{text}");
        }
    }

    #[test]
    fn number_run_left_of_text_is_stripped() {
        let page = page_of(&[("1.", 50.0, 100.0, false), ("Led", 72.0, 100.0, false)]);
        let line = &page_lines(&page, 1)[0].line;
        assert_eq!((line.text.as_str(), line.list_item), ("Led", true));
        assert_eq!(line.indent, Some(72.0));
    }

    #[test]
    fn bullet_on_its_own_baseline_joins_its_text() {
        let page = page_of(&[
            ("Intro", 50.0, 86.0, false),
            ("•", 50.0, 101.5, false),
            ("Led", 68.0, 100.0, false),
            ("team", 90.0, 100.0, false),
            ("•", 50.0, 112.5, false),
            ("Next", 68.0, 114.0, false),
        ]);
        let lines: Vec<_> = page_lines(&page, 1)
            .into_iter()
            .map(|l| (l.line.text, l.line.list_item))
            .collect();
        assert_eq!(
            lines,
            [
                ("Intro".to_owned(), false),
                ("Led team".to_owned(), true),
                ("Next".to_owned(), true)
            ]
        );
    }

    /// Glyphs of `word` set 5 points wide with `tracking` points between
    /// them, from `x`.
    fn tracked(page: &mut PageText, word: &str, x: f32, tracking: f32) -> f32 {
        let mut x = x;
        for c in word.chars() {
            let start = page.text.len() as u32;
            page.text.push(c);
            page.glyphs.push(Glyph {
                x0: x,
                x1: x + 5.0,
                y: 100.0,
                size: 10.0,
                bold: true,
                italic: false,
                start,
                end: page.text.len() as u32,
            });
            x += 5.0 + tracking;
        }
        x
    }

    /// Adds `word` at font `size`, each glyph 0.5 em wide, from `x`.
    fn sized(page: &mut PageText, word: &str, x: f32, y: f32, size: f32) {
        let mut x = x;
        for c in word.chars() {
            let start = page.text.len() as u32;
            page.text.push(c);
            page.glyphs.push(Glyph {
                x0: x,
                x1: x + 0.5 * size,
                y,
                size,
                bold: size > 20.0,
                italic: false,
                start,
                end: page.text.len() as u32,
            });
            x += 0.5 * size;
        }
    }

    #[test]
    fn large_name_beside_small_contact_lines() {
        // A 30 pt name wrapping over two lines on the left, a 9.5 pt contact
        // block right-aligned on the right, one line every 13.5 points: the
        // phone and email baselines both lie within 0.4 em of the name's.
        let mut page = page_of(&[]);
        sized(&mut page, "Warsaw", 490.0, 53.25, 9.5);
        sized(&mut page, "+48 601", 486.0, 66.75, 9.5);
        sized(&mut page, "Malgorzata", 54.0, 73.5, 30.0);
        sized(&mut page, "me@example.com", 390.0, 81.0, 9.5);
        sized(&mut page, "linkedin.com/in/me", 440.0, 94.5, 9.5);
        sized(&mut page, "Kowalczyk", 54.0, 114.0, 30.0);
        sized(&mut page, "github.com/me", 470.0, 108.0, 9.5);
        let lines: Vec<_> = page_lines(&page, 1)
            .into_iter()
            .map(|l| (l.line.text, l.line.font_size))
            .collect();
        let texts: Vec<_> = lines.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Warsaw",
                "+48 601",
                "Malgorzata",
                "me@example.com",
                "linkedin.com/in/me",
                "Kowalczyk\tgithub.com/me"
            ]
        );
        assert_eq!(lines[2].1, Some(30.0));
    }

    #[test]
    fn widely_tracked_headings_stay_words() {
        for tracking in [3.0, 6.0, 8.0] {
            let mut page = page_of(&[]);
            let end = tracked(&mut page, "WORK", 50.0, tracking);
            tracked(&mut page, "EXPERIENCE", end + 2.5 + tracking, tracking);
            let lines = page_lines(&page, 1);
            assert_eq!(lines[0].line.text, "WORK EXPERIENCE", "{tracking}");
        }
    }
}
