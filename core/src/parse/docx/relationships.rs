//! Package relationships (`_rels/*.rels`): which part is the main document,
//! where its styles, headers and footers live, and hyperlink targets.

use std::collections::HashMap;

use quick_xml::events::Event;

use super::super::ParseError;
use super::xml::{self, DepthGuard, attr};

/// One `Relationship`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Relationship {
    /// `Id`.
    pub id: String,
    /// The last segment of `Type` (`officeDocument`, `styles`, `header`, `hyperlink`...).
    pub kind: String,
    /// `Target`: a part name resolved against the source part for internal
    /// targets, the raw URL for external ones.
    pub target: String,
    /// `TargetMode="External"`.
    pub external: bool,
}

/// The relationships of one part.
#[derive(Debug, Default)]
pub(super) struct Relationships {
    entries: Vec<Relationship>,
    by_id: HashMap<String, usize>,
}

impl Relationships {
    /// Parses the `.rels` part of `source` (a part name such as
    /// `word/document.xml`, or `""` for the package itself).
    pub fn parse(bytes: &[u8], source: &str, max_depth: usize) -> Result<Self, ParseError> {
        let part = "relationships";
        let mut reader = xml::reader(bytes);
        let mut guard = DepthGuard::new(xml::element_depth_limit(max_depth));
        let mut entries = Vec::new();
        let mut by_id = HashMap::new();
        loop {
            let event = reader.read_event().map_err(|e| xml::corrupt(part, e))?;
            let element = match event {
                Event::Start(e) => {
                    guard.enter(part)?;
                    e
                }
                Event::Empty(e) => e,
                Event::End(_) => {
                    guard.leave();
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            if element.local_name().as_ref() != "Relationship" {
                continue;
            }
            let (Some(id), Some(kind), Some(target)) = (
                attr(&element, "Id"),
                attr(&element, "Type"),
                attr(&element, "Target"),
            ) else {
                continue;
            };
            let external = attr(&element, "TargetMode").as_deref() == Some("External");
            let kind = kind.rsplit('/').next().unwrap_or_default().to_owned();
            let target = if external {
                target
            } else {
                resolve_part(source, &target)
            };
            by_id.entry(id.clone()).or_insert(entries.len());
            entries.push(Relationship {
                id,
                kind,
                target,
                external,
            });
        }
        Ok(Self { entries, by_id })
    }

    /// The relationship with `id`.
    pub fn get(&self, id: &str) -> Option<&Relationship> {
        self.by_id.get(id).and_then(|&i| self.entries.get(i))
    }

    /// Internal targets of relationships of `kind`, in document order.
    pub fn targets<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a str> {
        self.entries
            .iter()
            .filter(move |r| r.kind == kind && !r.external)
            .map(|r| r.target.as_str())
    }
}

/// The `.rels` part name for `part` (`word/document.xml` → `word/_rels/document.xml.rels`).
pub(super) fn rels_name(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// Resolves `target` relative to the folder of `source`, handling `..` and
/// absolute (`/word/x.xml`) targets.
fn resolve_part(source: &str, target: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    if !target.starts_with('/') {
        if let Some((dir, _)) = source.rsplit_once('/') {
            segments.extend(dir.split('/').filter(|s| !s.is_empty()));
        }
    }
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    segments.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_targets() {
        assert_eq!(
            resolve_part("word/document.xml", "styles.xml"),
            "word/styles.xml"
        );
        assert_eq!(
            resolve_part("word/document.xml", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(resolve_part("", "word/document.xml"), "word/document.xml");
        assert_eq!(
            resolve_part("word/document.xml", "/word/header1.xml"),
            "word/header1.xml"
        );
        assert_eq!(
            rels_name("word/document.xml"),
            "word/_rels/document.xml.rels"
        );
    }
}
