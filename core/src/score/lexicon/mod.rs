//! The word lists the rules use, shipped as text files in the crate and
//! loaded once: action verbs (with their inflections), weak openers,
//! buzzwords, fillers, pronouns, stop words and job-posting boilerplate.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use super::text::{keyword_tokens, words};

/// The word lists, parsed on first use.
pub struct Lexicon {
    /// Every accepted form of an action verb (`lead`, `leads`, `led`,
    /// `leading`) mapped to its base form.
    pub verbs: HashMap<String, String>,
    /// Weak bullet openings.
    pub weak_openers: PhraseList,
    /// Buzzword phrases.
    pub buzzwords: PhraseList,
    /// Filler words and phrases.
    pub fillers: PhraseList,
    /// First-person pronouns.
    pub pronouns: HashSet<String>,
    /// English function words (also in stemmed form).
    pub stopwords: HashSet<String>,
    /// Words every job posting uses (also in stemmed form).
    pub posting_words: HashSet<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

/// The shared lexicon.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// Lines of a word list without comments and blanks.
fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Phrases as word sequences, indexed by their first word.
pub struct PhraseList {
    /// The phrases, duplicates removed, longest first.
    pub phrases: Vec<Vec<String>>,
    by_first: HashMap<String, Vec<usize>>,
}

impl PhraseList {
    /// The phrases of a word list (one per line).
    fn parse(list: &str) -> Self {
        let mut phrases: Vec<Vec<String>> = Vec::new();
        for phrase in entries(list).map(words) {
            if !phrase.is_empty() && !phrases.contains(&phrase) {
                phrases.push(phrase);
            }
        }
        phrases.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, phrase) in phrases.iter().enumerate() {
            by_first.entry(phrase[0].clone()).or_default().push(i);
        }
        Self { phrases, by_first }
    }

    /// The longest phrase that `words` starts with at `at`.
    pub fn at(&self, words: &[String], at: usize) -> Option<&[String]> {
        let candidates = self.by_first.get(words.get(at)?)?;
        candidates
            .iter()
            .map(|&i| &self.phrases[i][..])
            .find(|p| words.get(at..at + p.len()) == Some(p))
    }

    /// The distinct phrases found in `words`, without overlaps (the longest
    /// phrase wins at each position), in order of appearance.
    pub fn find_all(&self, words: &[String]) -> Vec<&[String]> {
        let mut found: Vec<&[String]> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.at(words, i) {
                Some(phrase) => {
                    if !found.contains(&phrase) {
                        found.push(phrase);
                    }
                    i += phrase.len();
                }
                None => i += 1,
            }
        }
        found
    }
}

/// The words of a list, lower-cased, each also in its keyword-token form
/// (`requirements` → `requirement`) so stemmed tokens find them.
fn word_set(list: &str) -> HashSet<String> {
    let mut set = HashSet::default();
    for word in entries(list).flat_map(str::split_whitespace) {
        set.insert(word.to_lowercase());
        set.extend(keyword_tokens(word));
    }
    set
}

impl Lexicon {
    fn load() -> Self {
        let mut verbs = HashMap::default();
        for entry in entries(include_str!("action_verbs.txt")) {
            let (base, past) = entry.split_once(':').unwrap_or((entry, ""));
            for form in inflections(base, (!past.is_empty()).then_some(past)) {
                verbs.entry(form).or_insert_with(|| base.to_owned());
            }
        }
        Self {
            verbs,
            weak_openers: PhraseList::parse(include_str!("weak_openers.txt")),
            buzzwords: PhraseList::parse(include_str!("buzzwords.txt")),
            fillers: PhraseList::parse(include_str!("fillers.txt")),
            pronouns: word_set(include_str!("pronouns.txt")),
            stopwords: word_set(include_str!("stopwords.txt")),
            posting_words: word_set(include_str!("job_posting_words.txt")),
        }
    }

