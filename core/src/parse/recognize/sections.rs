//! Cutting the document into sections at its headings, and dispatching each
//! section to the recogniser for its kind.

use std::collections::HashMap;

use super::Item;
use super::contact::{is_contact_detail, is_location, looks_like_name};
use super::headings::{
    HeadingStyle, SectionKind, heading_shaped, is_entry_subheading, section_by_keyword, section_for,
};
use super::text::{join_wrapped, segments, word_count};
use super::{education, experience, lists, skills};
use crate::model::{OtherSection, Resume};

/// Headings whose words are also common outside headings; they count only
/// when they look like the document's other headings.
const WEAK: &[&str] = &[
    "work",
    "career",
    "software",
    "tools",
    "details",
    "service",
    "project",
    "language",
    "training",
    "research",
    "leadership",
    "community",
    "military",
    "links",
    "other",
    "additional",
    "expertise",
    "technologies",
    "strengths",
    "bio",
    "overview",
    "courses",
    "qualifications",
    "organizations",
    "abilities",
    "studies",
    "contact",
];

/// One section: its kind, its heading as printed and its lines.
#[derive(Debug)]
pub(crate) struct Section<'a> {
    /// The kind of section.
    pub kind: SectionKind,
    /// The heading as printed.
    pub title: String,
    /// Lines under the heading.
    pub items: Vec<Item<'a>>,
}

/// The document cut at its headings.
#[derive(Debug, Default)]
pub(crate) struct Layout<'a> {
    /// Lines before the first heading (name, headline, contact details).
    pub preamble: Vec<Item<'a>>,
    /// The sections in document order.
    pub sections: Vec<Section<'a>>,
}

