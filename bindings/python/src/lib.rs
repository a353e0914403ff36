//! Python bindings of resume-engine: the `resume_engine` package's native
//! module. It translates arguments and results and maps errors; the work is
//! done by the `resume-engine` crate.

mod convert;
mod engine;
mod error;
mod inputs;
mod records;

use pyo3::prelude::*;

/// The names of the built-in templates.
#[pyfunction]
fn templates() -> Vec<&'static str> {
    resume_engine::render::BuiltinTemplate::NAMES.to_vec()
}

/// The native module, re-exported by the `resume_engine` package.
#[pymodule]
#[pyo3(name = "_native")]
fn native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_class::<engine::Engine>()?;
    module.add_class::<records::Resume>()?;
    module.add_class::<records::Record>()?;
    module.add_class::<records::Analysis>()?;
    module.add_class::<records::Improvements>()?;
    module.add_class::<records::Applied>()?;
    module.add_class::<records::Job>()?;
    module.add_function(wrap_pyfunction!(templates, module)?)?;
    error::register(module)
}
