//! Loading a PDF with `lopdf`, object helpers, the decompression budget and a
//! bounded walk of the page tree.

use std::collections::HashSet;

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId, Stream};

use super::super::{ParseError, ParseLimits};

/// Smallest per-stream inflation limit while loading.
const MIN_LOAD_STREAM_LIMIT: usize = 256 * 1024;
/// Most page-tree nodes visited (guards against huge fan-out trees).
const MAX_PAGE_TREE_NODES: usize = 100_000;

/// Loads the document, decrypting it with the empty user password when it is
/// encrypted; a document that needs a real password is
/// [`ParseError::Encrypted`].
///
/// lopdf inflates object and cross-reference streams while loading, each
/// against a per-stream limit; the limit here is the total budget shared out
/// over the streams the file declares, so the loading work stays bounded too.
pub fn load(bytes: &[u8], limits: &ParseLimits) -> Result<Document, ParseError> {
    let total = usize::try_from(limits.max_expanded_bytes).unwrap_or(usize::MAX);
    let streams = count(bytes, b"/ObjStm") + count(bytes, b"/XRef");
    let per_stream = (total / streams.max(4)).max(MIN_LOAD_STREAM_LIMIT);
    let options = LoadOptions {
        max_decompressed_size: Some(per_stream),
        ..LoadOptions::default()
    };
    let document = match Document::load_mem_with_options(bytes, options) {
        Ok(document) => document,
        Err(
            lopdf::Error::InvalidPassword
            | lopdf::Error::Decryption(_)
            | lopdf::Error::UnsupportedSecurityHandler(_),
        ) => {
            return Err(ParseError::Encrypted);
        }
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            return Err(ParseError::limit("PDF", "an object stream expands too far"));
        }
        Err(error) => return Err(ParseError::corrupt("PDF", error)),
    };
    if document.trailer.has(b"Encrypt") && document.encryption_state.is_none() {
        return Err(ParseError::Encrypted);
    }
    Ok(document)
}

/// Occurrences of `needle` in `haystack`.
fn count(haystack: &[u8], needle: &[u8]) -> usize {
    let Some(&first) = needle.first() else {
        return 0;
    };
    haystack
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == first && haystack.get(i..i + needle.len()) == Some(needle))
        .count()
}

/// Most form XObject runs per document. Forms nest (a form may draw another
/// form several times), so the depth limit alone allows exponentially many
/// runs; a resume draws a handful of forms (logos, icons) per page.
pub const MAX_FORM_RUNS: usize = 10_000;

/// What reading a document may still cost: decompressed bytes and form
/// XObject runs.
#[derive(Debug)]
pub struct Budget {
    remaining: usize,
    form_runs_left: usize,
}

impl Budget {
    /// A budget of `limit` bytes.
    pub fn new(limit: u64) -> Self {
        Self {
            remaining: usize::try_from(limit).unwrap_or(usize::MAX),
            form_runs_left: MAX_FORM_RUNS,
        }
    }

    /// Takes one form XObject run from the document's allowance; false once
    /// [`MAX_FORM_RUNS`] forms have run (later forms are not drawn).
    pub fn take_form_run(&mut self) -> bool {
        match self.form_runs_left.checked_sub(1) {
            Some(left) => {
                self.form_runs_left = left;
                true
            }
            None => false,
        }
    }

    /// The decoded content of `stream`, charged against the budget. A stream
    /// that fails to decode for another reason than the budget yields its raw
    /// bytes (they are charged too).
    pub fn decode(&mut self, stream: &Stream) -> Result<Vec<u8>, ParseError> {
        let exceeded = || ParseError::limit("PDF", "content streams expand too far");
        let data = match stream.decompressed_content_with_limit(self.remaining) {
            Ok(data) => data,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                return Err(exceeded());
            }
            Err(_) if stream.content.len() <= self.remaining => stream.content.clone(),
            Err(_) => return Err(exceeded()),
        };
        self.remaining = self
            .remaining
            .checked_sub(data.len())
            .ok_or_else(exceeded)?;
        Ok(data)
    }
}

/// Follows references from `object` (bounded by lopdf).
pub fn resolve<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    doc.dereference(object).ok().map(|(_, object)| object)
}

/// `dict[key]` with references followed.
pub fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    resolve(doc, dict.get(key).ok()?)
}

/// `dict[key]` as a dictionary (a stream's dictionary counts).
pub fn get_dict<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    as_dict(get(doc, dict, key)?)
}

/// The object as a dictionary (a stream's dictionary counts).
pub fn as_dict(object: &Object) -> Option<&Dictionary> {
    match object {
        Object::Dictionary(dict) => Some(dict),
        Object::Stream(stream) => Some(&stream.dict),
        _ => None,
    }
}

/// `dict[key]` as a name.
pub fn get_name<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    match get(doc, dict, key)? {
        Object::Name(name) => Some(name),
        _ => None,
    }
}

