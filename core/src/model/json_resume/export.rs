//! [`Resume`] → JSON Resume.

use serde_json::{Map, Value, json};

use super::super::{
    Certification, Education, Experience, Link, OtherSection, Project, Resume, ResumeDate, Sections,
};
use super::{EXTENSION_KEY, OtherKind, parse_loose_date, parse_printed_range};

/// The schema a document declares in `$schema`.
const SCHEMA_URL: &str =
    "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json";

/// The name of the skill group made of skills without a group.
const UNGROUPED_SKILLS: &str = "Skills";

/// Converts a resume to a JSON Resume (v1.0.0) document.
///
/// Empty fields and arrays are left out, dates are written as `YYYY-MM` or
/// `YYYY`, and an open end ("present") is written as an absent `endDate`.
/// Sections JSON Resume has no place for go to
/// `meta["x-resume-engine"].other`.
pub fn to_json_resume(resume: &Resume) -> Value {
    let sections = &resume.sections;
    let (mapped, unmapped): (Vec<&OtherSection>, Vec<&OtherSection>) = sections
        .other
        .iter()
        .partition(|s| OtherKind::from_title(&s.title).is_some());
    let mut doc = JsonObject::default()
        .string("$schema", Some(SCHEMA_URL))
        .value("basics", basics(resume))
        .list("work", sections.experience.iter().map(work))
        .list("education", sections.education.iter().map(education))
        .list("skills", skills(sections))
        .list(
            "languages",
            sections.languages.iter().map(|l| {
                JsonObject::default()
                    .string("language", Some(&l.language))
                    .string("fluency", l.fluency.as_deref())
                    .build()
            }),
        )
        .list("projects", sections.projects.iter().map(project))
        .list(
            "certificates",
            sections.certifications.iter().map(certificate),
        );
    for kind in OtherKind::ALL {
        let entries = mapped
            .iter()
            .filter(|s| OtherKind::from_title(&s.title) == Some(kind))
            .flat_map(|s| &s.lines)
            .filter(|line| !line.trim().is_empty())
            .map(|line| other_entry(kind, line));
        doc = doc.list(kind.key(), entries);
    }
    let kept: Vec<Value> = unmapped
        .iter()
        .map(|s| {
            JsonObject::default()
                .string("title", Some(&s.title))
                .strings("lines", &s.lines)
                .build()
        })
        .collect();
    if !kept.is_empty() {
        doc = doc.value("meta", json!({ EXTENSION_KEY: { "other": kept } }));
    }
    doc.build()
}

/// `basics`: identity, contact, location and profiles.
fn basics(resume: &Resume) -> Value {
    let links: Vec<&Link> = resume
        .links
        .iter()
        .filter(|l| !l.url.trim().is_empty())
        .collect();
    let site = links.iter().position(|l| l.network.is_none());
    let profiles = links
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != site)
        .map(|(_, l)| profile(l));
    JsonObject::default()
        .string("name", resume.name.as_deref())
        .string("label", resume.headline.as_deref())
        .string("email", resume.email.as_deref())
        .string("phone", resume.phone.as_deref())
        .string(
            "url",
            site.and_then(|i| links.get(i)).map(|l| l.url.as_str()),
        )
        .string("summary", resume.sections.summary.as_deref())
        .value("location", location(resume.location.as_deref()))
        .list("profiles", profiles)
        .build()
}

/// `basics.location`: the printed form in `address`, plus `city` and
/// `region` when it reads "City, Region" or "City, Country".
fn location(printed: Option<&str>) -> Value {
    let Some(printed) = printed.filter(|p| !p.trim().is_empty()) else {
        return Value::Null;
    };
    let parts: Vec<&str> = printed.split(',').map(str::trim).collect();
    let (city, region) = match parts.as_slice() {
        [city, region] if !city.is_empty() && !region.is_empty() => (Some(*city), Some(*region)),
        _ => (None, None),
    };
    JsonObject::default()
        .string("address", Some(printed))
        .string("city", city)
        .string("region", region)
        .build()
}

/// One `basics.profiles` entry.
fn profile(link: &Link) -> Value {
    JsonObject::default()
        .string("network", link.network.as_deref())
        .string(
            "username",
            link.network.as_ref().and_then(|_| username(&link.url)),
        )
        .string("url", Some(&link.url))
        .build()
}

