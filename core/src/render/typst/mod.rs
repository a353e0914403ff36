//! The Typst renderer: PDF documents, compiled in process.
//!
//! One [`TypstRenderer`] keeps one standard library, font book and set of
//! parsed templates for its whole life, so only its first document pays for
//! loading fonts. Typst's memoisation cache is trimmed after every document
//! (`comemo::evict`), so a long-running process does not grow.

mod fonts;
mod world;

use std::fmt;
use std::sync::Arc;

use typst::diag::SourceDiagnostic;
use typst::ecow::EcoVec;
use typst::foundations::{Bytes, Smart};
use typst::syntax::Source;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use self::world::{MAIN, ResumeWorld, Shared};
use super::{
    BuiltinTemplate, OutputFormat, RenderError, RenderLimits, Renderer, Template, TemplateData,
};
use crate::model::Resume;

/// Memoised results not used by the last this-many documents are dropped.
const CACHE_AGE: usize = 10;

/// Renders PDF with Typst, fonts included, no file system or network access.
pub struct TypstRenderer {
    shared: Arc<Shared>,
    builtins: Arc<[Source; 4]>,
    limits: RenderLimits,
}

impl fmt::Debug for TypstRenderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TypstRenderer")
            .field("fonts", &self.shared.book().families().count())
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl Default for TypstRenderer {
    fn default() -> Self {
        Self::new(RenderLimits::default())
    }
}

impl TypstRenderer {
    /// A renderer with the shipped fonts.
    pub fn new(limits: RenderLimits) -> Self {
        Self::with_fonts(limits, Vec::new())
    }

    /// A renderer with the shipped fonts and `extra` font files (TrueType,
    /// OpenType or collections), for scripts the shipped fonts do not cover
    /// such as CJK. Data that holds no font is skipped.
    pub fn with_fonts(limits: RenderLimits, extra: Vec<Vec<u8>>) -> Self {
        let mut store = fonts::shipped();
        for data in extra {
            fonts::add(&mut store, Bytes::new(data));
        }
        let builtins = BuiltinTemplate::ALL.map(|t| Source::new(*MAIN, t.source().to_owned()));
        Self {
            shared: Arc::new(Shared::new(store)),
            builtins: Arc::new(builtins),
            limits,
        }
    }

    fn main_source(&self, template: &Template) -> Source {
        match template {
            Template::Builtin(builtin) => {
                let at = BuiltinTemplate::ALL.iter().position(|t| t == builtin);
                match at.and_then(|i| self.builtins.get(i)) {
                    Some(source) => source.clone(),
                    None => Source::new(*MAIN, builtin.source().to_owned()),
                }
            }
            Template::Custom(source) => Source::new(*MAIN, source.to_string()),
        }
    }

    fn compile(&self, resume: &Resume, template: &Template) -> Result<Vec<u8>, RenderError> {
        let data = serde_json::to_vec(&TemplateData::new(resume))
            .map_err(|e| RenderError::Output(e.to_string()))?;
        RenderLimits::check(
            "resume data (bytes)",
            data.len(),
            self.limits.max_data_bytes,
        )?;
        let world = ResumeWorld::new(&self.shared, self.main_source(template), Bytes::new(data));
        let mut document: PagedDocument = typst::compile(&world).output.map_err(diagnostics)?;
        RenderLimits::check("page count", document.pages().len(), self.limits.max_pages)?;
        let info = document.info_mut();
        let name = resume.name.as_deref().map(str::trim).unwrap_or_default();
        if info.title.is_none() && !name.is_empty() {
            info.title = Some(name.into());
        }
        if info.author.is_empty() && !name.is_empty() {
            info.author = vec![name.into()];
        }
        let options = PdfOptions {
            creator: Smart::Custom(Some("resume-engine (Typst)".into())),
            tagged: true,
            ..PdfOptions::default()
        };
        let pdf = typst_pdf::pdf(&document, &options).map_err(diagnostics)?;
        RenderLimits::check(
            "document size (bytes)",
            pdf.len(),
            self.limits.max_output_bytes,
        )?;
        Ok(pdf)
    }
}

/// The errors of a failed compilation or export, one per line.
fn diagnostics(errors: EcoVec<SourceDiagnostic>) -> RenderError {
    let lines: Vec<String> = errors
        .iter()
        .map(|e| {
            let hints = e.hints.iter().map(|h| format!(" (hint: {})", h.v));
            std::iter::once(e.message.to_string())
                .chain(hints)
                .collect()
        })
        .collect();
    RenderError::Template(lines.join("\n"))
}

impl Renderer for TypstRenderer {
    fn format(&self) -> OutputFormat {
        OutputFormat::Pdf
    }

    fn render(&self, resume: &Resume, template: &Template) -> Result<Vec<u8>, RenderError> {
        let result = self.compile(resume, template);
        comemo::evict(CACHE_AGE);
        result
    }
}
#[cfg(test)]
mod tests;