/// `dict[key]` as a number.
pub fn get_number(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f32> {
    number(get(doc, dict, key)?)
}

/// The object as a number.
pub fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// `dict[key]` as an array of numbers (`None` unless every item is one).
pub fn get_numbers(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<Vec<f32>> {
    match get(doc, dict, key)? {
        Object::Array(items) => items
            .iter()
            .map(|o| resolve(doc, o).and_then(number))
            .collect(),
        _ => None,
    }
}

/// A rectangle `[x0 y0 x1 y1]` in default user space, normalised.
pub type Rect = [f32; 4];

fn rect(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<Rect> {
    let values = get_numbers(doc, dict, key)?;
    let [a, b, c, d] = <[f32; 4]>::try_from(values).ok()?;
    let r = [a.min(c), b.min(d), a.max(c), b.max(d)];
    (r[2] - r[0] > 1.0 && r[3] - r[1] > 1.0).then_some(r)
}

/// A page with the attributes it inherits from the page tree.
#[derive(Debug, Clone)]
pub struct PageInfo<'a> {
    /// The page dictionary.
    pub dict: &'a Dictionary,
    /// The page's resource dictionary.
    pub resources: Option<&'a Dictionary>,
    /// The visible area (CropBox within MediaBox) in viewing coordinates:
    /// `[0 0 width height]` of the page as displayed (after `/Rotate`).
    pub bounds: Rect,
    /// Maps default user space to viewing coordinates (origin at the
    /// bottom-left corner of the displayed page, y upwards).
    pub view: [f32; 6],
}

/// The viewing matrix and the displayed size of `area` shown turned
/// clockwise by `rotate` degrees.
fn view(area: Rect, rotate: i64) -> ([f32; 6], Rect) {
    let [l, b, r, t] = area;
    let (w, h) = (r - l, t - b);
    match rotate.rem_euclid(360) {
        90 => ([0.0, -1.0, 1.0, 0.0, -b, r], [0.0, 0.0, h, w]),
        180 => ([-1.0, 0.0, 0.0, -1.0, r, t], [0.0, 0.0, w, h]),
        270 => ([0.0, 1.0, -1.0, 0.0, t, -l], [0.0, 0.0, h, w]),
        _ => ([1.0, 0.0, 0.0, 1.0, -l, -b], [0.0, 0.0, w, h]),
    }
}

struct Inherited<'a> {
    resources: Option<&'a Dictionary>,
    media_box: Option<Rect>,
    crop_box: Option<Rect>,
    rotate: Option<i64>,
}

/// The pages in order, at most `limits.max_pages`; cycles and over-deep
/// trees are cut off.
pub fn pages<'a>(doc: &'a Document, limits: &ParseLimits) -> Result<Vec<PageInfo<'a>>, ParseError> {
    let root = doc
        .trailer
        .get(b"Root")
        .ok()
        .and_then(|o| resolve(doc, o))
        .and_then(as_dict)
        .ok_or_else(|| ParseError::corrupt("PDF", "no document catalog"))?;
    let top = root
        .get(b"Pages")
        .ok()
        .and_then(|o| o.as_reference().ok())
        .ok_or_else(|| ParseError::corrupt("PDF", "no page tree"))?;
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let empty = Inherited {
        resources: None,
        media_box: None,
        crop_box: None,
        rotate: None,
    };
    let mut stack: Vec<(ObjectId, usize, std::rc::Rc<Inherited<'a>>)> =
        vec![(top, 0, std::rc::Rc::new(empty))];
    while let Some((id, depth, inherited)) = stack.pop() {
        if out.len() >= limits.max_pages || seen.len() >= MAX_PAGE_TREE_NODES {
            break;
        }
        if depth > limits.max_depth || !seen.insert(id) {
            continue;
        }
        let Some(dict) = doc.get_object(id).ok().and_then(as_dict) else {
            continue;
        };
        let here = Inherited {
            resources: get_dict(doc, dict, b"Resources").or(inherited.resources),
            media_box: rect(doc, dict, b"MediaBox").or(inherited.media_box),
            crop_box: rect(doc, dict, b"CropBox").or(inherited.crop_box),
            rotate: get(doc, dict, b"Rotate")
                .and_then(|o| o.as_i64().ok())
                .or(inherited.rotate),
        };
        let kids = match get(doc, dict, b"Kids") {
            Some(Object::Array(kids)) => Some(kids),
            _ => None,
        };
        let is_tree_node = dict.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"Pages");
        if let Some(kids) = kids.filter(|_| is_tree_node || !dict.has(b"Contents")) {
            let here = std::rc::Rc::new(here);
            for kid in kids.iter().rev() {
                if let Ok(kid) = kid.as_reference() {
                    stack.push((kid, depth + 1, here.clone()));
                }
            }
            continue;
        }
        let media = here.media_box.unwrap_or([0.0, 0.0, 612.0, 792.0]);
        let visible = match here.crop_box {
            Some(c) => {
                let r = [
                    c[0].max(media[0]),
                    c[1].max(media[1]),
                    c[2].min(media[2]),
                    c[3].min(media[3]),
                ];
                if r[2] > r[0] && r[3] > r[1] { r } else { media }
            }
            None => media,
        };
        let (view, bounds) = view(visible, here.rotate.unwrap_or(0));
        out.push(PageInfo {
            dict,
            resources: here.resources,
            bounds,
            view,
        });
    }
    Ok(out)
}

/// The content streams of a page, in order.
pub fn page_contents<'a>(doc: &'a Document, page: &PageInfo<'a>) -> Vec<&'a Stream> {
    let mut out = Vec::new();
    let Some(contents) = get(doc, page.dict, b"Contents") else {
        return out;
    };
    match contents {
        Object::Stream(stream) => out.push(stream),
        Object::Array(items) => {
            for item in items {
                if let Some(Object::Stream(stream)) = resolve(doc, item) {
                    out.push(stream);
                }
            }
        }
        _ => {}
    }
    out
}
