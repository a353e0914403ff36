//! Skills: lists split on commas, bullets, pipes and semicolons, with group labels.

use super::Item;
use super::lists::languages_in;
use super::text::{join_wrapped, split_list, word_count};
use crate::model::{Language, SkillGroup};

/// Splits `Languages: Go, Python` (or `**Languages** Go, Python`, a bold
/// lead-in without a colon) into its label and list.
fn label_and_list(item: &Item<'_>) -> (Option<String>, String) {
    let text = item.text.as_str();
    if let Some((label, rest)) = text.split_once([':', '：']) {
        if word_count(label) <= 4 && !label.trim().is_empty() && !rest.trim().is_empty() {
            return (Some(label.trim().to_owned()), rest.trim().to_owned());
        }
    }
    if let Some((label, rest)) = text.split_once(". ") {
        if word_count(label) <= 3 && super::text::is_upper(label) && !rest.trim().is_empty() {
            return (Some(label.trim().to_owned()), rest.trim().to_owned());
        }
    }
    if let Some(prefix) = item.line.bold_prefix() {
        let label = prefix
            .trim()
            .trim_end_matches([':', '：', '-', '–', '—'])
            .trim();
        if let Some(rest) = text.strip_prefix(prefix) {
            if word_count(label) <= 4 && !label.is_empty() && !rest.trim().is_empty() {
                return (Some(label.to_owned()), rest.trim().to_owned());
            }
        }
    }
    (None, text.to_owned())
}

/// A label on a line of its own above its list: `TOOLS`, `Languages:`.
fn is_group_label(item: &Item<'_>) -> bool {
    let text = item.text.trim();
    !item.bullet
        && word_count(text) <= 3
        && !text.contains([',', ';', '|', '\t'])
        && (text.ends_with([':', '：'])
            || (super::text::is_upper(text)
                && text.chars().filter(|c| c.is_alphabetic()).count() > 3))
}

/// A group of spoken languages inside a skills section (`Spoken: Polish`),
/// which are not skills.
fn is_spoken_label(label: &str) -> bool {
    let lower = label.to_lowercase();
    lower.contains("spoken") || lower == "human languages" || lower == "natural languages"
}

/// Drops a trailing length of experience: `Figma (5 years)` → `Figma`.
fn strip_experience(skill: &str) -> String {
    if let Some((name, rest)) = skill.rsplit_once('(') {
        let inner = rest.trim_end_matches(')').to_lowercase();
        let years = inner
            .split_whitespace()
            .any(|w| matches!(w, "year" | "years" | "yr" | "yrs" | "yr." | "yrs."));
        if years && inner.chars().any(|c| c.is_ascii_digit()) && !name.trim().is_empty() {
            return name.trim().to_owned();
        }
    }
    skill.to_owned()
}

/// True when `item` continues the list line above it: the line above ends in
/// a separator, or `item` starts in lower case, or a long list line wrapped
/// onto a tight, unlabelled line.
fn wraps_into(previous: &Item<'_>, item: &Item<'_>, joined: &str) -> bool {
    if item.bullet {
        return false;
    }
    let ends_open = joined.trim_end().ends_with([',', ';', '|']);
    let starts_lower = item.text.chars().next().is_some_and(char::is_lowercase)
        && joined.contains(',')
        && item.text.contains(',');
    let tight = match (
        item.line.space_before,
        previous.line.font_size.or(item.line.font_size),
    ) {
        (Some(gap), Some(size)) => gap < size * 0.5,
        _ => false,
    };
    let long_list = joined.chars().count() >= 50 && joined.contains(',');
    ends_open || starts_lower || (tight && long_list && label_and_list(item).0.is_none())
}

/// Reads a skills section into flat skills and labelled groups.
/// Spoken languages listed among the skills (`Spoken: Polish (native)`) go
/// to `languages`.
pub(crate) fn parse(
    items: &[Item<'_>],
    skills: &mut Vec<String>,
    groups: &mut Vec<SkillGroup>,
    languages: &mut Vec<Language>,
) {
    let mut lines: Vec<(Option<String>, String)> = Vec::new();
    let mut previous: Option<&Item<'_>> = None;
    for item in items {
        let joined = lines.last().map_or("", |(_, list)| list.as_str());
        let continues = previous.is_some_and(|prev| wraps_into(prev, item, joined));
        match lines.last_mut() {
            Some((_, list)) if continues => join_wrapped(list, &item.text),
            Some((label, list)) if list.is_empty() => {
                *list = label_and_list(item).1.clone().replace('\n', " ")
            }
            _ if is_group_label(item) => lines.push((
                Some(item.text.trim_end_matches([':', '：']).trim().to_owned()),
                String::new(),
            )),
            _ => lines.push(label_and_list(item)),
        }
        previous = Some(item);
    }
    for (label, list) in lines {
        if label.as_deref().is_some_and(is_spoken_label) {
            languages.extend(languages_in(&list));
            continue;
        }
        let items: Vec<String> = split_list(&list)
            .into_iter()
            .map(|s| strip_experience(&s))
            .collect();
        if items.is_empty() {
            continue;
        }
        for skill in &items {
            if !skills.iter().any(|s| s.eq_ignore_ascii_case(skill)) {
                skills.push(skill.clone());
            }
        }
        match groups.last_mut() {
            Some(group) if label.is_none() && group.name.is_none() => group.skills.extend(items),
            _ => groups.push(SkillGroup {
                name: label,
                skills: items,
            }),
        }
    }
}
