//! Cutting a section into entries: a header block (title, organisation,
//! dates, place) followed by a body of bullets and description lines.

use super::Item;
use super::dates::{DateRange, find_range, is_month_word, is_present_word};
use super::text::{join_wrapped, segments, word_count};

/// One entry of an experience-like section.
#[derive(Debug, Default)]
pub(crate) struct Entry<'x, 'a> {
    /// Header lines (not bullets).
    pub header: Vec<&'x Item<'a>>,
    /// Bullets, each joined across wrapped lines.
    pub bullets: Vec<String>,
    /// Non-bullet body text (wrapped paragraphs joined).
    pub text: Vec<String>,
    /// The first line of the last body element, for continuation decisions.
    last_body: Option<&'x Item<'a>>,
    /// Whether the last body element is a bullet (else a text paragraph).
    last_is_bullet: bool,
}

impl Entry<'_, '_> {
    fn has_body(&self) -> bool {
        !self.bullets.is_empty() || !self.text.is_empty()
    }

    /// The indent of the header's text lines (date-only lines aside): body
    /// lines sit deeper than this.
    fn body_indent(&self) -> Option<f32> {
        self.header
            .iter()
            .rev()
            .find(|h| !is_date_only(&h.text) && !starts_with_date(&h.text))
            .and_then(|h| h.indent)
    }

    fn header_has_date(&self) -> bool {
        self.header.iter().any(|i| find_range(&i.text).is_some())
    }

    /// Body lines that are not bullets become bullets when the entry has no
    /// bullets at all and several of them (glyph-less bullet lists); a single
    /// paragraph stays a description.
    pub fn into_parts(self) -> (Option<String>, Vec<String>) {
        let Entry { bullets, text, .. } = self;
        if bullets.is_empty() && text.len() >= 2 {
            return (None, text);
        }
        let description = (!text.is_empty()).then(|| text.join(" "));
        (description, bullets)
    }
}

/// True when the line is a date or date range and nothing else.
fn is_date_only(text: &str) -> bool {
    find_range(text).is_some_and(|r| {
        let rest = format!(
            "{}{}",
            text.get(..r.from).unwrap_or(""),
            text.get(r.to..).unwrap_or("")
        );
        rest.trim_matches(|c: char| !c.is_alphanumeric()).is_empty()
    }) || ends_in_open_range(text)
        || is_present_word(text)
}

/// True when the line opens with its dates (a date column left of the text),
/// so its indent is the date's, not the text's.
fn starts_with_date(text: &str) -> bool {
    find_range(text).is_some_and(|r| {
        text.get(..r.from)
            .is_some_and(|before| before.trim().is_empty())
    })
}

/// True when the text ends in a range that continues on the next line:
/// `September 2017 to`, `2019 –`.
fn ends_in_open_range(text: &str) -> bool {
    let t = text.trim_end();
    if ends_with_month(t) && find_range(t).is_some() {
        return true;
    }
    let Some(stem) = ["to", "–", "—", "-", "until", "till"]
        .iter()
        .find_map(|sep| t.strip_suffix(sep))
    else {
        return false;
    };
    find_range(stem).is_some_and(|r| stem.get(r.to..).is_some_and(|rest| rest.trim().is_empty()))
}

/// True when the text ends on a month name whose year is on the next line
/// (`September 2017 to April` / `2020`).
fn ends_with_month(text: &str) -> bool {
    text.split_whitespace().last().is_some_and(is_month_word)
}

/// True when two lines are set alike: the same font size and the same
/// bold/italic pattern at their start.
fn same_look(a: &Item<'_>, b: &Item<'_>) -> bool {
    let first_span = |i: &Item<'_>| i.line.spans.first().map(|s| (s.bold, s.italic));
    let size = |i: &Item<'_>| i.line.font_size.map(|s| (s * 2.0).round() as i32);
    size(a) == size(b) && first_span(a) == first_span(b) && a.line.is_bold() == b.line.is_bold()
}

/// True when the line starts in bold.
fn has_bold(item: &Item<'_>) -> bool {
    item.line.spans.first().is_some_and(|s| s.bold)
}

/// True when the text opens with a brand written in lower-camel case
/// (`mBank`, `iPhone`, `eBay`), which starts a line rather than continuing one.
pub(crate) fn starts_with_brand(text: &str) -> bool {
    let mut chars = text.chars();
    matches!((chars.next(), chars.next()), (Some(a), Some(b)) if a.is_lowercase() && b.is_uppercase())
}

/// Words a line does not end on unless it wraps: `and`, `of`, `by`, `the`…
fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "or"
            | "of"
            | "in"
            | "for"
            | "&"
            | "the"
            | "a"
            | "an"
            | "with"
            | "at"
            | "to"
            | "by"
            | "from"
            | "on"
            | "into"
            | "de"
            | "da"
            | "del"
            | "und"
            | "et"
    )
}

