//! Clarity and concision (20 points).
//!
//! | rule | points | how points are lost |
//! |---|---|---|
//! | `clarity.bullet_length` | 5 | each bullet under 5 or over 35 words costs 5 / bullets (all 5 without bullets) |
//! | `clarity.pronouns` | 4 | 1 per bullet or summary using a first-person pronoun (I, me, my, we, our) |
//! | `clarity.passive_voice` | 3 | 1 per bullet in the passive voice ("was implemented by") |
//! | `clarity.buzzwords` | 4 | 1 per buzzword or cliché ("results-driven", "team player") in the headline, summary or bullets |
//! | `clarity.fillers` | 2 | 0.5 per filler word ("very", "various", "successfully", "in order to") in the summary or bullets |
//! | `clarity.repeated_openers` | 2 | 0.5 per bullet whose opening verb already opened two others |

use rustc_hash::FxHashMap as HashMap;

use crate::Resume;
use crate::score::analysis::{Category, CategoryId, Location, SectionKind};
use crate::score::bullets::{Bullet, Opener};
use crate::score::lexicon::lexicon;
use crate::score::rules::{Finding, Rule, category};
use crate::score::text::{capitalise, words};

/// Shortest and longest bullet, in words, that reads well.
const BULLET_WORDS: std::ops::RangeInclusive<usize> = 5..=35;

/// Past participles that do not end in `-ed`.
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "built", "led", "given", "taken", "written", "made", "done", "shown", "known", "seen",
    "chosen", "driven", "grown", "sold", "held", "run", "paid", "sent", "spent", "won", "brought",
    "bought", "taught", "thought", "found", "kept", "met", "set", "put", "cut", "begun",
    "overseen",
];
/// `-ed` words that follow "was"/"is" as adjectives, not as passives.
const ADJECTIVES_IN_ED: &[&str] = &[
    "based",
    "located",
    "skilled",
    "experienced",
    "interested",
    "qualified",
    "dedicated",
    "motivated",
    "detailed",
    "advanced",
    "required",
    "needed",
    "involved",
    "focused",
    "talented",
    "certified",
    "licensed",
    "organized",
    "organised",
    "excited",
    "committed",
    "determined",
];
/// Forms of "to be" that open a passive.
const BE: &[&str] = &["was", "were", "is", "are", "been", "being", "be"];
/// Alternatives offered for over-used opening verbs.
const ALTERNATIVES: &[(&str, &str)] = &[
    ("manage", "Directed, Oversaw, Ran"),
    ("lead", "Headed, Directed, Steered"),
    ("develop", "Built, Engineered, Created"),
    ("create", "Designed, Produced, Established"),
    ("build", "Engineered, Assembled, Developed"),
    ("improve", "Strengthened, Raised, Upgraded"),
    ("work", "Delivered, Partnered, Contributed"),
    ("design", "Architected, Shaped, Drafted"),
    ("implement", "Rolled out, Introduced, Deployed"),
    ("support", "Enabled, Served, Maintained"),
];

