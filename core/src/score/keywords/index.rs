//! A token index over the resume's text, by section, for keyword lookups.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use crate::Resume;
use crate::score::SectionKind;
use crate::score::text::keyword_tokens_into;

/// The resume's keyword tokens in reading order, each with its section, as
/// ranges of one string. Text units (a bullet, a skill) are kept apart by an
/// empty range so a phrase never spans two.
pub struct ResumeTokens {
    arena: String,
    tokens: Vec<(Range<usize>, SectionKind)>,
    scratch: Vec<Range<usize>>,
}

impl ResumeTokens {
    /// Tokenises every part of the resume a keyword may appear in.
    pub fn new(resume: &Resume) -> Self {
        let mut this = Self {
            arena: String::with_capacity(resume.raw_text.len()),
            tokens: Vec::new(),
            scratch: Vec::new(),
        };
        let s = &resume.sections;
        this.add(SectionKind::Contact, resume.headline.as_deref());
        this.add(SectionKind::Summary, s.summary.as_deref());
        for job in &s.experience {
            this.add(SectionKind::Experience, Some(&job.title));
            this.add(SectionKind::Experience, job.description.as_deref());
            for bullet in &job.bullets {
                this.add(SectionKind::Experience, Some(bullet));
            }
        }
        for school in &s.education {
            this.add(SectionKind::Education, Some(&school.degree));
            this.add(SectionKind::Education, school.field.as_deref());
            for detail in &school.details {
                this.add(SectionKind::Education, Some(detail));
            }
        }
        let grouped = s.skill_groups.iter().flat_map(|g| &g.skills);
        for skill in s.skills.iter().chain(grouped) {
            this.add(SectionKind::Skills, Some(skill));
        }
        for language in &s.languages {
            this.add(SectionKind::Skills, Some(&language.language));
        }
        for project in &s.projects {
            this.add(SectionKind::Projects, Some(&project.name));
            this.add(SectionKind::Projects, project.description.as_deref());
            for bullet in &project.bullets {
                this.add(SectionKind::Projects, Some(bullet));
            }
        }
        for cert in &s.certifications {
            this.add(SectionKind::Other, Some(&cert.name));
        }
        for other in &s.other {
            for line in &other.lines {
                this.add(SectionKind::Other, Some(line));
            }
        }
        this
    }

    fn add(&mut self, section: SectionKind, text: Option<&str>) {
        let Some(text) = text else { return };
        self.scratch.clear();
        keyword_tokens_into(text, &mut self.arena, &mut self.scratch);
        if self.scratch.is_empty() {
            return;
        }
        self.tokens
            .extend(self.scratch.drain(..).map(|t| (t, section)));
        self.tokens.push((0..0, section));
    }

    /// Every token, in reading order (units are not marked).
    pub fn tokens(&self) -> impl Iterator<Item = &str> {
        self.tokens
            .iter()
            .filter(|(range, _)| !range.is_empty())
            .map(|(range, _)| &self.arena[range.clone()])
    }

    /// An index of the tokens' positions.
    pub fn index(&self) -> ResumeIndex<'_> {
        let mut positions: HashMap<&str, Vec<u32>> =
            HashMap::with_capacity_and_hasher(self.tokens.len(), Default::default());
        for (i, (range, _)) in self.tokens.iter().enumerate() {
            if !range.is_empty() {
                let i = u32::try_from(i).unwrap_or(u32::MAX);
                positions
                    .entry(&self.arena[range.clone()])
                    .or_default()
                    .push(i);
            }
        }
        ResumeIndex {
            arena: &self.arena,
            tokens: &self.tokens,
            positions,
        }
    }
}

/// Where each token occurs, for phrase lookups.
pub struct ResumeIndex<'a> {
    arena: &'a str,
    tokens: &'a [(Range<usize>, SectionKind)],
    positions: HashMap<&'a str, Vec<u32>>,
}

impl ResumeIndex<'_> {
    /// The sections (sorted, without duplicates) where the token sequence
    /// occurs; empty when it does not.
    pub fn sections_of(&self, phrase: &[String]) -> Vec<SectionKind> {
        let mut found = Vec::new();
        let Some(first) = phrase.first() else {
            return found;
        };
        let Some(starts) = self.positions.get(first.as_str()) else {
            return found;
        };
        for &start in starts {
            let start = start as usize;
            let Some(window) = self.tokens.get(start..start + phrase.len()) else {
                continue;
            };
            if window
                .iter()
                .zip(phrase)
                .all(|((t, _), p)| self.arena[t.clone()] == **p)
            {
                let section = window[0].1;
                if !found.contains(&section) {
                    found.push(section);
                }
            }
        }
        found.sort_unstable();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Experience, Sections};
    use crate::score::text::keyword_tokens;

    #[test]
    fn phrases_are_found_per_section_and_not_across_units() {
        let resume = Resume {
            sections: Sections {
                skills: vec!["Kubernetes".into(), "machine".into(), "learning".into()],
                experience: vec![Experience {
                    bullets: vec!["Ran Kubernetes clusters on AWS".into()],
                    ..Experience::default()
                }],
                ..Sections::default()
            },
            ..Resume::default()
        };
        let tokens = ResumeTokens::new(&resume);
        let index = tokens.index();
        let k8s = keyword_tokens("kubernetes");
        assert_eq!(
            index.sections_of(&k8s),
            [SectionKind::Experience, SectionKind::Skills]
        );
        assert!(
            index
                .sections_of(&keyword_tokens("machine learning"))
                .is_empty()
        );
        assert_eq!(
            index.sections_of(&keyword_tokens("AWS")),
            [SectionKind::Experience]
        );
    }
}
