//! The content-stream interpreter: graphics and text state → positioned
//! glyphs.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::content::{Operand, Operation, Tokenizer};
use super::font::Font;
use super::loader::{Budget, Rect, as_dict, get, get_dict, get_name, get_numbers};
use super::unicode::push_clean;
use crate::parse::ParseError;

/// Deepest `q` nesting tracked.
const MAX_STATE_DEPTH: usize = 1024;

/// One glyph placed on the page, in points from the page's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// Left edge.
    pub x0: f32,
    /// Right edge (left edge plus advance).
    pub x1: f32,
    /// Baseline, measured downwards from the top of the page.
    pub y: f32,
    /// Effective font size.
    pub size: f32,
    /// Set in a bold face.
    pub bold: bool,
    /// Set in an italic face.
    pub italic: bool,
    /// Byte range of the glyph's text in [`PageText::text`].
    pub start: u32,
    /// End of that range.
    pub end: u32,
}

/// The glyphs of one page in content-stream order.
#[derive(Debug, Default)]
pub struct PageText {
    /// The glyphs.
    pub glyphs: Vec<Glyph>,
    /// Storage of the glyphs' text.
    pub text: String,
    /// Page height.
    pub height: f32,
}

impl PageText {
    /// The text of `glyph`.
    pub fn text_of(&self, glyph: &Glyph) -> &str {
        self.text
            .get(glyph.start as usize..glyph.end as usize)
            .unwrap_or_default()
    }
}

