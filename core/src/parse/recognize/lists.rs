//! Projects, certifications and languages.

use super::Item;
use super::dates::{find_range, last_year};
use super::entries::{header_pieces, split};
use super::text::{segments, split_list, word_count};
use crate::model::{Certification, Language, Project};

/// Reads a projects section.
pub(crate) fn projects(items: &[Item<'_>]) -> Vec<Project> {
    split(items)
        .into_iter()
        .filter_map(|entry| {
            let header = header_pieces(&entry.header);
            let mut pieces = header.pieces.into_iter().map(|p| p.text);
            let first = pieces.next()?;
            let (name, mut description) = match first.split_once(": ") {
                Some((name, description)) => {
                    (name.trim().to_owned(), Some(description.trim().to_owned()))
                }
                None => (first, None),
            };
            let rest: Vec<String> = pieces.collect();
            let url = rest
                .iter()
                .find(|p| !super::contact::find_urls(p).is_empty())
                .cloned();
            if description.is_none() {
                description = rest.into_iter().find(|p| Some(p) != url.as_ref());
            }
            let (text, bullets) = entry.into_parts();
            Some(Project {
                name,
                description: description.or(text),
                url,
                dates: header.dates,
                bullets,
            })
        })
        .collect()
}

/// Reads a certifications section: `Name — Issuer, 2023`, one per line.
pub(crate) fn certifications(items: &[Item<'_>]) -> Vec<Certification> {
    items
        .iter()
        .filter_map(|item| {
            let mut text = item.text.clone();
            let date = find_range(&text).and_then(|r| {
                let printed = text.get(r.from..r.to)?.to_owned();
                text.replace_range(r.from..r.to, "");
                Some(printed)
            });
            let trimmed = text
                .trim()
                .trim_end_matches([',', '(', ')', ' ', '-', '–'])
                .trim_end_matches("()")
                .trim();
            let (name, issuer) = name_and_issuer(trimmed)?;
            Some(Certification {
                name,
                issuer,
                date: date.or_else(|| last_year(&item.text).map(|y| y.to_string())),
            })
        })
        .collect()
}

/// Splits `Name — Issuer` at the strongest separator present: a tab, pipe,
/// bullet or em dash first, then a spaced en dash or hyphen, then a comma.
fn name_and_issuer(text: &str) -> Option<(String, Option<String>)> {
    let strong: Vec<&str> = text
        .split(['\t', '|', '•', '—'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let pieces = if strong.len() >= 2 {
        strong
    } else {
        segments(text)
    };
    let mut pieces = pieces.into_iter();
    let first = pieces.next()?;
    if let Some(issuer) = pieces.next() {
        return Some((
            first.to_owned(),
            Some(issuer.trim_end_matches([',', ' ']).to_owned()).filter(|s| !s.is_empty()),
        ));
    }
    match first.split_once(", ") {
        Some((name, issuer)) if !issuer.trim().is_empty() => {
            Some((name.trim().to_owned(), Some(issuer.trim().to_owned())))
        }
        _ => Some((first.to_owned(), None)),
    }
}

/// Reads a languages section: `English (Native); Spanish (Fluent)`.
pub(crate) fn languages(items: &[Item<'_>]) -> Vec<Language> {
    items
        .iter()
        .flat_map(|item| languages_in(&item.text))
        .collect()
}

/// The spoken languages listed in one line of text.
pub(crate) fn languages_in(text: &str) -> Vec<Language> {
    language_entries(text)
        .into_iter()
        .filter_map(|entry| {
            let (language, fluency) = if let Some((lang, rest)) = entry.split_once('(') {
                (lang.trim(), Some(rest.trim_end_matches(')').trim()))
            } else if let Some((lang, rest)) = entry.split_once([':', '–', '—', '-', '·']) {
                (lang.trim(), Some(rest.trim()))
            } else {
                (entry.trim(), None)
            };
            (!language.is_empty()).then(|| Language {
                language: language.to_owned(),
                fluency: fluency.filter(|f| !f.is_empty()).map(str::to_owned),
            })
        })
        .collect()
}

/// The language entries of one line: `Korean · native` is one entry, while
/// `English (Native); Spanish (Fluent)` is a list.
fn language_entries(text: &str) -> Vec<String> {
    let one_pair =
        !text.contains([',', ';', '|', '\t']) && text.matches(['·', ':', '–', '—']).count() == 1;
    if one_pair && word_count(text) <= 6 {
        vec![text.trim().to_owned()]
    } else {
        split_list(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Line;

    fn items(lines: &[Line]) -> Vec<Item<'_>> {
        lines
            .iter()
            .map(|l| Item {
                text: l.text.clone(),
                bullet: l.list_item,
                line: l,
                indent: l.indent,
            })
            .collect()
    }

    #[test]
    fn languages_with_fluency() {
        let lines = [Line::plain(
            "English (Native speaker); Spanish (Fluent), German: B2",
        )];
        let langs = languages(&items(&lines));
        let got: Vec<_> = langs
            .iter()
            .map(|l| (l.language.as_str(), l.fluency.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("English", Some("Native speaker")),
                ("Spanish", Some("Fluent")),
                ("German", Some("B2"))
            ]
        );
    }

    #[test]
    fn certification_with_issuer_and_year() {
        let lines = [Line::plain("Certified Emergency Nurse (CEN) — BCEN, 2021")];
        let certs = certifications(&items(&lines));
        assert_eq!(certs[0].name, "Certified Emergency Nurse (CEN)");
        assert_eq!(certs[0].issuer.as_deref(), Some("BCEN"));
        assert_eq!(certs[0].date.as_deref(), Some("2021"));
    }
}