/// The user name in a profile URL: `linkedin.com/in/jdoe` → `jdoe`,
/// `github.com/jdoe` → `jdoe`, `medium.com/@jdoe` → `jdoe`.
fn username(url: &str) -> Option<&str> {
    let without_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = without_scheme.split(['?', '#']).next()?;
    let mut segments = path.split('/').skip(1).filter(|s| !s.is_empty()).peekable();
    if segments
        .peek()
        .is_some_and(|s| matches!(*s, "in" | "pub" | "u" | "user" | "users"))
    {
        segments.next();
    }
    segments
        .next()
        .map(|s| s.trim_start_matches('@'))
        .filter(|s| !s.is_empty())
}

/// One `work` entry.
fn work(job: &Experience) -> Value {
    let (start, end) = match (job.start, job.end) {
        (None, None) => {
            parse_printed_range(&job.dates).map_or((None, None), |(s, e)| (Some(s), Some(e)))
        }
        known => known,
    };
    JsonObject::default()
        .string("name", Some(&job.company))
        .string("position", Some(&job.title))
        .string("location", job.location.as_deref())
        .date("startDate", start)
        .date("endDate", end)
        .string("summary", job.description.as_deref())
        .strings("highlights", &job.bullets)
        .build()
}

/// One `education` entry. `location` is not in the schema; it is written
/// anyway so that it survives a round trip.
fn education(entry: &Education) -> Value {
    let (start, end) = match (entry.start, entry.end) {
        (None, None) => match parse_printed_range(&entry.year) {
            Some((s, e)) if s != e => (Some(s), Some(e)),
            Some((_, e)) => (None, Some(e)),
            None => (None, None),
        },
        known => known,
    };
    JsonObject::default()
        .string("institution", Some(&entry.institution))
        .string("area", entry.field.as_deref())
        .string("studyType", Some(study_type(entry)))
        .date("startDate", start)
        .date("endDate", end)
        .string("score", entry.gpa.as_deref())
        .string("location", entry.location.as_deref())
        .strings("courses", &entry.details)
        .build()
}

/// The degree without its field: "Bachelor of Science, Computer Science"
/// with field "Computer Science" → "Bachelor of Science".
fn study_type(entry: &Education) -> &str {
    entry
        .field
        .as_deref()
        .and_then(|field| entry.degree.strip_suffix(field))
        .and_then(|rest| rest.strip_suffix(", "))
        .filter(|rest| !rest.trim().is_empty())
        .unwrap_or(&entry.degree)
}

/// `skills`: one entry per skill group (or one "Skills" group), plus the
/// skills no group holds.
fn skills(sections: &Sections) -> Vec<Value> {
    let group = |name: &str, keywords: &[String]| {
        JsonObject::default()
            .string("name", Some(name))
            .strings("keywords", keywords)
            .build()
    };
    if sections.skill_groups.is_empty() {
        return if sections.skills.is_empty() {
            Vec::new()
        } else {
            vec![group(UNGROUPED_SKILLS, &sections.skills)]
        };
    }
    let mut groups: Vec<Value> = sections
        .skill_groups
        .iter()
        .map(|g| group(g.name.as_deref().unwrap_or(UNGROUPED_SKILLS), &g.skills))
        .collect();
    let ungrouped: Vec<String> = sections
        .skills
        .iter()
        .filter(|s| !sections.skill_groups.iter().any(|g| g.skills.contains(s)))
        .cloned()
        .collect();
    if !ungrouped.is_empty() {
        groups.push(group("Other Skills", &ungrouped));
    }
    groups
}

/// One `projects` entry; `startDate`/`endDate` when the printed dates parse.
fn project(entry: &Project) -> Value {
    let (start, end) = entry
        .dates
        .as_deref()
        .and_then(parse_printed_range)
        .map_or((None, None), |(s, e)| (Some(s), Some(e)));
    JsonObject::default()
        .string("name", Some(&entry.name))
        .string("description", entry.description.as_deref())
        .strings("highlights", &entry.bullets)
        .string("url", entry.url.as_deref())
        .date("startDate", start)
        .date("endDate", end)
        .build()
}

