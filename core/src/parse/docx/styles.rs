//! The style sheet (`word/styles.xml`) and style-chain resolution.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};

use super::super::ParseError;
use super::props::{ParaProps, RunProps};
use super::xml::{self, DepthGuard, Ns, attr};

/// Most `w:basedOn` links followed (also stops cycles).
const MAX_CHAIN: usize = 32;

/// The kind of a style definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Paragraph,
    Character,
    Other,
}

/// One `w:style`.
#[derive(Debug, Clone)]
struct Style {
    kind: Kind,
    /// Lower-cased `w:name`.
    name: String,
    based_on: Option<String>,
    para: ParaProps,
    run: RunProps,
}

/// The parsed style sheet.
#[derive(Debug, Default)]
pub(super) struct Styles {
    default_run: RunProps,
    default_para: ParaProps,
    default_para_style: Option<String>,
    styles: HashMap<String, Style>,
}

/// Paragraph properties resolved through the style chain.
#[derive(Debug, Clone, Default)]
pub(super) struct ResolvedPara {
    /// Merged paragraph properties (direct, style chain, defaults).
    pub props: ParaProps,
    /// Heading level: 0 for Title, 1.. for headings and outline levels.
    pub heading_level: Option<u8>,
    /// The paragraph style's name reads like a list style ("List Bullet").
    pub list_style: bool,
}

/// Which element of a style sheet is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    Style,
    Defaults,
    PPr,
    RPr,
    Ignored,
    Other,
}

