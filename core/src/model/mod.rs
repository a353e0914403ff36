//! The resume data model and its interchange formats.

mod date;
mod error;
mod json_resume;
mod resume;

pub use date::{InvalidDate, ResumeDate};
pub use error::ModelError;
pub(crate) use json_resume::human_range;
pub use json_resume::{from_json_resume, to_json_resume};
pub use resume::{
    Certification, Education, Experience, Language, Link, OtherSection, Project, Resume, Sections,
    SkillGroup,
};

impl Resume {
    /// Reads a resume from this crate's JSON form.
    pub fn from_json(json: &str) -> Result<Self, ModelError> {
        serde_json::from_str(json).map_err(ModelError::InvalidJson)
    }

    /// Writes the resume as pretty-printed JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
