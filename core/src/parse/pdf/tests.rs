//! Whole-reader tests: corpus files and hostile input.
#![allow(clippy::expect_used)]

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

use std::time::{Duration, Instant};

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, dictionary};

const DEV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus/dev");

/// A one-page PDF whose page draws `content` with font `F1` (Helvetica) and
/// the extra resources `extra` may add; `tweak` may change the document
/// before it is saved.
fn build(content: &[u8], tweak: impl FnOnce(&mut Document, ObjectId, &mut Dictionary)) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
    });
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
    });
    let mut resources = dictionary! { "Font" => dictionary! { "F1" => font_id } };
    tweak(&mut doc, page_id, &mut resources);
    let resources_id = doc.add_object(resources);
    if let Ok(page) = doc.get_dictionary_mut(page_id) {
        page.set("Resources", resources_id);
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

fn texts(bytes: &[u8]) -> Vec<String> {
    read_pdf(bytes, &ParseLimits::default())
        .expect("readable")
        .lines
        .into_iter()
        .map(|l| l.text)
        .collect()
}

/// Time a hostile input may take: 2 s in an optimised build (`cargo test
/// --release`); unoptimised inflate is many times slower.
const TIME_LIMIT: Duration = Duration::from_secs(if cfg!(debug_assertions) { 30 } else { 2 });

/// Reads `bytes`, asserting it ends within [`TIME_LIMIT`] (and, being a
/// test, without panicking).
fn read_quickly(bytes: &[u8]) -> Result<TextDocument, ParseError> {
    let start = Instant::now();
    let result = read_pdf(bytes, &ParseLimits::default());
    assert!(start.elapsed() < TIME_LIMIT, "took {:?}", start.elapsed());
    result
}

/// A zlib stream that inflates to about `size` spaces, built directly (one
/// literal, then length-258 distance-1 matches in a fixed-Huffman block), so
/// the test does not have to compress a gigabyte.
fn zlib_bomb(size: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u32,
        len: u32,
    }
    impl Bits {
        fn push(&mut self, value: u32, count: u32) {
            self.acc |= value << self.len;
            self.len += count;
            while self.len >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.len -= 8;
            }
        }
        /// Huffman codes go most significant bit first.
        fn code(&mut self, code: u32, count: u32) {
            let reversed = code.reverse_bits() >> (32 - count);
            self.push(reversed, count);
        }
    }
    let mut bits = Bits {
        out: vec![0x78, 0x01],
        acc: 0,
        len: 0,
    };
    bits.push(1, 1);
    bits.push(1, 2);
    bits.code(0x30 + u32::from(b' '), 8);
    for _ in 0..size / 258 {
        bits.code(0b1100_0101, 8);
        bits.code(0, 5);
    }
    bits.code(0, 7);
    bits.push(0, 7);
    bits.out.extend_from_slice(&[0, 0, 0, 0]);
    bits.out
}

#[test]
fn simple_text_with_standard_font() {
    let pdf = build(
        b"BT /F1 12 Tf 72 700 Td (Hello World) Tj 0 -14 Td [(Kern)-30(ed) -600 (gap)] TJ ET",
        |_, _, _| {},
    );
    assert_eq!(texts(&pdf), ["Hello World", "Kerned gap"]);
}

#[test]
fn differences_and_ligatures() {
    let pdf = build(
        b"BT /F2 10 Tf 72 700 Td (\x01nd \x02) Tj ET",
        |doc, _, resources| {
            let font = doc.add_object(dictionary! {
                "Type" => "Font",
                "Subtype" => "Type1",
                "BaseFont" => "Times-Roman",
                "Encoding" => dictionary! {
                    "Type" => "Encoding",
                    "BaseEncoding" => "WinAnsiEncoding",
                    "Differences" => vec![1.into(), "fi".into(), "odieresis".into()],
                },
            });
            if let Ok(Object::Dictionary(fonts)) = resources.get_mut(b"Font") {
                fonts.set("F2", font);
            }
        },
    );
    assert_eq!(texts(&pdf), ["find ö"]);
}

#[test]
fn garbage_after_header_is_an_error() {
    assert!(read_quickly(b"%PDF-1.7\n\x00\x01garbage garbage 1 0 obj <<").is_err());
    assert!(read_quickly(b"%PDF-").is_err());
}