/// True when a line reads like an entry header rather than running text.
pub(crate) fn header_like(item: &Item<'_>) -> bool {
    let words = word_count(&item.text);
    let sentence_end = words >= 5 && item.text.trim_end().ends_with(['.', ';']);
    find_range(&item.text).is_some()
        || (words <= 14 && !sentence_end)
        || segments(&item.text).len() >= 2 && words <= 20
}

/// True when `item` continues the body element that starts with `first`.
fn continues(item: &Item<'_>, first: &Item<'_>, previous_text: &str, margin: Option<f32>) -> bool {
    let hanging = match (item.indent, first.indent) {
        (Some(x), Some(x0)) => x > x0 + 1.5,
        _ => false,
    };
    let aligned = match (item.indent, first.indent, margin) {
        (Some(x), Some(x0), Some(m)) => first.bullet && (x - x0).abs() <= 2.0 && x0 > m + 3.0,
        _ => false,
    };
    let same_page = item.line.page == first.line.page;
    let same_size = match (item.line.font_size, first.line.font_size) {
        (Some(a), Some(b)) => (a - b).abs() <= 0.5,
        _ => true,
    };
    let header_look = item.text.contains('\t') || (has_bold(item) && !has_bold(first));
    if !same_size || header_look {
        return false;
    }
    let tight = item
        .line
        .space_before
        .is_none_or(|gap| gap < item.line.font_size.unwrap_or(10.0) * 0.8);
    if (hanging || aligned) && tight && same_page {
        return true;
    }
    if find_range(&item.text).is_some() && header_like(item) && word_count(&item.text) <= 12 {
        return false;
    }
    let starts_lower = !starts_with_brand(&item.text)
        && item
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || matches!(c, '(' | '&' | ',' | ')'));
    let open_end = !previous_text.trim_end().ends_with(['.', '!', '?', ':']);
    let dangling = previous_text
        .split_whitespace()
        .last()
        .is_some_and(is_function_word);
    (starts_lower && (tight || open_end)) || (dangling && tight && same_page)
}

/// Splits a section into entries.
pub(crate) fn split<'x, 'a>(items: &'x [Item<'a>]) -> Vec<Entry<'x, 'a>> {
    let margin = items.iter().filter_map(|i| i.indent).reduce(f32::min);
    let mut entries: Vec<Entry<'x, 'a>> = Vec::new();
    for item in items {
        let Some(entry) = entries.last_mut() else {
            let mut entry = Entry::default();
            if item.bullet {
                entry.bullets.push(item.text.clone());
                entry.last_body = Some(item);
                entry.last_is_bullet = true;
            } else {
                entry.header.push(item);
            }
            entries.push(entry);
            continue;
        };
        if item.bullet {
            entry.bullets.push(item.text.clone());
            entry.last_body = Some(item);
            entry.last_is_bullet = true;
            continue;
        }
        if let Some(first) = entry.last_body {
            let previous = if entry.last_is_bullet {
                entry.bullets.last()
            } else {
                entry.text.last()
            };
            if continues(item, first, previous.map_or("", String::as_str), margin) {
                let target = if entry.last_is_bullet {
                    entry.bullets.last_mut()
                } else {
                    entry.text.last_mut()
                };
                if let Some(paragraph) = target {
                    join_wrapped(paragraph, &item.text);
                }
                continue;
            }
        }
        let inferred_bullet = !entry.header.is_empty()
            && !is_date_only(&item.text)
            && item
                .indent
                .zip(entry.body_indent())
                .is_some_and(|(x, reference)| x > reference + 5.0);
        if inferred_bullet {
            entry.bullets.push(item.text.clone());
            entry.last_body = Some(item);
            entry.last_is_bullet = true;
            continue;
        }
        if !header_like(item) && !entry.header.is_empty() {
            entry.text.push(item.text.clone());
            entry.last_body = Some(item);
            entry.last_is_bullet = false;
            continue;
        }
        let open_range = entry
            .header
            .last()
            .is_some_and(|h| ends_in_open_range(&h.text));
        let starts_new = entry.has_body()
            || entry.header.len() >= 4
            || (entry.header_has_date() && find_range(&item.text).is_some() && !open_range)
            || (entry.header_has_date()
                && entry.header.len() >= 2
                && entry
                    .header
                    .first()
                    .is_some_and(|h| same_look(h, item) && has_bold(item)));
        if starts_new {
            entries.push(Entry {
                header: vec![item],
                ..Entry::default()
            });
        } else {
            entry.header.push(item);
        }
    }
    entries
}

