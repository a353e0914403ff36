//! Page furniture: running headers and footers, page numbers.
//!
//! Lines near the top or bottom edge whose text (digits ignored) recurs on
//! several pages at about the same height are running headers or footers:
//! the first copy is kept and marked [`LineOrigin::Header`] or
//! [`LineOrigin::Footer`], the later copies are dropped. Page numbers
//! ("2", "- 2 -", "Page 2 of 3", "Name – Page 2") near the edges are
//! dropped everywhere.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::layout::PageLine;
use crate::parse::LineOrigin;

/// Share of the page height at the top and bottom where furniture lives.
const EDGE: f32 = 0.12;
/// Largest baseline difference (points) between copies of a running line.
const SAME_HEIGHT: f32 = 4.0;

static PAGE_NUMBER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            [\s\-–—(\[]*\d{1,4}[\s\-–—)\]]*
          | \d{1,4}\s*(?:/|of)\s*\d{1,4}
          | .{0,60}?(?:page|pg\.?|p\.|seite|página|pagina)\s*\d{1,4}(?:\s*(?:/|of|de|von)\s*\d{1,4})?
        )\s*$",
    )
    .ok()
});

fn is_page_number(text: &str) -> bool {
    PAGE_NUMBER
        .as_ref()
        .is_some_and(|re| re.is_match(text.trim()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
    Top,
    Bottom,
}

fn edge(line: &PageLine) -> Option<Edge> {
    if line.y <= EDGE * line.page_height {
        Some(Edge::Top)
    } else if line.y >= (1.0 - EDGE) * line.page_height {
        Some(Edge::Bottom)
    } else {
        None
    }
}

fn key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// Drops page numbers and repeated headers and footers from `pages`.
pub fn remove_furniture(pages: &mut [Vec<PageLine>]) {
    let mut seen: HashMap<(String, bool), Vec<(usize, f32)>> = HashMap::new();
    for (page, lines) in pages.iter().enumerate() {
        for line in lines {
            if let Some(edge) = edge(line) {
                let entry = seen
                    .entry((key(&line.line.text), edge == Edge::Top))
                    .or_default();
                if !entry.iter().any(|(p, _)| *p == page) {
                    entry.push((page, line.y));
                }
            }
        }
    }
    let repeated = |text: &str, top: bool, y: f32| {
        seen.get(&(key(text), top)).is_some_and(|copies| {
            copies
                .iter()
                .filter(|(_, other)| (other - y).abs() <= SAME_HEIGHT)
                .count()
                >= 2
        })
    };
    let mut kept: HashSet<(String, bool)> = HashSet::new();
    for lines in pages.iter_mut() {
        lines.retain_mut(|line| {
            let Some(edge) = edge(line) else {
                return true;
            };
            if is_page_number(&line.line.text) {
                return false;
            }
            let top = edge == Edge::Top;
            if !repeated(&line.line.text, top, line.y) {
                return true;
            }
            let k = (key(&line.line.text), top);
            if !kept.insert(k) {
                return false;
            }
            line.line.origin = if top {
                LineOrigin::Header
            } else {
                LineOrigin::Footer
            };
            true
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Line;

    fn line(text: &str, y: f32) -> PageLine {
        PageLine {
            line: Line::plain(text),
            x0: 50.0,
            x1: 200.0,
            y,
            page_height: 792.0,
        }
    }

    #[test]
    fn page_numbers() {
        for text in [
            "2",
            "- 2 -",
            "Page 2 of 3",
            "José Núñez - Page 1 of 2",
            "3/4",
            "(5)",
        ] {
            assert!(is_page_number(text), "{text}");
        }
        for text in [
            "Python 3",
            "2019 – 2021",
            "Senior Engineer",
            "jose@example.com",
        ] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn running_headers_and_page_numbers() {
        let mut pages = vec![
            vec![
                line("Jane Doe · Resume", 30.0),
                line("Body one", 300.0),
                line("1", 770.0),
            ],
            vec![
                line("Jane Doe · Resume", 30.5),
                line("Body two", 300.0),
                line("2", 770.0),
            ],
        ];
        remove_furniture(&mut pages);
        let texts: Vec<Vec<&str>> = pages
            .iter()
            .map(|p| p.iter().map(|l| l.line.text.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            [vec!["Jane Doe · Resume", "Body one"], vec!["Body two"]]
        );
        assert_eq!(pages[0][0].line.origin, LineOrigin::Header);
    }
}