#[test]
fn truncated_dev_pdfs_do_not_panic() {
    for name in [
        "p01_jose_nunez__rendercv-classic.pdf",
        "p01_jose_nunez__docx-list-lo.pdf",
    ] {
        let Ok(bytes) = std::fs::read(format!("{DEV}/{name}")) else {
            continue;
        };
        for cut in [bytes.len() / 2, bytes.len() / 5, bytes.len() - 100] {
            let _ = read_quickly(&bytes[..cut]);
        }
    }
}

#[test]
fn xref_pointing_nowhere_is_recovered() {
    let mut pdf = build(b"BT /F1 12 Tf 72 700 Td (Recovered) Tj ET", |_, _, _| {});
    let at = pdf
        .windows(9)
        .rposition(|w| w == b"startxref")
        .expect("startxref");
    pdf.truncate(at);
    pdf.extend_from_slice(b"startxref\n999999\n%%EOF\n");
    match read_quickly(&pdf) {
        Ok(doc) => assert_eq!(
            doc.lines.first().map(|l| l.text.as_str()),
            Some("Recovered")
        ),
        Err(error) => assert!(matches!(error, ParseError::Corrupt { .. }), "{error}"),
    }
}

#[test]
fn page_tree_cycle_ends() {
    let pdf = build(b"BT /F1 12 Tf 72 700 Td (Once) Tj ET", |doc, page_id, _| {
        if let Ok(page) = doc.get_dictionary_mut(page_id) {
            page.set("Type", "Pages");
            page.set("Kids", vec![page_id.into()]);
        }
    });
    let _ = read_quickly(&pdf);
}

#[test]
fn self_drawing_form_ends() {
    let pdf = build(b"/X1 Do", |doc, _, resources| {
        let form_id = doc.new_object_id();
        let form = Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
                "Resources" => dictionary! {
                    "Font" => resources.get(b"Font").cloned().unwrap_or(Object::Null),
                    "XObject" => dictionary! { "X1" => form_id },
                },
            },
            b"BT /F1 12 Tf 72 700 Td (Inside) Tj ET /X1 Do".to_vec(),
        );
        doc.objects.insert(form_id, Object::Stream(form));
        resources.set("XObject", dictionary! { "X1" => form_id });
    });
    assert_eq!(texts(&pdf), ["Inside"]);
}

#[test]
fn decompression_bomb_is_a_limit_error() {
    let bomb = zlib_bomb(1 << 30);
    let mut pdf = build(b"", |_, _, _| {});
    let mut doc = Document::load_mem(&pdf).expect("own pdf");
    for (_, object) in doc.objects.iter_mut() {
        if let Object::Stream(stream) = object
            && stream.dict.get(b"Subtype").is_err()
        {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(bomb.clone());
        }
    }
    pdf.clear();
    doc.save_to(&mut pdf).expect("save");
    let result = read_quickly(&pdf);
    assert!(
        matches!(result, Err(ParseError::LimitExceeded { .. })),
        "{result:?}"
    );
}

/// A PDF made of the given object bodies (numbered from 1, the first being
/// the catalog) with a correct cross-reference table.
fn raw_pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.5\n".to_vec();
    let mut offsets = Vec::new();
    for (index, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", index + 1).as_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    let size = objects.len() + 1;
    pdf.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
    for offset in &offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    pdf
}

/// Catalog, page tree, a page drawing "Deep" and its font, plus `extra` as
/// object 6 (referenced from the page).
fn pdf_with_extra(extra: Vec<u8>) -> Vec<u8> {
    let content = b"BT /F1 12 Tf 72 700 Td (Deep) Tj ET";
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(content);
    stream.extend_from_slice(b"\nendstream");
    raw_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
          /Resources << /Font << /F1 5 0 R >> >> /Extra 6 0 R >>"
            .to_vec(),
        stream,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        extra,
    ])
}

#[test]
fn deeply_nested_objects_do_not_overflow_the_stack() {
    let n = 200_000;
    let mut array = vec![b'['; n];
    array.extend(std::iter::repeat_n(b']', n));
    let _ = read_quickly(&pdf_with_extra(array));
    let mut dict = b"<< /A ".repeat(n);
    dict.extend(b">>".repeat(n));
    let _ = read_quickly(&pdf_with_extra(dict));
}

#[test]
fn object_stream_bomb_is_bounded() {
    let bomb = zlib_bomb(300 << 20);
    let mut stream = format!(
        "<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {} >>\nstream\n",
        bomb.len()
    )
    .into_bytes();
    stream.extend_from_slice(&bomb);
    stream.extend_from_slice(b"\nendstream");
    let pdf = raw_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
        stream,
    ]);
    assert!(read_quickly(&pdf).is_err());
}

