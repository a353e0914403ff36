//! Golden outputs: the parsed resume of known documents, reviewed and
//! committed as insta snapshots (`tests/tests/snapshots/`). A change in the
//! parser's output fails here until the new snapshot is reviewed
//! (`cargo insta review`) and committed.

use std::path::Path;

use resume_engine::Engine;
use resume_engine_tests::{dev_corpus, fixtures};

/// The parsed resume as JSON, without `raw_text` (covered by other tests),
/// so the snapshots show the fields.
fn parsed(path: &Path) -> serde_json::Value {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let engine = Engine::builder().build().unwrap_or_else(|e| panic!("{e}"));
    let resume = engine
        .parse(&bytes)
        .unwrap_or_else(|e| panic!("parse {}: {e}", path.display()));
    let mut value = serde_json::to_value(resume).unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        map.remove("raw_text");
    }
    value
}

#[test]
fn sample_docx() {
    insta::assert_json_snapshot!(
        "sample-resume.docx",
        parsed(&fixtures().join("sample-resume.docx"))
    );
}

#[test]
fn generated_corpus_documents() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/docs");
    for name in [
        "q03_ciaran_osullivan__docx-table.docx",
        "q07_lena_schaefer_weiss__latex-article.pdf",
        "q08_jihoon_park__html-sidebar.pdf",
        "q01_malgorzata_wisniewska__html-timeline.pdf",
        "q06_joao_goncalves__html-compact.pdf",
    ] {
        insta::assert_json_snapshot!(name, parsed(&dir.join(name)));
    }
}

#[test]
fn dev_corpus_documents() {
    let Some(dir) = dev_corpus() else { return };
    for name in [
        "p01_jose_nunez__docx-list-lo.pdf",
        "p03_marcus_reed__rendercv-classic.pdf",
        "p05_zoe_angstrom__rendercv-sb2nov.pdf",
        "p08_margaret_whitfield_hughes__docx-list.docx",
        "p09_nguyen_van_an__rendercv-classic.pdf",
    ] {
        insta::assert_json_snapshot!(name, parsed(&dir.join(name)));
    }
}

#[test]
fn external_two_column_pdf() {
    let Some(dev) = dev_corpus() else { return };
    let path = dev.join("../external/rm__two-column.pdf");
    if !path.is_file() {
        eprintln!("skipped: {} not found", path.display());
        return;
    }
    insta::assert_json_snapshot!("rm__two-column.pdf", parsed(&path));
}
