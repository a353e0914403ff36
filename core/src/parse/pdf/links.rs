//! URI link annotations, attached to the lines they cover.

use lopdf::{Document, Object};

use super::layout::PageLine;
use super::loader::{PageInfo, as_dict, get, get_dict, get_name, get_numbers, resolve};

/// Most annotations looked at on one page.
const MAX_ANNOTATIONS: usize = 1000;

/// A link target with its rectangle in page coordinates (top-down).
struct Link {
    x0: f32,
    x1: f32,
    top: f32,
    bottom: f32,
    uri: String,
}

fn text_string(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units = utf16
            .chunks_exact(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]));
        return char::decode_utf16(units).filter_map(Result::ok).collect();
    }
    String::from_utf8_lossy(bytes).into_owned()
}

fn page_links(doc: &Document, page: &PageInfo) -> Vec<Link> {
    let mut out = Vec::new();
    let Some(Object::Array(annotations)) = get(doc, page.dict, b"Annots") else {
        return out;
    };
    let top = page.bounds[3];
    let [a, b, c, d, e, f] = page.view;
    let to_view = |x: f32, y: f32| (a * x + c * y + e, b * x + d * y + f);
    for annotation in annotations.iter().take(MAX_ANNOTATIONS) {
        let Some(dict) = resolve(doc, annotation).and_then(as_dict) else {
            continue;
        };
        if get_name(doc, dict, b"Subtype") != Some(b"Link") {
            continue;
        }
        let Some(action) = get_dict(doc, dict, b"A") else {
            continue;
        };
        if get_name(doc, action, b"S") != Some(b"URI") {
            continue;
        }
        let Some(Object::String(uri, _)) = get(doc, action, b"URI") else {
            continue;
        };
        let uri = text_string(uri).trim().to_owned();
        let Some([x0, y0, x1, y1]) =
            get_numbers(doc, dict, b"Rect").and_then(|r| <[f32; 4]>::try_from(r).ok())
        else {
            continue;
        };
        if uri.is_empty() {
            continue;
        }
        let (p, q) = (to_view(x0, y0), to_view(x1, y1));
        out.push(Link {
            x0: p.0.min(q.0),
            x1: p.0.max(q.0),
            top: top - p.1.max(q.1),
            bottom: top - p.1.min(q.1),
            uri,
        });
    }
    out
}

/// Adds the URI links of `page` to the lines of that page they overlap most.
pub fn attach_links(doc: &Document, page: &PageInfo, lines: &mut [PageLine]) {
    for link in page_links(doc, page) {
        let mut best: Option<(usize, f32)> = None;
        for (index, line) in lines.iter().enumerate() {
            let size = line.line.font_size.unwrap_or(10.0);
            let vertical =
                link.bottom.min(line.y + 0.25 * size) - link.top.max(line.y - 0.8 * size);
            let horizontal = link.x1.min(line.x1) - link.x0.max(line.x0);
            if vertical <= 0.0 || horizontal <= 0.0 {
                continue;
            }
            let overlap = vertical * horizontal;
            if best.is_none_or(|(_, b)| overlap > b) {
                best = Some((index, overlap));
            }
        }
        if let Some(line) = best.and_then(|(index, _)| lines.get_mut(index))
            && !line.line.links.contains(&link.uri)
        {
            line.line.links.push(link.uri);
        }
    }
}
