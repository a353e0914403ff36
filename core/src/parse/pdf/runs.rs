//! Glyphs → runs: stretches of glyphs that follow each other on one baseline
//! in content-stream order.

use super::interpreter::{Glyph, PageText};

/// A gap wider than this (× font size) between two glyphs is a word space.
pub const SPACE_GAP: f32 = 0.15;
/// A gap wider than this (× font size) ends a run.
const RUN_GAP: f32 = 1.5;

/// Consecutive glyphs on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Index of the first glyph in [`PageText::glyphs`].
    pub first: usize,
    /// One past the last glyph.
    pub end: usize,
    /// Left edge of the first visible glyph.
    pub x0: f32,
    /// Right edge of the last visible glyph.
    pub x1: f32,
    /// Baseline (downwards from the page top).
    pub y: f32,
    /// Largest font size in the run.
    pub size: f32,
}

fn is_blank(page: &PageText, glyph: &Glyph) -> bool {
    page.text_of(glyph).trim().is_empty()
}

/// True when two baselines with these font sizes belong to one line: equal
/// sizes need nearly equal baselines, mixed sizes (superscripts, icons)
/// allow more.
pub fn same_line(y_a: f32, size_a: f32, y_b: f32, size_b: f32) -> bool {
    let (small, large) = if size_a < size_b {
        (size_a, size_b)
    } else {
        (size_b, size_a)
    };
    let tolerance = if small >= 0.85 * large {
        (0.08 * large).max(0.5)
    } else {
        0.4 * large
    };
    (y_a - y_b).abs() <= tolerance
}

/// Splits the page's glyphs into runs. Blank glyphs never start a run and do
/// not widen one.
pub fn build_runs(page: &PageText) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut open = false;
    for (index, glyph) in page.glyphs.iter().enumerate() {
        let blank = is_blank(page, glyph);
        if open && let Some(run) = runs.last_mut() {
            let gap = glyph.x0 - run.x1;
            let continues = glyph.y == run.y
                || (same_line(glyph.y, glyph.size, run.y, run.size)
                    && (glyph.size - run.size).abs() < 0.5);
            if continues && gap > -0.5 * run.size && gap < RUN_GAP * run.size {
                run.end = index + 1;
                if !blank {
                    run.x1 = run.x1.max(glyph.x1);
                    run.size = run.size.max(glyph.size);
                }
                continue;
            }
        }
        if blank {
            continue;
        }
        runs.push(Run {
            first: index,
            end: index + 1,
            x0: glyph.x0,
            x1: glyph.x1,
            y: glyph.y,
            size: glyph.size,
        });
        open = true;
    }
    for run in &mut runs {
        while run.end > run.first + 1
            && page
                .glyphs
                .get(run.end - 1)
                .is_some_and(|g| is_blank(page, g))
        {
            run.end -= 1;
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn page_of(glyphs: &[(&str, f32, f32, f32)]) -> PageText {
        let mut page = PageText {
            height: 792.0,
            ..PageText::default()
        };
        for (text, x, y, w) in glyphs {
            let start = page.text.len() as u32;
            page.text.push_str(text);
            page.glyphs.push(Glyph {
                x0: *x,
                x1: x + w,
                y: *y,
                size: 10.0,
                bold: false,
                italic: false,
                start,
                end: page.text.len() as u32,
            });
        }
        page
    }

    #[test]
    fn runs_break_at_wide_gaps_and_new_baselines() {
        let page = page_of(&[
            ("A", 10.0, 100.0, 5.0),
            ("b", 15.0, 100.0, 5.0),
            (" ", 20.0, 100.0, 2.5),
            ("c", 23.0, 100.0, 5.0),
            ("D", 300.0, 100.0, 5.0),
            ("e", 10.0, 112.0, 5.0),
        ]);
        let runs = build_runs(&page);
        assert_eq!(runs.len(), 3);
        assert_eq!((runs[0].first, runs[0].end, runs[0].x1), (0, 4, 28.0));
        assert_eq!(runs[1].x0, 300.0);
        assert_eq!(runs[2].y, 112.0);
    }

    #[test]
    fn line_tolerance() {
        assert!(same_line(100.0, 10.0, 100.5, 10.0));
        assert!(!same_line(100.0, 10.0, 101.1, 10.0));
        assert!(same_line(100.0, 10.0, 96.5, 6.0));
        assert!(!same_line(100.0, 10.0, 112.0, 10.0));
    }
}
