//! The `resume-engine` command line.
fn main() {}
