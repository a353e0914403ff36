//! Small helpers over `quick-xml` shared by the part parsers.

use quick_xml::NsReader;
use quick_xml::events::BytesStart;
use quick_xml::name::ResolveResult;

use super::super::ParseError;

/// The WordprocessingML namespace (transitional and strict spellings).
const W_NAMESPACES: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// The markup-compatibility namespace (`mc:AlternateContent`).
const MC_NAMESPACE: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Which vocabulary an element belongs to, as far as the reader cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ns {
    /// WordprocessingML (`w:`).
    Word,
    /// Markup compatibility (`mc:`).
    Compat,
    /// Anything else (DrawingML, VML, relationships, unbound names).
    Other,
}

/// Classifies a resolved namespace.
pub(super) fn classify(ns: &ResolveResult<'_>) -> Ns {
    match ns {
        ResolveResult::Bound(namespace) if W_NAMESPACES.contains(&namespace.0) => Ns::Word,
        ResolveResult::Bound(namespace) if namespace.0 == MC_NAMESPACE => Ns::Compat,
        _ => Ns::Other,
    }
}

/// A namespace-aware reader over an XML part.
pub(super) fn reader(xml: &[u8]) -> NsReader<&[u8]> {
    let mut reader = NsReader::from_reader(xml);
    let config = reader.config_mut();
    config.trim_text(false);
    config.check_end_names = true;
    reader
}

/// The value of the attribute whose local name is `local` (any prefix),
/// with the predefined entities and character references resolved.
pub(super) fn attr(element: &BytesStart<'_>, local: &str) -> Option<String> {
    element
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(
            |a| match a.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
                Ok(value) => value.into_owned(),
                Err(_) => a.value.into_owned(),
            },
        )
}

/// An OOXML on/off value (`w:b`, `w:b w:val="0"`, `w:val="false"`): absent
/// `w:val` means on.
pub(super) fn on_off(element: &BytesStart<'_>) -> bool {
    !matches!(
        attr(element, "val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

/// An integer attribute, ignoring garbage.
pub(super) fn int_attr(element: &BytesStart<'_>, local: &str) -> Option<i64> {
    attr(element, local)?
        .trim()
        .parse::<f64>()
        .ok()
        .map(|v| v as i64)
}

/// Moves `reader`, just past the start tag `start`, to the start tag's
/// matching end tag, so that the next event read is that end tag and the
/// element's content is never tokenised. `xml` is the whole part `reader`
/// reads, as text.
///
/// Only for content whose every event would be ignored: the skipped markup
/// is not checked for well-formedness or depth. Leaves the reader alone and
/// returns `false` when a plain text search cannot find the end tag with
/// certainty (the content holds a comment, CDATA section, processing
/// instruction or an element of the same name).
pub(super) fn skip_content(
    reader: &mut NsReader<&[u8]>,
    xml: &str,
    start: &BytesStart<'_>,
) -> bool {
    let name = start.name();
    let name = name.as_ref();
    let rest: &mut &[u8] = reader.get_mut();
    let Some(content) = xml
        .len()
        .checked_sub(rest.len())
        .and_then(|at| xml.get(at..))
    else {
        return false;
    };
    match end_tag_offset(content, name).and_then(|end| rest.get(end..)) {
        Some(end_tag) => {
            *rest = end_tag;
            true
        }
        None => false,
    }
}

/// The offset in `content` of the end tag `</name>` that closes it, when a
/// text search can find it with certainty.
fn end_tag_offset(content: &str, name: &str) -> Option<usize> {
    for (at, _) in content.match_indices(name) {
        let delimited = content[at + name.len()..]
            .bytes()
            .next()
            .is_some_and(|b| matches!(b, b'>' | b'/') || b.is_ascii_whitespace());
        let before = &content[..at];
        if !delimited {
            continue;
        }
        if let Some(inner) = before.strip_suffix("</") {
            let plain = !inner.contains("<!") && !inner.contains("<?");
            return plain.then_some(inner.len());
        }
        if before.ends_with('<') {
            return None;
        }
    }
    None
}

/// Maps a `quick-xml` error in `part` to a typed corrupt-document error.
pub(super) fn corrupt(part: &str, error: impl std::fmt::Display) -> ParseError {
    ParseError::corrupt("DOCX", format!("malformed XML in {part}: {error}"))
}

/// Tracks element depth and refuses to go deeper than `max`.
#[derive(Debug)]
pub(super) struct DepthGuard {
    depth: usize,
    max: usize,
}

impl DepthGuard {
    /// A guard allowing at most `max` nested elements.
    pub(super) fn new(max: usize) -> Self {
        Self { depth: 0, max }
    }

    /// Enters an element.
    pub(super) fn enter(&mut self, part: &str) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > self.max {
            return Err(ParseError::limit(
                "DOCX",
                format!("XML in {part} nests deeper than {} elements", self.max),
            ));
        }
        Ok(())
    }

    /// Leaves an element.
    pub(super) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}

/// The raw element depth allowed for a `max_depth` limit: DOCX nests about
/// ten elements deep before any table or text box nesting.
pub(super) fn element_depth_limit(max_depth: usize) -> usize {
    max_depth.saturating_mul(4).max(16)
}

/// An optional on/off attribute (`w:default="1"`); absent means off.
pub(super) fn on_off_attr(element: &BytesStart<'_>, local: &str) -> bool {
    matches!(attr(element, local).as_deref(), Some("1" | "true" | "on"))
}

#[cfg(test)]
mod tests {
    use super::end_tag_offset;

    #[test]
    fn end_tag_found_only_when_certain() {
        let name = "w:tcPr";
        assert_eq!(end_tag_offset("<w:b/></w:tcPr><w:x/>", name), Some(6));
        assert_eq!(end_tag_offset("<w:tcPrX/></w:tcPr >", name), Some(10));
        assert_eq!(end_tag_offset("<!-- </w:tcPr> --></w:tcPr>", name), None);
        assert_eq!(end_tag_offset("<w:tcPr></w:tcPr></w:tcPr>", name), None);
        assert_eq!(end_tag_offset("<w:b/>", name), None);
    }
}
