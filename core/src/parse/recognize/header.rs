//! The top of the resume: name, headline, contact details and an unlabelled
//! summary.

use super::Item;
use super::contact::{
    find_email, find_phone, find_urls, is_contact_detail, is_location, link, looks_like_name,
    strip_label, with_scheme,
};
use super::headings::{SectionKind, section_for};
use super::sections::Layout;
use super::text::{join_wrapped, segments, word_count};
use crate::model::Resume;

/// Lines that may carry contact details: the preamble, contact sections, and
/// page headers and footers.
fn contact_items<'x, 'a>(layout: &'x Layout<'a>, all: &'x [Item<'a>]) -> Vec<&'x Item<'a>> {
    let mut out: Vec<&Item<'a>> = layout.preamble.iter().collect();
    for section in &layout.sections {
        if section.kind == SectionKind::Contact {
            out.extend(section.items.iter());
        }
    }
    out.extend(all.iter().filter(|i| {
        matches!(
            i.line.origin,
            crate::parse::LineOrigin::Header | crate::parse::LineOrigin::Footer
        )
    }));
    out
}

/// Fills name, headline, email, phone, location, links and (when there is no
/// summary section) the summary from the top of the document.
pub(crate) fn read(layout: &Layout<'_>, all: &[Item<'_>], resume: &mut Resume) {
    let contact = contact_items(layout, all);
    let everywhere = || all.iter().filter(|i| !i.bullet);

    resume.email = contact
        .iter()
        .find_map(|i| find_email(&i.text))
        .or_else(|| {
            all.iter()
                .flat_map(|i| &i.line.links)
                .find_map(|l| l.strip_prefix("mailto:").map(str::to_owned))
        })
        .or_else(|| everywhere().find_map(|i| find_email(&i.text)));
    resume.phone = contact
        .iter()
        .find_map(|i| {
            segments(&i.text)
                .into_iter()
                .find_map(|s| find_phone(strip_label(s)))
        })
        .or_else(|| everywhere().take(40).find_map(|i| find_phone(&i.text)));

    let mut urls: Vec<String> = Vec::new();
    for item in &contact {
        for url in find_urls(&item.text) {
            push_unique(&mut urls, url);
        }
    }
    for url in all.iter().flat_map(|i| &i.line.links) {
        if !url.starts_with("mailto:") && !url.starts_with("tel:") {
            push_unique(&mut urls, with_scheme(url));
        }
    }
    resume.links = urls.iter().map(|u| link(u)).collect();

    resume.location = contact.iter().find_map(|i| {
        let segs = segments(&i.text);
        let has_contact = segs.iter().any(|s| is_contact_detail(s))
            || segs.len() > 1
            || (segs.len() == 1 && word_count(&i.text) <= 4)
            || i.text.to_lowercase().starts_with("location")
            || i.text.to_lowercase().starts_with("address");
        has_contact
            .then(|| {
                segs.into_iter()
                    .map(strip_label)
                    .find(|s| is_location(s) && !is_contact_detail(s))
                    .map(str::to_owned)
            })
            .flatten()
    });

    let name_at = pick_name(&layout.preamble, all);
    if let Some((index, name)) = name_at.clone() {
        resume.name = Some(name);
        resume.headline = headline_after(&layout.preamble, index);
    }
    if !layout
        .sections
        .iter()
        .any(|s| s.kind == SectionKind::Summary)
    {
        let start = name_at.map_or(0, |(i, _)| i + 1);
        let rest = layout.preamble.iter().skip(start);
        let paragraph: Vec<&str> = rest
            .skip_while(|i| word_count(&i.text) < 8 || is_contact_detail(&i.text))
            .take_while(|i| !is_contact_detail(&i.text) && !i.text.contains('\t'))
            .map(|i| i.text.as_str())
            .collect();
        if !paragraph.is_empty() {
            resume.sections.summary = Some(paragraph.join(" "));
        }
    }
}

fn push_unique(urls: &mut Vec<String>, url: String) {
    let key = |u: &str| {
        u.trim_end_matches('/')
            .split("://")
            .nth(1)
            .unwrap_or(u)
            .trim_start_matches("www.")
            .to_lowercase()
    };
    if !urls.iter().any(|u| key(u) == key(&url)) {
        urls.push(url);
    }
}

/// The name: the most prominent name-shaped text near the top.
fn pick_name(preamble: &[Item<'_>], all: &[Item<'_>]) -> Option<(usize, String)> {
    let pool: &[Item<'_>] = if preamble.is_empty() {
        &all[..all.len().min(6)]
    } else {
        preamble
    };
    let max_size = all
        .iter()
        .filter_map(|i| i.line.font_size)
        .fold(0.0_f32, f32::max);
    let largest = |item: &Item<'_>| {
        max_size > 0.0 && item.line.font_size.is_some_and(|s| s >= max_size - 0.5)
    };
    let mut best: Option<(i32, usize, String)> = None;
    for (index, item) in pool.iter().enumerate().take(12) {
        let mut text = item.text.clone();
        let next = pool
            .get(index + 1)
            .filter(|n| largest(item) && largest(n) && !n.text.contains('\t'));
        if let Some(next) = next {
            join_wrapped(&mut text, &next.text);
        }
        let Some(candidate) = name_in(&text).or_else(|| name_in(&item.text)) else {
            continue;
        };
        let line = item.line;
        let mut score = 0;
        if line.heading_level == Some(0) {
            score += 4;
        }
        if largest(item) {
            score += 3;
        }
        if line.is_bold() {
            score += 1;
        }
        if index == 0 {
            score += 1;
        }
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            let last = match next {
                Some(n) if candidate.ends_with(n.text.trim()) => index + 1,
                _ => index,
            };
            best = Some((score, last, candidate.to_owned()));
        }
    }
    best.map(|(_, index, name)| (index, name))
}

fn strip_name_label(text: &str) -> &str {
    match text.get(..5) {
        Some(label) if label.eq_ignore_ascii_case("name:") => text[5..].trim(),
        _ => text,
    }
}

/// The first piece of `text` that reads as a person's name.
fn name_in(text: &str) -> Option<String> {
    segments(text)
        .into_iter()
        .map(strip_name_label)
        .find(|s| {
            looks_like_name(s)
                && !is_contact_detail(s)
                && !is_location(s)
                && section_for(s).is_none()
        })
        .map(str::to_owned)
}

/// The professional title printed right under the name, if any.
fn headline_after(preamble: &[Item<'_>], name_index: usize) -> Option<String> {
    preamble
        .iter()
        .skip(name_index + 1)
        .take(2)
        .find_map(|item| {
            let segs = segments(&item.text);
            let first = segs.first()?;
            if is_contact_detail(first) || is_location(first) || section_for(&item.text).is_some() {
                return None;
            }
            let words: Vec<&str> = segs
                .into_iter()
                .take_while(|s| !is_contact_detail(s) && !is_location(s))
                .collect();
            let headline = words.join(" ");
            (word_count(&headline) <= 12).then_some(headline)
        })
}
