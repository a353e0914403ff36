//! Templates and output formats.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::RenderError;

/// The templates that ship with the crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum BuiltinTemplate {
    /// Serif, centred header, ruled headings: the traditional resume.
    Classic,
    /// Sans-serif with one accent colour.
    Modern,
    /// Dense sans-serif that fits most careers on one page.
    Compact,
    /// Serif with generous spacing; two pages are fine.
    Executive,
}

impl BuiltinTemplate {
    /// Every built-in template, in the order `templates` lists them.
    pub const ALL: [Self; 4] = [Self::Classic, Self::Modern, Self::Compact, Self::Executive];

    /// The templates' names, as [`BuiltinTemplate::name`] gives them.
    pub const NAMES: [&'static str; 4] = ["classic", "modern", "compact", "executive"];

    /// The template's name ("classic").
    pub fn name(self) -> &'static str {
        match self {
            Self::Classic => "classic",
            Self::Modern => "modern",
            Self::Compact => "compact",
            Self::Executive => "executive",
        }
    }

    /// The template's Typst source.
    pub fn source(self) -> &'static str {
        match self {
            Self::Classic => include_str!("templates/classic.typ"),
            Self::Modern => include_str!("templates/modern.typ"),
            Self::Compact => include_str!("templates/compact.typ"),
            Self::Executive => include_str!("templates/executive.typ"),
        }
    }
}

impl fmt::Display for BuiltinTemplate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for BuiltinTemplate {
    type Err = RenderError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| RenderError::UnknownTemplate(name.to_owned()))
    }
}

/// A template: a built-in one, or Typst source provided by the user that
/// reads the same data (`json("/data.json")`, see [`TemplateData`](super::TemplateData)).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Template {
    /// A template shipped with the crate.
    Builtin(BuiltinTemplate),
    /// Typst source of the user's own template.
    Custom(Arc<str>),
}

impl Template {
    /// The built-in template with this name.
    pub fn named(name: &str) -> Result<Self, RenderError> {
        name.parse().map(Self::Builtin)
    }

    /// A built-in template and an output format by name, `modern` and
    /// `pdf` when not named: what a binding's `render` call takes.
    pub fn with_format(
        template: Option<&str>,
        format: Option<&str>,
    ) -> Result<(Self, OutputFormat), RenderError> {
        let template = match template {
            Some(name) => Self::named(name)?,
            None => Self::Builtin(BuiltinTemplate::Modern),
        };
        let format = match format {
            Some(name) => name.parse()?,
            None => OutputFormat::Pdf,
        };
        Ok((template, format))
    }

    /// A user's template from its Typst source.
    pub fn custom(source: impl Into<Arc<str>>) -> Self {
        Self::Custom(source.into())
    }

    /// The Typst source to compile.
    pub fn source(&self) -> &str {
        match self {
            Self::Builtin(builtin) => builtin.source(),
            Self::Custom(source) => source,
        }
    }
}

impl From<BuiltinTemplate> for Template {
    fn from(builtin: BuiltinTemplate) -> Self {
        Self::Builtin(builtin)
    }
}

/// A document format a renderer writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum OutputFormat {
    /// PDF, tagged for accessibility.
    Pdf,
    /// Word (Office Open XML).
    Docx,
}

impl OutputFormat {
    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Docx => "docx",
        }
    }
}

impl fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

impl FromStr for OutputFormat {
    type Err = RenderError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name.trim().to_ascii_lowercase().as_str() {
            "pdf" => Ok(Self::Pdf),
            "docx" => Ok(Self::Docx),
            _ => Err(RenderError::UnknownFormat(name.to_owned())),
        }
    }
}
