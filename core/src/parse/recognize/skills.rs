//! Skills: lists split on commas, bullets, pipes and semicolons, with group labels.

use super::Item;
use super::text::{join_wrapped, split_list, word_count};
use crate::model::SkillGroup;

/// Splits `Languages: Go, Python` into its label and list.
fn label_and_list(text: &str) -> (Option<&str>, &str) {
    if let Some((label, rest)) = text.split_once([':', '：']) {
        if word_count(label) <= 4 && !label.trim().is_empty() && !rest.trim().is_empty() {
            return (Some(label.trim()), rest.trim());
        }
    }
    if let Some((label, rest)) = text.split_once('\t') {
        if word_count(label) <= 3 && split_list(rest).len() > 1 {
            return (Some(label.trim()), rest.trim());
        }
    }
    (None, text)
}

/// True when `item` continues the list line above it: the line above ends in
/// a separator, or `item` starts in lower case, or a long list line wrapped
/// onto a tight, unlabelled line.
fn wraps_into(previous: &Item<'_>, item: &Item<'_>, joined: &str) -> bool {
    if item.bullet {
        return false;
    }
    let ends_open = joined.trim_end().ends_with([',', ';', '|']);
    let starts_lower = item.text.chars().next().is_some_and(char::is_lowercase);
    let tight = match (item.line.space_before, previous.line.font_size.or(item.line.font_size)) {
        (Some(gap), Some(size)) => gap < size * 0.5,
        _ => false,
    };
    let long_list = joined.chars().count() >= 50 && joined.contains(',');
    ends_open || starts_lower || (tight && long_list && label_and_list(&item.text).0.is_none())
}

/// Reads a skills section into flat skills and labelled groups.
pub(crate) fn parse(items: &[Item<'_>], skills: &mut Vec<String>, groups: &mut Vec<SkillGroup>) {
    let mut lines: Vec<String> = Vec::new();
    let mut previous: Option<&Item<'_>> = None;
    for item in items {
        let continues = previous.is_some_and(|prev| wraps_into(prev, item, lines.last().map_or("", String::as_str)));
        match lines.last_mut() {
            Some(prev) if continues => join_wrapped(prev, &item.text),
            _ => lines.push(item.text.clone()),
        }
        previous = Some(item);
    }
    for line in lines {
        let (label, list) = label_and_list(&line);
        let items = split_list(list);
        if items.is_empty() {
            continue;
        }
        for skill in &items {
            if !skills.iter().any(|s| s.eq_ignore_ascii_case(skill)) {
                skills.push(skill.clone());
            }
        }
        match (label, groups.last_mut()) {
            (None, Some(group)) if group.name.is_none() => group.skills.extend(items),
            _ => groups.push(SkillGroup {
                name: label.map(str::to_owned),
                skills: items,
            }),
        }
    }
}
