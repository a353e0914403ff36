//! The mapping of every engine error onto a JavaScript `Error` whose `code`
//! is a stable `E_*` string derived from `EngineError::code` (`corrupt` →
//! `E_CORRUPT`) and whose `retryable` says whether retrying may help.

use napi::bindgen_prelude::{JsObjectValue, JsValue};
use napi::{Env, Error, Status};
use resume_engine::EngineError;

/// The stable JavaScript error code of an engine error.
pub fn code(error: &EngineError) -> String {
    format!("E_{}", error.code().to_ascii_uppercase())
}

/// The JavaScript `Error` for an engine error, with `code` and `retryable`
/// set on it.
pub fn to_js(env: &Env, error: &EngineError) -> Error {
    let code = code(error);
    let built = env
        .create_error(Error::new(Status::GenericFailure, error.to_string()))
        .and_then(|mut object| {
            object.set_named_property("code", code.as_str())?;
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
