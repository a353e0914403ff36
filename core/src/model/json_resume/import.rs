//! JSON Resume → [`Resume`].

use serde_json::{Map, Value};

use super::super::{
    Certification, Education, Experience, Language, Link, ModelError, OtherSection, Project,
    Resume, ResumeDate, Sections, SkillGroup,
};
use super::{EXTENSION_KEY, OtherKind, human_date, human_range, parse_loose_date};

/// Reads a JSON Resume document (v1.0.0, and the v0.x spellings `website`
/// and `work[].company`).
///
/// Missing fields are fine; a field of the wrong type or an unreadable date
/// is an [`ModelError::InvalidJsonResume`] naming the field
/// (`work[2].startDate: not a date: "soon"`). A `startDate` without an
/// `endDate` is read as an open-ended ("present") range. `raw_text` is a
/// plain-text rendering of the result.
pub fn from_json_resume(doc: &Value) -> Result<Resume, ModelError> {
    let root = Obj::root(doc)?;
    let basics = root.object("basics")?;
    let mut resume = Resume::default();
    let mut summary = None;
    if let Some(basics) = &basics {
        resume.name = basics.string("name")?;
        resume.headline = basics.string("label")?;
        resume.email = basics.string("email")?;
        resume.phone = basics.string("phone")?;
        resume.location = basics.location("location")?;
        resume.links = links(basics)?;
        summary = basics.string("summary")?;
    }
    let (skills, skill_groups) = skills(&root)?;
    resume.sections = Sections {
        summary,
        experience: each(&root, "work", work)?,
        education: each(&root, "education", education)?,
        skills,
        skill_groups,
        projects: each(&root, "projects", project)?,
        certifications: each(&root, "certificates", certificate)?,
        languages: each(&root, "languages", language)?,
        other: other_sections(&root)?,
    };
    resume.raw_text = plain_text(&resume);
    Ok(resume)
}