/// Scores how clearly and concisely the resume is written.
pub fn score(resume: &Resume, bullets: &[Bullet<'_>]) -> Category {
    let lex = lexicon();
    let mut length = Rule::new("clarity.bullet_length", "Bullets of 5–35 words", 5.0);
    let mut pronouns = Rule::new("clarity.pronouns", "No first-person pronouns", 4.0);
    let mut passive = Rule::new("clarity.passive_voice", "Active voice", 3.0);
    let mut buzzwords = Rule::new("clarity.buzzwords", "No buzzwords or clichés", 4.0);
    let mut fillers = Rule::new("clarity.fillers", "No filler words", 2.0);
    let mut repeated = Rule::new("clarity.repeated_openers", "Varied opening verbs", 2.0);
    let n = bullets.len().max(1) as f64;
    let summary_words = resume
        .sections
        .summary
        .as_deref()
        .map(words)
        .unwrap_or_default();
    let summary_at = Location::section(SectionKind::Summary);
    let headline_words = resume.headline.as_deref().map(words).unwrap_or_default();
    let mut openers: HashMap<&str, usize> = HashMap::default();
    let texts = bullets
        .iter()
        .map(|b| (b.text, b.location, &b.words))
        .chain(
            resume
                .sections
                .summary
                .as_deref()
                .map(|s| (s, summary_at, &summary_words)),
        )
        .chain(
            resume
                .headline
                .as_deref()
                .map(|h| (h, Location::section(SectionKind::Contact), &headline_words)),
        );
    for (text, at, bullet_words) in texts {
        let is_bullet = at.bullet.is_some();
        if is_bullet {
            let count = bullet_words.len();
            if count < *BULLET_WORDS.start() {
                length.charge(
                    5.0 / n,
                    Finding::warning(
                        at,
                        format!("Only {count} words: too short to show a result."),
                        "Say what you did, how, and what it achieved in 10–25 words.",
                    )
                    .quoting(text),
                );
            } else if count > *BULLET_WORDS.end() {
                length.charge(
                    5.0 / n,
                    Finding::warning(
                        at,
                        format!("{count} words: too long to scan."),
                        "Cut to 25 words or fewer, or split it into two bullets.",
                    )
                    .quoting(text),
                );
            }
            if let Some(word) = passive_voice(bullet_words) {
                passive.charge(1.0, Finding::warning(at, format!("Passive voice (\"{word}\") hides who did the work."), "Rewrite in the active voice, starting with the verb: \"Implemented …\" instead of \"… was implemented\".").quoting(text));
            }
        }
        if at.section != SectionKind::Contact
            && let Some(pronoun) = bullet_words
                .iter()
                .find(|w| lex.pronouns.contains(w.as_str()))
        {
            pronouns.charge(
                1.0,
                Finding::warning(
                    at,
                    format!("Uses the first-person pronoun \"{pronoun}\"."),
                    "Drop the pronoun and start with the verb: \"Led…\", not \"I led…\".",
                )
                .quoting(text),
            );
        }
        for phrase in lex.buzzwords.find_all(bullet_words) {
            buzzwords.charge(1.0, Finding::warning(at, format!("\"{}\" is a cliché recruiters skip.", phrase.join(" ")), "Show the quality with evidence instead: a result, a number, a concrete example.").quoting(text));
        }
        if at.section != SectionKind::Contact {
            for phrase in lex.fillers.find_all(bullet_words) {
                fillers.charge(
                    0.5,
                    Finding::warning(
                        at,
                        format!(
                            "The filler \"{}\" adds words without meaning.",
                            phrase.join(" ")
                        ),
                        "Delete it, or replace it with a specific detail.",
                    )
                    .quoting(text),
                );
            }
        }
    }
    if bullets.is_empty() {
        length.charge(
            5.0,
            Finding::warning(
                Location::section(SectionKind::Experience),
                "No bullets to read.",
                "Describe each role in 3–5 bullets of 10–25 words.",
            ),
        );
    }
    for bullet in bullets {
        if let Opener::Action(base) = &bullet.opener {
            let uses = openers.entry(base.as_str()).or_insert(0);
            *uses += 1;
            if *uses > 2 {
                let alternatives = ALTERNATIVES
                    .iter()
                    .find(|(verb, _)| verb == base)
                    .map_or("a verb that names the specific action", |(_, alt)| alt);
                repeated.charge(
                    0.5,
                    Finding::warning(
                        bullet.location,
                        format!(
                            "\"{}\" already opens {} other bullets.",
                            capitalise(base),
                            *uses - 1
                        ),
                        format!("Vary the opening verb: try {alternatives}."),
                    )
                    .quoting(bullet.text),
                );
            }
        }
    }
    category(
        CategoryId::Clarity,
        vec![length, pronouns, passive, buzzwords, fillers, repeated],
    )
}

/// The participle of a passive construction ("was implemented"), if any.
pub fn passive_voice(words: &[String]) -> Option<&str> {
    for (i, word) in words.iter().enumerate() {
        if !BE.contains(&word.as_str()) {
            continue;
        }
        let mut next = words.get(i + 1)?;
        if next.ends_with("ly") && next.len() > 4 {
            next = words.get(i + 2)?;
        }
        let regular =
            next.len() > 4 && next.ends_with("ed") && !ADJECTIVES_IN_ED.contains(&next.as_str());
        if regular || IRREGULAR_PARTICIPLES.contains(&next.as_str()) {
            return Some(next);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Experience, Sections};
    use crate::score::bullets::bullets;

    fn clarity(summary: Option<&str>, lines: &[&str]) -> Category {
        let resume = Resume {
            sections: Sections {
                summary: summary.map(str::to_owned),
                experience: vec![Experience {
                    bullets: lines.iter().map(|l| (*l).to_owned()).collect(),
                    ..Experience::default()
                }],
                ..Sections::default()
            },
            ..Resume::default()
        };
        score(&resume, &bullets(&resume))
    }

    fn rule(c: &Category, id: &str) -> f64 {
        c.rules
            .iter()
            .find(|r| r.id == id)
            .map_or(-1.0, |r| r.score)
    }

    const GOOD: &str = "Cut checkout latency by 40% by caching prices in Redis";

    #[test]
    fn clear_bullets_score_full_marks() {
        let c = clarity(
            Some("Backend engineer with 6 years in payments."),
            &[
                GOOD,
                "Designed the ledger service handling 2M transactions a day",
            ],
        );
        assert_eq!(c.score, 20.0, "{:?}", c.issues);
    }

    #[test]
    fn bullet_length_outside_five_to_thirty_five_words() {
        let long = "Built ".to_owned() + &"things ".repeat(40);
        let c = clarity(None, &[GOOD, "Built APIs", &long, GOOD]);
        assert_eq!(rule(&c, "clarity.bullet_length"), 2.5);
    }

    #[test]
    fn pronouns_cost_a_point_per_place() {
        let c = clarity(
            Some("I am a designer."),
            &["I led my team of 5 to ship on time", GOOD],
        );
        assert_eq!(rule(&c, "clarity.pronouns"), 2.0);
    }

    #[test]
    fn passive_voice_is_detected() {
        assert_eq!(
            passive_voice(&words("The API was quickly implemented by me")),
            Some("implemented")
        );
        assert_eq!(
            passive_voice(&words("Reports were written weekly")),
            Some("written")
        );
        assert_eq!(passive_voice(&words("Was based in Berlin")), None);
        let c = clarity(None, &["A new API was implemented for 3 teams", GOOD]);
        assert_eq!(rule(&c, "clarity.passive_voice"), 2.0);
    }

    #[test]
    fn buzzwords_and_fillers_cost_points() {
        let c = clarity(
            Some("Results-driven team player with a proven track record."),
            &["Built very fast pipelines for various teams in order to ship 2x faster"],
        );
        assert_eq!(rule(&c, "clarity.buzzwords"), 1.0);
        assert_eq!(rule(&c, "clarity.fillers"), 0.5);
    }

    #[test]
    fn third_use_of_an_opening_verb_costs_half_a_point() {
        let c = clarity(
            None,
            &[
                "Managed 4 people",
                "Managed a $2M budget",
                "Managed 12 vendors",
                "Managing 3 offices",
            ],
        );
        assert_eq!(rule(&c, "clarity.repeated_openers"), 1.0);
        assert!(c.issues.iter().any(|i| i.suggestion.contains("Directed")));
    }
}
