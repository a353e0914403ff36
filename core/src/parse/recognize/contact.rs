//! Contact details: email, phone, links, location and the candidate's name.

use std::sync::LazyLock;

use regex::Regex;

use super::compile;
use super::lexicon::{company_score, title_score};
use super::text::{is_upper, word_count};
use crate::model::Link;

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b[a-z0-9][a-z0-9._%+\-]*@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,24}\b",
    )
});

static PHONE: LazyLock<Regex> = LazyLock::new(|| compile(r"(?:\+|\(\+?)?\d[\d ().\-–/]{5,24}\d"));

static YEARISH: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:(?:0?[1-9]|1[0-2])\s*[/.\-]\s*)?(?:19|20)\d{2}\s*[-–/]\s*(?:(?:0?[1-9]|1[0-2])\s*[/.\-]\s*)?(?:(?:19|20)\d{2})?$",
    )
});

static URL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?ix)
        \b(?:https?://|www\.)[^\s|,;<>()\[\]]+
        | \b(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+(?:com|io|dev|me|org|net|co|ai|app|site|xyz|page|info|tech|us|uk|de|fr|se|nl|ca|in|eu|ch|es|it|vn|ph|au|nz|sg|jp|blog|design|codes|cloud)\b(?:/[^\s|,;<>()\[\]]*)?",
    )
});

/// A place's shape: comma-separated parts of capitalised words, an optional
/// postal code. The limits (2 or 3 parts, at most 4 words each) are checked
/// by [`location_shape`]: as bounded repetitions of Unicode classes they
/// made this pattern's automaton take 12 ms to build, paid by every new
/// process on its first parse.
static LOCATION: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:\p{Lu}[\p{L}.'’\-]*(?:\s+\p{L}[\p{L}.'’\-]*)*)(?:,\s*\p{Lu}[\p{L}.'’\-]*(?:\s+\p{L}[\p{L}.'’\-]*)*)+(?:\s+\d{4,6}(?:-\d{4})?)?$",
    )
});

/// Parts of a place at most: `City, Region, Country`.
const LOCATION_PARTS: usize = 3;

/// Words in one part of a place at most (`Salt Lake City`, `Rio de Janeiro`).
const LOCATION_PART_WORDS: usize = 4;

/// True when `s` has a place's shape: [`LOCATION`] within its limits (a
/// word starts with a letter; the postal code, with a digit, is no word).
fn location_shape(s: &str) -> bool {
    LOCATION.is_match(s)
        && s.split(',').count() <= LOCATION_PARTS
        && s.split(',').all(|part| {
            part.split_whitespace()
                .filter(|token| token.starts_with(char::is_alphabetic))
                .count()
                <= LOCATION_PART_WORDS
        })
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s*(?:e-?mail|mail|phone|tel(?:ephone)?|mobile|cell|mob|ph|m|t|p|e|address|location|city|web(?:site)?|linkedin|github|portfolio|url)\s*(?::|\.\s)\s*",
    )
});

/// Removes a leading label such as `Phone:` or `Email:`.
pub fn strip_label(text: &str) -> &str {
    LABEL.find(text).map_or(text, |m| &text[m.end()..]).trim()
}

/// The first email address in `text`.
pub fn find_email(text: &str) -> Option<String> {
    EMAIL.find(text).map(|m| m.as_str().to_owned())
}

/// The first phone number in `text`, as printed.
pub fn find_phone(text: &str) -> Option<String> {
    for m in PHONE.find_iter(text) {
        let candidate = m.as_str().trim();
        let digits = candidate.chars().filter(char::is_ascii_digit).count();
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        let opens = candidate.starts_with(['+', '(']);
        let glued = (before.is_some_and(|c| c.is_alphanumeric()) && !opens)
            || after.is_some_and(|c| c.is_alphanumeric() || c == '%');
        let balanced = candidate.matches('(').count() == candidate.matches(')').count();
        let candidate = if balanced {
            candidate
        } else {
            candidate.trim_end_matches(')')
        };
        if (7..=15).contains(&digits)
            && !glued
            && !YEARISH.is_match(candidate)
            && !candidate.contains('–')
        {
            return Some(candidate.to_owned());
        }
    }
    None
}

/// Web addresses in `text` (emails excluded), with a scheme added.
pub fn find_urls(text: &str) -> Vec<String> {
    let emails: Vec<(usize, usize)> = EMAIL
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect();
    URL.find_iter(text)
        .filter(|m| !emails.iter().any(|&(s, e)| m.start() < e && m.end() > s))
        .map(|m| with_scheme(m.as_str().trim_end_matches(['.', ')'])))
        .collect()
}

