//! Shared fixtures for the end-to-end tests.

pub mod api_client;
pub mod backends;
pub mod mock_llm;

use std::path::{Path, PathBuf};

/// The repository's own fixtures folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

/// The shared labelled corpus beside the clone (`../shared/corpus/dev`), when present.
///
/// Tests that need it print why they skip when it is absent: a user's clone
/// does not have it, CI does.
pub fn dev_corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/dev");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: {} not found (the shared corpus sits beside the clone in CI)",
            dir.display()
        );
        None
    }
}