impl Styles {
    /// Parses `styles.xml`.
    pub fn parse(bytes: &[u8], max_depth: usize) -> Result<Self, ParseError> {
        let part = "styles.xml";
        let mut reader = xml::reader(bytes);
        let mut guard = DepthGuard::new(xml::element_depth_limit(max_depth));
        let mut stack: Vec<Frame> = Vec::new();
        let mut styles = Styles::default();
        let mut current: Option<(String, Style, bool)> = None;
        let text = std::str::from_utf8(bytes).ok();
        loop {
            let (ns, event) = reader
                .read_resolved_event()
                .map_err(|e| xml::corrupt(part, e))?;
            let ns = xml::classify(&ns);
            match event {
                Event::Start(e) => {
                    guard.enter(part)?;
                    let frame = styles.open(ns, &e, &stack, &mut current);
                    if let (Frame::Ignored, Some(text)) = (frame, text) {
                        xml::skip_content(&mut reader, text, &e);
                    }
                    stack.push(frame);
                }
                Event::Empty(e) => {
                    styles.open(ns, &e, &stack, &mut current);
                }
                Event::End(_) => {
                    guard.leave();
                    if stack.pop() == Some(Frame::Style) {
                        if let Some((id, style, is_default)) = current.take() {
                            if is_default && style.kind == Kind::Paragraph {
                                styles.default_para_style = Some(id.clone());
                            }
                            styles.styles.entry(id).or_insert(style);
                        }
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(styles)
    }

    /// Handles an opening element and returns the frame it opens.
    fn open(
        &mut self,
        ns: Ns,
        e: &BytesStart<'_>,
        stack: &[Frame],
        current: &mut Option<(String, Style, bool)>,
    ) -> Frame {
        let parent = stack.last().copied();
        if parent == Some(Frame::Ignored) {
            return Frame::Ignored;
        }
        if ns != Ns::Word {
            return Frame::Other;
        }
        let local = e.local_name();
        let local = local.as_ref();
        let in_defaults = stack.contains(&Frame::Defaults);
        match (parent, local) {
            (
                _,
                "latentStyles" | "tblStylePr" | "pPrChange" | "rPrChange" | "tblPr" | "trPr"
                | "tcPr",
            ) => Frame::Ignored,
            (_, "docDefaults") => Frame::Defaults,
            (_, "style") => {
                let kind = match attr(e, "type").as_deref() {
                    Some("paragraph") => Kind::Paragraph,
                    Some("character") => Kind::Character,
                    _ => Kind::Other,
                };
                let is_default = xml::on_off_attr(e, "default");
                *current = attr(e, "styleId").map(|id| {
                    let style = Style {
                        kind,
                        name: String::new(),
                        based_on: None,
                        para: ParaProps::default(),
                        run: RunProps::default(),
                    };
                    (id, style, is_default)
                });
                Frame::Style
            }
            (Some(Frame::Style), "name") => {
                if let Some((_, style, _)) = current.as_mut() {
                    style.name = attr(e, "val").unwrap_or_default().to_lowercase();
                }
                Frame::Other
            }
            (Some(Frame::Style), "basedOn") => {
                if let Some((_, style, _)) = current.as_mut() {
                    style.based_on = attr(e, "val");
                }
                Frame::Other
            }
            (Some(Frame::PPr), "rPr") => Frame::Ignored,
            (_, "pPr") => Frame::PPr,
            (_, "rPr") => Frame::RPr,
            (Some(Frame::PPr), _) => {
                if in_defaults {
                    self.default_para.apply(local, e);
                } else if let Some((_, style, _)) = current.as_mut() {
                    style.para.apply(local, e);
                }
                Frame::PPr
            }
            (Some(Frame::RPr), _) => {
                if in_defaults {
                    self.default_run.apply(local, e);
                } else if let Some((_, style, _)) = current.as_mut() {
                    style.run.apply(local, e);
                }
                Frame::RPr
            }
            _ => Frame::Other,
        }
    }

    /// The style ids from `id` up its `w:basedOn` chain, most specific first.
    fn chain<'a>(
        &'a self,
        id: Option<&'a str>,
    ) -> impl Iterator<Item = (&'a str, Option<&'a Style>)> {
        let mut next = id;
        std::iter::from_fn(move || {
            let id = next?;
            let style = self.styles.get(id);
            next = style.and_then(|s| s.based_on.as_deref());
            Some((id, style))
        })
        .take(MAX_CHAIN)
    }

    /// Resolves a paragraph's direct properties through its style chain.
    pub fn paragraph(&self, direct: &ParaProps) -> ResolvedPara {
        let style_id = direct
            .style
            .as_deref()
            .or(self.default_para_style.as_deref());
        let mut props = direct.clone();
        let mut heading_level = direct.outline.map(outline_heading).unwrap_or_default();
        let mut heading_known = direct.outline.is_some();
        let mut list_style = false;
        for (id, style) in self.chain(style_id) {
            let name = style.map(|s| s.name.as_str()).unwrap_or_default();
            if !heading_known {
                if let Some(level) = named_heading(id, name) {
                    heading_level = Some(level);
                    heading_known = true;
                } else if let Some(outline) = style.and_then(|s| s.para.outline) {
                    heading_level = outline_heading(outline);
                    heading_known = true;
                }
            }
            list_style |= name.starts_with("list") || id.starts_with("List");
            if let Some(style) = style {
                props.inherit(&style.para);
            }
        }
        props.inherit(&self.default_para);
        ResolvedPara {
            props,
            heading_level,
            list_style,
        }
    }

    /// Resolves a run's effective properties: direct formatting, then its
    /// character style chain, then the paragraph style chain, then the
    /// document defaults.
    pub fn run(&self, paragraph_style: Option<&str>, direct: &RunProps) -> RunProps {
        let mut props = direct.clone();
        for (_, style) in self.chain(direct.style.as_deref()) {
            if let Some(style) = style.filter(|s| s.kind == Kind::Character) {
                props.inherit(&style.run);
            }
        }
        let paragraph_style = paragraph_style.or(self.default_para_style.as_deref());
        for (_, style) in self.chain(paragraph_style) {
            if let Some(style) = style {
                props.inherit(&style.run);
            }
        }
        props.inherit(&self.default_run);
        props
    }
}

/// Heading level for an outline level (`9` is body text).
fn outline_heading(outline: u8) -> Option<u8> {
    (outline < 9).then_some(outline + 1)
}

/// Heading level from a built-in style id or name ("Title", "heading 2").
fn named_heading(id: &str, name: &str) -> Option<u8> {
    if id == "Title" || name == "title" {
        return Some(0);
    }
    let digit = name
        .strip_prefix("heading ")
        .or_else(|| id.strip_prefix("Heading"))?;
    match digit.parse::<u8>() {
        Ok(level @ 1..=9) => Some(level),
        _ => None,
    }
}
