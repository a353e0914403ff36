//! The typed result objects: a [`Resume`] holding the engine's resume, and
//! [`Record`]s (with their named subclasses) holding the serde JSON form of
//! a result, its fields read as attributes.

use pyo3::exceptions::{PyAttributeError, PyKeyError};
use pyo3::prelude::*;
use pyo3::types::PyType;
use resume_engine::model::{from_json_resume, to_json_resume};
use serde_json::Value;

use crate::convert::{from_py, to_plain, to_value, to_wrapped};
use crate::error::{invalid_resume, to_py};

/// A JSON object read through attributes (`record.total`), items
/// (`record["total"]`), `to_dict()` and `to_json()`.
#[pyclass(module = "resume_engine", frozen, subclass)]
pub struct Record {
    value: Value,
}

impl Record {
    /// A record over `value`.
    pub fn new(value: Value) -> Self {
        Self { value }
    }

    /// The JSON value it holds.
    pub fn value(&self) -> &Value {
        &self.value
    }
}

/// The field `name` of a JSON object, wrapped for Python.
fn field<'py>(py: Python<'py>, value: &Value, name: &str) -> Option<PyResult<Bound<'py, PyAny>>> {
    value.get(name).map(|item| to_wrapped(py, item))
}

/// The keys of a JSON object.
fn keys(value: &Value) -> Vec<String> {
    value
        .as_object()
        .map(|map| map.keys().cloned().collect())
        .unwrap_or_default()
}

/// JSON text, compact or indented by `indent` spaces.
fn json_text(value: &Value, indent: Option<usize>) -> String {
    let Some(indent) = indent else {
        return value.to_string();
    };
    let spaces = " ".repeat(indent);
    let formatter = serde_json::ser::PrettyFormatter::with_indent(spaces.as_bytes());
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
    match serde::Serialize::serialize(value, &mut serializer) {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        Err(_) => value.to_string(),
    }
}

#[pymethods]
impl Record {
    fn __getattr__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        field(py, &self.value, name)
            .unwrap_or_else(|| Err(PyAttributeError::new_err(name.to_owned())))
    }

    fn __getitem__<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        field(py, &self.value, key).unwrap_or_else(|| Err(PyKeyError::new_err(key.to_owned())))
    }

    fn __contains__(&self, key: &str) -> bool {
        self.value.get(key).is_some()
    }

    fn __dir__(&self) -> Vec<String> {
        let mut names = keys(&self.value);
        names.extend(["keys", "to_dict", "to_json"].map(String::from));
        names
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        from_py(other).is_ok_and(|other| other == self.value)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let name = slf.get_type().name()?;
        Ok(format!("{name}({})", slf.get().value))
    }

    /// The field names.
    fn keys(&self) -> Vec<String> {
        keys(&self.value)
    }

    /// The record as plain Python data (dicts, lists, str, numbers, None).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_plain(py, &self.value)
    }

    /// The record as JSON text, indented by `indent` spaces when given.
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> String {
        json_text(&self.value, indent)
    }
}

/// A score report: `total`, `categories`, `keywords`, `stats`…
#[pyclass(module = "resume_engine", frozen, extends = Record)]
pub struct Analysis;

/// Suggested rewrites: `suggestions`, `provider`, `usage`, `cost_usd`…
#[pyclass(module = "resume_engine", frozen, extends = Record)]
pub struct Improvements;

/// A resume with suggestions applied: `resume` and the `changes`.
#[pyclass(module = "resume_engine", frozen, extends = Record)]
pub struct Applied;

/// A job's status: `id`, `kind`, `status`, `progress`, `error`…
#[pyclass(module = "resume_engine", frozen, extends = Record)]
pub struct Job;

#[pymethods]
impl Applied {
    /// The new resume.
    #[getter]
    fn resume(slf: PyRef<'_, Self>) -> PyResult<Resume> {
        let value = slf.as_super().value.get("resume").cloned();
        let resume = serde_json::from_value(value.unwrap_or_default()).map_err(invalid_resume)?;
        Ok(Resume::new(resume))
    }
}

/// A resume: read its fields as attributes (`resume.name`,
/// `resume.sections.experience`), convert with `to_dict()`, `to_json()` or
/// `to_json_resume()`.
#[pyclass(module = "resume_engine", frozen)]
#[derive(Clone)]
pub struct Resume {
    inner: resume_engine::Resume,
}

impl Resume {
    /// Wraps an engine resume.
    pub fn new(inner: resume_engine::Resume) -> Self {
        Self { inner }
    }

    /// The engine resume.
    pub fn inner(&self) -> &resume_engine::Resume {
        &self.inner
    }
}

#[pymethods]
impl Resume {
    /// A resume from a dict in this engine's schema (see `to_dict()`).
    #[new]
    fn py_new(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let value = from_py(data)?;
        serde_json::from_value(value)
            .map(Self::new)
            .map_err(invalid_resume)
    }

    /// A resume from a dict in this engine's schema.
    #[classmethod]
    fn from_dict(_cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        Self::py_new(data)
    }

    /// A resume from JSON text in this engine's schema.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, text: &str) -> PyResult<Self> {
        resume_engine::Resume::from_json(text)
            .map(Self::new)
            .map_err(|error| to_py(&error.into()))
    }

    /// A resume from a JSON Resume document (a dict, or JSON text).
    #[classmethod]
    fn from_json_resume(_cls: &Bound<'_, PyType>, document: &Bound<'_, PyAny>) -> PyResult<Self> {
        let value = match document.extract::<&str>() {
            Ok(text) => serde_json::from_str(text).map_err(invalid_resume)?,
            Err(_) => from_py(document)?,
        };
        from_json_resume(&value)
            .map(Self::new)
            .map_err(|error| to_py(&error.into()))
    }

    /// The resume as a JSON Resume document (a dict).
    fn to_json_resume<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_plain(py, &to_json_resume(&self.inner))
    }

    /// The resume as plain Python data in this engine's schema.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_plain(py, &to_value(&self.inner)?)
    }

    /// The resume as JSON text, indented by `indent` spaces when given.
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        Ok(json_text(&to_value(&self.inner)?, indent))
    }

    /// The field names.
    fn keys(&self) -> PyResult<Vec<String>> {
        Ok(keys(&to_value(&self.inner)?))
    }

    fn __getattr__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let value = to_value(&self.inner)?;
        field(py, &value, name).unwrap_or_else(|| Err(PyAttributeError::new_err(name.to_owned())))
    }

    fn __getitem__<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        let value = to_value(&self.inner)?;
        field(py, &value, key).unwrap_or_else(|| Err(PyKeyError::new_err(key.to_owned())))
    }

    fn __dir__(&self) -> PyResult<Vec<String>> {
        let mut names = self.keys()?;
        names.extend(
            [
                "from_dict",
                "from_json",
                "from_json_resume",
                "keys",
                "to_dict",
                "to_json",
                "to_json_resume",
            ]
            .map(String::from),
        );
        Ok(names)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<Self>() {
            Ok(other) => other.get().inner == self.inner,
            Err(_) => from_py(other).is_ok_and(|other| to_value(&self.inner).ok() == Some(other)),
        }
    }

    fn __repr__(&self) -> String {
        let name = self.inner.name.as_deref().unwrap_or("");
        format!("Resume(name={name:?})")
    }
}
