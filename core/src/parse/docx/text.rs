//! Turning the runs of one paragraph segment into normalised line text with
//! style spans.

use super::super::Span;
use super::glyphs::{clean_char, is_bullet};

/// Most link targets kept for one line.
const MAX_LINKS: usize = 32;

/// A stretch of run text with its resolved formatting.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Piece {
    /// Raw text (already upper-cased for `w:caps`).
    pub text: String,
    /// Resolved bold.
    pub bold: bool,
    /// Resolved italic.
    pub italic: bool,
    /// Resolved font size in points.
    pub size: Option<f32>,
}

/// The text of one visual line of a paragraph (between soft breaks).
#[derive(Debug, Clone, Default)]
pub(super) struct Segment {
    /// Run texts in order.
    pub pieces: Vec<Piece>,
    /// Link targets attached to the segment's text.
    pub links: Vec<String>,
}

impl Segment {
    /// Appends run text, merging it into the previous piece when the
    /// formatting is the same.
    pub fn push(&mut self, text: &str, bold: bool, italic: bool, size: Option<f32>) {
        if let Some(last) = self.pieces.last_mut() {
            if last.bold == bold && last.italic == italic && last.size == size {
                last.text.push_str(text);
                return;
            }
        }
        self.pieces.push(Piece {
            text: text.to_owned(),
            bold,
            italic,
            size,
        });
    }

    /// Adds a link target once (at most [`MAX_LINKS`] per line).
    pub fn add_link(&mut self, url: &str) {
        if !url.is_empty() && self.links.len() < MAX_LINKS && !self.links.iter().any(|l| l == url) {
            self.links.push(url.to_owned());
        }
    }
}

/// Normalised text of a segment.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Built {
    /// The text: spaces collapsed, tabs kept (one per gap), trimmed.
    pub text: String,
    /// Bold/italic spans covering the text, adjacent equal spans merged.
    pub spans: Vec<Span>,
    /// A hand-typed bullet glyph was removed from the start.
    pub bullet: bool,
    /// The font size covering most characters.
    pub font_size: Option<f32>,
}

/// Normalises a segment: cleans characters, collapses spaces, keeps single
/// tabs, trims, strips a leading bullet glyph and computes spans.
pub(super) fn build(segment: &Segment) -> Built {
    let mut out = Built::default();
    let mut sizes: Vec<(f32, usize)> = Vec::new();
    for piece in &segment.pieces {
        let before = out.text.len();
        for c in piece.text.chars().filter_map(clean_char) {
            push_char(&mut out, c, piece.bold, piece.italic);
        }
        if let Some(size) = piece.size {
            let added = out.text.len().saturating_sub(before);
            match sizes.iter_mut().find(|(s, _)| *s == size) {
                Some((_, count)) => *count += added,
                None => sizes.push((size, added)),
            }
        }
    }
    while out.text.ends_with([' ', '\t']) {
        out.text.pop();
    }
    clip_spans(&mut out.spans, out.text.len());
    strip_bullet(&mut out);
    out.font_size = sizes
        .iter()
        .fold(None::<(f32, usize)>, |best, &(size, count)| match best {
            Some((_, best_count)) if best_count >= count => best,
            _ => Some((size, count)),
        })
        .map(|(size, _)| size);
    out
}

/// Appends one cleaned character, collapsing spaces around tabs.
fn push_char(out: &mut Built, c: char, bold: bool, italic: bool) {
    let last = out.text.chars().next_back();
    match c {
        ' ' if matches!(last, None | Some(' ' | '\t')) => return,
        '\t' if last.is_none() => return,
        '\t' => {
            while out.text.ends_with(' ') {
                out.text.pop();
            }
            clip_spans(&mut out.spans, out.text.len());
            if out.text.ends_with('\t') || out.text.is_empty() {
                return;
            }
        }
        _ => {}
    }
    let start = out.text.len();
    out.text.push(c);
    let end = out.text.len();
    match out.spans.last_mut() {
        Some(span) if span.bold == bold && span.italic == italic && span.end == start => {
            span.end = end;
        }
        _ => out.spans.push(Span {
            start,
            end,
            bold,
            italic,
        }),
    }
}

/// Cuts the trailing spans back to `len` bytes (the text only ever shrinks
/// at its end) and drops the ones that become empty.
fn clip_spans(spans: &mut Vec<Span>, len: usize) {
    while let Some(last) = spans.last_mut() {
        if last.end <= len {
            break;
        }
        last.end = len;
        if last.start < last.end {
            break;
        }
        spans.pop();
    }
}

/// Removes a leading bullet glyph followed by whitespace.
fn strip_bullet(out: &mut Built) {
    let mut chars = out.text.char_indices();
    let Some((_, first)) = chars.next() else {
        return;
    };
    let Some((_, second)) = chars.next() else {
        return;
    };
    if !is_bullet(first) || !matches!(second, ' ' | '\t') {
        return;
    }
    let cut = first.len_utf8() + second.len_utf8();
    out.text.drain(..cut);
    for span in out.spans.iter_mut() {
        span.start = span.start.saturating_sub(cut);
        span.end = span.end.saturating_sub(cut);
    }
    out.spans.retain(|span| span.start < span.end);
    out.bullet = true;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(pieces: &[(&str, bool)]) -> Segment {
        let mut segment = Segment::default();
        for (text, bold) in pieces {
            segment.push(text, *bold, false, Some(11.0));
        }
        segment
    }

    #[test]
    fn collapses_spaces_and_keeps_tabs() {
        let built = build(&segment(&[
            ("  Senior\u{a0} Engineer ", true),
            (" \t\t Jan 2020  ", false),
        ]));
        assert_eq!(built.text, "Senior Engineer\tJan 2020");
        assert_eq!(
            built.spans,
            vec![
                Span {
                    start: 0,
                    end: 15,
                    bold: true,
                    italic: false
                },
                Span {
                    start: 15,
                    end: 24,
                    bold: false,
                    italic: false
                },
            ]
        );
    }

    #[test]
    fn strips_leading_bullet_and_shifts_spans() {
        let built = build(&segment(&[("\u{f0b7}\t", false), ("Led the team", true)]));
        assert!(built.bullet);
        assert_eq!(built.text, "Led the team");
        assert_eq!(
            built.spans,
            vec![Span {
                start: 0,
                end: 12,
                bold: true,
                italic: false
            }]
        );
        let built = build(&segment(&[("–", false), (" Ünïcode first", false)]));
        assert!(built.bullet);
        assert_eq!(built.text, "Ünïcode first");
        assert!(!build(&segment(&[("-5% churn", false)])).bullet);
    }

    #[test]
    fn merges_equal_adjacent_spans() {
        let mut segment = segment(&[("a", true)]);
        segment.push("b", true, false, Some(14.0));
        let built = build(&segment);
        assert_eq!(built.spans.len(), 1);
        assert_eq!(built.font_size, Some(11.0));
    }
}
