//! The walker over a story part (document body, header, footer): turns
//! paragraphs, tables and text boxes into [`Line`]s, iteratively.

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

use super::super::{Line, LineOrigin, ParseError, ParseLimits};
use super::fields::{Field, hyperlink_target};
use super::glyphs::symbol_char;
use super::numbering::Numbering;
use super::props::{ParaProps, RunProps, twips};
use super::relationships::Relationships;
use super::styles::Styles;
use super::table::Table;
use super::text::{Segment, build};
use super::xml::{self, DepthGuard, Ns, attr};

/// Vertical space an empty paragraph adds above the next line, in points.
const EMPTY_PARAGRAPH_SPACE: f32 = 12.0;

/// Most paragraphs read from one story part: a long resume has a few
/// hundred; a part with more is refused (`LimitExceeded`) instead of read.
const MAX_PARAGRAPHS: usize = 200_000;

/// Most elements read from one story part: a resume's document.xml has a few
/// tens of thousands; 64 MiB of tiny elements would otherwise take seconds.
const MAX_ELEMENTS: usize = 2_000_000;

/// Longest field instruction kept, in bytes.
const MAX_INSTRUCTION: usize = 4096;

/// What a story part is read with.
pub(super) struct Story<'a> {
    /// Part name, for error messages.
    pub name: &'a str,
    /// Origin of lines outside text boxes and tables (Body, Header, Footer).
    pub origin: LineOrigin,
    /// The style sheet.
    pub styles: &'a Styles,
    /// List definitions.
    pub numbering: &'a Numbering,
    /// The part's relationships (hyperlink targets).
    pub rels: &'a Relationships,
    /// Safety limits.
    pub limits: &'a ParseLimits,
}

/// The lines of a story part.
#[derive(Debug, Default)]
pub(super) struct StoryText {
    /// Lines in reading order; indents are relative to the left margin.
    pub lines: Vec<Line>,
    /// Left page margin from the part's section properties, in points.
    pub left_margin: Option<f32>,
    /// The page the part ends on.
    pub last_page: u32,
}

/// An open element and what its children mean.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Frame {
    /// Content that is ignored, with everything inside it.
    Skip,
    /// Ordinary content (wrappers such as `w:sdtContent`, `w:ins`, drawings).
    Flow,
    Paragraph,
    ParagraphProps,
    Run,
    RunProps,
    Text,
    Instruction,
    TextBox,
    Table,
    TableProps,
    TableGrid,
    Row,
    Cell,
    CellProps,
    Section,
    Alternate {
        chosen: bool,
    },
}

/// A paragraph being read.
#[derive(Debug)]
struct Para {
    direct: ParaProps,
    run: RunProps,
    in_run: bool,
    segments: Vec<Segment>,
    pages: Vec<u32>,
    origin: LineOrigin,
    base_x: f32,
}

impl Para {
    fn segment(&mut self) -> &mut Segment {
        if self.segments.is_empty() {
            self.segments.push(Segment::default());
        }
        let last = self.segments.len() - 1;
        &mut self.segments[last]
    }
}

/// Reads one story part.
pub(super) fn read_story(xml: &[u8], story: &Story<'_>) -> Result<StoryText, ParseError> {
    let mut walker = Walker {
        story,
        frames: Vec::new(),
        paras: Vec::new(),
        tables: Vec::new(),
        fields: Vec::new(),
        text_boxes: 0,
        out: StoryText::default(),
        pending_space: 0.0,
        paragraphs: 0,
        page: 1,
        explicit_break: false,
    };
    let mut reader = xml::reader(xml);
    let mut guard = DepthGuard::new(xml::element_depth_limit(story.limits.max_depth));
    let mut elements = 0usize;
    loop {
        let (ns, event) = reader
            .read_resolved_event()
            .map_err(|e| xml::corrupt(story.name, e))?;
        let ns = xml::classify(&ns);
        if matches!(event, Event::Start(_) | Event::Empty(_)) {
            elements += 1;
            if elements > MAX_ELEMENTS {
                return Err(ParseError::limit(
                    "DOCX",
                    format!("more than {MAX_ELEMENTS} XML elements"),
                ));
            }
        }
        match event {
            Event::Start(e) => {
                guard.enter(story.name)?;
                let frame = walker.open(ns, &e)?;
                walker.frames.push(frame);
            }
            Event::Empty(e) => {
                let frame = walker.open(ns, &e)?;
                walker.close(frame);
            }
            Event::End(_) => {
                guard.leave();
                if let Some(frame) = walker.frames.pop() {
                    walker.close(frame);
                }
            }
            Event::Text(t) => walker.char_data(&t.xml10_content()),
            Event::CData(t) => walker.char_data(&t.xml10_content()),
            Event::GeneralRef(r) => match r.resolve_char_ref() {
                Ok(Some(c)) => walker.char_data(c.encode_utf8(&mut [0; 4])),
                Ok(None) => match resolve_predefined_entity(&r) {
                    Some(s) => walker.char_data(s),
                    None => walker.char_data(&format!("&{};", &*r)),
                },
                Err(e) => return Err(xml::corrupt(story.name, e)),
            },
            Event::Eof => break,
            _ => {}
        }
    }
    walker.out.last_page = walker.page;
    Ok(walker.out)
}

