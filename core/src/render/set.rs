//! The renderers an engine holds: one per output format.

use std::sync::{Arc, OnceLock};

use super::{DocxRenderer, OutputFormat, RenderError, RenderLimits, Renderer};

/// One renderer per format: the ones the caller plugged in, else the built-in
/// ones. The built-in PDF renderer loads its font book on first use, so an
/// engine that only parses never pays for it.
#[derive(Debug, Clone, Default)]
pub(crate) struct RendererSet {
    limits: RenderLimits,
    plugged: Vec<Arc<dyn Renderer>>,
    pdf: Arc<OnceLock<Arc<dyn Renderer>>>,
}

impl RendererSet {
    /// The built-in renderers with `limits`, and `plugged` ones that take
    /// precedence for their formats.
    pub(crate) fn new(limits: RenderLimits, plugged: Vec<Arc<dyn Renderer>>) -> Self {
        Self {
            limits,
            plugged,
            pdf: Arc::default(),
        }
    }

    /// The renderer for `format`.
    pub(crate) fn get(&self, format: OutputFormat) -> Result<Arc<dyn Renderer>, RenderError> {
        if let Some(plugged) = self.plugged.iter().find(|r| r.format() == format) {
            return Ok(Arc::clone(plugged));
        }
        match format {
            OutputFormat::Docx => Ok(Arc::new(DocxRenderer::new(self.limits))),
            OutputFormat::Pdf => self.pdf(),
        }
    }

    #[cfg(feature = "typst")]
    fn pdf(&self) -> Result<Arc<dyn Renderer>, RenderError> {
        let limits = self.limits;
        Ok(Arc::clone(self.pdf.get_or_init(|| {
            Arc::new(super::TypstRenderer::new(limits))
        })))
    }

    #[cfg(not(feature = "typst"))]
    fn pdf(&self) -> Result<Arc<dyn Renderer>, RenderError> {
        match self.pdf.get() {
            Some(pdf) => Ok(Arc::clone(pdf)),
            None => Err(RenderError::Unsupported(
                "PDF output needs the `typst` feature".into(),
            )),
        }
    }
}