/// An affine transform `[a b c d e f]`.
pub type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a × b` (apply `a`, then `b`).
fn multiply(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

/// Graphics state that `q`/`Q` save.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
}

impl State {
    fn new(ctm: Matrix) -> Self {
        Self {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Fonts already loaded, shared by all pages of a document.
#[derive(Default)]
pub struct FontCache {
    by_id: HashMap<ObjectId, Rc<Font>>,
    by_address: HashMap<usize, Rc<Font>>,
}

/// Runs the content streams of pages and collects their glyphs.
pub struct Interpreter<'a> {
    doc: &'a Document,
    budget: &'a mut Budget,
    fonts: &'a mut FontCache,
    max_depth: usize,
    max_glyphs: usize,
    bounds: Rect,
    out: PageText,
    raw: String,
    forms: Vec<ObjectId>,
}

impl<'a> Interpreter<'a> {
    /// An interpreter for one page with visible area `bounds` that collects
    /// at most `max_glyphs` glyphs and follows forms `max_depth` deep.
    pub fn new(
        doc: &'a Document,
        budget: &'a mut Budget,
        fonts: &'a mut FontCache,
        (max_depth, max_glyphs): (usize, usize),
        bounds: Rect,
    ) -> Self {
        let out = PageText {
            height: bounds[3] - bounds[1],
            ..PageText::default()
        };
        Self {
            doc,
            budget,
            fonts,
            max_depth,
            max_glyphs,
            bounds,
            out,
            raw: String::new(),
            forms: Vec::new(),
        }
    }

    /// True once `max_glyphs` glyphs are collected: nothing more is read.
    fn full(&self) -> bool {
        self.out.glyphs.len() >= self.max_glyphs
    }

    /// The glyphs collected so far.
    pub fn finish(self) -> PageText {
        self.out
    }

    /// Runs the content of the page; `view` maps user space to the viewing
    /// coordinates that `bounds` are in.
    pub fn run_page(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        view: Matrix,
    ) -> Result<(), ParseError> {
        self.run(content, resources, State::new(view), 0)
    }

    fn run(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        initial: State,
        depth: usize,
    ) -> Result<(), ParseError> {
        let mut tokenizer = Tokenizer::new(content);
        let mut op = Operation::default();
        let mut state = initial;
        let mut saved: Vec<State> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        while let Some(name) = tokenizer.next_op(&mut op) {
            if self.full() {
                break;
            }
            match name {
                b"q" if saved.len() < MAX_STATE_DEPTH => saved.push(state.clone()),
                b"Q" => {
                    if let Some(previous) = saved.pop() {
                        state = previous;
                    }
                }
                b"cm" => {
                    if let Some(m) = op.numbers::<6>() {
                        state.ctm = multiply(&m, &state.ctm);
                    }
                }
                b"BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"Tf" => {
                    state.size = op.number(op.operands.len().wrapping_sub(1)).unwrap_or(0.0);
                    state.font = op.name().and_then(|n| self.font(resources, n));
                }
                b"Tc" => state.char_spacing = op.numbers::<1>().map_or(0.0, |[v]| v),
                b"Tw" => state.word_spacing = op.numbers::<1>().map_or(0.0, |[v]| v),
                b"Tz" => state.scale = op.numbers::<1>().map_or(100.0, |[v]| v) / 100.0,
                b"TL" => state.leading = op.numbers::<1>().map_or(0.0, |[v]| v),
                b"Ts" => state.rise = op.numbers::<1>().map_or(0.0, |[v]| v),
                b"Td" | b"TD" => {
                    if let Some([tx, ty]) = op.numbers::<2>() {
                        if name == b"TD" {
                            state.leading = -ty;
                        }
                        tlm = multiply(&[1.0, 0.0, 0.0, 1.0, tx, ty], &tlm);
                        tm = tlm;
                    }
                }
                b"Tm" => {
                    if let Some(m) = op.numbers::<6>() {
                        tlm = m;
                        tm = m;
                    }
                }
                b"T*" => {
                    tlm = multiply(&[1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], &tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" => {
                    if name != b"Tj" {
                        if name == b"\"" {
                            if let Some([aw, ac]) = op
                                .operands
                                .get(..2)
                                .and_then(|_| Some([op.number(0)?, op.number(1)?]))
                            {
                                state.word_spacing = aw;
                                state.char_spacing = ac;
                            }
                        }
                        tlm = multiply(&[1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], &tlm);
                        tm = tlm;
                    }
                    if let Some(bytes) = op.last_string() {
                        self.show(bytes, &state, &mut tm);
                    }
                }
                b"TJ" => self.show_array(&op, &state, &mut tm),
                b"Do" => {
                    if let Some(name) = op.name() {
                        self.form(resources, name, &state, depth)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn font(&mut self, resources: Option<&'a Dictionary>, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = get_dict(self.doc, resources?, b"Font")?;
        let entry = fonts.get(name).ok()?;
        if let Object::Reference(id) = entry {
            if let Some(font) = self.fonts.by_id.get(id) {
                return Some(font.clone());
            }
            let dict = self.doc.get_object(*id).ok().and_then(as_dict)?;
            let font = Rc::new(Font::load(self.doc, dict, self.budget).ok()?);
            self.fonts.by_id.insert(*id, font.clone());
            return Some(font);
        }
        let dict = as_dict(entry)?;
        let address = std::ptr::from_ref(dict) as usize;
        if let Some(font) = self.fonts.by_address.get(&address) {
            return Some(font.clone());
        }
        let font = Rc::new(Font::load(self.doc, dict, self.budget).ok()?);
        self.fonts.by_address.insert(address, font.clone());
        Some(font)
    }

    fn form(
        &mut self,
        resources: Option<&'a Dictionary>,
        name: &[u8],
        state: &State,
        depth: usize,
    ) -> Result<(), ParseError> {
        if depth + 1 >= self.max_depth {
            return Ok(());
        }
        let Some(xobjects) = resources.and_then(|r| get_dict(self.doc, r, b"XObject")) else {
            return Ok(());
        };
        let Ok(id) = xobjects.get(name).and_then(Object::as_reference) else {
            return Ok(());
        };
        if self.forms.contains(&id) {
            return Ok(());
        }
        let Ok(Object::Stream(stream)) = self.doc.get_object(id) else {
            return Ok(());
        };
        if get_name(self.doc, &stream.dict, b"Subtype") != Some(b"Form")
            || !self.budget.take_form_run()
        {
            return Ok(());
        }
        let content = self.budget.decode(stream)?;
        let matrix = get_numbers(self.doc, &stream.dict, b"Matrix")
            .and_then(|m| <[f32; 6]>::try_from(m).ok())
            .unwrap_or(IDENTITY);
        let form_resources = match get(self.doc, &stream.dict, b"Resources") {
            Some(object) => as_dict(object).or(resources),
            None => resources,
        };
        let mut inner = state.clone();
        inner.ctm = multiply(&matrix, &state.ctm);
        self.forms.push(id);
        let result = self.run(&content, form_resources, inner, depth + 1);
        self.forms.pop();
        result
    }

    fn show_array(&mut self, op: &Operation, state: &State, tm: &mut Matrix) {
        for operand in &op.operands {
            match operand {
                Operand::Str(range) => self.show(op.slice(range), state, tm),
                Operand::Number(n) => {
                    let tx = -n / 1000.0 * state.size * state.scale;
                    translate(tm, tx);
                }
                _ => {}
            }
        }
    }

    fn show(&mut self, mut bytes: &[u8], state: &State, tm: &mut Matrix) {
        let Some(font) = state.font.clone() else {
            return;
        };
        while !bytes.is_empty() {
            let (code, len) = font.next_code(bytes);
            if len == 0 {
                break;
            }
            let single_space = len == 1 && code == 32;
            bytes = bytes.get(len..).unwrap_or_default();
            self.raw.clear();
            font.push_unicode(code, &mut self.raw);
            let w0 = font.width(code, &self.raw);
            let advance = w0 * state.size * state.scale;
            self.emit(&font, state, tm, advance);
            let spacing = state.char_spacing
                + if single_space {
                    state.word_spacing
                } else {
                    0.0
                };
            translate(tm, advance + spacing * state.scale);
        }
    }

    /// Records the glyph whose text is in `self.raw` at the current position.
    fn emit(&mut self, font: &Font, state: &State, tm: &Matrix, advance: f32) {
        if self.raw.is_empty() || self.full() {
            return;
        }
        let m = multiply(tm, &state.ctm);
        let upright =
            m[0] > 0.0 && m[3] > 0.0 && m[1].abs() <= 0.05 * m[0] && m[2].abs() <= 0.05 * m[3];
        if !upright {
            return;
        }
        let size = state.size.abs() * m[3];
        let x = m[4] + state.rise * m[2];
        let y = m[5] + state.rise * m[3];
        let width = advance * m[0];
        let [left, bottom, right, top] = self.bounds;
        let visible = size > 0.1
            && size < 2000.0
            && (left - 1.0..=right + 1.0).contains(&x)
            && (bottom - 1.0..=top + 1.0).contains(&y);
        if !visible {
            return;
        }
        let start = self.out.text.len();
        push_clean(&self.raw, &mut self.out.text);
        let end = self.out.text.len();
        if end == start {
            return;
        }
        let glyph = Glyph {
            x0: x - left,
            x1: x - left + width.max(0.0),
            y: top - y,
            size,
            bold: font.bold,
            italic: font.italic,
            start: start as u32,
            end: end as u32,
        };
        if let Some(previous) = self.out.glyphs.last()
            && (previous.x0 - glyph.x0).abs() < 0.1 * size
            && (previous.y - glyph.y).abs() < 0.1 * size
            && self.out.text_of(previous) == self.out.text.get(start..end).unwrap_or_default()
        {
            self.out.text.truncate(start);
            return;
        }
        self.out.glyphs.push(glyph);
    }
}

/// Moves the text matrix `tx` units along its x axis.
fn translate(tm: &mut Matrix, tx: f32) {
    tm[4] += tx * tm[0];
    tm[5] += tx * tm[1];
}