/// Header text pieces with the dates taken out.
#[derive(Debug, Default)]
pub(crate) struct HeaderPieces {
    /// The dates as printed.
    pub dates: Option<String>,
    /// The normalised date range.
    pub range: Option<DateRange>,
    /// The remaining pieces, in reading order.
    pub pieces: Vec<Piece>,
}

/// A piece of header text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    /// The text.
    pub text: String,
    /// The piece sat apart on the right of its line (after a tab stop), where
    /// templates put dates and places.
    pub aside: bool,
}

/// Takes the first date range out of the header lines and splits the rest
/// into pieces at tabs, pipes, bullets and spaced dashes (and at the end of a
/// bold lead-in, as in **Engineer**, Acme).
pub(crate) fn header_pieces(header: &[&Item<'_>]) -> HeaderPieces {
    let mut out = HeaderPieces::default();
    for (item, mut text) in unwrap_header(header) {
        if out.range.is_none() {
            if let Some(range) = find_range(&text) {
                out.dates = text.get(range.from..range.to).map(|d| d.trim().to_owned());
                out.range = Some(range);
                text.replace_range(range.from..range.to, "\t");
            }
        }
        let (left, right) = text.split_once('\t').unwrap_or((text.as_str(), ""));
        let mut segs: Vec<String> = segments(left)
            .into_iter()
            .map(tidy)
            .filter(|s| !s.is_empty())
            .collect();
        if let (Some(prefix), Some(first)) = (item.line.bold_prefix(), segs.first()) {
            let prefix = tidy(prefix);
            if let Some(rest) = first.strip_prefix(prefix.as_str()) {
                let rest = tidy(rest);
                if !prefix.is_empty() && !rest.is_empty() && !rest.starts_with('(') {
                    segs.splice(0..1, [prefix, rest]);
                }
            }
        }
        let aside = segments(right)
            .into_iter()
            .map(tidy)
            .filter(|s| !s.is_empty());
        out.pieces
            .extend(segs.into_iter().map(|text| Piece { text, aside: false }));
        out.pieces
            .extend(aside.map(|text| Piece { text, aside: true }));
    }
    out
}

/// Rejoins header text that wrapped onto a second line: a line whose left
/// piece starts in lower case or with `(` continues the left piece above it,
/// and a lone one- or two-word fragment under a long line continues it.
fn unwrap_header<'x, 'a>(header: &[&'x Item<'a>]) -> Vec<(&'x Item<'a>, String)> {
    let mut out: Vec<(&Item<'a>, String)> = Vec::new();
    for item in header {
        let text = item.text.clone();
        let (left, right) = match text.split_once('\t') {
            Some((l, r)) => (l.to_owned(), Some(r.to_owned())),
            None => (text.clone(), None),
        };
        let Some((_, previous)) = out.last_mut() else {
            out.push((item, text));
            continue;
        };
        let starts_lower = !starts_with_brand(&left)
            && left
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c == '(');
        let fragment = right.is_none()
            && word_count(&left) <= 2
            && previous.chars().count() >= 60
            && !previous.contains('\t')
            && previous.chars().last().is_some_and(char::is_alphanumeric)
            && !left.chars().any(|c| c.is_ascii_digit())
            && find_range(&left).is_none();
        let dangling = previous.split_whitespace().last().is_some_and(|w| {
            matches!(
                w,
                "and" | "of" | "in" | "for" | "&" | "the" | "with" | "at" | "to" | "de" | "da"
            )
        });
        if (starts_lower && find_range(&left).is_none())
            || fragment
            || ends_in_open_range(previous)
            || (dangling && !previous.contains('\t'))
        {
            let (prev_left, prev_right) = match previous.split_once('\t') {
                Some((l, r)) => (l.to_owned(), Some(r.to_owned())),
                None => (previous.clone(), None),
            };
            let mut joined = prev_left;
            join_wrapped(&mut joined, &left);
            for tail in [prev_right, right].into_iter().flatten() {
                joined.push('\t');
                joined.push_str(&tail);
            }
            *previous = joined;
        } else {
            out.push((item, text));
        }
    }
    out
}

/// Trims separators and stray punctuation from a piece.
fn tidy(piece: &str) -> String {
    let separator = |c: char| {
        matches!(c, ',' | ';' | '|' | '–' | '—' | '-' | ':' | '•' | '·') || c.is_whitespace()
    };
    let mut text = piece.trim().trim_matches(separator).replace("()", "");
    // Dates taken out of `Acme (2019 – 2021)` leave an open and a close parenthesis behind.
    if text.matches('(').count() > text.matches(')').count() {
        text = text
            .trim_end_matches(|c: char| c == '(' || separator(c))
            .to_owned();
    }
    if text.matches(')').count() > text.matches('(').count() {
        text = text
            .trim_start_matches(|c: char| c == ')' || separator(c))
            .to_owned();
    }
    text.trim_matches(separator).trim().to_owned()
}
