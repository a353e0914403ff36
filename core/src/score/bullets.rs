//! The bullets the rules read (experience and projects), with their
//! locations and how each one opens.

use super::analysis::{Location, SectionKind};
use super::lexicon::lexicon;
use super::text::words;
use crate::Resume;

/// One bullet of the resume.
pub struct Bullet<'a> {
    /// Its text.
    pub text: &'a str,
    /// Where it is.
    pub location: Location,
    /// Its lower-cased words.
    pub words: Vec<String>,
    /// How it opens.
    pub opener: Opener,
}

/// How a bullet opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opener {
    /// With a weak phrase (`responsible for`), given as written in the list.
    Weak(String),
    /// With a strong action verb, given in its base form (after an optional
    /// `-ly` adverb: "Successfully led").
    Action(String),
    /// With some other word (lower-cased; empty when there is none).
    Other(String),
}

/// Every experience and project bullet, in reading order.
pub fn bullets(resume: &Resume) -> Vec<Bullet<'_>> {
    let mut out = Vec::new();
    let sections = &resume.sections;
    for (entry, job) in sections.experience.iter().enumerate() {
        for (index, text) in job.bullets.iter().enumerate() {
            out.push(bullet(
                text,
                Location::bullet(SectionKind::Experience, entry, index),
            ));
        }
    }
    for (entry, project) in sections.projects.iter().enumerate() {
        for (index, text) in project.bullets.iter().enumerate() {
            out.push(bullet(
                text,
                Location::bullet(SectionKind::Projects, entry, index),
            ));
        }
    }
    out
}

fn bullet(text: &str, location: Location) -> Bullet<'_> {
    let words = words(text);
    let opener = opener(&words);
    Bullet {
        text,
        location,
        words,
        opener,
    }
}

/// Classifies the opening of a bullet's words.
pub fn opener(words: &[String]) -> Opener {
    let lex = lexicon();
    if let Some(weak) = lex.weak_openers.at(words, 0) {
        return Opener::Weak(weak.join(" "));
    }
    let first = words.first().map_or("", String::as_str);
    let verb = if first.ends_with("ly") && first.len() > 4 {
        words.get(1).map_or("", String::as_str)
    } else {
        first
    };
    match lex.verb_base(verb) {
        Some(base) => Opener::Action(base.to_owned()),
        None => Opener::Other(first.to_owned()),
    }
}

/// Number words that count as quantities.
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "twelve",
    "twenty",
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "double",
    "doubled",
    "doubling",
    "triple",
    "tripled",
    "tripling",
    "halved",
    "twice",
    "tenfold",
];

/// True when the text states a quantity: a number other than a bare year,
/// a percentage, an amount of money, a multiplier or a number word.
pub fn is_quantified(text: &str, words: &[String]) -> bool {
    if text.contains(['%', '$', '€', '£', '¥', '₹']) {
        return true;
    }
    let numeric = text
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == ','))
        .map(|t| t.trim_matches(['.', ',']))
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
        .any(|t| !is_year(t));
    numeric || words.iter().any(|w| NUMBER_WORDS.contains(&w.as_str()))
}

fn is_year(token: &str) -> bool {
    token.len() == 4
        && token.chars().all(|c| c.is_ascii_digit())
        && token
            .parse::<u16>()
            .is_ok_and(|y| (1950..=2100).contains(&y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(text: &str) -> Opener {
        opener(&words(text))
    }

    #[test]
    fn openers_recognise_tenses_adverbs_and_weak_phrases() {
        assert_eq!(open("Led a team of 5"), Opener::Action("lead".into()));
        assert_eq!(open("Leading the migration"), Opener::Action("lead".into()));
        assert_eq!(
            open("Successfully shipped v2"),
            Opener::Action("ship".into())
        );
        assert_eq!(
            open("Responsible for payroll"),
            Opener::Weak("responsible for".into())
        );
        assert_eq!(
            open("Was responsible for payroll"),
            Opener::Weak("was responsible for".into())
        );
        assert_eq!(open("Helped customers"), Opener::Weak("helped".into()));
        assert_eq!(open("Team of five"), Opener::Other("team".into()));
    }

    #[test]
    fn quantities_exclude_bare_years() {
        let q = |t: &str| is_quantified(t, &words(t));
        assert!(q("Cut costs by 20%"));
        assert!(q("Saved $40k"));
        assert!(q("Served 1,200 clients"));
        assert!(q("Doubled revenue"));
        assert!(q("Reduced build time from 3h to 40 min"));
        assert!(!q("Joined in 2019 to lead the team"));
        assert!(!q("Built the billing system"));
    }
}