#[test]
fn deeply_nested_content_arrays() {
    let mut content = b"BT /F1 12 Tf 72 700 Td ".to_vec();
    content.extend(std::iter::repeat_n(b'[', 500_000));
    content.extend_from_slice(b" TJ (After) Tj ET");
    assert_eq!(texts(&build(&content, |_, _, _| {})), ["After"]);
}

#[test]
fn image_only_pdf_has_no_lines() {
    let pdf = build(b"q 100 0 0 100 0 0 cm 0 0 1 1 re f Q", |_, _, _| {});
    assert!(texts(&pdf).is_empty());
}

#[test]
fn encrypted_with_user_password_is_an_encrypted_error() {
    let result = read_quickly(include_bytes!("testdata/user-password.pdf"));
    assert!(matches!(result, Err(ParseError::Encrypted)), "{result:?}");
}

#[test]
fn encrypted_with_empty_user_password_is_read() {
    assert_eq!(
        texts(include_bytes!("testdata/owner-password.pdf")),
        ["Hello World"]
    );
}

#[test]
fn dev_corpus_reads() {
    let Ok(entries) = std::fs::read_dir(DEV) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "pdf") {
            let bytes = std::fs::read(&path).expect("read");
            let doc = read_quickly(&bytes).expect("dev pdf");
            assert!(doc.lines.len() > 10, "{}", path.display());
            assert!(doc.lines.iter().any(|l| l.list_item), "{}", path.display());
        }
    }
}

const EXTERNAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus/external");

fn external_lines(name: &str) -> Option<Vec<crate::parse::Line>> {
    let bytes = std::fs::read(format!("{EXTERNAL}/{name}")).ok()?;
    Some(read_quickly(&bytes).expect("external pdf").lines)
}

#[test]
fn two_column_pages_are_read_column_by_column() {
    for name in ["rm__two-column.pdf", "rm__modern-two-column.pdf"] {
        let Some(lines) = external_lines(name) else {
            continue;
        };
        let position = |text: &str| lines.iter().position(|l| l.text == text);
        let (Some(projects), Some(education), Some(skills)) = (
            position("PROJECTS"),
            position("EDUCATION"),
            position("SKILLS"),
        ) else {
            panic!("{name}: headings missing");
        };
        assert!(projects < education && education < skills, "{name}");
        assert!(
            lines
                .iter()
                .any(|l| l.text == "Senior Software Engineer\tJan 2023 - Present")
        );
    }
}

#[test]
fn single_column_keeps_dates_on_their_lines() {
    let Some(lines) = external_lines("rm__single-column.pdf") else {
        return;
    };
    let title = lines
        .iter()
        .find(|l| l.text == "Senior Software Engineer\tJan 2023 - Present")
        .expect("title line");
    assert_eq!(title.bold_prefix(), Some("Senior Software Engineer"));
    assert!(lines.iter().filter(|l| l.list_item).count() >= 10);
    assert!(
        lines
            .iter()
            .any(|l| l.links.iter().any(|u| u.starts_with("mailto:")))
    );
}

#[test]
fn page_limit_reads_the_first_pages() {
    let Ok(bytes) = std::fs::read(format!("{DEV}/p01_jose_nunez__rendercv-classic.pdf")) else {
        return;
    };
    let limits = ParseLimits {
        max_pages: 1,
        ..ParseLimits::default()
    };
    let doc = read_pdf(&bytes, &limits).expect("dev pdf");
    assert!(doc.lines.iter().all(|l| l.page == 1));
    assert_eq!(
        doc.lines.first().map(|l| l.text.as_str()),
        Some("José Núñez")
    );
}

fn lines_of(bytes: &[u8]) -> Vec<crate::parse::Line> {
    read_pdf(bytes, &ParseLimits::default())
        .expect("readable")
        .lines
}

/// rendercv's PDFs of `p01_jose_nunez` draw "Languages: Go, Python, SQL, C"
/// without the "++" (the glyphs are not in the content stream; other
/// readers agree), so the reader cannot recover it. A trailing "C++" that is
/// drawn is kept, as is a "++" drawn as its own piece right after the "C".
#[test]
fn trailing_plus_signs_are_kept() {
    let pdf = build(
        b"BT /F1 10 Tf 72 700 Td (Languages: Go, SQL, C++) Tj ET \
          BT /F1 10 Tf 72 686 Td (Tools: C) Tj ET BT /F1 10 Tf 108.13 686 Td (++) Tj ET",
        |_, _, _| {},
    );
    assert_eq!(texts(&pdf), ["Languages: Go, SQL, C++", "Tools: C++"]);
    let Ok(bytes) = std::fs::read(format!("{DEV}/p07_ethan_caldwell__rendercv-classic.pdf")) else {
        return;
    };
    assert!(texts(&bytes).iter().any(|t| t.contains("C, C++, Python")));
}

