//! List definitions (`word/numbering.xml`).

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};

use super::super::ParseError;
use super::props::twips;
use super::xml::{self, DepthGuard, Ns, attr, int_attr};

/// One list level (`w:lvl`).
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Level {
    /// `w:numFmt` (`bullet`, `decimal`, `none`, ...).
    pub format: String,
    /// `w:ind w:left` of the level, in points.
    pub indent: Option<f32>,
}

/// The parsed numbering definitions.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    /// `w:abstractNumId` → level → definition.
    abstracts: HashMap<String, HashMap<u8, Level>>,
    /// `w:numId` → `w:abstractNumId`.
    nums: HashMap<String, String>,
}

/// Where in `numbering.xml` the walker is.
#[derive(Debug, Clone, Default)]
struct Cursor {
    abstract_id: Option<String>,
    num_id: Option<String>,
    level: Option<u8>,
    in_override: bool,
}

impl Numbering {
    /// Parses `numbering.xml`.
    pub fn parse(bytes: &[u8], max_depth: usize) -> Result<Self, ParseError> {
        let part = "numbering.xml";
        let mut reader = xml::reader(bytes);
        let mut guard = DepthGuard::new(xml::element_depth_limit(max_depth));
        let mut names: Vec<String> = Vec::new();
        let mut numbering = Numbering::default();
        let mut cursor = Cursor::default();
        loop {
            let (ns, event) = reader
                .read_resolved_event()
                .map_err(|e| xml::corrupt(part, e))?;
            let ns = xml::classify(&ns);
            match event {
                Event::Start(e) => {
                    guard.enter(part)?;
                    let local = e.local_name().as_ref().to_owned();
                    if ns == Ns::Word {
                        numbering.open(&local, &e, &mut cursor);
                    }
                    names.push(local);
                }
                Event::Empty(e) if ns == Ns::Word => {
                    numbering.open(e.local_name().as_ref(), &e, &mut cursor);
                }
                Event::End(_) => {
                    guard.leave();
                    match names.pop().as_deref() {
                        Some("abstractNum") => cursor.abstract_id = None,
                        Some("num") => cursor.num_id = None,
                        Some("lvl") => cursor.level = None,
                        Some("lvlOverride") => cursor.in_override = false,
                        _ => {}
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(numbering)
    }

    /// Handles one opening element.
    fn open(&mut self, local: &str, e: &BytesStart<'_>, cursor: &mut Cursor) {
        match local {
            "abstractNum" => cursor.abstract_id = attr(e, "abstractNumId"),
            "num" => cursor.num_id = attr(e, "numId"),
            "lvlOverride" => cursor.in_override = true,
            "abstractNumId" => {
                if let (Some(num), Some(target)) = (&cursor.num_id, attr(e, "val")) {
                    self.nums.insert(num.clone(), target);
                }
            }
            "lvl" => {
                cursor.level = int_attr(e, "ilvl").and_then(|l| u8::try_from(l).ok());
            }
            "numFmt" | "ind" => {
                if cursor.in_override {
                    return;
                }
                let (Some(abstract_id), Some(level)) = (&cursor.abstract_id, cursor.level) else {
                    return;
                };
                let entry = self
                    .abstracts
                    .entry(abstract_id.clone())
                    .or_default()
                    .entry(level)
                    .or_default();
                if local == "numFmt" {
                    entry.format = attr(e, "val").unwrap_or_default();
                } else if let Some(left) = twips(e, "left").or_else(|| twips(e, "start")) {
                    entry.indent = Some(left);
                }
            }
            _ => {}
        }
    }

    /// The level definition a `w:numId` / `w:ilvl` pair points at.
    pub fn level(&self, num_id: &str, level: u8) -> Option<&Level> {
        let abstract_id = self.nums.get(num_id)?;
        self.abstracts.get(abstract_id)?.get(&level)
    }
}