/// One `certificates` entry; the date in ISO form when it parses, else as
/// printed.
fn certificate(cert: &Certification) -> Value {
    let date = cert.date.as_deref().map(|printed| {
        parse_loose_date(printed)
            .filter(|d| *d != ResumeDate::Present)
            .map_or_else(|| printed.to_owned(), |d| d.to_string())
    });
    JsonObject::default()
        .string("name", Some(&cert.name))
        .string("issuer", cert.issuer.as_deref())
        .string("date", date.as_deref())
        .build()
}

/// One entry of `awards`, `volunteer`, … made from a line of an
/// [`OtherSection`], reading the line shapes an import prints:
/// "Title — Awarder (Nov 2014)", "Position at Organization (2012 – 2013)",
/// "Name — Publisher (2014)", "Interest: keyword, keyword".
fn other_entry(kind: OtherKind, line: &str) -> Value {
    let entry = JsonObject::default();
    match kind {
        OtherKind::Awards => credited(entry, line, ["title", "awarder", "date"]),
        OtherKind::Publications => credited(entry, line, ["name", "publisher", "releaseDate"]),
        OtherKind::Volunteer => {
            let (head, start, end) = match trailing_dates(line) {
                Some((head, (start, end))) => (head, Some(start), Some(end)),
                None => (line, None, None),
            };
            match head.split_once(" at ") {
                Some((position, organization)) => entry
                    .string("position", Some(position))
                    .string("organization", Some(organization)),
                None => entry.string("organization", Some(head)),
            }
            .date("startDate", start)
            .date("endDate", end)
        }
        OtherKind::Interests => match line.split_once(": ") {
            Some((name, keywords)) => entry.string("name", Some(name)).strings(
                "keywords",
                &keywords.split(", ").map(str::to_owned).collect::<Vec<_>>(),
            ),
            None => entry.string("name", Some(line)),
        },
        OtherKind::References => entry.string("reference", Some(line)),
    }
    .build()
}

/// An award or publication line, "Name — By (date)", written to the
/// `[name, by, date]` keys.
fn credited(entry: JsonObject, line: &str, [name_key, by_key, date_key]: [&str; 3]) -> JsonObject {
    let (head, date) = match trailing_dates(line) {
        Some((head, (start, end))) if start == end => (head, Some(start)),
        _ => (line, None),
    };
    let (name, by) = head
        .split_once(" — ")
        .map_or((head, None), |(n, b)| (n, Some(b)));
    entry
        .string(name_key, Some(name))
        .string(by_key, by)
        .date(date_key, date)
}

/// Splits "Head (dates)" when the part in parentheses reads as dates.
fn trailing_dates(line: &str) -> Option<(&str, (ResumeDate, ResumeDate))> {
    let (head, dates) = line.strip_suffix(')')?.rsplit_once(" (")?;
    Some((head, parse_printed_range(dates)?))
}

/// A JSON object under construction that leaves out empty values.
#[derive(Default)]
struct JsonObject(Map<String, Value>);

impl JsonObject {
    /// Adds a string unless it is absent or blank.
    fn string(self, key: &str, value: Option<&str>) -> Self {
        match value.filter(|v| !v.trim().is_empty()) {
            Some(v) => self.value(key, Value::from(v)),
            None => self,
        }
    }

    /// Adds the non-blank strings, unless there are none.
    fn strings(self, key: &str, values: &[String]) -> Self {
        let kept = values
            .iter()
            .filter(|v| !v.trim().is_empty())
            .map(|v| Value::from(v.as_str()));
        self.list(key, kept)
    }

    /// Adds an ISO date, unless it is absent or open ("present").
    fn date(self, key: &str, date: Option<ResumeDate>) -> Self {
        match date.filter(|d| *d != ResumeDate::Present) {
            Some(d) => self.value(key, Value::from(d.to_string())),
            None => self,
        }
    }

    /// Adds an array, unless it is empty.
    fn list(self, key: &str, items: impl IntoIterator<Item = Value>) -> Self {
        self.value(key, Value::Array(items.into_iter().collect()))
    }

    /// Adds a value, unless it is null or an empty array or object.
    fn value(mut self, key: &str, value: Value) -> Self {
        let empty = match &value {
            Value::Null => true,
            Value::Array(items) => items.is_empty(),
            Value::Object(map) => map.is_empty(),
            _ => false,
        };
        if !empty {
            self.0.insert(key.to_owned(), value);
        }
        self
    }

    fn build(self) -> Value {
        Value::Object(self.0)
    }
}
