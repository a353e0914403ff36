//! The conversions the records share: the engine's enums to and from their
//! stable JSON names (`impact`, `weak_opener`), and sizes between `usize`
//! and the `u64` foreign languages see.

use resume_engine::EngineError;
use resume_engine::model::ModelError;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The name an engine enum has in JSON (`CategoryId::Impact` → `impact`).
pub(crate) fn name_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(name)) => name,
        Ok(other) => other.to_string(),
        Err(error) => error.to_string(),
    }
}

/// The engine value with this JSON name (`impact` → `CategoryId::Impact`),
/// or the engine's invalid-resume error naming it.
pub(crate) fn from_name<T: DeserializeOwned>(name: &str) -> Result<T, EngineError> {
    serde_json::from_value(Value::String(name.to_owned()))
        .map_err(|error| EngineError::Model(ModelError::InvalidJson(error)))
}

/// A size or index as the `u64` foreign languages see.
pub(crate) fn to_u64(value: usize) -> u64 {
    u64::try_from(value).unwrap_or(u64::MAX)
}

/// A size or index from a foreign `u64`.
pub(crate) fn to_usize(value: u64) -> usize {
    usize::try_from(value).unwrap_or(usize::MAX)
}
