//! Work history entries: title, company, dates, location and bullets.

use super::Item;
use super::contact::is_location;
use super::entries::{Piece, header_pieces, split};
use super::lexicon::{company_score, ends_with_title_noun, title_score};
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
    let parts: Vec<&str> = piece.split(", ").collect();
    if parts.len() >= 3 && ends_with_title_noun(parts[0]) {
        return (parts[0].trim().to_owned(), parts[1..].join(", "));
    }
    if let Some((left, right)) = piece.rsplit_once(", ") {
        let employer = company_score(right) > 0 || ends_with_title_noun(left);
        if title_score(left) > 0 && employer && title_score(right) == 0 {
            return (left.trim().to_owned(), right.trim().to_owned());
        }
    }
    if company_score(piece) > title_score(piece) {
        (String::new(), piece.to_owned())
    } else {
        (piece.to_owned(), String::new())
    }
}

/// Takes the place out of the header pieces: a `City, Region` piece, else
/// the `, City` tail of the job-title piece, else a short place-like piece
/// set apart on the right when enough pieces remain for title and employer.
fn take_location(pieces: &mut Vec<Piece>) -> Option<String> {
    if pieces.len() < 2 {
        return None;
    }
    if let Some(i) = pieces.iter().position(|p| is_location(&p.text)) {
        return Some(pieces.remove(i).text);
    }
    let aside = pieces
        .iter()
        .position(|p| p.aside && looks_like_place(&p.text));
    if let Some(i) = aside.filter(|_| pieces.len() > 2) {
        return Some(pieces.remove(i).text);
    }
    let title_comma = |p: &Piece| {
        p.text
            .rsplit_once(", ")
            .is_some_and(|(title, tail)| ends_with_title_noun(title) && word_count(tail) <= 3)
    };
    let first_pair = pieces.iter().position(title_comma)?;
    // `Engineer, Acme` followed by `Warsaw`: the tail is the employer and the
    // place stands on its own.
    if let Some(i) = (first_pair + 1..pieces.len())
        .rev()
        .find(|&i| looks_like_place(&pieces[i].text))
    {
        return Some(pieces.remove(i).text);
    }
    // `Acme` followed by `Engineer, Warsaw`: the tail is the place.
    let piece = &mut pieces[first_pair];
    let (title, place) = piece.text.rsplit_once(", ")?;
    if first_pair == 0 || !looks_like_place(place) || word_count(place) > 2 {
        return None;
    }
    let place = place.trim().to_owned();
    piece.text = title.trim().to_owned();
    Some(place)
}

/// A short piece without job or employer words: a place such as `Kista`.
fn looks_like_place(piece: &str) -> bool {
    let shouted =
        super::text::is_upper(piece) && piece.chars().filter(|c| c.is_alphabetic()).count() > 3;
    !shouted
        && word_count(piece) <= 4
        && title_score(piece) == 0
        && company_score(piece) == 0
        && piece.chars().next().is_some_and(char::is_uppercase)
        && !piece.chars().any(|c| c.is_ascii_digit())
}

/// Splits `Arup, Cork` into employer and place when the part after the last
/// comma reads as a place.
fn split_trailing_place(company: String) -> (String, Option<String>) {
    if let Some((name, place)) = company.rsplit_once(", ") {
        if looks_like_place(place) && word_count(place) <= 3 && !name.trim().is_empty() {
            return (name.trim().to_owned(), Some(place.trim().to_owned()));
        }
    }
    (company, None)
}

/// With three or more pieces (`Acme | Bilbao` over `Lead Engineer`), puts
/// the most title-like piece and the most employer-like of the rest first,
/// so a place between them is not taken for either.
fn order_by_role(mut pieces: Vec<String>) -> Vec<String> {
    if pieces.len() < 3 {
        return pieces;
    }
    let Some(title_at) = (0..pieces.len())
        .filter(|&i| title_score(&pieces[i]) > 0)
        .max_by_key(|&i| (title_score(&pieces[i]), usize::MAX - i))
    else {
        return pieces;
    };
    let title = pieces.remove(title_at);
    let company_at = pieces
        .iter()
        .position(|p| company_score(p) > 0)
        .unwrap_or(0);
    let company = pieces.remove(company_at);
    let mut ordered = vec![title, company];
    ordered.extend(pieces);
    ordered
}

/// Orders two pieces as (title, company) by which reads more like which.
fn order(a: String, b: String) -> (String, String) {
    let as_is = title_score(&a) + company_score(&b);
    let swapped = title_score(&b) + company_score(&a);
    if swapped > as_is || (swapped == as_is && title_score(&b) > title_score(&a)) {
        (b, a)
    } else {
        (a, b)
    }
}

/// Reads the entries of an experience section.
pub(crate) fn parse(items: &[Item<'_>]) -> Vec<Experience> {
    split(items)
        .into_iter()
        .filter_map(|entry| {
            let header = header_pieces(&entry.header);
            let mut pieces = header.pieces;
            let location = take_location(&mut pieces);
            let mut pieces =
                order_by_role(pieces.into_iter().map(|p| p.text).collect()).into_iter();
            let (title, company) = match (pieces.next(), pieces.next()) {
                (Some(a), Some(b)) => order(a, b),
                (Some(a), None) => split_single(&a),
                _ => (String::new(), String::new()),
            };
            let location = location.or_else(|| pieces.find(|p| looks_like_place(p)));
            let (company, location) = match location {
                Some(place) => (company, Some(place)),
                None => split_trailing_place(company),
            };
            // A title's `, Tail` is its place only without an employer: with
            // one it is part of the title (`Director, South-East Asia`).
            let (title, location) = match location {
                Some(place) => (title, Some(place)),
                None if company.is_empty() => split_trailing_place(title),
                None => (title, None),
            };
            let (company, location) = match (company.is_empty(), location) {
                (true, Some(place)) if !title.is_empty() => match place.split_once(", ") {
                    Some((employer, city)) => {
                        (employer.trim().to_owned(), Some(city.trim().to_owned()))
                    }
                    None => (company, Some(place)),
                },
                (_, location) => (company, location),
            };
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
