//! Engine work as a Promise: blocking work runs on libuv's thread pool,
//! async engine calls on napi's shared tokio runtime, and the result is
//! turned into JavaScript values back on the JavaScript thread.

use napi::bindgen_prelude::{AsyncTask, BufferSlice, JsValue, PromiseRaw};
use napi::{Env, Error, ScopedTask, Unknown};
use resume_engine::EngineError;
use serde_json::Value;

/// What a finished piece of work hands back to JavaScript.
pub enum Output {
    /// Plain data, converted to JavaScript objects.
    Json(Value),
    /// A document, handed back as a `Buffer`.
    Bytes(Vec<u8>),
}

type Job = Box<dyn FnOnce() -> Result<Output, EngineError> + Send>;

/// One piece of engine work, run once.
pub struct Work {
    job: Option<Job>,
    failure: Option<EngineError>,
}

/// A Promise of `work`'s output, computed off the JavaScript thread.
pub fn spawn<F>(work: F) -> AsyncTask<Work>
where
    F: FnOnce() -> Result<Output, EngineError> + Send + 'static,
{
    AsyncTask::new(Work {
        job: Some(Box::new(work)),
        failure: None,
    })
}

/// A Promise of an async engine call, driven on napi's shared tokio
/// runtime; the outcome is converted back on the JavaScript thread.
pub fn spawn_async<'env, F>(
    env: &'env Env,
    future: F,
) -> napi::Result<PromiseRaw<'env, Unknown<'env>>>
where
    F: Future<Output = Result<Output, EngineError>> + Send + 'static,
{
    env.spawn_future_with_callback(
        async move { Ok(future.await) },
        |env, outcome| match outcome {
            Ok(output) => to_js_value(env, output),
            Err(error) => Err(crate::error::to_js(env, &error)),
        },
    )
}

/// An output as a JavaScript value.
fn to_js_value(env: &Env, output: Output) -> napi::Result<Unknown<'_>> {
    match output {
        Output::Json(value) => env.to_js_value(&value),
        Output::Bytes(bytes) => Ok(BufferSlice::from_data(env, bytes)?.to_unknown()),
    }
}

/// Serializes an engine result as JSON for JavaScript.
pub fn json(value: &impl serde::Serialize) -> Result<Output, EngineError> {
    serde_json::to_value(value)
        .map(Output::Json)
        .map_err(|error| EngineError::InvalidInput(error.to_string()))
}

impl<'task> ScopedTask<'task> for Work {
    type Output = Output;
    type JsValue = Unknown<'task>;

    fn compute(&mut self) -> napi::Result<Output> {
        let job = self
            .job
            .take()
            .ok_or_else(|| Error::from_reason("the work already ran"))?;
        job().map_err(|error| {
            let reason = error.to_string();
            self.failure = Some(error);
            Error::from_reason(reason)
        })
    }

    fn resolve(&mut self, env: &'task Env, output: Output) -> napi::Result<Unknown<'task>> {
        to_js_value(env, output)
    }

    fn reject(&mut self, env: &'task Env, error: Error) -> napi::Result<Unknown<'task>> {
        match self.failure.take() {
            Some(failure) => Err(crate::error::to_js(env, &failure)),
            None => Err(error),
        }
    }
}
