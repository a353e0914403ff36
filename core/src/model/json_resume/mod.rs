//! Import from and export to the [JSON Resume](https://jsonresume.org/schema)
//! schema, v1.0.0 (reading also accepts the common v0.x spellings).
//!
//! Sections the schema has no place for are kept under
//! `meta["x-resume-engine"]`, so an export followed by an import loses as
//! little as possible.

mod export;
mod import;
#[cfg(test)]
mod tests;

pub use export::to_json_resume;
pub use import::from_json_resume;

use super::ResumeDate;

/// The `meta` key under which data without a JSON Resume field is kept.
const EXTENSION_KEY: &str = "x-resume-engine";

/// The range separator of human-readable dates (an en dash).
const RANGE_SEPARATOR: &str = " – ";

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The JSON Resume sections that the model keeps as [`super::OtherSection`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OtherKind {
    Awards,
    Volunteer,
    Publications,
    Interests,
    References,
}

impl OtherKind {
    /// All kinds, in the order an import lists them.
    const ALL: [Self; 5] = [
        Self::Awards,
        Self::Volunteer,
        Self::Publications,
        Self::Interests,
        Self::References,
    ];

    /// Recognises a printed section heading ("Honors & Awards").
    fn from_title(title: &str) -> Option<Self> {
        let normalized = title
            .trim()
            .trim_end_matches(':')
            .to_lowercase()
            .replace('&', "and");
        let words: Vec<&str> = normalized.split_whitespace().collect();
        match words.as_slice() {
            ["awards" | "honors" | "honours"]
            | [
                "awards" | "honors" | "honours",
                "and",
                "awards" | "honors" | "honours",
            ] => Some(Self::Awards),
            ["volunteer" | "volunteering"]
            | ["volunteer", "experience" | "work" | "activities"] => Some(Self::Volunteer),
            ["publications"] | ["selected", "publications"] => Some(Self::Publications),
            ["interests" | "hobbies"]
            | ["personal", "interests"]
            | ["interests" | "hobbies", "and", "interests" | "hobbies"] => Some(Self::Interests),
            ["references"] => Some(Self::References),
            _ => None,
        }
    }

    /// The top-level JSON Resume key.
    fn key(self) -> &'static str {
        match self {
            Self::Awards => "awards",
            Self::Volunteer => "volunteer",
            Self::Publications => "publications",
            Self::Interests => "interests",
            Self::References => "references",
        }
    }

    /// The heading an imported section gets.
    fn title(self) -> &'static str {
        match self {
            Self::Awards => "Awards",
            Self::Volunteer => "Volunteering",
            Self::Publications => "Publications",
            Self::Interests => "Interests",
            Self::References => "References",
        }
    }
}

/// A date as a resume prints it: "Jan 2020", "2020" or "Present".
fn human_date(date: ResumeDate) -> String {
    match date {
        ResumeDate::YearMonth { year, month } => {
            let name = MONTHS
                .get(usize::from(month).wrapping_sub(1))
                .unwrap_or(&"");
            format!("{} {year:04}", name.get(..3).unwrap_or(name))
        }
        ResumeDate::Year(year) => format!("{year:04}"),
        ResumeDate::Present => "Present".to_owned(),
    }
}

/// A date range as a resume prints it: "Jan 2020 – Present", "2019 – 2021";
/// a single date when only one end is known or both ends are equal.
pub(crate) fn human_range(start: Option<ResumeDate>, end: Option<ResumeDate>) -> String {
    match (start, end) {
        (Some(s), Some(e)) if s != e => {
            format!("{}{RANGE_SEPARATOR}{}", human_date(s), human_date(e))
        }
        (Some(d), _) | (None, Some(d)) => human_date(d),
        (None, None) => String::new(),
    }
}

/// Reads a date in ISO form or as resumes print it: "2020-03", "Mar 2020",
/// "March 2020", "03/2020", "2020", "Present", "Current".
fn parse_loose_date(text: &str) -> Option<ResumeDate> {
    let text = text.trim();
    if let Ok(date) = text.parse() {
        return Some(date);
    }
    if matches!(
        text.to_lowercase().as_str(),
        "current" | "now" | "ongoing" | "today"
    ) {
        return Some(ResumeDate::Present);
    }
    let (month, year) = match text.split_once('/') {
        Some((month, year)) => (month.parse().ok()?, year),
        None => {
            let (word, year) = text.split_once(char::is_whitespace)?;
            (month_from_name(word)?, year)
        }
    };
    let year = year.trim();
    if !(1..=12).contains(&month) || year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(ResumeDate::YearMonth {
        year: year.parse().ok()?,
        month,
    })
}

/// The month number of a month name or abbreviation ("Sept", "mar.").
fn month_from_name(word: &str) -> Option<u8> {
    let word = word.trim_end_matches([',', '.']).to_lowercase();
    if word.len() < 3 {
        return None;
    }
    let index = MONTHS
        .iter()
        .position(|name| name.to_lowercase().starts_with(&word))?;
    u8::try_from(index + 1).ok()
}

/// Reads printed dates: a range ("Jan 2020 – Present", "2019-2021") gives
/// both ends, a single date ("2020") gives it as start and end.
fn parse_printed_range(text: &str) -> Option<(ResumeDate, ResumeDate)> {
    if let Some(date) = parse_loose_date(text) {
        return Some((date, date));
    }
    let (start, end) = ["–", "—", " - ", " to ", "-"]
        .iter()
        .find_map(|sep| text.split_once(sep))?;
    Some((parse_loose_date(start)?, parse_loose_date(end)?))
}
