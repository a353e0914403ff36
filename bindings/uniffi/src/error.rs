//! The error every call throws: one variant per stable engine error code
//! ([`EngineError::code`]), so Kotlin catches `ResumeEngineException.Corrupt`
//! and Swift `catch ResumeEngineError.Corrupt`.

use resume_engine::EngineError;

/// Declares [`ResumeEngineError`] from one table: each variant, its doc
/// and the engine codes that map to it, plus `Other` for any other code.
/// Every variant has the same fields.
macro_rules! resume_engine_error {
    ($($(#[doc = $doc:literal])+ $variant:ident => [$($code:literal),+],)+) => {
        /// Why a call failed. Every variant carries the engine's stable
        /// `code` (`corrupt`, `unknown_template`…), a `detail` message for
        /// people, and whether the same call may succeed later
        /// (`retryable`).
        ///
        /// The message field is `detail` rather than `message`: a field
        /// named `message` clashes with `Throwable.message` in the
        /// generated Kotlin.
        #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
        #[non_exhaustive]
        pub enum ResumeEngineError {
            $(
                $(#[doc = $doc])+
                #[error("{detail}")]
                $variant {
                    /// The stable error code.
                    code: String,
                    /// What went wrong, for people.
                    detail: String,
                    /// Whether the same call may succeed later.
                    retryable: bool,
                },
            )+
            /// Any other failure: a code this binding does not know yet,
            /// or a background task that panicked (code `internal`).
            #[error("{detail}")]
            Other {
                /// The stable error code.
                code: String,
                /// What went wrong, for people.
                detail: String,
                /// Whether the same call may succeed later.
                retryable: bool,
            },
        }

        impl ResumeEngineError {
            /// The code, detail and retryability of any variant.
            fn parts(&self) -> (&str, &str, bool) {
                match self {
                    $(Self::$variant { code, detail, retryable })|+
                    | Self::Other { code, detail, retryable } => (code, detail, *retryable),
                }
            }
        }

        impl From<EngineError> for ResumeEngineError {
            fn from(error: EngineError) -> Self {
                let code = error.code().to_owned();
                let detail = error.to_string();
                let retryable = error.is_retryable();
                match code.as_str() {
                    $($($code)|+ => Self::$variant { code, detail, retryable },)+
                    _ => Self::Other { code, detail, retryable },
                }
            }
        }
    };
}

resume_engine_error! {
    /// The document is damaged or not what its bytes claim to be.
    Corrupt => ["corrupt"],
    /// The PDF is encrypted or password-protected.
    Encrypted => ["encrypted"],
    /// The PDF has no text layer (a scan): it needs OCR first.
    NoTextLayer => ["no_text_layer"],
    /// The bytes are not PDF, DOCX or text (or are a legacy `.doc`).
    UnsupportedFormat => ["unsupported_format", "legacy_doc"],
    /// The document is empty.
    Empty => ["empty"],
    /// The document is larger than the configured limits.
    LimitExceeded => ["too_large", "limit_exceeded"],
    /// Resume data does not fit the schema (bad JSON, a bad date).
    InvalidResume => ["invalid_json"],
    /// A keyword target (job description or keyword pack) could not be
    /// loaded.
    Keywords => ["keywords"],
    /// No built-in template has this name.
    UnknownTemplate => ["unknown_template"],
    /// No renderer writes this output format.
    UnknownFormat => ["unknown_format"],
    /// The resume could not be rendered.
    Render => ["render"],
    /// A suggestion no longer matches the resume it is applied to.
    StaleSuggestion => ["stale_suggestion"],
    /// Every improver provider failed.
    Provider => ["provider"],
    /// The engine configuration is invalid (a bad backend URL, a zero
    /// limit).
    Config => ["config"],
    /// A call's arguments are incomplete or contradictory (a bad job kind
    /// or id, a second worker).
    InvalidInput => ["invalid_input"],
    /// No job has this id (never submitted, or expired).
    JobNotFound => ["job_not_found"],
    /// The job has no result: it is still queued or running, or it failed.
    JobNotFinished => ["job_not_finished"],
    /// The job backend or the file storage failed.
    Jobs => ["jobs"],
}

impl ResumeEngineError {
    /// The stable error code (`corrupt`, `unknown_template`…).
    pub fn code(&self) -> &str {
        self.parts().0
    }

    /// What went wrong, for people.
    pub fn detail(&self) -> &str {
        self.parts().1
    }

    /// Whether the same call may succeed later.
    pub fn is_retryable(&self) -> bool {
        self.parts().2
    }

    /// The error for a background task that panicked or was cancelled.
    pub(crate) fn internal(detail: impl std::fmt::Display) -> Self {
        Self::Other {
            code: "internal".into(),
            detail: detail.to_string(),
            retryable: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use resume_engine::ParseError;
    use resume_engine::render::RenderError;

    use super::*;

    #[test]
    fn engine_errors_keep_their_code_message_and_retryability() {
        let corrupt = EngineError::Parse(ParseError::Corrupt {
            format: "PDF",
            reason: "no trailer".into(),
        });
        let message = corrupt.to_string();
        let error = ResumeEngineError::from(corrupt);
        assert!(matches!(error, ResumeEngineError::Corrupt { .. }));
        assert_eq!(error.code(), "corrupt");
        assert_eq!(error.detail(), message);
        assert_eq!(error.to_string(), message);
        assert!(!error.is_retryable());

        let template = ResumeEngineError::from(EngineError::Render(RenderError::UnknownTemplate(
            "x".into(),
        )));
        assert!(matches!(
            template,
            ResumeEngineError::UnknownTemplate { .. }
        ));
        let legacy = ResumeEngineError::from(EngineError::Parse(ParseError::LegacyDoc));
        assert!(matches!(
            legacy,
            ResumeEngineError::UnsupportedFormat { .. }
        ));
        assert_eq!(legacy.code(), "legacy_doc");
        let input = ResumeEngineError::from(EngineError::InvalidInput("bad".into()));
        assert!(matches!(input, ResumeEngineError::InvalidInput { .. }));
        assert_eq!(ResumeEngineError::internal("boom").code(), "internal");
    }
}