#[test]
fn numbered_items_are_list_items() {
    let pdf = build(
        b"BT /F1 10 Tf 72 700 Td (1.) Tj 18 0 Td (Led the migration) Tj ET \
          BT /F1 10 Tf 72 686 Td (2\\) Cut costs by 20%) Tj ET \
          BT /F1 10 Tf 72 672 Td (2019 \\261 2021) Tj ET \
          BT /F1 10 Tf 72 658 Td (3 years of Rust) Tj ET",
        |_, _, _| {},
    );
    let lines: Vec<_> = lines_of(&pdf)
        .into_iter()
        .map(|l| (l.text, l.list_item))
        .collect();
    assert_eq!(
        lines,
        [
            ("Led the migration".to_owned(), true),
            ("Cut costs by 20%".to_owned(), true),
            ("2019 – 2021".to_owned(), false),
            ("3 years of Rust".to_owned(), false),
        ]
    );
}

#[test]
fn bullet_in_another_font_on_its_own_baseline() {
    let pdf = build(
        b"BT /F2 10 Tf 72 701.6 Td (\\267) Tj ET BT /F1 10 Tf 90 700 Td (Led the team) Tj ET \
          BT /F2 10 Tf 72 687.6 Td (\\267) Tj ET BT /F1 10 Tf 90 686 Td (Shipped) Tj ET",
        |doc, _, resources| {
            let font = doc.add_object(dictionary! {
                "Type" => "Font",
                "Subtype" => "Type1",
                "BaseFont" => "Symbol",
            });
            if let Ok(Object::Dictionary(fonts)) = resources.get_mut(b"Font") {
                fonts.set("F2", font);
            }
        },
    );
    let lines: Vec<_> = lines_of(&pdf)
        .into_iter()
        .map(|l| (l.text, l.list_item, l.indent))
        .collect();
    assert_eq!(
        lines,
        [
            ("Led the team".to_owned(), true, Some(90.0)),
            ("Shipped".to_owned(), true, Some(90.0)),
        ]
    );
}

/// Letters drawn one by one, each moved by its Helvetica advance plus
/// `tracking` em (CSS `letter-spacing`, LaTeX `\so`), words a space wider.
fn letter_by_letter(text: &str, size: f32, tracking: f32) -> Vec<u8> {
    let mut content = format!("BT /F1 {size} Tf 72 700 Td ");
    for c in text.chars() {
        let width = match c {
            ' ' | 'I' => 278.0,
            'W' => 944.0,
            'O' => 778.0,
            'R' | 'N' | 'C' => 722.0,
            _ => 667.0,
        };
        if c != ' ' {
            content.push_str(&format!("({c}) Tj "));
        }
        content.push_str(&format!("{} 0 Td ", (width / 1000.0 + tracking) * size));
    }
    content.push_str("ET");
    content.into_bytes()
}

#[test]
fn letter_spaced_headings_are_words() {
    for tracking in [0.1, 0.3, 0.6, 0.8] {
        let pdf = build(
            &letter_by_letter("EXPERIENCE", 14.0, tracking),
            |_, _, _| {},
        );
        assert_eq!(texts(&pdf), ["EXPERIENCE"], "{tracking}");
        let pdf = build(
            &letter_by_letter("WORK EXPERIENCE", 14.0, tracking),
            |_, _, _| {},
        );
        assert_eq!(texts(&pdf), ["WORK EXPERIENCE"], "{tracking}");
    }
}

#[test]
fn rotated_pages_are_read_as_displayed() {
    // Shown turned by 90°, the page is 792 wide and 612 high; text upright
    // on screen runs up the page in user space. The lower line is drawn
    // first.
    let pdf = build(
        b"BT /F1 12 Tf 0 1 -1 0 90 72 Tm (Second line) Tj 0 1 -1 0 76 72 Tm (First line) Tj \
          0 1 -1 0 76 600 Tm (Right) Tj ET",
        |doc, page_id, _| {
            if let Ok(page) = doc.get_dictionary_mut(page_id) {
                page.set("Rotate", 90);
            }
        },
    );
    let lines = lines_of(&pdf);
    let texts: Vec<_> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["First line\tRight", "Second line"]);
    assert_eq!(lines[0].indent, Some(72.0));
}