/// The font size (in half points) that most of the text is set in.
pub(crate) fn body_size(items: &[Item<'_>]) -> Option<i32> {
    let mut weight: HashMap<i32, usize> = HashMap::new();
    for item in items {
        if let Some(size) = item.line.font_size {
            *weight.entry((size * 2.0).round() as i32).or_default() += item.text.len();
        }
    }
    weight
        .into_iter()
        .max_by_key(|&(size, w)| (w, -size))
        .map(|(size, _)| size)
}

fn heading_text(item: &Item<'_>) -> String {
    item.text
        .trim()
        .trim_end_matches([':', '：'])
        .trim()
        .to_owned()
}

fn is_weak(text: &str) -> bool {
    WEAK.contains(&super::headings::heading_key(text).as_str())
}

/// Whether the document carries any styling information at all.
fn styled(items: &[Item<'_>]) -> bool {
    items.iter().any(|i| {
        i.line.heading_level.is_some() || !i.line.spans.is_empty() || i.line.font_size.is_some()
    })
}

/// An inline heading: `Skills: Go, Rust` → (kind, title, rest).
fn inline_heading<'t>(item: &'t Item<'_>) -> Option<(SectionKind, &'t str, &'t str)> {
    let text = item.text.as_str();
    if let Some((head, rest)) = text.split_once([':', '：']) {
        let kind = section_for(head)?;
        let rest = rest.trim();
        return (!rest.is_empty() && !matches!(kind, SectionKind::Other | SectionKind::Contact))
            .then_some((kind, head.trim(), rest));
    }
    // A label in a side column that shares its line with the first entry:
    // `Work⇥Acme Corp⇥2019 – 2021`. Weak words need to stand out in bold.
    let (head, rest) = text.split_once('\t')?;
    let kind = section_for(head)?;
    let stands_out = !is_weak(head)
        || item.line.is_bold()
        || item
            .line
            .bold_prefix()
            .is_some_and(|p| p.trim_start().starts_with(head.trim()));
    (stands_out && !rest.trim().is_empty() && kind != SectionKind::Contact).then_some((
        kind,
        head.trim(),
        rest.trim(),
    ))
}

/// A row of section headings side by side (`Languages⇥Certificates`):
/// their kinds and titles, when every piece of the line names a section.
fn heading_row(item: &Item<'_>) -> Option<Vec<(SectionKind, String)>> {
    if item.bullet || !item.text.contains('\t') {
        return None;
    }
    item.text
        .split('\t')
        .map(|piece| {
            let title = piece.trim().trim_end_matches([':', '：']).trim();
            (heading_shaped(title) && !is_weak(title))
                .then(|| section_for(title))
                .flatten()
                .map(|kind| (kind, title.to_owned()))
        })
        .collect()
}

/// Cuts `items` into a preamble and sections.
pub(crate) fn split<'a>(items: &[Item<'a>]) -> Layout<'a> {
    let body = body_size(items);
    let styled = styled(items);
    let strong_style = |item: &Item<'_>| {
        let style = HeadingStyle::of(item.line);
        !item.bullet
            && (!styled
                || style.is_emphasised(body)
                || item.line.space_before.is_some_and(|s| s > 0.0)
                    && super::text::is_upper(&item.text))
    };
    let mut heading_styles: Vec<HeadingStyle> = Vec::new();
    let mut kinds: Vec<Option<SectionKind>> = vec![None; items.len()];
    for (i, item) in items.iter().enumerate() {
        let text = heading_text(item);
        if let Some(kind) = section_for(&text) {
            if !is_weak(&text) && strong_style(item) {
                kinds[i] = Some(kind);
                heading_styles.push(HeadingStyle::of(item.line));
            }
        }
    }
    // In a document whose headings carry outline levels (Word heading
    // styles), a bold line without a level is a label, not a heading.
    let structured = heading_styles
        .iter()
        .filter(|h| h.level.is_some_and(|l| l >= 1))
        .count()
        >= 2;
    if structured {
        for (i, item) in items.iter().enumerate() {
            if kinds[i].is_some() && item.line.heading_level.is_none() {
                kinds[i] = None;
            }
        }
    }
    let matches_known = |item: &Item<'_>| {
        let style = HeadingStyle::of(item.line);
        heading_styles.contains(&style)
            && (style.level.is_some_and(|l| l >= 1)
                || style.upper
                || matches!((style.size, body), (Some(s), Some(b)) if s > b))
    };
    for (i, item) in items.iter().enumerate() {
        if kinds[i].is_some() || item.bullet {
            continue;
        }
        let text = heading_text(item);
        match section_for(&text) {
            Some(kind)
                if matches_known(item)
                    || (!styled && is_weak(&text) && heading_styles.is_empty()) =>
            {
                kinds[i] = Some(kind)
            }
            None if heading_shaped(&text) && matches_known(item) => {
                kinds[i] = Some(section_by_keyword(&text).unwrap_or(SectionKind::Other))
            }
            _ => {}
        }
    }

    let masthead = masthead(items, body);
    let mut layout = Layout::default();
    // Open columns of a heading row (`Languages⇥Certificates`): the index of
    // the first of their sections and how many there are.
    let mut grid: Option<(usize, usize)> = None;
    for (i, item) in items.iter().enumerate() {
        if masthead.contains(&i) {
            layout.preamble.push(item.clone());
            continue;
        }
        if kinds[i].is_some() {
            grid = None;
        } else if let Some(row) = heading_row(item) {
            grid = Some((layout.sections.len(), row.len()));
            for (kind, title) in row {
                layout.sections.push(Section {
                    kind,
                    title,
                    items: Vec::new(),
                });
            }
            continue;
        }
        if let Some((first, columns)) = grid {
            let pieces: Vec<&str> = item.text.split('\t').collect();
            let targets: Vec<(usize, &str)> = if pieces.len() == columns {
                pieces
                    .into_iter()
                    .enumerate()
                    .map(|(j, p)| (first + j, p))
                    .collect()
            } else {
                vec![(first, item.text.as_str())]
            };
            for (section, text) in targets {
                let mut piece = item.clone();
                piece.text = text.trim().to_owned();
                piece.indent = None;
                if let Some(section) = layout
                    .sections
                    .get_mut(section)
                    .filter(|_| !piece.text.is_empty())
                {
                    section.items.push(piece);
                }
            }
            continue;
        }
        let in_entries = layout
            .sections
            .last()
            .is_some_and(|s| matches!(s.kind, SectionKind::Experience | SectionKind::Projects));
        if kinds[i].is_some() && in_entries && is_entry_subheading(&heading_text(item)) {
            continue;
        }
        if let Some(kind) = kinds[i] {
            let mut first = Vec::new();
            let current = match layout.sections.last_mut() {
                Some(section) => &mut section.items,
                None => &mut layout.preamble,
            };
            if current
                .last()
                .is_some_and(|previous| labels_line_above(item, previous))
            {
                first.extend(current.pop());
            }
            layout.sections.push(Section {
                kind,
                title: heading_text(item),
                items: first,
            });
            continue;
        }
        let in_skills = layout
            .sections
            .last()
            .is_some_and(|s| s.kind == SectionKind::Skills);
        if let Some((kind, title, rest)) =
            inline_heading(item).filter(|_| !in_skills && !item.bullet)
        {
            let mut rest_item = item.clone();
            rest_item.text = rest.to_owned();
            if item.text.contains('\t') {
                rest_item.indent = None;
            }
            layout.sections.push(Section {
                kind,
                title: title.to_owned(),
                items: vec![rest_item],
            });
            continue;
        }
        match layout.sections.last_mut() {
            // Contact details that a column layout put under the summary
            // heading belong to the top of the resume.
            Some(section)
                if section.kind == SectionKind::Summary && is_contact_line(&item.text) =>
            {
                layout.preamble.push(item.clone());
            }
            Some(section) => section.items.push(item.clone()),
            None => layout.preamble.push(item.clone()),
        }
    }
    layout
}

