//! Node.js bindings of resume-engine: the `resume-engine` npm package's
//! native addon. It translates arguments and results and maps errors; the
//! work is done by the `resume-engine` crate, off the JavaScript thread.

// napi's macros register the exported functions only outside `cfg(test)`,
// so the (empty) test build of `--all-targets` sees them as unused.
#![cfg_attr(test, allow(dead_code))]

mod engine;
mod error;
mod inputs;
mod promise;
mod resume;
