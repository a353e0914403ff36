//! Reading optional call arguments into engine values: the keyword target,
//! the template and output format, a job id.

use resume_engine::EngineError;
use resume_engine::jobs::{JobId, JobsError};
use resume_engine::render::{OutputFormat, Template};
use resume_engine::score::Target;

/// The template `render` uses when none is named.
pub(crate) const DEFAULT_TEMPLATE: &str = "modern";

/// The keyword target: a job description's text, else a keyword pack (a
/// built-in name or a file path), else the best-fitting built-in pack.
pub(crate) fn target(
    job_description: Option<&str>,
    keywords: Option<&str>,
) -> Result<Target, EngineError> {
    let target = match (job_description, keywords) {
        (Some(text), _) => Target::job_description(text),
        (None, Some(pack)) => Target::pack(pack),
        (None, None) => Ok(Target::Auto),
    };
    target.map_err(EngineError::from)
}

/// A built-in template (default `modern`) and an output format (default
/// `pdf`) from their names.
pub(crate) fn render_args(
    template: Option<&str>,
    format: Option<&str>,
) -> Result<(Template, OutputFormat), EngineError> {
    let template = Template::named(template.unwrap_or(DEFAULT_TEMPLATE))?;
    let format = format.unwrap_or("pdf").parse::<OutputFormat>()?;
    Ok((template, format))
}

/// A job id from its text.
pub(crate) fn job_id(id: &str) -> Result<JobId, EngineError> {
    id.parse()
        .map_err(|error: JobsError| EngineError::InvalidInput(error.to_string()))
}
