//! Work history entries: title, company, dates, location and bullets.

use super::Item;
use super::contact::is_location;
use super::entries::{header_pieces, split};
use super::lexicon::{company_score, title_score};
use super::text::word_count;
use crate::model::Experience;

/// Splits one piece that holds both title and company: `Engineer at Acme`,
/// `Engineer @ Acme`, or `Engineer, Acme Corp` when the words say so.
fn split_single(piece: &str) -> (String, String) {
    for sep in [" at ", " @ ", " for "] {
        if let Some((title, company)) = piece.split_once(sep) {
            if title_score(title) > 0 {
                return (title.trim().to_owned(), company.trim().to_owned());
            }
        }
    }
    if let Some((left, right)) = piece.rsplit_once(", ") {
        if title_score(left) > 0 && company_score(right) > 0 && title_score(right) == 0 {
            return (left.trim().to_owned(), right.trim().to_owned());
        }
    }
    if company_score(piece) > title_score(piece) {
        (String::new(), piece.to_owned())
    } else {
        (piece.to_owned(), String::new())
    }
}

/// Orders two pieces as (title, company) by which reads more like which.
fn order(a: String, b: String) -> (String, String) {
    let as_is = title_score(&a) + company_score(&b);
    let swapped = title_score(&b) + company_score(&a);
    if swapped > as_is { (b, a) } else { (a, b) }
}

/// Reads the entries of an experience section.
pub(crate) fn parse(items: &[Item<'_>]) -> Vec<Experience> {
    split(items)
        .into_iter()
        .filter_map(|entry| {
            let header = header_pieces(&entry.header);
            let mut pieces = header.pieces;
            let location = (pieces.len() > 1)
                .then(|| pieces.iter().position(|p| is_location(p)))
                .flatten()
                .map(|i| pieces.remove(i));
            let mut pieces = pieces.into_iter();
            let (title, company) = match (pieces.next(), pieces.next()) {
                (Some(a), Some(b)) => order(a, b),
                (Some(a), None) => split_single(&a),
                _ => (String::new(), String::new()),
            };
            let location =
                location.or_else(|| pieces.find(|p| word_count(p) <= 5 && title_score(p) == 0));
            let (description, bullets) = entry.into_parts();
            let empty = title.is_empty() && company.is_empty() && header.dates.is_none();
            (!empty || !bullets.is_empty()).then(|| Experience {
                title,
                company,
                dates: header.dates.unwrap_or_default(),
                start: header.range.map(|r| r.start),
                end: header.range.map(|r| r.end),
                location,
                description,
                bullets,
            })
        })
        .collect()
}
