//! DOCX reader: a bounded ZIP container, a plain `quick-xml` event walker
//! over the document body, headers and footers, and the style, numbering
//! and relationship parts it needs for layout hints.

mod archive;
mod body;
mod fields;
mod glyphs;
mod numbering;
mod props;
mod relationships;
mod styles;
mod table;
mod text;
mod xml;

#[cfg(test)]
mod tests;

use super::{Line, LineOrigin, ParseError, ParseLimits, TextDocument};
use archive::Archive;
use body::{Story, StoryText, read_story};
use numbering::Numbering;
use relationships::{Relationships, rels_name};
use styles::Styles;

/// Conventional name of the main document part.
const DEFAULT_MAIN_PART: &str = "word/document.xml";

/// Word's default left page margin (1 inch), in points.
const DEFAULT_LEFT_MARGIN: f32 = 72.0;

/// Reads the lines of a DOCX file: header lines first, then the body in
/// document order (tables row by row, text boxes where they are anchored),
/// then footer lines.
pub fn read_docx(bytes: &[u8], limits: &ParseLimits) -> Result<TextDocument, ParseError> {
    let mut archive = Archive::open(bytes, limits)?;
    let package_rels = read_rels(&mut archive, "", limits)?;
    let main = main_part(&archive, &package_rels)?;
    let document = archive.read(&main)?.ok_or_else(|| not_docx(&archive))?;
    let rels = read_rels(&mut archive, &main, limits)?;
    let styles = match read_related(&mut archive, &rels, "styles", "word/styles.xml")? {
        Some(xml) => Styles::parse(&xml, limits.max_depth)?,
        None => Styles::default(),
    };
    let numbering = match read_related(&mut archive, &rels, "numbering", "word/numbering.xml")? {
        Some(xml) => Numbering::parse(&xml, limits.max_depth)?,
        None => Numbering::default(),
    };
    let body = read_story(
        &document,
        &Story {
            name: "document.xml",
            origin: LineOrigin::Body,
            styles: &styles,
            numbering: &numbering,
            rels: &rels,
            limits,
        },
    )?;
    let mut headers = Vec::new();
    let mut footers = Vec::new();
    for (kind, origin, out) in [
        ("header", LineOrigin::Header, &mut headers),
        ("footer", LineOrigin::Footer, &mut footers),
    ] {
        let mut targets: Vec<String> = rels.targets(kind).map(str::to_owned).collect();
        targets.sort();
        targets.dedup();
        for target in targets {
            let Some(xml) = archive.read(&target)? else {
                continue;
            };
            let part_rels = read_rels(&mut archive, &target, limits)?;
            let part = read_story(
                &xml,
                &Story {
                    name: kind,
                    origin,
                    styles: &styles,
                    numbering: &numbering,
                    rels: &part_rels,
                    limits,
                },
            )?;
            push_unique(out, part.lines);
        }
    }
    Ok(assemble(headers, body, footers))
}

/// Joins header, body and footer lines, making indents absolute (from the
/// page's left edge) and giving footer lines the last page.
fn assemble(headers: Vec<Vec<Line>>, body: StoryText, footers: Vec<Vec<Line>>) -> TextDocument {
    let margin = body.left_margin.unwrap_or(DEFAULT_LEFT_MARGIN);
    let last_page = body.last_page;
    let footers = footers.into_iter().flatten().map(|mut line| {
        line.page = last_page;
        line
    });
    let mut lines: Vec<Line> = headers
        .into_iter()
        .flatten()
        .chain(body.lines)
        .chain(footers)
        .collect();
    for line in &mut lines {
        line.indent = line.indent.map(|indent| indent + margin);
    }
    TextDocument { lines }
}

/// Adds a header or footer part's lines unless they are empty or an
/// identical part was already added (first-page and default headers often
/// repeat each other).
fn push_unique(parts: &mut Vec<Vec<Line>>, lines: Vec<Line>) {
    if lines.is_empty() {
        return;
    }
    let same_text = |part: &Vec<Line>| {
        part.len() == lines.len() && part.iter().zip(&lines).all(|(a, b)| a.text == b.text)
    };
    if !parts.iter().any(same_text) {
        parts.push(lines);
    }
}

/// The main document part named by the package relationships, falling back
/// to `word/document.xml`.
fn main_part(archive: &Archive<'_>, package_rels: &Relationships) -> Result<String, ParseError> {
    let named = package_rels.targets("officeDocument").find(|target| {
        archive.contains(target) && !target.starts_with("xl/") && !target.starts_with("ppt/")
    });
    match named {
        Some(target) => Ok(target.to_owned()),
        None if archive.contains(DEFAULT_MAIN_PART) => Ok(DEFAULT_MAIN_PART.to_owned()),
        None => Err(not_docx(archive)),
    }
}

/// The error for a ZIP archive that is not a word-processing document.
fn not_docx(archive: &Archive<'_>) -> ParseError {
    let detected = if archive.contains("xl/workbook.xml") {
        "XLSX spreadsheet"
    } else if archive.contains("ppt/presentation.xml") {
        "PPTX presentation"
    } else {
        "ZIP archive without word/document.xml (not a DOCX)"
    };
    ParseError::UnsupportedFormat {
        detected: detected.to_owned(),
    }
}

/// The relationships of `part` (empty when it has none).
fn read_rels(
    archive: &mut Archive<'_>,
    part: &str,
    limits: &ParseLimits,
) -> Result<Relationships, ParseError> {
    match archive.read(&rels_name(part))? {
        Some(xml) => Relationships::parse(&xml, part, limits.max_depth),
        None => Ok(Relationships::default()),
    }
}

/// The bytes of the part related to the main document by `kind`, or of the
/// conventionally named part when no relationship names one.
fn read_related(
    archive: &mut Archive<'_>,
    rels: &Relationships,
    kind: &str,
    fallback: &str,
) -> Result<Option<Vec<u8>>, ParseError> {
    let target = rels.targets(kind).next().unwrap_or(fallback).to_owned();
    archive.read(&target)
}
