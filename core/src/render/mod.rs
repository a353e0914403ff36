//! Rendering: from a [`Resume`] to a PDF or DOCX document.
//!
//! A [`Renderer`] turns a resume into the bytes of one [`OutputFormat`] with a
//! [`Template`]. Two renderers ship: [`TypstRenderer`] (PDF through Typst,
//! embedded, fonts included; feature `typst`, on by default) and
//! [`DocxRenderer`] (Word documents with heading styles and real lists).
//!
//! Templates read the resume as data ([`TemplateData`], served as JSON), so
//! text in a resume is always printed as text and never runs as markup.

mod data;
mod docx;

mod error;
mod limits;
mod set;
mod template;
#[cfg(feature = "typst")]
mod typst;

use std::fmt::Debug;

pub use data::{EntryView, GroupView, LinkView, TemplateData};

pub use docx::DocxRenderer;
pub use error::RenderError;
pub use limits::RenderLimits;
pub(crate) use set::RendererSet;
pub use template::{BuiltinTemplate, OutputFormat, Template};
#[cfg(feature = "typst")]
pub use typst::TypstRenderer;

use crate::model::Resume;

/// Turns resumes into documents of one format. Implementations are shared
/// across threads behind `Arc<dyn Renderer>`.
pub trait Renderer: Debug + Send + Sync {
    /// The format this renderer writes.
    fn format(&self) -> OutputFormat;

    /// Renders `resume` with `template` into the bytes of a document.
    fn render(&self, resume: &Resume, template: &Template) -> Result<Vec<u8>, RenderError>;
}