/// Walker state.
struct Walker<'a> {
    story: &'a Story<'a>,
    frames: Vec<Frame>,
    paras: Vec<Para>,
    tables: Vec<Table>,
    fields: Vec<Field>,
    text_boxes: usize,
    out: StoryText,
    pending_space: f32,
    /// Paragraphs opened so far (see [`MAX_PARAGRAPHS`]).
    paragraphs: usize,
    page: u32,
    /// An explicit page break was seen and no text since (so a following
    /// `w:lastRenderedPageBreak` is the same page break).
    explicit_break: bool,
}

impl Walker<'_> {
    /// Handles an opening element and returns the frame for its children.
    fn open(&mut self, ns: Ns, e: &BytesStart<'_>) -> Result<Frame, ParseError> {
        let parent = self.frames.last().copied().unwrap_or(Frame::Flow);
        let name = e.local_name();
        let local = name.as_ref();
        if ns == Ns::Compat {
            return Ok(match (local, parent) {
                ("Fallback", _) => Frame::Skip,
                ("AlternateContent", Frame::Skip) => Frame::Skip,
                ("AlternateContent", _) => Frame::Alternate { chosen: false },
                ("Choice", Frame::Alternate { chosen: true }) => Frame::Skip,
                ("Choice", Frame::Alternate { chosen: false }) => {
                    if let Some(Frame::Alternate { chosen }) = self.frames.last_mut() {
                        *chosen = true;
                    }
                    Frame::Flow
                }
                _ => self.inherit(parent),
            });
        }
        if ns != Ns::Word {
            return Ok(self.inherit(parent));
        }
        Ok(match parent {
            Frame::Skip | Frame::Text | Frame::Instruction => Frame::Skip,
            Frame::ParagraphProps => self.paragraph_prop(local, e),
            Frame::RunProps => {
                if local.ends_with("Change") {
                    return Ok(Frame::Skip);
                }
                if let Some(para) = self.paras.last_mut() {
                    para.run.apply(local, e);
                }
                Frame::RunProps
            }
            Frame::TableProps => {
                if local == "tblInd" {
                    if let (Some(table), Some(ind)) = (self.tables.last_mut(), twips(e, "w")) {
                        table.x += ind;
                    }
                }
                if local.ends_with("Change") {
                    Frame::Skip
                } else {
                    Frame::TableProps
                }
            }
            Frame::TableGrid => {
                if local == "gridCol" {
                    if let Some(table) = self.tables.last_mut() {
                        table.grid.push(twips(e, "w").unwrap_or(0.0).max(0.0));
                    }
                }
                if local.ends_with("Change") {
                    Frame::Skip
                } else {
                    Frame::TableGrid
                }
            }
            Frame::CellProps => {
                if local == "gridSpan" {
                    if let (Some(table), Some(span)) =
                        (self.tables.last_mut(), xml::int_attr(e, "val"))
                    {
                        table.span = usize::try_from(span).unwrap_or(1).clamp(1, 64);
                    }
                }
                if local.ends_with("Change") {
                    Frame::Skip
                } else {
                    Frame::CellProps
                }
            }
            Frame::Section => {
                if local == "pgMar" {
                    if let Some(left) = twips(e, "left").or_else(|| twips(e, "start")) {
                        self.out.left_margin = Some(left.max(0.0));
                    }
                }
                if local.ends_with("Change") {
                    Frame::Skip
                } else {
                    Frame::Section
                }
            }
            _ => self.flow(parent, local, e)?,
        })
    }

    /// The frame for a foreign element: property contexts carry on, flow
    /// content stays flow.
    fn inherit(&self, parent: Frame) -> Frame {
        match parent {
            Frame::Skip | Frame::Text | Frame::Instruction => Frame::Skip,
            Frame::ParagraphProps
            | Frame::RunProps
            | Frame::TableProps
            | Frame::TableGrid
            | Frame::CellProps
            | Frame::Section => parent,
            _ => Frame::Flow,
        }
    }

    /// A child of `w:pPr`.
    fn paragraph_prop(&mut self, local: &str, e: &BytesStart<'_>) -> Frame {
        match local {
            "rPr" => Frame::Skip,
            "sectPr" => Frame::Section,
            l if l.ends_with("Change") => Frame::Skip,
            _ => {
                if let Some(para) = self.paras.last_mut() {
                    para.direct.apply(local, e);
                }
                Frame::ParagraphProps
            }
        }
    }

    /// A WordprocessingML element in flow content.
    fn flow(
        &mut self,
        parent: Frame,
        local: &str,
        e: &BytesStart<'_>,
    ) -> Result<Frame, ParseError> {
        let in_run = self.paras.last().is_some_and(|p| p.in_run);
        Ok(match local {
            "p" => {
                self.paragraphs += 1;
                if self.paragraphs > MAX_PARAGRAPHS {
                    return Err(ParseError::limit(
                        "DOCX",
                        format!("more than {MAX_PARAGRAPHS} paragraphs"),
                    ));
                }
                self.start_paragraph();
                Frame::Paragraph
            }
            "pPr" if parent == Frame::Paragraph => Frame::ParagraphProps,
            "r" if !self.paras.is_empty() => {
                if let Some(para) = self.paras.last_mut() {
                    para.in_run = true;
                    para.run = RunProps::default();
                }
                Frame::Run
            }
            "rPr" if parent == Frame::Run => Frame::RunProps,
            "t" if in_run => Frame::Text,
            "instrText" if in_run => Frame::Instruction,
            "tab" | "ptab" if in_run => {
                self.text("\t");
                Frame::Skip
            }
            "noBreakHyphen" if in_run => {
                self.text("-");
                Frame::Skip
            }
            "sym" if in_run => {
                if let Some(c) = attr(e, "char").as_deref().and_then(symbol_char) {
                    self.text(c.encode_utf8(&mut [0; 4]));
                }
                Frame::Skip
            }
            "br" | "cr" if in_run => {
                let kind = attr(e, "type");
                if kind.as_deref() == Some("page") {
                    self.page_break();
                }
                if self.visible() {
                    self.break_line();
                }
                Frame::Skip
            }
            "lastRenderedPageBreak" => {
                if !self.explicit_break {
                    self.page = self.page.saturating_add(1);
                    self.move_blank_line_to_page();
                }
                self.explicit_break = false;
                Frame::Skip
            }
            "fldChar" => {
                self.field_char(attr(e, "fldCharType").as_deref())?;
                Frame::Skip
            }
            "fldSimple" => {
                if let Some(url) = attr(e, "instr").as_deref().and_then(hyperlink_target) {
                    self.link(&url);
                }
                Frame::Flow
            }
            "hyperlink" => {
                let target = attr(e, "id").and_then(|id| {
                    let rel = self.story.rels.get(&id)?;
                    (rel.external || rel.kind == "hyperlink").then(|| rel.target.clone())
                });
                if let Some(url) = target {
                    self.link(&url);
                }
                Frame::Flow
            }
            "del" | "moveFrom" | "delText" | "delInstrText" | "sdtPr" | "sdtEndPr" | "rPr"
            | "pPr" | "trPr" | "tblPrEx" | "footnoteReference" | "endnoteReference"
            | "commentReference" | "annotationRef" => Frame::Skip,
            "txbxContent" => {
                self.text_boxes += 1;
                Frame::TextBox
            }
            "tbl" => {
                if self.tables.len() >= self.story.limits.max_depth {
                    return Err(ParseError::limit(
                        "DOCX",
                        format!(
                            "tables nest deeper than {} levels in {}",
                            self.story.limits.max_depth, self.story.name
                        ),
                    ));
                }
                let x = self.tables.last().map_or(0.0, Table::cell_x);
                self.tables.push(Table::new(x));
                Frame::Table
            }
            "tblPr" if parent == Frame::Table => Frame::TableProps,
            "tblGrid" if parent == Frame::Table => Frame::TableGrid,
            "tr" if parent == Frame::Table => {
                if let Some(table) = self.tables.last_mut() {
                    table.start_row();
                }
                Frame::Row
            }
            "tc" if parent == Frame::Row => {
                if let Some(table) = self.tables.last_mut() {
                    table.start_cell();
                }
                Frame::Cell
            }
            "tcPr" if parent == Frame::Cell => Frame::CellProps,
            "sectPr" => Frame::Section,
            _ => Frame::Flow,
        })
    }

    /// Handles the end of an element.
    fn close(&mut self, frame: Frame) {
        match frame {
            Frame::Paragraph => {
                if let Some(para) = self.paras.pop() {
                    self.finish_paragraph(para);
                }
            }
            Frame::ParagraphProps => {
                let resolved = self
                    .paras
                    .last()
                    .map(|p| self.story.styles.paragraph(&p.direct));
                if resolved.is_some_and(|r| r.props.page_break_before == Some(true)) {
                    self.page_break();
                    self.move_blank_line_to_page();
                }
            }
            Frame::Run => {
                if let Some(para) = self.paras.last_mut() {
                    para.in_run = false;
                }
            }
            Frame::TextBox => self.text_boxes = self.text_boxes.saturating_sub(1),
            Frame::Table => {
                self.tables.pop();
            }
            Frame::Row => {
                if let Some(mut table) = self.tables.pop() {
                    let lines = table.end_row();
                    self.tables.push(table);
                    self.emit_to_parent(lines);
                }
            }
            Frame::Cell => {
                if let Some(table) = self.tables.last_mut() {
                    table.end_cell();
                }
            }
            _ => {}
        }
    }

    /// Opens a paragraph.
    fn start_paragraph(&mut self) {
        let origin = if self.text_boxes > 0 {
            LineOrigin::TextBox
        } else if !self.tables.is_empty() && self.story.origin == LineOrigin::Body {
            LineOrigin::TableCell
        } else {
            self.story.origin
        };
        self.paras.push(Para {
            direct: ParaProps::default(),
            run: RunProps::default(),
            in_run: false,
            segments: vec![Segment::default()],
            pages: vec![self.page],
            origin,
            base_x: self.tables.last().map_or(0.0, Table::cell_x),
        });
    }

    /// Whether text is shown now (not inside a field instruction).
    fn visible(&self) -> bool {
        self.fields.iter().all(|field| field.showing_result)
    }

    /// Handles character data: run text inside `w:t`, field instructions
    /// inside `w:instrText`; anything else is ignored.
    fn char_data(&mut self, text: &str) {
        match self.frames.last() {
            Some(Frame::Text) => self.text(text),
            Some(Frame::Instruction) => {
                if let Some(field) = self.fields.last_mut() {
                    if field.instruction.len() + text.len() <= MAX_INSTRUCTION {
                        field.instruction.push_str(text);
                    }
                }
            }
            _ => {}
        }
    }

    /// Adds visible text to the open run of the innermost paragraph.
    fn text(&mut self, text: &str) {
        if text.is_empty() || !self.visible() {
            return;
        }
        let styles = self.story.styles;
        let Some(para) = self.paras.last_mut().filter(|p| p.in_run) else {
            return;
        };
        let run = styles.run(para.direct.style.as_deref(), &para.run);
        if run.hidden == Some(true) {
            return;
        }
        let bold = run.bold.unwrap_or(false);
        let italic = run.italic.unwrap_or(false);
        if run.caps == Some(true) {
            para.segment()
                .push(&text.to_uppercase(), bold, italic, run.size);
        } else {
            para.segment().push(text, bold, italic, run.size);
        }
        if !text.trim().is_empty() {
            self.explicit_break = false;
        }
    }

    /// Starts a new line within the paragraph (soft break).
    fn break_line(&mut self) {
        let page = self.page;
        if let Some(para) = self.paras.last_mut() {
            para.segments.push(Segment::default());
            para.pages.push(page);
        }
    }

    /// Counts an explicit page break.
    fn page_break(&mut self) {
        self.page = self.page.saturating_add(1);
        self.explicit_break = true;
    }

    /// Puts the current line of the innermost paragraph on the current page
    /// when it has no text yet.
    fn move_blank_line_to_page(&mut self) {
        let page = self.page;
        let Some(para) = self.paras.last_mut() else {
            return;
        };
        let blank = para
            .segments
            .last()
            .is_none_or(|s| s.pieces.iter().all(|p| p.text.trim().is_empty()));
        if let Some(last) = para.pages.last_mut().filter(|_| blank) {
            *last = page;
        }
    }

    /// Attaches a link target to the current line of the innermost paragraph.
    fn link(&mut self, url: &str) {
        if let Some(para) = self.paras.last_mut() {
            para.segment().add_link(url);
        }
    }

    /// Handles `w:fldChar`.
    fn field_char(&mut self, kind: Option<&str>) -> Result<(), ParseError> {
        match kind {
            Some("begin") => {
                if self.fields.len() >= self.story.limits.max_depth {
                    return Err(ParseError::limit(
                        "DOCX",
                        format!(
                            "fields nest deeper than {} levels",
                            self.story.limits.max_depth
                        ),
                    ));
                }
                self.fields.push(Field::default());
            }
            Some("separate") => {
                let url = self.fields.last_mut().and_then(Field::separate);
                if let Some(url) = url {
                    self.link(&url);
                }
            }
            Some("end") => {
                let url = self.fields.pop().and_then(|mut f| f.separate());
                if let Some(url) = url {
                    self.link(&url);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Turns a finished paragraph into lines.
    fn finish_paragraph(&mut self, para: Para) {
        let styles = self.story.styles;
        let resolved = styles.paragraph(&para.direct);
        let level = resolved.props.num.as_ref().and_then(|num| {
            let id = num.num_id.as_deref().filter(|id| *id != "0")?;
            Some(self.story.numbering.level(id, num.level.unwrap_or(0)))
        });
        let numbered = match level {
            Some(Some(level)) => level.format != "none",
            Some(None) => resolved.list_style,
            None => false,
        };
        let heading_level = resolved.heading_level;
        let indent = para
            .direct
            .indent
            .or(level.flatten().and_then(|l| l.indent))
            .or(resolved.props.indent)
            .unwrap_or(0.0)
            + para.base_x;
        let space_before = resolved.props.space_before.unwrap_or(0.0);
        let mut lines = Vec::new();
        for (segment, page) in para.segments.iter().zip(para.pages.iter().copied()) {
            let built = build(segment);
            if built.text.is_empty() {
                continue;
            }
            let first = lines.is_empty();
            lines.push(Line {
                text: built.text,
                spans: built.spans,
                heading_level,
                list_item: built.bullet || (first && numbered && heading_level.is_none()),
                font_size: built.font_size,
                space_before: Some(if first {
                    space_before + self.pending_space
                } else {
                    0.0
                }),
                indent: Some(indent),
                page,
                origin: para.origin,
                links: segment.links.clone(),
            });
        }
        if lines.is_empty() {
            self.pending_space += EMPTY_PARAGRAPH_SPACE;
        } else {
            self.pending_space = 0.0;
            self.emit(lines);
        }
    }

    /// Sends lines to the open table cell, or to the output.
    fn emit(&mut self, lines: Vec<Line>) {
        match self.tables.last_mut() {
            Some(table) => lines.into_iter().for_each(|line| table.push(line)),
            None => self.out.lines.extend(lines),
        }
    }

    /// Sends the lines of a finished row to the table around the current one,
    /// or to the output.
    fn emit_to_parent(&mut self, lines: Vec<Line>) {
        let count = self.tables.len();
        match count.checked_sub(2).and_then(|i| self.tables.get_mut(i)) {
            Some(outer) => lines.into_iter().for_each(|line| outer.push(line)),
            None => self.out.lines.extend(lines),
        }
    }
}