/// Reads every object of the array `key` with `read`.
fn each<T>(
    parent: &Obj<'_>,
    key: &str,
    read: impl Fn(&Obj<'_>) -> Result<T, ModelError>,
) -> Result<Vec<T>, ModelError> {
    parent.objects(key)?.iter().map(read).collect()
}

/// `basics.url` (or v0.x `website`) first, then the profiles.
fn links(basics: &Obj<'_>) -> Result<Vec<Link>, ModelError> {
    let site = basics
        .first_string(&["url", "website"])?
        .map(|url| Link { url, network: None });
    let mut links: Vec<Link> = site.into_iter().collect();
    for p in basics.objects("profiles")? {
        let network = p.string("network")?;
        let url = match p.string("url")? {
            Some(url) => Some(url),
            None => profile_url(network.as_deref(), p.string("username")?.as_deref()),
        };
        links.extend(url.map(|url| Link { url, network }));
    }
    Ok(links)
}

/// The profile URL of a well-known network, for profiles given by user name
/// only.
fn profile_url(network: Option<&str>, username: Option<&str>) -> Option<String> {
    let prefix = match network?.to_lowercase().as_str() {
        "github" => "https://github.com/",
        "gitlab" => "https://gitlab.com/",
        "linkedin" => "https://www.linkedin.com/in/",
        "twitter" => "https://twitter.com/",
        "x" => "https://x.com/",
        _ => return None,
    };
    Some(format!("{prefix}{}", username?))
}

/// A start and an end date; a start without an end is open ("present").
fn date_range(entry: &Obj<'_>) -> Result<(Option<ResumeDate>, Option<ResumeDate>), ModelError> {
    let start = entry.date("startDate")?;
    let end = entry.date("endDate")?;
    Ok((start, end.or(start.map(|_| ResumeDate::Present))))
}

fn work(entry: &Obj<'_>) -> Result<Experience, ModelError> {
    let (start, end) = date_range(entry)?;
    Ok(Experience {
        title: entry.string("position")?.unwrap_or_default(),
        company: entry
            .first_string(&["name", "company"])?
            .unwrap_or_default(),
        dates: human_range(start, end),
        start,
        end,
        location: entry.location("location")?,
        description: entry.first_string(&["summary", "description"])?,
        bullets: entry.strings("highlights")?,
    })
}

fn education(entry: &Obj<'_>) -> Result<Education, ModelError> {
    let (start, end) = date_range(entry)?;
    let field = entry.string("area")?;
    let degree = match (entry.string("studyType")?, &field) {
        (Some(study), Some(area)) if !study.ends_with(area.as_str()) => format!("{study}, {area}"),
        (study, _) => study.unwrap_or_default(),
    };
    Ok(Education {
        degree,
        institution: entry.string("institution")?.unwrap_or_default(),
        year: end
            .and_then(ResumeDate::year)
            .map(|y| ResumeDate::Year(y).to_string())
            .unwrap_or_default(),
        field,
        start,
        end,
        gpa: entry.first_string(&["score", "gpa"])?,
        location: entry.location("location")?,
        details: entry.strings("courses")?,
    })
}

/// The flat skill list (de-duplicated, in order) and the skill groups.
/// Skills without keywords are gathered into one unnamed group.
fn skills(root: &Obj<'_>) -> Result<(Vec<String>, Vec<SkillGroup>), ModelError> {
    let mut groups: Vec<SkillGroup> = Vec::new();
    let mut loose_group = None;
    for entry in root.objects("skills")? {
        let name = entry.string("name")?;
        let keywords = entry.strings("keywords")?;
        if !keywords.is_empty() {
            groups.push(SkillGroup {
                name,
                skills: keywords,
            });
        } else if let Some(name) = name {
            let index = *loose_group.get_or_insert_with(|| {
                groups.push(SkillGroup::default());
                groups.len() - 1
            });
            if let Some(group) = groups.get_mut(index) {
                group.skills.push(name);
            }
        }
    }
    let mut flat: Vec<String> = Vec::new();
    for skill in groups.iter().flat_map(|g| &g.skills) {
        if !flat.contains(skill) {
            flat.push(skill.clone());
        }
    }
    Ok((flat, groups))
}

fn project(entry: &Obj<'_>) -> Result<Project, ModelError> {
    let (start, end) = date_range(entry)?;
    let dates = human_range(start, end);
    Ok(Project {
        name: entry.string("name")?.unwrap_or_default(),
        description: entry.string("description")?,
        url: entry.first_string(&["url", "website"])?,
        dates: (!dates.is_empty()).then_some(dates),
        bullets: entry.strings("highlights")?,
    })
}

/// A certificate; its date is printed in human form when it parses and kept
/// as written otherwise.
fn certificate(entry: &Obj<'_>) -> Result<Certification, ModelError> {
    let date = entry
        .string("date")?
        .map(|d| parse_loose_date(&d).map_or(d, human_date));
    Ok(Certification {
        name: entry.string("name")?.unwrap_or_default(),
        issuer: entry.string("issuer")?,
        date,
    })
}

fn language(entry: &Obj<'_>) -> Result<Language, ModelError> {
    Ok(Language {
        language: entry
            .first_string(&["language", "name"])?
            .unwrap_or_default(),
        fluency: entry.string("fluency")?,
    })
}

/// Awards, volunteering, publications, interests and references as
/// [`OtherSection`]s, then the sections kept under `meta`.
fn other_sections(root: &Obj<'_>) -> Result<Vec<OtherSection>, ModelError> {
    let mut sections = Vec::new();
    for kind in OtherKind::ALL {
        let lines: Vec<String> = each(root, kind.key(), |e| other_lines(kind, e))?
            .into_iter()
            .flatten()
            .collect();
        if !lines.is_empty() {
            sections.push(OtherSection {
                title: kind.title().to_owned(),
                lines,
            });
        }
    }
    if let Some(kept) = root
        .object("meta")?
        .map(|m| m.object(EXTENSION_KEY))
        .transpose()?
        .flatten()
    {
        for section in kept.objects("other")? {
            sections.push(OtherSection {
                title: section.string("title")?.unwrap_or_default(),
                lines: section.strings("lines")?,
            });
        }
    }
    Ok(sections)
}

/// The printed lines of one award, volunteer role, publication, interest or
/// reference.
fn other_lines(kind: OtherKind, entry: &Obj<'_>) -> Result<Vec<String>, ModelError> {
    let with_date = |head: Option<String>, date: String| match head {
        Some(head) if !date.is_empty() => Some(format!("{head} ({date})")),
        head => head,
    };
    let (head, extra) = match kind {
        OtherKind::Awards => {
            let head = join_present([entry.string("title")?, entry.string("awarder")?], " — ");
            let date = human_range(entry.date("date")?, None);
            (with_date(head, date), vec![entry.string("summary")?])
        }
        OtherKind::Volunteer => {
            let head = join_present(
                [entry.string("position")?, entry.string("organization")?],
                " at ",
            );
            let (start, end) = date_range(entry)?;
            let mut extra = vec![entry.string("summary")?];
            extra.extend(entry.strings("highlights")?.into_iter().map(Some));
            (with_date(head, human_range(start, end)), extra)
        }
        OtherKind::Publications => {
            let head = join_present([entry.string("name")?, entry.string("publisher")?], " — ");
            let date = human_range(entry.date("releaseDate")?, None);
            (with_date(head, date), vec![entry.string("summary")?])
        }
        OtherKind::Interests => {
            let keywords = entry.strings("keywords")?;
            let keywords = (!keywords.is_empty()).then(|| keywords.join(", "));
            (
                join_present([entry.string("name")?, keywords], ": "),
                Vec::new(),
            )
        }
        OtherKind::References => (
            join_present([entry.string("name")?, entry.string("reference")?], ": "),
            Vec::new(),
        ),
    };
    Ok([head].into_iter().chain(extra).flatten().collect())
}

/// A plain-text rendering: name, headline, contact, then each section.
fn plain_text(resume: &Resume) -> String {
    let s = &resume.sections;
    let contact = [&resume.email, &resume.phone, &resume.location].map(Option::clone);
    let mut blocks = vec![lines([
        resume.name.clone(),
        resume.headline.clone(),
        join_present(contact, " | "),
        join_present(resume.links.iter().map(|l| Some(l.url.clone())), " | "),
    ])];
    blocks.push(section("SUMMARY", s.summary.iter().cloned()));
    blocks.push(section(
        "EXPERIENCE",
        s.experience.iter().map(|e| {
            let head = [
                non_empty(&e.title),
                non_empty(&e.company),
                e.location.clone(),
            ];
            let entry = [
                join_present(head, " — "),
                non_empty(&e.dates),
                e.description.clone(),
            ];
            lines(entry.into_iter().chain(bullets(&e.bullets)))
        }),
    ));
    blocks.push(section(
        "EDUCATION",
        s.education.iter().map(|e| {
            let head = [
                non_empty(&e.degree),
                non_empty(&e.institution),
                e.location.clone(),
            ];
            let gpa = e.gpa.as_ref().map(|g| format!("GPA: {g}"));
            let entry = [join_present(head, " — "), non_empty(&e.year), gpa];
            lines(entry.into_iter().chain(e.details.iter().cloned().map(Some)))
        }),
    ));
    blocks.push(section(
        "SKILLS",
        s.skill_groups.iter().map(|g| {
            join_present([g.name.clone(), Some(g.skills.join(", "))], ": ").unwrap_or_default()
        }),
    ));
    blocks.push(section(
        "PROJECTS",
        s.projects.iter().map(|p| {
            let entry = [
                non_empty(&p.name),
                p.url.clone(),
                p.dates.clone(),
                p.description.clone(),
            ];
            lines(entry.into_iter().chain(bullets(&p.bullets)))
        }),
    ));
    blocks.push(section(
        "CERTIFICATIONS",
        s.certifications.iter().map(|c| {
            let parts = [non_empty(&c.name), c.issuer.clone(), c.date.clone()];
            join_present(parts, " — ").unwrap_or_default()
        }),
    ));
    blocks.push(section(
        "LANGUAGES",
        s.languages.iter().map(|l| match &l.fluency {
            Some(fluency) => format!("{} ({fluency})", l.language),
            None => l.language.clone(),
        }),
    ));
    for other in &s.other {
        blocks.push(section(
            &other.title.to_uppercase(),
            other.lines.iter().cloned(),
        ));
    }
    blocks.retain(|b| !b.is_empty());
    blocks.join("\n\n")
}

/// A heading over its non-empty entries, or nothing when there are none.
fn section(heading: &str, entries: impl Iterator<Item = String>) -> String {
    let body: Vec<String> = entries.filter(|e| !e.is_empty()).collect();
    if body.is_empty() {
        String::new()
    } else {
        format!("{heading}\n{}", body.join("\n"))
    }
}

/// Bullets as printed lines.
fn bullets(items: &[String]) -> impl Iterator<Item = Option<String>> + '_ {
    items.iter().map(|b| Some(format!("• {b}")))
}

