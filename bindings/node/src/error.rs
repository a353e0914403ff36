//! The mapping of every engine error onto a JavaScript `Error` with a
//! stable `code` (`E_PARSE`, `E_ENCRYPTED`, `E_NO_TEXT`, `E_RENDER`,
//! `E_PROVIDER`, `E_JOB_NOT_FOUND`, …), the engine's finer `reason`
//! (`corrupt`, `empty`, `no_text_layer`, … from `EngineError::code`) and
//! `retryable`, whether retrying may help.

use napi::bindgen_prelude::{JsObjectValue, JsValue};
use napi::{Env, Error, Status};
use resume_engine::EngineError;

/// The stable JavaScript error code of an engine error: the engine's code
/// upper-cased behind `E_`, with the documents it cannot read grouped as
/// `E_PARSE` and a missing text layer as `E_NO_TEXT`.
pub fn code(error: &EngineError) -> String {
    let code = match error.code() {
        "corrupt" | "empty" | "external_parser" => "parse",
        "no_text_layer" => "no_text",
        "legacy_doc" => "unsupported_format",
        other => other,
    };
    format!("E_{}", code.to_ascii_uppercase())
}

/// The JavaScript `Error` for an engine error, with `code`, `reason` and
/// `retryable` set on it.
pub fn to_js(env: &Env, error: &EngineError) -> Error {
    let code = code(error);
    let built = env
        .create_error(Error::new(Status::GenericFailure, error.to_string()))
        .and_then(|mut object| {
            object.set_named_property("code", code.as_str())?;
            object.set_named_property("reason", error.code())?;
            object.set_named_property("retryable", error.is_retryable())?;
            Ok(object)
        });
    match built {
        Ok(object) => Error::from(object.to_unknown()),
        Err(failure) => failure,
    }
}

/// An `E_INVALID_INPUT` error for arguments the binding cannot translate.
pub fn invalid_input(message: impl Into<String>) -> EngineError {
    EngineError::InvalidInput(message.into())
}
