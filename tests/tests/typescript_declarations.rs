//! The Node package's `types.d.ts` holds exactly the declarations generated
//! from the Rust types, so its typings cannot drift from what the engine
//! returns. After changing a public record, regenerate it with
//! `UPDATE_TYPINGS=1 cargo test -p resume-engine-tests --test typescript_declarations`.

use std::path::Path;

/// The file the Node package ships.
const TYPINGS: &str = "../bindings/node/types.d.ts";

/// Its first lines, above the generated declarations.
const HEADER: &str = "/* Generated from the Rust types by `resume_engine::typescript::declarations()`:\n \
                      * do not edit. Regenerate with\n \
                      * `UPDATE_TYPINGS=1 cargo test -p resume-engine-tests --test typescript_declarations`. */\n\n";

#[test]
fn node_typings_match_the_rust_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(TYPINGS);
    let expected = format!("{HEADER}{}", resume_engine::typescript::declarations());
    if std::env::var_os("UPDATE_TYPINGS").is_some() {
        std::fs::write(&path, &expected)
            .unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "{} is out of date: regenerate it with `UPDATE_TYPINGS=1 cargo test -p resume-engine-tests --test typescript_declarations`",
        path.display()
    );
}

#[test]
fn declarations_cover_every_record_a_binding_returns() {
    let declarations = resume_engine::typescript::declarations();
    for name in [
        "Resume",
        "Analysis",
        "Improvements",
        "Applied",
        "JobSummary",
        "WorkerStats",
        "JobResult",
    ] {
        assert!(
            declarations.contains(&format!("export type {name} = ")),
            "no declaration of {name}"
        );
    }
}
