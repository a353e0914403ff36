//! The DOCX renderer: Word documents with Word's own heading and list
//! styles, written with `zip` and `quick-xml`.
//!
//! The built-in templates map to Word themes (fonts, sizes, colours); Typst
//! custom templates have no Word form and are refused.

mod body;
mod package;
mod styles;
mod theme;

use super::{OutputFormat, RenderError, RenderLimits, Renderer, Template, TemplateData};
use crate::model::Resume;
use theme::Theme;

/// Renders Word (`.docx`) documents.
#[derive(Debug, Clone, Default)]
pub struct DocxRenderer {
    limits: RenderLimits,
}

impl DocxRenderer {
    /// A renderer bounded by `limits` (pages are not counted: Word lays out).
    pub fn new(limits: RenderLimits) -> Self {
        Self { limits }
    }
}

impl Renderer for DocxRenderer {
    fn format(&self) -> OutputFormat {
        OutputFormat::Docx
    }

    fn render(&self, resume: &Resume, template: &Template) -> Result<Vec<u8>, RenderError> {
        let Template::Builtin(builtin) = template else {
            return Err(RenderError::Unsupported(
                "custom templates render to PDF only".into(),
            ));
        };
        let theme = Theme::of(*builtin);
        let data = TemplateData::new(resume);
        let parts = package::Parts {
            document: body::document(&data, &theme),
            styles: styles::styles(&theme),
            numbering: styles::numbering(),
            name: data.name.clone(),
        };
        let size = parts.document.len();
        RenderLimits::check("resume data (bytes)", size, self.limits.max_data_bytes * 4)?;
        let docx = package::zip(&parts)?;
        RenderLimits::check(
            "document size (bytes)",
            docx.len(),
            self.limits.max_output_bytes,
        )?;
        Ok(docx)
    }
}

#[cfg(test)]
mod tests;
