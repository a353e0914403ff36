//! Education entries: degree, institution, year, field, GPA and details.

use std::sync::LazyLock;

use regex::Regex;

use super::Item;
use super::compile;
use super::contact::is_location;
use super::dates::last_year;
use super::entries::{header_pieces, split};
use super::lexicon::{degree_score, school_score};
use crate::model::Education;

static GPA: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:c?gpa|grade point average|grade|score)\s*[:\-]?\s*(\d(?:[.,]\d{1,2})?(?:\s*/\s*\d(?:[.,]\d{1,2})?)?)",
    )
});

/// The GPA in `text`, as printed.
fn find_gpa(text: &str) -> Option<String> {
    GPA.captures(text)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_owned())
}

/// Splits `Bachelor of Science, Computer Science` / `BS in Nursing` into the
/// field of study.
fn field_of(degree: &str) -> Option<String> {
    let field = degree
        .split_once(" in ")
        .map(|(_, f)| f)
        .or_else(|| degree.split_once(", ").map(|(_, f)| f))
        .or_else(|| {
            let mut words = degree.splitn(2, ' ');
            let abbreviation = words.next()?;
            let short =
                abbreviation.chars().count() <= 5 && abbreviation.chars().any(char::is_uppercase);
            (short && degree_score(abbreviation) > 0)
                .then(|| words.next())
                .flatten()
        })?;
    let field = field.trim();
    (!field.is_empty()).then(|| field.to_owned())
}

/// Splits `BFA Umeå University` into a leading degree abbreviation and the school.
fn split_leading_degree(piece: &str) -> Option<(String, String)> {
    let (first, rest) = piece.split_once(' ')?;
    (degree_score(first) > 0 && school_score(first) == 0 && school_score(rest) > degree_score(rest))
        .then(|| (first.to_owned(), rest.trim().to_owned()))
}

/// Splits one piece holding both degree and school at a comma.
fn split_combined(piece: &str) -> Option<(String, String)> {
    let commas: Vec<usize> = piece.match_indices(", ").map(|(i, _)| i).collect();
    commas.into_iter().find_map(|i| {
        let (left, right) = (&piece[..i], &piece[i + 2..]);
        (degree_score(left) > school_score(left) && school_score(right) > degree_score(right))
            .then(|| (left.trim().to_owned(), right.trim().to_owned()))
            .or_else(|| {
                (school_score(left) > degree_score(left)
                    && degree_score(right) > school_score(right))
                .then(|| (right.trim().to_owned(), left.trim().to_owned()))
            })
    })
}

/// Education set as cards side by side comes out as rows holding one piece
/// of each card (`MSc⇥BSc`, `Warsaw University⇥Jagiellonian University`):
/// reads such a block card by card. A block qualifies when its rows have the
/// same number of tab pieces and one row is all degrees or all schools.
fn unstack_cards<'a>(items: &[Item<'a>]) -> Vec<Item<'a>> {
    let columns = |item: &Item<'_>| item.text.split('\t').count();
    let mut out = Vec::with_capacity(items.len());
    let mut i = 0;
    while i < items.len() {
        let k = columns(&items[i]);
        let end = (i..items.len())
            .find(|&j| columns(&items[j]) != k || items[j].bullet)
            .unwrap_or(items.len());
        let block = &items[i..end];
        let uniform = |score: fn(&str) -> usize| {
            block
                .iter()
                .any(|row| row.text.split('\t').all(|piece| score(piece) > 0))
        };
        if k >= 2 && block.len() >= 2 && (uniform(degree_score) || uniform(school_score)) {
            for column in 0..k {
                for row in block {
                    let mut piece = row.clone();
                    piece.text = row
                        .text
                        .split('\t')
                        .nth(column)
                        .unwrap_or("")
                        .trim()
                        .to_owned();
                    piece.indent = None;
                    if !piece.text.is_empty() {
                        out.push(piece);
                    }
                }
            }
            i = end;
        } else {
            out.push(items[i].clone());
            i += 1;
        }
    }
    out
}

/// Reads the entries of an education section.
pub(crate) fn parse(items: &[Item<'_>]) -> Vec<Education> {
    let items = unstack_cards(items);
    split(&items)
        .into_iter()
        .filter_map(|entry| {
            let header = header_pieces(&entry.header);
            let mut degree = String::new();
            let mut institution = String::new();
            let mut location = None;
            let mut gpa = None;
            let mut leftovers = Vec::new();
            for piece in header.pieces.into_iter().map(|p| p.text) {
                if let Some(g) = find_gpa(&piece) {
                    gpa.get_or_insert(g);
                    continue;
                }
                let (d, s) = (degree_score(&piece), school_score(&piece));
                if d > 0 && s > 0 && degree.is_empty() && institution.is_empty() {
                    if let Some((deg, school)) = split_combined(&piece) {
                        degree = deg;
                        institution = school;
                        continue;
                    }
                }
                if d == 0 && s == 0 && is_location(&piece) && location.is_none() {
                    location = Some(piece);
                } else if s > d && institution.is_empty() {
                    institution = piece;
                } else if d > s && degree.is_empty() {
                    degree = piece;
                } else if let Some((deg, school)) = split_leading_degree(&piece)
                    .filter(|_| degree.is_empty() && institution.is_empty())
                {
                    degree = deg;
                    institution = school;
                } else if let Some((deg, school)) =
                    split_combined(&piece).filter(|_| degree.is_empty() && institution.is_empty())
                {
                    degree = deg;
                    institution = school;
                } else {
                    leftovers.push(piece);
                }
            }
            for piece in leftovers {
                if institution.is_empty() {
                    institution = piece;
                } else if degree.is_empty() {
                    degree = piece;
                } else if degree.split_whitespace().count() == 1 && school_score(&piece) == 0 {
                    degree = format!("{degree} {piece}");
                }
            }
            if degree.split_whitespace().count() == 1 && field_of(&degree).is_none() {
                if let Some((school, field)) = institution.rsplit_once(", ") {
                    if school_score(field) == 0 && school_score(school) > 0 {
                        degree = format!("{degree} {}", field.trim());
                        institution = school.trim().to_owned();
                    }
                }
            }
            let (description, bullets) = entry.into_parts();
            let mut details: Vec<String> = description.into_iter().chain(bullets).collect();
            if gpa.is_none() {
                gpa = details.iter().find_map(|d| find_gpa(d));
            }
            details.retain(|d| find_gpa(d).is_none_or(|_| d.split_whitespace().count() > 4));
            let year = header
                .range
                .and_then(|r| r.end.year().or(r.start.year()))
                .map(|y| y.to_string())
                .or_else(|| {
                    header
                        .dates
                        .as_deref()
                        .and_then(last_year)
                        .map(|y| y.to_string())
                })
                .unwrap_or_default();
            let empty = degree.is_empty() && institution.is_empty();
            (!empty).then(|| Education {
                field: field_of(&degree),
                degree,
                institution,
                year,
                start: header.range.filter(|r| r.start != r.end).map(|r| r.start),
                end: header.range.map(|r| r.end),
                gpa,
                location,
                details,
            })
        })
        .collect()
}