    /// The base form of `word` when it is a form of an action verb.
    pub fn verb_base(&self, word: &str) -> Option<&str> {
        self.verbs.get(word).map(String::as_str)
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// The forms of a verb: base, third person, past and present participle.
/// `past` overrides the regular past form (irregular verbs, doubled
/// consonants); a doubled consonant carries over to the `-ing` form.
pub fn inflections(base: &str, past: Option<&str>) -> Vec<String> {
    let chars: Vec<char> = base.chars().collect();
    let last = chars.last().copied().unwrap_or(' ');
    let before_last = chars
        .len()
        .checked_sub(2)
        .and_then(|i| chars.get(i))
        .copied();
    let consonant_y = last == 'y' && before_last.is_some_and(|c| !is_vowel(c));
    let stem_no_last: String = chars[..chars.len().saturating_sub(1)].iter().collect();
    let third = if base.ends_with('s')
        || base.ends_with("sh")
        || base.ends_with("ch")
        || base.ends_with('x')
        || base.ends_with('z')
    {
        format!("{base}es")
    } else if consonant_y {
        format!("{stem_no_last}ies")
    } else {
        format!("{base}s")
    };
    let regular_past = if last == 'e' {
        format!("{base}d")
    } else if consonant_y {
        format!("{stem_no_last}ied")
    } else {
        format!("{base}ed")
    };
    let past = past.map_or(regular_past, str::to_owned);
    let doubled = past
        .strip_suffix("ed")
        .filter(|stem| stem.len() == base.len() + 1 && stem.starts_with(base));
    let ing = if let Some(stem) = doubled {
        format!("{stem}ing")
    } else if let Some(stem) = base.strip_suffix("ie") {
        format!("{stem}ying")
    } else if last == 'e' && !base.ends_with("ee") && chars.len() > 2 {
        format!("{stem_no_last}ing")
    } else {
        format!("{base}ing")
    };
    vec![base.to_owned(), third, past, ing]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_cover_tenses() {
        assert_eq!(
            inflections("manage", None),
            ["manage", "manages", "managed", "managing"]
        );
        assert_eq!(
            inflections("lead", Some("led")),
            ["lead", "leads", "led", "leading"]
        );
        assert_eq!(
            inflections("ship", Some("shipped")),
            ["ship", "ships", "shipped", "shipping"]
        );
        assert_eq!(
            inflections("simplify", None),
            ["simplify", "simplifies", "simplified", "simplifying"]
        );
        assert_eq!(
            inflections("coach", None),
            ["coach", "coaches", "coached", "coaching"]
        );
        assert_eq!(
            inflections("deploy", None),
            ["deploy", "deploys", "deployed", "deploying"]
        );
    }

    #[test]
    fn lexicon_ships_several_hundred_verbs() {
        let lex = lexicon();
        let bases: HashSet<&String> = lex.verbs.values().collect();
        assert!(bases.len() >= 350, "{} verbs", bases.len());
        assert_eq!(lex.verb_base("spearheaded"), Some("spearhead"));
        assert_eq!(lex.verb_base("built"), Some("build"));
        assert_eq!(lex.verb_base("optimizing"), Some("optimize"));
        assert_eq!(lex.verb_base("responsible"), None);
    }

    #[test]
    fn phrase_lists_are_word_sequences() {
        let lex = lexicon();
        assert!(lex.weak_openers.phrases.contains(&words("responsible for")));
        assert!(lex.buzzwords.phrases.contains(&words("results-driven")));
        let text = words("A results-driven team player with a proven track record");
        let found: Vec<String> = lex
            .buzzwords
            .find_all(&text)
            .iter()
            .map(|p| p.join(" "))
            .collect();
        assert_eq!(
            found,
            ["results driven", "team player", "proven track record"]
        );
        assert!(lex.pronouns.contains("my"));
        assert!(lex.stopwords.contains("the"));
    }
}
