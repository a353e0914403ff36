//! Dates as resumes print them: single dates and ranges, normalised to
//! [`ResumeDate`].

use std::sync::LazyLock;

use regex::Regex;

use super::compile;
use crate::model::ResumeDate;

/// A date range found in a line of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    /// Normalised start.
    pub start: ResumeDate,
    /// Normalised end; equal to `start` for a single date.
    pub end: ResumeDate,
    /// Byte offset of the range's first character in the searched text.
    pub from: usize,
    /// Byte offset one past the range's last character.
    pub to: usize,
}

const MONTH: &str = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

static POINT: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?ix)
        \b{MONTH}\.?,?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:(?P<my>(?:19|20)\d{{2}})|'(?P<my2>\d{{2}}))\b
        | \b(?P<season>spring|summer|fall|autumn|winter)\s+(?P<sy>(?:19|20)\d{{2}})\b
        | \b(?P<nm>0?[1-9]|1[0-2])\s*[/.\-]\s*(?P<ny>(?:19|20)\d{{2}})\b
        | \b(?P<iy>(?:19|20)\d{{2}})[/.\-](?P<im>0[1-9]|1[0-2])(?:[/.\-](?:0?[1-9]|[12]\d|3[01]))?\b
        | \b(?P<y>(?:19|20)\d{{2}})\b
        | (?P<pres>\b(?:present|current|currently|now|today|ongoing|to\s+date|till\s+date)\b)"
    ))
});

static MONTH_WORD: LazyLock<Regex> = LazyLock::new(|| compile(&format!(r"(?i)^{MONTH}$")));

static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?ix)^\s*(?:-{1,2}|–|—|−|~|→|->|>|to|until|till|through|thru|bis|à|a|al|hasta)\s*$")
});

static SINCE: LazyLock<Regex> = LazyLock::new(|| compile(r"(?i)\b(?:since|from)\s*$"));

static OPEN_END: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^\s*(?:-{1,2}|–|—|−)\s*(?:$|[|,;\t])"));

/// A single date token with its position.
#[derive(Debug, Clone, Copy)]
struct Point {
    date: ResumeDate,
    from: usize,
    to: usize,
}

fn month_number(name: &str) -> Option<u8> {
    let key: String = name
        .chars()
        .take(3)
        .collect::<String>()
        .to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| *m == key)
        .and_then(|i| u8::try_from(i + 1).ok())
}

fn points(text: &str) -> Vec<Point> {
    POINT
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u16>().ok());
            let date = if c.name("pres").is_some() {
                ResumeDate::Present
            } else if let Some(mon) = c.name("mon") {
                let month = month_number(mon.as_str())?;
                let year = num("my")
                    .or_else(|| num("my2").map(|y| if y < 50 { 2000 + y } else { 1900 + y }))?;
                ResumeDate::YearMonth { year, month }
            } else if let Some(year) = num("sy") {
                ResumeDate::Year(year)
            } else if let (Some(month), Some(year)) = (num("nm"), num("ny")) {
                ResumeDate::YearMonth {
                    year,
                    month: u8::try_from(month).ok()?,
                }
            } else if let (Some(year), Some(month)) = (num("iy"), num("im")) {
                ResumeDate::YearMonth {
                    year,
                    month: u8::try_from(month).ok()?,
                }
            } else {
                ResumeDate::Year(num("y")?)
            };
            Some(Point {
                date,
                from: whole.start(),
                to: whole.end(),
            })
        })
        .collect()
}

/// Finds the first date range (or single date) in `text`.
///
/// Recognises `Jan 2020 – Present`, `2019 - 2021`, `03/2018 – 12/2019`,
/// `June 2015 to August 2017`, `2021–present`, `Since 2019` and single dates
/// such as `May 2024` or `2015`. A bare "present" on its own is not a date.
pub fn find_range(text: &str) -> Option<DateRange> {
    let pts = points(text);
    let mut i = 0;
    while i < pts.len() {
        let p = pts[i];
        if p.date == ResumeDate::Present {
            i += 1;
            continue;
        }
        if let Some(q) = pts.get(i + 1) {
            if text
                .get(p.to..q.from)
                .is_some_and(|between| SEPARATOR.is_match(between))
            {
                return Some(DateRange {
                    start: p.date,
                    end: q.date,
                    from: p.from,
                    to: q.to,
                });
            }
        }
        let before = text.get(..p.from).unwrap_or("");
        let after = text.get(p.to..).unwrap_or("");
        if SINCE.is_match(before) {
            return Some(DateRange {
                start: p.date,
                end: ResumeDate::Present,
                from: p.from,
                to: p.to,
            });
        }
        if let Some(m) = OPEN_END.find(after) {
            let dash_end = p.to + m.as_str().trim_end_matches(['|', ',', ';', '\t']).len();
            return Some(DateRange {
                start: p.date,
                end: ResumeDate::Present,
                from: p.from,
                to: dash_end,
            });
        }
        return Some(DateRange {
            start: p.date,
            end: p.date,
            from: p.from,
            to: p.to,
        });
    }
    None
}