/// Adds `https://` to a bare address.
pub fn with_scheme(url: &str) -> String {
    if url.contains("://") || url.starts_with("mailto:") || url.starts_with("tel:") {
        url.to_owned()
    } else {
        format!("https://{url}")
    }
}

/// A [`Link`] for `url`, naming the network when it is a known one.
pub fn link(url: &str) -> Link {
    const NETWORKS: &[(&str, &str)] = &[
        ("linkedin.com", "LinkedIn"),
        ("github.com", "GitHub"),
        ("gitlab.com", "GitLab"),
        ("twitter.com", "Twitter"),
        ("x.com", "X"),
        ("behance.net", "Behance"),
        ("dribbble.com", "Dribbble"),
        ("medium.com", "Medium"),
        ("stackoverflow.com", "Stack Overflow"),
        ("kaggle.com", "Kaggle"),
        ("scholar.google", "Google Scholar"),
        ("orcid.org", "ORCID"),
    ];
    let lower = url.to_lowercase();
    let host = lower
        .split("://")
        .nth(1)
        .unwrap_or(&lower)
        .trim_start_matches("www.");
    let network = NETWORKS
        .iter()
        .find(|(domain, _)| host.starts_with(domain))
        .map(|(_, name)| (*name).to_owned());
    Link {
        url: url.to_owned(),
        network,
    }
}

/// True when `segment` looks like a place: `Boston, MA`, `Cebu City, Philippines`, `Remote`.
pub fn is_location(segment: &str) -> bool {
    let s = strip_label(segment);
    let lower = s.to_lowercase();
    if matches!(lower.as_str(), "remote" | "hybrid" | "on-site" | "onsite") {
        return true;
    }
    s.chars().count() <= 60 && location_shape(s) && title_score(s) == 0 && company_score(s) == 0
}

/// True when `segment` is an email, phone number or web address.
pub fn is_contact_detail(segment: &str) -> bool {
    let s = strip_label(segment);
    find_email(s).is_some()
        || find_phone(s).is_some_and(|p| p.len() * 2 >= s.len())
        || !find_urls(s).is_empty()
}

