//! The Python exception hierarchy, and the mapping of every engine error
//! variant onto it. Each raised exception carries the engine's stable
//! `code` (`EngineError::code`) and whether retrying may help (`retryable`).

use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use resume_engine::EngineError;
use resume_engine::improve::ImproveError as CoreImproveError;
use resume_engine::jobs::JobsError as CoreJobsError;
use resume_engine::model::ModelError;
use resume_engine::parse::ParseError as CoreParseError;
use resume_engine::render::RenderError as CoreRenderError;

pyo3::create_exception!(
    resume_engine,
    ResumeEngineError,
    PyException,
    "Base class of every resume-engine error; `code` is a stable machine-readable code and `retryable` says whether the same call may succeed later."
);
pyo3::create_exception!(
    resume_engine,
    ParseError,
    ResumeEngineError,
    "The document could not be read (empty, unsupported, corrupt, too large, encrypted…)."
);
pyo3::create_exception!(
    resume_engine,
    EncryptedDocument,
    ParseError,
    "The PDF is encrypted or password-protected."
);
pyo3::create_exception!(
    resume_engine,
    NoTextLayer,
    ParseError,
    "The PDF has no text layer (a scan): it needs OCR first."
);
pyo3::create_exception!(
    resume_engine,
    CorruptDocument,
    ParseError,
    "The document is damaged or not what its bytes claim to be."
);
pyo3::create_exception!(
    resume_engine,
    UnsupportedFormat,
    ParseError,
    "The bytes are not PDF, DOCX or text (or are a legacy .doc)."
);
pyo3::create_exception!(
    resume_engine,
    LimitExceeded,
    ParseError,
    "The document is larger than the configured limits."
);
pyo3::create_exception!(
    resume_engine,
    InvalidResume,
    ResumeEngineError,
    "Resume data (JSON, JSON Resume or a dict) does not fit the schema."
);
pyo3::create_exception!(
    resume_engine,
    KeywordsError,
    ResumeEngineError,
    "A keyword target (job description or keyword pack) could not be loaded."
);
pyo3::create_exception!(
    resume_engine,
    RenderError,
    ResumeEngineError,
    "The resume could not be rendered."
);
pyo3::create_exception!(
    resume_engine,
    UnknownTemplate,
    RenderError,
    "No built-in template has this name."
);
pyo3::create_exception!(
    resume_engine,
    UnknownFormat,
    RenderError,
    "No renderer writes this output format."
);
pyo3::create_exception!(
    resume_engine,
    ImproveError,
    ResumeEngineError,
    "Improving failed; the resume is unchanged."
);
pyo3::create_exception!(
    resume_engine,
    ProviderError,
    ImproveError,
    "Every improver provider failed (outage, rate limit, timeout, bad reply)."
);
pyo3::create_exception!(
    resume_engine,
    StaleSuggestion,
    ImproveError,
    "A suggestion no longer matches the resume it is applied to."
);
pyo3::create_exception!(
    resume_engine,
    ConfigError,
    ResumeEngineError,
    "The engine or improver configuration is invalid."
);
pyo3::create_exception!(
    resume_engine,
    JobsError,
    ResumeEngineError,
    "A job could not be submitted or read (backend or storage failure, bad id)."
);
pyo3::create_exception!(
    resume_engine,
    JobNotFound,
    JobsError,
    "No job has this id (never submitted, or expired)."
);
pyo3::create_exception!(
    resume_engine,
    JobNotFinished,
    JobsError,
    "The job has no result: it is still queued or running, or it failed."
);
pyo3::create_exception!(
    resume_engine,
    InvalidInput,
    ResumeEngineError,
    "A call's arguments are incomplete, contradictory or of the wrong type."
);

