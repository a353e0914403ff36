//! The quantities and dates a text states, normalised so "40 percent" and
//! "40%", "$1.2 million" and "$1.2M", "three" and "3" compare equal.

/// What a text states: quantities (numbers with their units) and dates
/// (years and months), each normalised and sorted, without duplicates.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// Numbers, percentages, amounts and multipliers.
    pub quantities: Vec<String>,
    /// Years and month names.
    pub dates: Vec<String>,
}

const NUMBER_WORDS: &[(&str, &str)] = &[
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("fifteen", "15"),
    ("twenty", "20"),
    ("fifty", "50"),
    ("hundred", "100"),
    ("dozen", "12"),
];

/// Month abbreviations ("may" is left out: it is far more often a verb).
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

const SCALES: &[(&str, &str)] = &[
    ("percent", "%"),
    ("per cent", "%"),
    ("thousand", "k"),
    ("million", "m"),
    ("millions", "m"),
    ("billion", "b"),
    ("bn", "b"),
    ("mm", "m"),
];

/// The quantities and dates of a text.
pub fn facts(text: &str) -> Facts {
    let mut facts = Facts::default();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let (fact, next) = number(&chars, i);
            if fact.is_year {
                facts.dates.push(fact.text);
            } else {
                facts.quantities.push(fact.text);
            }
            i = next;
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect::<String>().to_lowercase();
            word_fact(&word, &mut facts);
        } else {
            i += 1;
        }
    }
    for list in [&mut facts.quantities, &mut facts.dates] {
        list.sort();
        list.dedup();
    }
    facts
}

fn word_fact(word: &str, facts: &mut Facts) {
    if let Some((_, digits)) = NUMBER_WORDS.iter().find(|(w, _)| *w == word) {
        facts.quantities.push((*digits).to_owned());
    } else if MONTHS.contains(&word) || is_month_name(word) {
        facts.dates.push(word.chars().take(3).collect());
    }
}

fn is_month_name(word: &str) -> bool {
    matches!(
        word,
        "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

struct Number {
    text: String,
    is_year: bool,
}

/// Reads the number starting at `start` with its currency and unit.
fn number(chars: &[char], start: usize) -> (Number, usize) {
    let currency = start
        .checked_sub(1)
        .and_then(|i| chars.get(i))
        .filter(|c| matches!(c, '$' | '€' | '£' | '¥' | '₹'))
        .map(|c| c.to_string())
        .unwrap_or_default();
    let mut i = start;
    let mut digits = String::new();
    while let Some(&c) = chars.get(i) {
        let joins = matches!(c, ',' | '.') && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() {
            digits.push(c);
        } else if joins {
            if c == '.' {
                digits.push('.');
            }
        } else {
            break;
        }
        i += 1;
    }
    if digits.contains('.') {
        digits = digits
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned();
    }
    let (unit, next) = unit(chars, i);
    let is_year = currency.is_empty()
        && unit.is_empty()
        && digits.len() == 4
        && digits
            .parse::<u16>()
            .is_ok_and(|y| (1950..=2100).contains(&y));
    let text = format!("{currency}{digits}{unit}");
    (Number { text, is_year }, next)
}

/// The unit after a number: `%`, `x`, `+`, `k`, `m`, `b`, or a scale word.
fn unit(chars: &[char], at: usize) -> (String, usize) {
    let rest: String = chars[at..chars.len().min(at + 12)].iter().collect();
    let lower = rest.to_lowercase();
    let ends_word = |n: usize| {
        lower[n..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    if let Some(c) = lower.chars().next()
        && matches!(c, '%' | '+')
    {
        return (c.to_string(), at + 1);
    }
    for (word, unit) in SCALES {
        for sep in ["", " "] {
            let candidate = format!("{sep}{word}");
            if lower.starts_with(&candidate) && ends_word(candidate.len()) {
                return ((*unit).to_owned(), at + candidate.chars().count());
            }
        }
    }
    for short in ["k", "m", "b", "x"] {
        if lower.starts_with(short) && ends_word(1) {
            return (short.to_owned(), at + 1);
        }
    }
    (String::new(), at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_normalise_units() {
        assert_eq!(facts("cut costs by 40 percent").quantities, ["40%"]);
        assert_eq!(facts("cut costs by 40%").quantities, ["40%"]);
        assert_eq!(
            facts("saved $1.2 million and $40k").quantities,
            ["$1.2m", "$40k"]
        );
        assert_eq!(
            facts("served 1,200 clients with three people").quantities,
            ["1200", "3"]
        );
        assert_eq!(facts("3x faster, 10+ teams").quantities, ["10+", "3x"]);
    }

    #[test]
    fn years_and_months_are_dates() {
        let f = facts("Joined in March 2019, shipped by Sept 2020 for 2019 users");
        assert_eq!(f.dates, ["2019", "2020", "mar", "sep"]);
        assert!(f.quantities.is_empty());
        assert!(facts("may improve").dates.is_empty());
    }
}
