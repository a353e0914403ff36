//! Run and paragraph properties as read from `w:rPr` / `w:pPr`, shared by
//! the style sheet and the document body.

use quick_xml::events::BytesStart;

use super::xml::{attr, int_attr, on_off};

/// Twentieths of a point (twips) per point.
const TWIPS_PER_POINT: f32 = 20.0;

/// Character formatting; `None` means "inherit".
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct RunProps {
    /// Character style id (`w:rStyle`).
    pub style: Option<String>,
    /// `w:b`.
    pub bold: Option<bool>,
    /// `w:i`.
    pub italic: Option<bool>,
    /// `w:caps`: rendered upper-case.
    pub caps: Option<bool>,
    /// `w:vanish`: hidden text.
    pub hidden: Option<bool>,
    /// `w:sz`, converted to points.
    pub size: Option<f32>,
}

impl RunProps {
    /// Fills every unset property from `fallback`.
    pub fn inherit(&mut self, fallback: &RunProps) {
        self.bold = self.bold.or(fallback.bold);
        self.italic = self.italic.or(fallback.italic);
        self.caps = self.caps.or(fallback.caps);
        self.hidden = self.hidden.or(fallback.hidden);
        self.size = self.size.or(fallback.size);
    }

    /// Applies one child element of `w:rPr`.
    pub fn apply(&mut self, local: &str, element: &BytesStart<'_>) {
        match local {
            "rStyle" => self.style = attr(element, "val"),
            "b" => self.bold = Some(on_off(element)),
            "i" => self.italic = Some(on_off(element)),
            "caps" => self.caps = Some(on_off(element)),
            "vanish" => self.hidden = Some(on_off(element)),
            "sz" => {
                self.size = int_attr(element, "val")
                    .filter(|half_points| (1..=3276).contains(half_points))
                    .map(|half_points| half_points as f32 / 2.0);
            }
            _ => {}
        }
    }
}

/// A numbering reference (`w:numPr`).
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct NumRef {
    /// `w:numId` (`"0"` removes numbering).
    pub num_id: Option<String>,
    /// `w:ilvl`.
    pub level: Option<u8>,
}

/// Paragraph formatting; `None` means "inherit".
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct ParaProps {
    /// Paragraph style id (`w:pStyle`).
    pub style: Option<String>,
    /// `w:outlineLvl` (0-based; 9 means body text).
    pub outline: Option<u8>,
    /// `w:numPr`.
    pub num: Option<NumRef>,
    /// `w:spacing w:before`, in points.
    pub space_before: Option<f32>,
    /// `w:ind w:left` / `w:start`, in points.
    pub indent: Option<f32>,
    /// `w:pageBreakBefore`.
    pub page_break_before: Option<bool>,
}

impl ParaProps {
    /// Fills every unset property from `fallback` (numbering merges per field).
    pub fn inherit(&mut self, fallback: &ParaProps) {
        self.outline = self.outline.or(fallback.outline);
        self.space_before = self.space_before.or(fallback.space_before);
        self.indent = self.indent.or(fallback.indent);
        self.page_break_before = self.page_break_before.or(fallback.page_break_before);
        match (&mut self.num, &fallback.num) {
            (Some(own), Some(inherited)) => {
                own.num_id = own.num_id.take().or_else(|| inherited.num_id.clone());
                own.level = own.level.or(inherited.level);
            }
            (None, Some(inherited)) => self.num = Some(inherited.clone()),
            _ => {}
        }
    }

    /// Applies one descendant element of `w:pPr` (other than its `w:rPr`).
    pub fn apply(&mut self, local: &str, element: &BytesStart<'_>) {
        match local {
            "pStyle" => self.style = attr(element, "val"),
            "outlineLvl" => {
                self.outline = int_attr(element, "val")
                    .and_then(|level| u8::try_from(level).ok())
                    .filter(|level| *level <= 9);
            }
            "numId" => {
                self.num.get_or_insert_with(NumRef::default).num_id = attr(element, "val");
            }
            "ilvl" => {
                self.num.get_or_insert_with(NumRef::default).level = int_attr(element, "val")
                    .and_then(|level| u8::try_from(level).ok())
                    .filter(|level| *level <= 9);
            }
            "spacing" => {
                if let Some(before) = twips(element, "before") {
                    self.space_before = Some(before.max(0.0));
                }
            }
            "ind" => {
                if let Some(left) = twips(element, "left").or_else(|| twips(element, "start")) {
                    self.indent = Some(left);
                }
            }
            "pageBreakBefore" => self.page_break_before = Some(on_off(element)),
            _ => {}
        }
    }
}

/// A length attribute in twips, converted to points (bounded to sane values).
pub(super) fn twips(element: &BytesStart<'_>, local: &str) -> Option<f32> {
    int_attr(element, local)
        .filter(|value| value.abs() <= 31_680 * 4)
        .map(|value| value as f32 / TWIPS_PER_POINT)
}
