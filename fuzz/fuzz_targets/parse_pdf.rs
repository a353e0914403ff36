//! Fuzzes the PDF reader through the engine: every input is made to look like
//! a PDF (a `%PDF-` header is prepended unless it already starts with one), so
//! format detection always hands it to the PDF reader.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resume_engine::Engine;

fuzz_target!(|data: &[u8]| {
    let Ok(engine) = Engine::builder().build() else {
        return;
    };
    if data.starts_with(b"%PDF-") {
        let _ = engine.parse(data);
    } else {
        let mut bytes = Vec::with_capacity(data.len() + 9);
        bytes.extend_from_slice(b"%PDF-1.7\n");
        bytes.extend_from_slice(data);
        let _ = engine.parse(&bytes);
    }
});