/// Lines set far larger than the body that read as a name (with a wrapped
/// second line and the headline under them): they belong to the top of the
/// resume wherever a column layout put them in reading order.
fn masthead(items: &[Item<'_>], body: Option<i32>) -> Vec<usize> {
    let Some(body) = body else { return Vec::new() };
    let size = |item: &Item<'_>| item.line.font_size.map_or(0, |s| (s * 2.0).round() as i32);
    let Some(top) = items.iter().map(size).max().filter(|&t| t * 2 >= body * 3) else {
        return Vec::new();
    };
    let Some(first) = items
        .iter()
        .position(|i| size(i) == top && looks_like_name(&i.text))
    else {
        return Vec::new();
    };
    let mut lines = vec![first];
    let mut next = first + 1;
    while let Some(item) = items.get(next) {
        let headline = size(item) > body
            && word_count(&item.text) <= 8
            && section_for(&heading_text(item)).is_none();
        if size(item) == top || (headline && lines.len() < 3) {
            lines.push(next);
            next += 1;
        } else {
            break;
        }
    }
    lines
}

/// True when a heading in a label column sits on (or just under) the first
/// line of its content, which reading order put before it: the heading has
/// no space above it and starts well left of that line.
fn labels_line_above(heading: &Item<'_>, previous: &Item<'_>) -> bool {
    let no_gap = heading.line.space_before.is_some_and(|gap| gap.abs() < 1.0);
    let left_of = match (heading.indent, previous.indent) {
        (Some(h), Some(p)) => p > h + 20.0,
        _ => false,
    };
    no_gap && left_of && heading.line.page == previous.line.page
}

/// True when every piece of the line is an email, phone, web address or place.
fn is_contact_line(text: &str) -> bool {
    let pieces = segments(text);
    !pieces.is_empty()
        && pieces
            .iter()
            .all(|p| is_contact_detail(p) || (is_location(p) && word_count(p) <= 4))
}

/// Reads one section into the resume.
pub(crate) fn read_into(section: &Section<'_>, resume: &mut Resume) {
    let s = &mut resume.sections;
    match section.kind {
        SectionKind::Summary => {
            let mut text = String::new();
            for item in &section.items {
                join_wrapped(&mut text, &item.text.replace('\t', " "));
            }
            if !text.is_empty() {
                s.summary = Some(match s.summary.take() {
                    Some(prev) => format!("{prev} {text}"),
                    None => text,
                });
            }
        }
        SectionKind::Experience => s.experience.extend(experience::parse(&section.items)),
        SectionKind::Education => s.education.extend(education::parse(&section.items)),
        SectionKind::Skills => skills::parse(
            &section.items,
            &mut s.skills,
            &mut s.skill_groups,
            &mut s.languages,
        ),
        SectionKind::Projects => s.projects.extend(lists::projects(&section.items)),
        SectionKind::Certifications => s
            .certifications
            .extend(lists::certifications(&section.items)),
        SectionKind::Languages => s.languages.extend(lists::languages(&section.items)),
        SectionKind::Contact => {}
        SectionKind::Other => s.other.push(OtherSection {
            title: section.title.clone(),
            lines: section
                .items
                .iter()
                .map(|i| i.text.replace('\t', " "))
                .collect(),
        }),
    }
}
