//! Conversions between Python objects and JSON values (the serde form of
//! every engine type).

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

use crate::error::{invalid_input, invalid_resume};
use crate::records::{Record, Resume};

/// A JSON value as plain Python data: dicts, lists, str, int, float, bool
/// and None.
pub fn to_plain<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, to_plain(py, item)?)?;
            }
            dict.into_any()
        }
        Value::Array(items) => list(py, items, to_plain)?,
        _ => scalar(py, value)?,
    })
}

/// A JSON value with its objects wrapped as [`Record`]s (attribute access),
/// arrays as lists and the rest as plain Python values.
pub fn to_wrapped<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Object(_) => Bound::new(py, Record::new(value.clone()))?.into_any(),
        Value::Array(items) => list(py, items, to_wrapped)?,
        _ => scalar(py, value)?,
    })
}

fn list<'py>(
    py: Python<'py>,
    items: &[Value],
    convert: fn(Python<'py>, &Value) -> PyResult<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let converted = items
        .iter()
        .map(|item| convert(py, item))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(PyList::new(py, converted)?.into_any())
}

fn scalar<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(flag) => PyBool::new(py, *flag).to_owned().into_any(),
        Value::Number(number) => {
            if let Some(int) = number.as_i64() {
                int.into_pyobject(py)?.into_any()
            } else if let Some(int) = number.as_u64() {
                int.into_pyobject(py)?.into_any()
            } else {
                PyFloat::new(py, number.as_f64().unwrap_or(f64::NAN)).into_any()
            }
        }
        Value::String(text) => PyString::new(py, text).into_any(),
        Value::Array(_) | Value::Object(_) => to_plain(py, value)?,
    })
}

/// A Python value (dict, list, tuple, str, int, float, bool, None, or one
/// of this module's records) as JSON.
pub fn from_py(object: &Bound<'_, PyAny>) -> PyResult<Value> {
    if object.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(record) = object.cast::<Record>() {
        return Ok(record.get().value().clone());
    }
    if let Ok(resume) = object.cast::<Resume>() {
        return to_value(resume.get().inner());
    }
    if let Ok(flag) = object.cast::<PyBool>() {
        return Ok(Value::Bool(flag.is_true()));
    }
    if object.is_instance_of::<PyInt>() {
        if let Ok(int) = object.extract::<i64>() {
            return Ok(Value::from(int));
        }
        return object
            .extract::<u64>()
            .map(Value::from)
            .map_err(|_| invalid_input("integer out of range"));
    }
    if let Ok(float) = object.cast::<PyFloat>() {
        return Number::from_f64(float.value())
            .map(Value::Number)
            .ok_or_else(|| invalid_input("NaN and infinity are not JSON numbers"));
    }
    if let Ok(text) = object.cast::<PyString>() {
        return Ok(Value::String(text.to_str()?.to_owned()));
    }
    if let Ok(dict) = object.cast::<PyDict>() {
        let mut map = Map::new();
        for (key, item) in dict.iter() {
            let key = key
                .cast::<PyString>()
                .map_err(|_| invalid_input("dict keys must be strings"))?;
            map.insert(key.to_str()?.to_owned(), from_py(&item)?);
        }
        return Ok(Value::Object(map));
    }
    if object.is_instance_of::<PyList>() || object.is_instance_of::<PyTuple>() {
        return object
            .try_iter()?
            .map(|item| from_py(&item?))
            .collect::<PyResult<Vec<_>>>()
            .map(Value::Array);
    }
    Err(invalid_input(format!(
        "cannot convert a {} to JSON",
        object.get_type().name()?
    )))
}

/// A Python value read as an engine type through its serde form.
pub fn from_py_as<T: DeserializeOwned>(object: &Bound<'_, PyAny>) -> PyResult<T> {
    serde_json::from_value(from_py(object)?).map_err(|error| invalid_input(error.to_string()))
}

/// An engine type as JSON.
pub fn to_value(value: &impl Serialize) -> PyResult<Value> {
    serde_json::to_value(value).map_err(invalid_resume)
}