/// The Python exception for an engine error, with `code` and `retryable`
/// set on it.
pub fn to_py(error: &EngineError) -> PyErr {
    let message = error.to_string();
    let err = match error {
        EngineError::Parse(parse) => match parse {
            CoreParseError::Encrypted => EncryptedDocument::new_err(message),
            CoreParseError::NoTextLayer => NoTextLayer::new_err(message),
            CoreParseError::Corrupt { .. } => CorruptDocument::new_err(message),
            CoreParseError::UnsupportedFormat { .. } | CoreParseError::LegacyDoc => {
                UnsupportedFormat::new_err(message)
            }
            CoreParseError::TooLarge { .. } | CoreParseError::LimitExceeded { .. } => {
                LimitExceeded::new_err(message)
            }
            _ => ParseError::new_err(message),
        },
        EngineError::Model(_) => InvalidResume::new_err(message),
        EngineError::Score(_) => KeywordsError::new_err(message),
        EngineError::Render(render) => match render {
            CoreRenderError::UnknownTemplate(_) => UnknownTemplate::new_err(message),
            CoreRenderError::UnknownFormat(_) => UnknownFormat::new_err(message),
            _ => RenderError::new_err(message),
        },
        EngineError::Improve(improve) => match improve {
            CoreImproveError::Config(_) => ConfigError::new_err(message),
            CoreImproveError::Stale { .. } => StaleSuggestion::new_err(message),
            _ => ProviderError::new_err(message),
        },
        EngineError::Config(_) => ConfigError::new_err(message),
        EngineError::Jobs(jobs) => match jobs {
            CoreJobsError::NotFound(_) => JobNotFound::new_err(message),
            CoreJobsError::NoResult { .. } => JobNotFinished::new_err(message),
            _ => JobsError::new_err(message),
        },
        EngineError::InvalidInput(_) => InvalidInput::new_err(message),
        _ => ResumeEngineError::new_err(message),
    };
    Python::attach(|py| {
        let value = err.value(py);
        // Setting attributes on a fresh exception instance cannot fail.
        let _ = value.setattr("code", error.code());
        let _ = value.setattr("retryable", error.is_retryable());
    });
    err
}

/// An [`InvalidInput`] error for arguments the binding cannot translate.
pub fn invalid_input(message: impl Into<String>) -> PyErr {
    to_py(&EngineError::InvalidInput(message.into()))
}

/// An [`InvalidResume`] error for resume data that does not fit the schema.
pub fn invalid_resume(error: serde_json::Error) -> PyErr {
    to_py(&EngineError::Model(ModelError::InvalidJson(error)))
}

/// Adds the exception classes to the module under their Python names.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    module.add("ResumeEngineError", py.get_type::<ResumeEngineError>())?;
    module.add("ParseError", py.get_type::<ParseError>())?;
    module.add("EncryptedDocument", py.get_type::<EncryptedDocument>())?;
    module.add("NoTextLayer", py.get_type::<NoTextLayer>())?;
    module.add("CorruptDocument", py.get_type::<CorruptDocument>())?;
    module.add("UnsupportedFormat", py.get_type::<UnsupportedFormat>())?;
    module.add("LimitExceeded", py.get_type::<LimitExceeded>())?;
    module.add("InvalidResume", py.get_type::<InvalidResume>())?;
    module.add("KeywordsError", py.get_type::<KeywordsError>())?;
    module.add("RenderError", py.get_type::<RenderError>())?;
    module.add("UnknownTemplate", py.get_type::<UnknownTemplate>())?;
    module.add("UnknownFormat", py.get_type::<UnknownFormat>())?;
    module.add("ImproveError", py.get_type::<ImproveError>())?;
    module.add("ProviderError", py.get_type::<ProviderError>())?;
    module.add("StaleSuggestion", py.get_type::<StaleSuggestion>())?;
    module.add("ConfigError", py.get_type::<ConfigError>())?;
    module.add("JobsError", py.get_type::<JobsError>())?;
    module.add("JobNotFound", py.get_type::<JobNotFound>())?;
    module.add("JobNotFinished", py.get_type::<JobNotFinished>())?;
    module.add("InvalidInput", py.get_type::<InvalidInput>())?;
    Ok(())
}
