//! Skills: lists split on commas, bullets, pipes and semicolons, with group labels.

use super::Item;
use super::text::{split_list, word_count};
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

/// Reads a skills section into flat skills and labelled groups.
pub(crate) fn parse(items: &[Item<'_>], skills: &mut Vec<String>, groups: &mut Vec<SkillGroup>) {
    let mut lines: Vec<String> = Vec::new();
    for item in items {
        let continues = lines
            .last()
            .is_some_and(|prev| prev.trim_end().ends_with([',', ';', '|']))
            || (!item.bullet
                && item.text.chars().next().is_some_and(char::is_lowercase)
                && !lines.is_empty());
        match lines.last_mut() {
            Some(prev) if continues => {
                prev.push(' ');
                prev.push_str(&item.text);
            }
            _ => lines.push(item.text.clone()),
        }
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