/// The present parts, one per line.
fn lines(parts: impl IntoIterator<Item = Option<String>>) -> String {
    join_present(parts, "\n").unwrap_or_default()
}

/// The present, non-empty parts joined by `separator`; `None` when there are
/// none.
fn join_present(
    parts: impl IntoIterator<Item = Option<String>>,
    separator: &str,
) -> Option<String> {
    let parts: Vec<String> = parts
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(separator))
}

fn non_empty(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

/// A JSON object being read, with its path for error messages.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    /// The document itself.
    fn root(doc: &'a Value) -> Result<Self, ModelError> {
        match doc {
            Value::Object(map) => Ok(Self {
                map,
                path: String::new(),
            }),
            _ => Err(invalid(
                "expected a JSON object at the top level".to_owned(),
            )),
        }
    }

    /// The path of a member, for error messages: `work[2].startDate`.
    fn path_of(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// A member, treating `null` as absent.
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// A text member (numbers are taken as text); blank is absent.
    fn string(&self, key: &str) -> Result<Option<String>, ModelError> {
        self.get(key)
            .map_or(Ok(None), |v| text(v, &self.path_of(key)))
    }

    /// The first of several spellings of a text member that is present.
    fn first_string(&self, keys: &[&str]) -> Result<Option<String>, ModelError> {
        for key in keys {
            if let Some(value) = self.string(key)? {
                return Ok(Some(value));
            }
        }
        Ok(None)
    }

    /// An array of text; blank items are skipped.
    fn strings(&self, key: &str) -> Result<Vec<String>, ModelError> {
        let path = self.path_of(key);
        let mut out = Vec::new();
        for (i, item) in self.array(key)?.iter().enumerate() {
            out.extend(text(item, &format!("{path}[{i}]"))?);
        }
        Ok(out)
    }

    /// A date member: ISO (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) or a printed
    /// form such as "Mar 2020".
    fn date(&self, key: &str) -> Result<Option<ResumeDate>, ModelError> {
        let Some(value) = self.get(key) else {
            return Ok(None);
        };
        match value {
            Value::String(s) if s.trim().is_empty() => Ok(None),
            Value::String(s) => parse_loose_date(s)
                .map(Some)
                .ok_or_else(|| self.not_a_date(key, value)),
            _ => Err(self.not_a_date(key, value)),
        }
    }

    fn not_a_date(&self, key: &str, value: &Value) -> ModelError {
        invalid(format!("{}: not a date: {value}", self.path_of(key)))
    }

    /// A location given as text or as an object (`address`, or
    /// `city`/`region`/`countryCode`).
    fn location(&self, key: &str) -> Result<Option<String>, ModelError> {
        match self.get(key) {
            Some(Value::Object(_)) => self.object(key)?.map_or(Ok(None), |o| o.location_text()),
            _ => self.string(key),
        }
    }

    /// The printed form of a location object: `address` when it holds the
    /// city (or no city is given), else "City, Region, CountryCode".
    fn location_text(&self) -> Result<Option<String>, ModelError> {
        let address = self.string("address")?;
        let parts: Vec<String> = [
            self.string("city")?,
            self.string("region")?,
            self.string("countryCode")?,
        ]
        .into_iter()
        .flatten()
        .collect();
        Ok(match (address, parts.first()) {
            (Some(address), Some(city)) if address.contains(city.as_str()) => Some(address),
            (address, None) => address,
            _ => Some(parts.join(", ")),
        })
    }

    /// An object member.
    fn object(&self, key: &str) -> Result<Option<Obj<'a>>, ModelError> {
        let path = self.path_of(key);
        match self.get(key) {
            None => Ok(None),
            Some(Value::Object(map)) => Ok(Some(Obj { map, path })),
            Some(_) => Err(invalid(format!("{path}: expected an object"))),
        }
    }

    /// An array member; absent is empty.
    fn array(&self, key: &str) -> Result<&'a [Value], ModelError> {
        match self.get(key) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(_) => Err(invalid(format!("{}: expected an array", self.path_of(key)))),
        }
    }

    /// An array of objects.
    fn objects(&self, key: &str) -> Result<Vec<Obj<'a>>, ModelError> {
        let path = self.path_of(key);
        self.array(key)?
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::Object(map) => Ok(Obj {
                    map,
                    path: format!("{path}[{i}]"),
                }),
                _ => Err(invalid(format!("{path}[{i}]: expected an object"))),
            })
            .collect()
    }
}

/// A JSON string or number as text; blank is absent.
fn text(value: &Value, path: &str) -> Result<Option<String>, ModelError> {
    match value {
        Value::String(s) => Ok((!s.trim().is_empty()).then(|| s.clone())),
        Value::Number(n) => Ok(Some(n.to_string())),
        Value::Null => Ok(None),
        _ => Err(invalid(format!("{path}: expected a string"))),
    }
}

fn invalid(message: String) -> ModelError {
    ModelError::InvalidJsonResume(message)
}
