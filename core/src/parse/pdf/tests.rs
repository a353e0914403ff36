//! Whole-reader tests: corpus files and hostile input.

use super::*;

/// Prints the lines of the PDF at `$PDF_DUMP` (run with `--ignored --nocapture`).
#[test]
#[ignore]
fn dump_lines() {
    let Ok(path) = std::env::var("PDF_DUMP") else {
        return;
    };
    for path in path.split(',') {
        let bytes = std::fs::read(path).unwrap_or_default();
        println!("===== {path}");
        match read_pdf(&bytes, &ParseLimits::default()) {
            Ok(doc) => {
                for line in &doc.lines {
                    let bold = if line.is_bold() {
                        "B"
                    } else if line.bold_prefix().is_some() {
                        "b"
                    } else {
                        "-"
                    };
                    println!(
                        "p{} {:5.1} sz{:4.1} sb{:5.1} {}{}{:?} {:?}{}",
                        line.page,
                        line.indent.unwrap_or(-1.0),
                        line.font_size.unwrap_or(-1.0),
                        line.space_before.unwrap_or(-1.0),
                        bold,
                        if line.list_item { "•" } else { " " },
                        line.origin,
                        line.text,
                        if line.links.is_empty() {
                            String::new()
                        } else {
                            format!(" {:?}", line.links)
                        },
                    );
                }
            }
            Err(error) => println!("error: {error}"),
        }
    }
}
