//! How each built-in template looks in Word: fonts, sizes, colours, page.

use crate::render::BuiltinTemplate;

/// The look of a DOCX document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Theme {
    /// Body and heading font.
    pub font: &'static str,
    /// Body size in half-points.
    pub body: u32,
    /// Name size in half-points.
    pub name: u32,
    /// Section heading size in half-points.
    pub heading: u32,
    /// Colour of the name and headings (hex RGB).
    pub accent: &'static str,
    /// Space after a body paragraph, in twentieths of a point.
    pub after: u32,
    /// Page width, in twentieths of a point.
    pub page_width: u32,
    /// Page height, in twentieths of a point.
    pub page_height: u32,
    /// Left and right margin, in twentieths of a point.
    pub margin: u32,
    /// Section headings in capitals.
    pub caps: bool,
    /// Header (name and contact line) centred.
    pub centred: bool,
}

const LETTER: (u32, u32) = (12240, 15840);
const A4: (u32, u32) = (11906, 16838);

impl Theme {
    /// The theme of a built-in template.
    pub(crate) fn of(template: BuiltinTemplate) -> Self {
        match template {
            BuiltinTemplate::Modern => Self {
                font: "Calibri",
                body: 20,
                name: 48,
                heading: 24,
                accent: "1F5F8B",
                after: 100,
                page_width: A4.0,
                page_height: A4.1,
                margin: 1077,
                caps: false,
                centred: false,
            },
            BuiltinTemplate::Compact => Self {
                font: "Arial",
                body: 18,
                name: 34,
                heading: 20,
                accent: "000000",
                after: 60,
                page_width: LETTER.0,
                page_height: LETTER.1,
                margin: 794,
                caps: true,
                centred: false,
            },
            BuiltinTemplate::Executive => Self {
                font: "Georgia",
                body: 23,
                name: 52,
                heading: 26,
                accent: "1B2A41",
                after: 160,
                page_width: A4.0,
                page_height: A4.1,
                margin: 1361,
                caps: true,
                centred: false,
            },
            _ => Self {
                font: "Cambria",
                body: 21,
                name: 44,
                heading: 24,
                accent: "000000",
                after: 120,
                page_width: LETTER.0,
                page_height: LETTER.1,
                margin: 1134,
                caps: true,
                centred: true,
            },
        }
    }

    /// Width of the text column, for the right-aligned date tab stop.
    pub(crate) fn text_width(&self) -> u32 {
        self.page_width.saturating_sub(2 * self.margin)
    }
}