/// True when `text` reads like a person's name: one to five capitalised
/// words of letters, apostrophes, hyphens and initials.
pub fn looks_like_name(text: &str) -> bool {
    let t = text.trim();
    let words = word_count(t);
    if !(2..=5).contains(&words) || t.chars().count() > 60 {
        return false;
    }
    let shape_ok = t.split_whitespace().all(|w| {
        let first = w.chars().next();
        first.is_some_and(|c| c.is_alphabetic() && (c.is_uppercase() || !c.is_lowercase()))
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
    }) || (words <= 5
        && t.split_whitespace()
            .all(|w| w.chars().all(char::is_alphabetic))
        && is_upper(t));
    let lowercase_particles = t.split_whitespace().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(
                w,
                "van" | "von" | "de" | "da" | "del" | "der" | "di" | "le" | "la" | "bin" | "al"
            )
    });
    (shape_ok || lowercase_particles) && title_score(t) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_formats() {
        let cases = [
            ("(415) 555-0142", "(415) 555-0142"),
            ("617.555.0123", "617.555.0123"),
            ("+1-912-555-0187", "+1-912-555-0187"),
            ("+63 917 555 0134", "+63 917 555 0134"),
            ("+46 8 123 456 78", "+46 8 123 456 78"),
            ("+44 20 7946 0958", "+44 20 7946 0958"),
            ("+84 28 3822 4567", "+84 28 3822 4567"),
            ("Tel: 0049 30 1234567", "0049 30 1234567"),
            ("+1 (415) 555-0142", "+1 (415) 555-0142"),
            ("+33 6 12 34 56 78", "+33 6 12 34 56 78"),
            ("07700 900123", "07700 900123"),
            ("+91 98765 43210", "+91 98765 43210"),
        ];
        for (text, phone) in cases {
            assert_eq!(
                find_phone(&format!("jane@x.com | {text} | Boston, MA")).as_deref(),
                Some(phone),
                "{text}"
            );
        }
    }

    #[test]
    fn phone_rejects_dates_and_numbers() {
        assert_eq!(find_phone("2019 - 2021"), None);
        assert_eq!(find_phone("03/2018 - 12/2019"), None);
        assert_eq!(find_phone("Jan 2020 – Present"), None);
        assert_eq!(find_phone("served 1,200 customers"), None);
        assert_eq!(find_phone("ISBN978-3-16-148410-0"), None);
        assert_eq!(
            find_phone("jo@example.com+48 601 234 567").as_deref(),
            Some("+48 601 234 567")
        );
    }

    #[test]
    fn labels_are_not_domains() {
        assert_eq!(strip_label("Tel. +1 415 555 0100"), "+1 415 555 0100");
        assert_eq!(
            strip_label("LinkedIn: linkedin.com/in/x"),
            "linkedin.com/in/x"
        );
        assert_eq!(strip_label("linkedin.com/in/x"), "linkedin.com/in/x");
    }

    #[test]
    fn emails_and_urls() {
        let line =
            "mj.oneil@example.org | linkedin.com/in/maryjane-oneil-rn | https://jane.dev/blog";
        assert_eq!(find_email(line).as_deref(), Some("mj.oneil@example.org"));
        assert_eq!(
            find_urls(line),
            [
                "https://linkedin.com/in/maryjane-oneil-rn",
                "https://jane.dev/blog"
            ]
        );
        assert_eq!(
            link("https://www.github.com/x").network.as_deref(),
            Some("GitHub")
        );
    }

    #[test]
    fn locations() {
        for place in [
            "San Francisco, CA",
            "Cebu City, Philippines",
            "London, United Kingdom",
            "Ho Chi Minh City, Vietnam",
            "Remote",
            "Umeå, Sweden",
        ] {
            assert!(is_location(place), "{place}");
        }
        assert!(!is_location("Senior Engineer, Acme"));
        assert!(!is_location("jane@x.com"));
    }

    /// The pattern before its repetition limits moved into code.
    const BOUNDED_LOCATION: &str = r"^(?:\p{Lu}[\p{L}.'’\-]*(?:\s+\p{L}[\p{L}.'’\-]*){0,3})(?:,\s*\p{Lu}[\p{L}.'’\-]*(?:\s+\p{L}[\p{L}.'’\-]*){0,3}){1,2}(?:\s+\d{4,6}(?:-\d{4})?)?$";

    /// It, compiled once for all the cases.
    static BOUNDED: LazyLock<Result<Regex, regex::Error>> =
        LazyLock::new(|| Regex::new(BOUNDED_LOCATION));

    /// Texts shaped like places, near misses included: 1 to 4 comma-separated
    /// parts of 0 to 5 words (some lower-case, some not words), and an
    /// optional postal code.
    fn place_like() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::collection::vec;
        use proptest::sample::select;
        use proptest::strategy::Strategy;
        let word = select(vec![
            "Salt", "lake", "City", "Ho", "São", "Umeå", "O'Neil", "St.", "de", "CA", "x1", "Ü",
            "12",
        ]);
        let part = vec(word, 0..6).prop_map(|words| words.join(" "));
        let comma = select(vec![",", ", ", " , ", ",  "]);
        let zip = select(vec!["", " 02139", " 02139-1234", " 123", "02139"]);
        (vec((comma, part), 1..5), zip).prop_map(|(parts, zip)| {
            let mut text = String::new();
            for (index, (comma, part)) in parts.iter().enumerate() {
                if index > 0 {
                    text.push_str(comma);
                }
                text.push_str(part);
            }
            text + zip
        })
    }

    proptest::proptest! {
        #[test]
        fn location_shape_matches_the_bounded_pattern(text in place_like()) {
            let bounded = BOUNDED
                .as_ref()
                .map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
            proptest::prop_assert_eq!(location_shape(&text), bounded.is_match(&text), "{:?}", text);
        }
    }

    #[test]
    fn location_limits() {
        assert!(location_shape("Salt Lake City, Utah, United States"));
        assert!(location_shape("Boston, MA 02139-1234"));
        assert!(!location_shape("One Two Three Four Five, Utah"));
        assert!(!location_shape("Austin, Texas, United States, Earth"));
        assert!(!location_shape("Boston"));
    }

    #[test]
    fn names() {
        for name in [
            "José Núñez",
            "Mary-Jane O'Neil",
            "Marcus T. Reed",
            "Nguyễn Văn An",
            "JOHN DOE",
            "Zoë Ångström",
            "Ludwig van Beethoven",
        ] {
            assert!(looks_like_name(name), "{name}");
        }
        for not in [
            "Senior Software Engineer",
            "jane@x.com",
            "Led 5 teams",
            "Summary of my career so far here",
        ] {
            assert!(!looks_like_name(not), "{not}");
        }
    }
}
