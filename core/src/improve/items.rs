//! The texts an improver works on, each with a short id and its location.

use serde::{Deserialize, Serialize};

use super::ImproveOptions;
use crate::Resume;
use crate::model::ResumeDate;
use crate::score::{Location, SectionKind};

/// What kind of text an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A bullet of a past role or a project: past tense.
    Bullet,
    /// A bullet of the current role: present tense allowed.
    CurrentBullet,
    /// The summary paragraph: need not open with a verb.
    Summary,
}

/// One text to improve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Short id (`s`, `e0.1`, `p2.0`), used in prompts and suggestions.
    pub id: String,
    /// Where it is.
    pub location: Location,
    /// What kind of text it is.
    pub kind: ItemKind,
    /// The text.
    pub text: String,
}

/// The items of a resume in reading order: the summary, experience bullets,
/// then project bullets (as the options allow). Blank texts are skipped.
pub fn items(resume: &Resume, options: &ImproveOptions) -> Vec<Item> {
    let mut out = Vec::new();
    let sections = &resume.sections;
    if options.include_summary
        && let Some(summary) = sections.summary.as_deref().filter(|s| !s.trim().is_empty())
    {
        out.push(Item {
            id: "s".into(),
            location: Location::section(SectionKind::Summary),
            kind: ItemKind::Summary,
            text: summary.to_owned(),
        });
    }
    for (entry, job) in sections.experience.iter().enumerate() {
        let kind = if matches!(job.end, Some(ResumeDate::Present)) {
            ItemKind::CurrentBullet
        } else {
            ItemKind::Bullet
        };
        push_bullets(
            &mut out,
            'e',
            SectionKind::Experience,
            entry,
            &job.bullets,
            kind,
        );
    }
    if options.include_projects {
        for (entry, project) in sections.projects.iter().enumerate() {
            let bullets = &project.bullets;
            push_bullets(
                &mut out,
                'p',
                SectionKind::Projects,
                entry,
                bullets,
                ItemKind::Bullet,
            );
        }
    }
    out
}

fn push_bullets(
    out: &mut Vec<Item>,
    prefix: char,
    section: SectionKind,
    entry: usize,
    bullets: &[String],
    kind: ItemKind,
) {
    for (index, text) in bullets.iter().enumerate() {
        if text.trim().is_empty() {
            continue;
        }
        out.push(Item {
            id: format!("{prefix}{entry}.{index}"),
            location: Location::bullet(section, entry, index),
            kind,
            text: text.clone(),
        });
    }
}

/// The text at a location, for reading (`None` when it does not exist).
pub fn text_at<'a>(resume: &'a Resume, location: &Location) -> Option<&'a str> {
    let s = &resume.sections;
    match (location.section, location.entry, location.bullet) {
        (SectionKind::Summary, None, None) => s.summary.as_deref(),
        (SectionKind::Experience, Some(e), Some(b)) => {
            s.experience.get(e)?.bullets.get(b).map(String::as_str)
        }
        (SectionKind::Projects, Some(e), Some(b)) => {
            s.projects.get(e)?.bullets.get(b).map(String::as_str)
        }
        _ => None,
    }
}

/// The text at a location, for writing.
pub fn text_at_mut<'a>(resume: &'a mut Resume, location: &Location) -> Option<&'a mut String> {
    let s = &mut resume.sections;
    match (location.section, location.entry, location.bullet) {
        (SectionKind::Summary, None, None) => s.summary.as_mut(),
        (SectionKind::Experience, Some(e), Some(b)) => s.experience.get_mut(e)?.bullets.get_mut(b),
        (SectionKind::Projects, Some(e), Some(b)) => s.projects.get_mut(e)?.bullets.get_mut(b),
        _ => None,
    }
}
