//! Normalised resume dates: a year, a year and month, or "present".

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A point in time as resumes give it. Serialised as `"2021-04"`, `"2021"`
/// or `"present"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[cfg_attr(feature = "typescript", ts(type = "string"))]
pub enum ResumeDate {
    /// A year and a month (1–12).
    YearMonth {
        /// Four-digit year.
        year: u16,
        /// Month, 1–12.
        month: u8,
    },
    /// A year alone.
    Year(u16),
    /// An open end: "Present", "Current", "Now".
    Present,
}

impl ResumeDate {
    /// The year, when the date is not [`ResumeDate::Present`].
    pub fn year(self) -> Option<u16> {
        match self {
            Self::YearMonth { year, .. } | Self::Year(year) => Some(year),
            Self::Present => None,
        }
    }

    /// The month, when known.
    pub fn month(self) -> Option<u8> {
        match self {
            Self::YearMonth { month, .. } => Some(month),
            _ => None,
        }
    }
}

impl fmt::Display for ResumeDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::YearMonth { year, month } => write!(f, "{year:04}-{month:02}"),
            Self::Year(year) => write!(f, "{year:04}"),
            Self::Present => f.write_str("present"),
        }
    }
}

/// Why a string is not a [`ResumeDate`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a resume date (expected YYYY, YYYY-MM, YYYY-MM-DD or \"present\"): {0:?}")]
pub struct InvalidDate(pub String);

impl FromStr for ResumeDate {
    type Err = InvalidDate;

    /// Parses the ISO-like forms `YYYY`, `YYYY-MM`, `YYYY-MM-DD` and `present`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("present") {
            return Ok(Self::Present);
        }
        let bad = || InvalidDate(s.to_owned());
        let mut parts = t.split('-');
        let year_part = parts.next().ok_or_else(bad)?;
        if year_part.len() != 4 {
            return Err(bad());
        }
        let year: u16 = year_part.parse().map_err(|_| bad())?;
        match parts.next() {
            None => Ok(Self::Year(year)),
            Some(m) => {
                let month: u8 = m.parse().map_err(|_| bad())?;
                if !(1..=12).contains(&month) || m.len() > 2 {
                    return Err(bad());
                }
                Ok(Self::YearMonth { year, month })
            }
        }
    }
}

impl Serialize for ResumeDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ResumeDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_strings() {
        for s in ["2021-04", "1999", "present"] {
            let d: ResumeDate = s.parse().unwrap_or(ResumeDate::Year(0));
            assert_eq!(d.to_string(), s);
        }
        assert_eq!(
            "2020-03-15".parse(),
            Ok(ResumeDate::YearMonth {
                year: 2020,
                month: 3
            })
        );
        assert!("2020-13".parse::<ResumeDate>().is_err());
        assert!("20".parse::<ResumeDate>().is_err());
    }
}
