//! Fuzzes the DOCX reader through the engine with raw bytes read as a ZIP
//! archive. Inputs that do not start with a local-file-header signature get
//! one prepended so detection hands them to the DOCX reader (the ZIP reader
//! finds the central directory from the end, so the prefix is harmless).
#![no_main]

use libfuzzer_sys::fuzz_target;
use resume_engine::Engine;

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

fuzz_target!(|data: &[u8]| {
    let Ok(engine) = Engine::builder().build() else {
        return;
    };
    if data.starts_with(ZIP_MAGIC) {
        let _ = engine.parse(data);
    } else {
        let mut bytes = Vec::with_capacity(data.len() + ZIP_MAGIC.len());
        bytes.extend_from_slice(ZIP_MAGIC);
        bytes.extend_from_slice(data);
        let _ = engine.parse(&bytes);
    }
});
