//! Inputs for the criterion benchmarks in `benches/benches/`.

use std::path::{Path, PathBuf};

pub mod backends;
pub mod throughput;

/// A document to benchmark: its file name and bytes.
pub struct Document {
    /// File name, used as the benchmark id.
    pub name: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// The repository's sample resume plus every document with the given
/// extension in the benchmark corpus: `$RESUME_ENGINE_BENCH_CORPUS` when set,
/// else the shared dev corpus beside the clone, else the repository's
/// generated corpus (`corpus/docs`).
pub fn documents(extension: &str) -> Vec<Document> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut paths: Vec<PathBuf> = Vec::new();
    let sample = root
        .join("fixtures/sample-resume")
        .with_extension(extension);
    if sample.is_file() {
        paths.push(sample);
    }
    let corpus = std::env::var_os("RESUME_ENGINE_BENCH_CORPUS")
        .map(PathBuf::from)
        .or_else(|| Some(root.join("../shared/corpus/dev")).filter(|d| d.is_dir()))
        .unwrap_or_else(|| root.join("corpus/docs"));
    match std::fs::read_dir(&corpus) {
        Ok(entries) => {
            let mut found: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == extension))
                .collect();
            found.sort();
            paths.extend(found);
        }
        Err(_) => eprintln!(
            "{} not found: benchmarking the repository's fixtures only",
            corpus.display()
        ),
    }
    paths
        .into_iter()
        .filter_map(|path| {
            let bytes = std::fs::read(&path).ok()?;
            let name = path.file_name()?.to_string_lossy().into_owned();
            Some(Document { name, bytes })
        })
        .collect()
}
