//! Fuzzes the engine's public entry point with raw bytes: format detection,
//! then whichever reader (PDF, DOCX, plain text) and the recogniser.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resume_engine::Engine;

fuzz_target!(|data: &[u8]| {
    if let Ok(engine) = Engine::builder().build() {
        let _ = engine.parse(data);
    }
});