/// True when `text` is only a word for an open end: "Present", "now", "today".
pub fn is_present_word(text: &str) -> bool {
    let t = text.trim().trim_matches(|c: char| !c.is_alphanumeric());
    !t.is_empty()
        && POINT
            .find(t)
            .is_some_and(|m| m.start() == 0 && m.end() == t.len())
        && points(t)
            .first()
            .is_some_and(|p| p.date == ResumeDate::Present)
}

/// True when `word` is a month name or abbreviation (`Sept.`, `march`), in
/// the forms [`find_range`] reads.
pub fn is_month_word(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',']);
    MONTH_WORD.is_match(w)
}

/// The last four-digit year mentioned in `text`.
pub fn last_year(text: &str) -> Option<u16> {
    points(text).iter().rev().find_map(|p| p.date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(year: u16, month: u8) -> ResumeDate {
        ResumeDate::YearMonth { year, month }
    }

    fn range(text: &str) -> Option<(ResumeDate, ResumeDate, &str)> {
        find_range(text).map(|r| (r.start, r.end, &text[r.from..r.to]))
    }

    #[test]
    fn month_year_to_present() {
        assert_eq!(
            range("Jan 2020 – Present"),
            Some((ym(2020, 1), ResumeDate::Present, "Jan 2020 – Present"))
        );
        assert_eq!(
            range("Sept 2014 – Dec 2015 | Davis"),
            Some((ym(2014, 9), ym(2015, 12), "Sept 2014 – Dec 2015"))
        );
    }

    #[test]
    fn year_ranges() {
        assert_eq!(
            range("2019 - 2021"),
            Some((
                ResumeDate::Year(2019),
                ResumeDate::Year(2021),
                "2019 - 2021"
            ))
        );
        assert_eq!(
            range("2021–present"),
            Some((ResumeDate::Year(2021), ResumeDate::Present, "2021–present"))
        );
    }

    #[test]
    fn numeric_month_ranges() {
        assert_eq!(
            range("03/2018 – 12/2019"),
            Some((ym(2018, 3), ym(2019, 12), "03/2018 – 12/2019"))
        );
        assert_eq!(
            range("2018-03 to 2019-12"),
            Some((ym(2018, 3), ym(2019, 12), "2018-03 to 2019-12"))
        );
    }

    #[test]
    fn full_month_names_with_to() {
        assert_eq!(
            range("June 2015 to August 2017"),
            Some((ym(2015, 6), ym(2017, 8), "June 2015 to August 2017"))
        );
    }

    #[test]
    fn open_and_since_ranges() {
        assert_eq!(
            range("Since 2019"),
            Some((ResumeDate::Year(2019), ResumeDate::Present, "2019"))
        );
        assert_eq!(
            range("Apr 2021 – | Remote").map(|r| r.1),
            Some(ResumeDate::Present)
        );
        assert_eq!(
            range("Jan '20 - Current").map(|r| (r.0, r.1)),
            Some((ym(2020, 1), ResumeDate::Present))
        );
    }

    #[test]
    fn single_dates() {
        assert_eq!(
            range("University of Michigan, 2025").map(|r| (r.0, r.1)),
            Some((ResumeDate::Year(2025), ResumeDate::Year(2025)))
        );
        assert_eq!(range("Graduated May 2024").map(|r| r.0), Some(ym(2024, 5)));
        assert_eq!(range("Present"), None);
        assert_eq!(range("Managed 3 teams"), None);
    }

    #[test]
    fn present_words() {
        assert!(is_present_word("present"));
        assert!(is_present_word("Today"));
        assert!(!is_present_word("presently working"));
        assert!(!is_present_word("2020"));
    }

    #[test]
    fn last_year_of_a_range() {
        assert_eq!(last_year("2015 – 2019"), Some(2019));
        assert_eq!(last_year("Boston College"), None);
    }
}
