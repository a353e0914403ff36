//! DOCX reader tests on small documents built in memory.

#![allow(clippy::unwrap_used)]

use std::io::{Cursor, Write};
use std::time::{Duration, Instant};

use zip::ZipWriter;
use zip::unstable::write::FileOptionsExt;
use zip::write::SimpleFileOptions;

use super::read_docx;
use crate::parse::{Line, LineOrigin, ParseError, ParseLimits, Span};

const NAMESPACES: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
    r#"xmlns:v="urn:schemas-microsoft-com:vml""#,
);

const STYLES: &str = r#"<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="200"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="52"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:spacing w:before="480"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Fancy"><w:name w:val="Fancy Section"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="RoleBase"><w:name w:val="Role Base"/><w:rPr><w:b/></w:rPr>
  <w:tblStylePr w:type="firstRow"><w:rPr><w:i/></w:rPr></w:tblStylePr></w:style>
<w:style w:type="paragraph" w:styleId="Role"><w:name w:val="Role"/><w:basedOn w:val="RoleBase"/><w:pPr><w:ind w:left="360"/></w:pPr></w:style>
<w:style w:type="character" w:styleId="StrongBase"><w:name w:val="Strong Base"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:basedOn w:val="StrongBase"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="Loop"/><w:basedOn w:val="Loop2"/></w:style>
<w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="Loop"/><w:basedOn w:val="Loop1"/></w:style>"#;

const NUMBERING: &str = r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="none"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>"#;

/// Zips `entries` (deflated).
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        writer
            .start_file(*name, SimpleFileOptions::default())
            .unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// A DOCX whose body is `body`, with the test styles and numbering and the
/// given extra parts (`(name, xml)`; headers and footers are related by name).
fn docx_with(body: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NAMESPACES}><w:body>{body}<w:sectPr><w:pgMar w:left="1080" w:right="1080"/></w:sectPr></w:body></w:document>"#
    );
    let mut rels = String::from(
        r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://github.com/jdoe?a=1&amp;b=2" TargetMode="External"/>"#,
    );
    for (i, (name, _)) in extra.iter().enumerate() {
        let file = name.trim_start_matches("word/");
        let kind = if file.starts_with("header") {
            "header"
        } else {
            "footer"
        };
        rels.push_str(&format!(
            r#"<Relationship Id="rIdX{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{file}"/>"#
        ));
    }
    rels.push_str("</Relationships>");
    let styles = format!(r#"<w:styles {NAMESPACES}>{STYLES}</w:styles>"#);
    let numbering = format!(r#"<w:numbering {NAMESPACES}>{NUMBERING}</w:numbering>"#);
    let package_rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let extra: Vec<(String, String)> = extra
        .iter()
        .map(|(name, xml)| {
            let root = if name.contains("header") {
                "hdr"
            } else {
                "ftr"
            };
            (
                name.to_string(),
                format!(r#"<w:{root} {NAMESPACES}>{xml}</w:{root}>"#),
            )
        })
        .collect();
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", b"<Types/>"),
        ("_rels/.rels", package_rels.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ];
    entries.extend(extra.iter().map(|(n, x)| (n.as_str(), x.as_bytes())));
    zip(&entries)
}

fn docx(body: &str) -> Vec<u8> {
    docx_with(body, &[])
}

fn read(bytes: &[u8]) -> Vec<Line> {
    read_docx(bytes, &ParseLimits::default()).unwrap().lines
}

fn texts(lines: &[Line]) -> Vec<&str> {
    lines.iter().map(|l| l.text.as_str()).collect()
}

/// A paragraph with one plain run.
fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

/// A paragraph with the given paragraph style.
fn styled(style: &str, text: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
}

fn span(start: usize, end: usize, bold: bool, italic: bool) -> Span {
    Span {
        start,
        end,
        bold,
        italic,
    }
}

#[test]
fn heading_levels_from_styles_and_outline_levels() {
    let body = [
        styled("Title", "Jane Doe"),
        styled("Heading1", "Experience"),
        styled("Fancy", "Projects"),
        r#"<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>Direct</w:t></w:r></w:p>"#.to_owned(),
        r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:outlineLvl w:val="9"/></w:pPr><w:r><w:t>Body text</w:t></w:r></w:p>"#.to_owned(),
        styled("Loop1", "Cyclic style chain"),
        p("Plain"),
    ]
    .concat();
    let lines = read(&docx(&body));
    let levels: Vec<Option<u8>> = lines.iter().map(|l| l.heading_level).collect();
    assert_eq!(
        levels,
        [Some(0), Some(1), Some(2), Some(1), None, None, None]
    );
    assert_eq!(lines[0].font_size, Some(26.0));
    assert_eq!(lines[1].font_size, Some(14.0));
    assert_eq!(lines[1].space_before, Some(24.0));
    assert!(lines[1].is_bold());
    assert_eq!(lines[6].font_size, Some(11.0));
    assert!(
        lines
            .iter()
            .all(|l| l.origin == LineOrigin::Body && l.page == 1)
    );
}

#[test]
fn bold_and_italic_resolve_through_style_chains() {
    let body = [
        styled("Role", "Inherited bold"),
        r#"<w:p><w:pPr><w:pStyle w:val="Role"/></w:pPr><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>off</w:t></w:r></w:p>"#.to_owned(),
        r#"<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>Senior Engineer</w:t></w:r><w:r><w:t xml:space="preserve"> — Acme</w:t></w:r><w:r><w:rPr><w:i/><w:b w:val="false"/></w:rPr><w:t>!</w:t></w:r></w:p>"#.to_owned(),
    ]
    .concat();
    let lines = read(&docx(&body));
    assert!(lines[0].is_bold());
    assert_eq!(lines[0].spans, [span(0, 14, true, false)]);
    assert_eq!(lines[0].indent, Some(54.0 + 18.0));
    assert!(!lines[1].is_bold());
    assert_eq!(lines[2].text, "Senior Engineer — Acme!");
    assert_eq!(lines[2].bold_prefix(), Some("Senior Engineer"));
    assert_eq!(
        lines[2].spans,
        [
            span(0, 15, true, true),
            span(15, 24, false, false),
            span(24, 25, false, true)
        ]
    );
}

#[test]
fn list_items_from_numbering_styles_and_glyphs() {
    let body = [
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>Numbered</w:t></w:r></w:p>"#.to_owned(),
        styled("ListBullet", "Style bullet"),
        r#"<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Numbering removed</w:t></w:r></w:p>"#.to_owned(),
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>Format none</w:t></w:r></w:p>"#.to_owned(),
        p("• Typed bullet"),
        p("\u{f0b7}\tPrivate-use bullet"),
        r#"<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:tab/><w:t>Symbol bullet</w:t></w:r></w:p>"#.to_owned(),
        p("-5% churn"),
    ]
    .concat();
    let lines = read(&docx(&body));
    assert_eq!(
        texts(&lines),
        [
            "Numbered",
            "Style bullet",
            "Numbering removed",
            "Format none",
            "Typed bullet",
            "Private-use bullet",
            "Symbol bullet",
            "-5% churn"
        ]
    );
    let list: Vec<bool> = lines.iter().map(|l| l.list_item).collect();
    assert_eq!(list, [true, true, false, false, true, true, true, false]);
    assert_eq!(lines[1].indent, Some(54.0 + 36.0));
}

#[test]
fn tabs_breaks_and_special_characters() {
    let body = [
        r#"<w:p><w:pPr><w:spacing w:before="120"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Senior Engineer</w:t></w:r><w:r><w:tab/><w:t>2020</w:t><w:br/><w:t>Acme  Corp</w:t><w:cr/><w:t>e</w:t><w:noBreakHyphen/><w:t>mail</w:t><w:softHyphen/><w:t>&#160;x&amp;y &unknown;</w:t></w:r></w:p>"#.to_owned(),
        r#"<w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Bullet</w:t><w:br/><w:t>continued</w:t></w:r></w:p>"#.to_owned(),
    ]
    .concat();
    let lines = read(&docx(&body));
    assert_eq!(
        texts(&lines),
        [
            "Senior Engineer\t2020",
            "Acme Corp",
            "e-mail x&y &unknown;",
            "Bullet",
            "continued"
        ]
    );
    assert_eq!(
        lines[0].spans,
        [span(0, 15, true, false), span(15, 20, false, false)]
    );
    assert!(!lines[1].is_bold() && lines[1].spans == [span(0, 9, false, false)]);
    assert_eq!(lines[0].space_before, Some(6.0));
    assert_eq!(lines[1].space_before, Some(0.0));
    assert!(lines[3].list_item && !lines[4].list_item);
}

#[test]
fn hyperlinks_and_field_codes() {
    let body = [
        r#"<w:p><w:r><w:t xml:space="preserve">GitHub: </w:t></w:r><w:hyperlink r:id="rId3"><w:r><w:t>jdoe</w:t></w:r></w:hyperlink><w:hyperlink w:anchor="_Top"><w:r><w:t> top</w:t></w:r></w:hyperlink></w:p>"#.to_owned(),
        concat!(
            r#"<w:p><w:r><w:t xml:space="preserve">Mail </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
            r#"<w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:jane@example.com" \o "tip" </w:instrText></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>jane@example.com</w:t></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> p1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#
        )
        .to_owned(),
        r#"<w:p><w:fldSimple w:instr=" HYPERLINK &quot;https://jane.dev&quot; "><w:r><w:t>jane.dev</w:t></w:r></w:fldSimple></w:p>"#.to_owned(),
    ]
    .concat();
    let lines = read(&docx(&body));
    assert_eq!(
        texts(&lines),
        ["GitHub: jdoe top", "Mail jane@example.com p1", "jane.dev"]
    );
    assert_eq!(lines[0].links, ["https://github.com/jdoe?a=1&b=2"]);
    assert_eq!(lines[1].links, ["mailto:jane@example.com"]);
    assert_eq!(lines[2].links, ["https://jane.dev"]);
}

#[test]
fn text_box_is_read_once_from_alternate_content() {
    let body = concat!(
        r#"<w:p><w:r><w:t>Anchor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"#,
        r#"<w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"#,
        r#"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
    );
    let lines = read(&docx(body));
    assert_eq!(texts(&lines), ["Box text", "Anchor"]);
    assert_eq!(lines[0].origin, LineOrigin::TextBox);
    assert_eq!(lines[1].origin, LineOrigin::Body);
}

#[test]
fn headers_come_first_and_footers_last_without_duplicates() {
    let header = format!("{}{}", p("Jane Doe"), p("jane@example.com"));
    let bytes = docx_with(
        &format!(
            "{}<w:p><w:r><w:br w:type=\"page\"/><w:t>Page two</w:t></w:r></w:p>",
            p("Body")
        ),
        &[
            ("word/header1.xml", &header),
            ("word/header2.xml", &header),
            ("word/header3.xml", ""),
            ("word/footer1.xml", &p("Page footer")),
        ],
    );
    let lines = read(&bytes);
    assert_eq!(
        texts(&lines),
        [
            "Jane Doe",
            "jane@example.com",
            "Body",
            "Page two",
            "Page footer"
        ]
    );
    let origins: Vec<LineOrigin> = lines.iter().map(|l| l.origin).collect();
    assert_eq!(
        origins,
        [
            LineOrigin::Header,
            LineOrigin::Header,
            LineOrigin::Body,
            LineOrigin::Body,
            LineOrigin::Footer
        ]
    );
    let pages: Vec<u32> = lines.iter().map(|l| l.page).collect();
    assert_eq!(pages, [1, 1, 1, 2, 2]);
}

#[test]
fn revisions_hidden_text_and_caps() {
    let body = concat!(
        r#"<w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r><w:ins w:id="1"><w:r><w:t xml:space="preserve">inserted </w:t></w:r></w:ins>"#,
        r#"<w:del w:id="2"><w:r><w:delText>deleted </w:delText></w:r></w:del><w:moveFrom w:id="3"><w:r><w:t>moved away </w:t></w:r></w:moveFrom>"#,
        r#"<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden </w:t></w:r><w:r><w:rPr><w:caps/><w:rPrChange w:id="4"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>loud</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:rPr><w:vanish/><w:b/></w:rPr></w:pPr><w:r><w:t>Paragraph mark props ignored</w:t></w:r></w:p>"#,
    );
    let lines = read(&docx(body));
    assert_eq!(
        texts(&lines),
        ["Kept inserted LOUD", "Paragraph mark props ignored"]
    );
    assert!(!lines[1].is_bold());
}

#[test]
fn table_rows_join_single_paragraph_cells() {
    let cell =
        |content: &str| format!("<w:tc><w:tcPr><w:tcW w:w=\"4000\"/></w:tcPr>{content}</w:tc>");
    let body = format!(
        concat!(
            "<w:tbl><w:tblPr><w:tblInd w:w=\"200\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"6000\"/><w:gridCol w:w=\"3000\"/></w:tblGrid>",
            "<w:tr>{}{}</w:tr><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>{}"
        ),
        cell(&format!(
            "{}{}",
            r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Senior Engineer, Acme</w:t></w:r></w:p>"#,
            "<w:p/>"
        )),
        cell(&p("Jan 2020 – Present")),
        cell(&format!("{}{}", p("Left one"), p("Left two"))),
        cell(&format!(
            "<w:tbl><w:tblGrid><w:gridCol w:w=\"1000\"/></w:tblGrid><w:tr>{}</w:tr></w:tbl>",
            cell(&p("Nested"))
        )),
        cell(&styled("ListBullet", "Go")),
        cell(&styled("ListBullet", "Rust")),
        p("After"),
    );
    let lines = read(&docx(&body));
    assert_eq!(
        texts(&lines),
        [
            "Senior Engineer, Acme\tJan 2020 – Present",
            "Left one",
            "Left two",
            "Nested",
            "Go",
            "Rust",
            "After"
        ]
    );
    assert_eq!(
        lines[0].spans,
        [span(0, 21, true, false), span(22, 42, false, false)]
    );
    assert!(lines[..6].iter().all(|l| l.origin == LineOrigin::TableCell));
    assert_eq!(lines[6].origin, LineOrigin::Body);
    assert_eq!(lines[0].indent, Some(54.0 + 10.0));
    assert_eq!(lines[3].indent, Some(54.0 + 10.0 + 300.0));
    assert!(lines[4].list_item && lines[5].list_item);
}

#[test]
fn empty_paragraphs_add_space_to_the_next_line() {
    let body = format!(
        "{}<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>{}",
        p("One"),
        p("Two")
    );
    let lines = read(&docx(&body));
    assert_eq!(texts(&lines), ["One", "Two"]);
    assert_eq!(lines[1].space_before, Some(24.0));
}

/// A raw deflate stream inflating to one space followed by `matches` copies
/// of 258 spaces (fixed Huffman codes: 13 bits per 258 bytes).
fn deflate_bomb(matches: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u64, 0u32);
    let mut put = |value: u64, count: u32, out: &mut Vec<u8>| {
        acc |= value << bits;
        bits += count;
        while bits >= 8 {
            out.push(acc as u8);
            acc >>= 8;
            bits -= 8;
        }
    };
    let huffman = |code: u64, len: u32| -> u64 {
        (0..len).fold(0, |r, i| r | ((code >> i) & 1) << (len - 1 - i))
    };
    put(1, 1, &mut out);
    put(1, 2, &mut out);
    put(huffman(0x30 + u64::from(b' '), 8), 8, &mut out);
    for _ in 0..matches {
        put(huffman(0xc5, 8), 8, &mut out);
        put(0, 5, &mut out);
    }
    put(0, 7, &mut out);
    put(0, 7, &mut out);
    out
}

/// Stores `data` (a raw deflate stream) as `name`, then marks the entry as
/// deflated and patches its declared uncompressed size to `declared`.
fn zip_with_deflate_entry(name: &str, data: &[u8], declared: u32) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(false);
    writer.start_file(name, options).unwrap();
    writer.write_all(data).unwrap();
    let mut bytes = writer.finish().unwrap().into_inner();
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    bytes[8] = 8;
    bytes[22..26].copy_from_slice(&declared.to_le_bytes());
    let central = bytes.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
    bytes[central + 10] = 8;
    bytes[central + 24..central + 28].copy_from_slice(&declared.to_le_bytes());
    bytes
}

#[test]
fn zip_bomb_hits_the_expansion_limit_quickly() {
    let started = Instant::now();
    let matches = 200 * (1 << 20) / 258;
    let bomb = deflate_bomb(matches);
    assert!(bomb.len() < 2 << 20, "bomb is {} bytes", bomb.len());
    let inflated = u32::try_from(1 + 258 * matches).unwrap();
    let honest = zip_with_deflate_entry("word/document.xml", &bomb, inflated);
    let error = read_docx(&honest, &ParseLimits::default()).unwrap_err();
    assert!(
        matches!(error, ParseError::LimitExceeded { .. }),
        "{error:?}"
    );
    let lying = zip_with_deflate_entry("word/document.xml", &bomb, 1000);
    let error = read_docx(&lying, &ParseLimits::default()).unwrap_err();
    assert!(matches!(error, ParseError::Corrupt { .. }), "{error:?}");
    let small = ParseLimits {
        max_expanded_bytes: 10 << 20,
        ..ParseLimits::default()
    };
    let error = read_docx(&honest, &small).unwrap_err();
    assert!(
        matches!(error, ParseError::LimitExceeded { .. }),
        "{error:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[test]
fn lying_declared_size_is_not_trusted() {
    let limits = ParseLimits {
        max_expanded_bytes: 1000,
        ..ParseLimits::default()
    };
    let body: String = (0..100).map(|i| p(&format!("Line {i}"))).collect();
    let error = read_docx(&docx(&body), &limits).unwrap_err();
    assert!(
        matches!(error, ParseError::LimitExceeded { .. }),
        "{error:?}"
    );
}

#[test]
fn too_many_entries_is_a_limit_error() {
    let names: Vec<String> = (0..20).map(|i| format!("word/media/{i}.bin")).collect();
    let mut entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    let document = format!(
        r#"<w:document {NAMESPACES}><w:body>{}</w:body></w:document>"#,
        p("Hi")
    );
    entries.push(("word/document.xml", document.as_bytes()));
    let bytes = zip(&entries);
    let limits = ParseLimits {
        max_archive_entries: 10,
        ..ParseLimits::default()
    };
    let error = read_docx(&bytes, &limits).unwrap_err();
    assert!(
        matches!(error, ParseError::LimitExceeded { .. }),
        "{error:?}"
    );
    assert_eq!(texts(&read(&bytes)), ["Hi"]);
}

#[test]
fn truncated_and_non_zip_input_is_corrupt() {
    let bytes = docx(&p("Hello"));
    for cut in [bytes.len() / 2, bytes.len() - 10, 30] {
        let error = read_docx(&bytes[..cut], &ParseLimits::default()).unwrap_err();
        assert!(matches!(error, ParseError::Corrupt { .. }), "{error:?}");
    }
    let error = read_docx(b"PK\x03\x04 not really a zip", &ParseLimits::default()).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("truncated or damaged ZIP archive"),
        "{error}"
    );
}

#[test]
fn zip_without_a_document_is_unsupported() {
    let cases = [
        (
            "notes/readme.txt",
            "ZIP archive without word/document.xml (not a DOCX)",
        ),
        ("xl/workbook.xml", "XLSX spreadsheet"),
        ("ppt/presentation.xml", "PPTX presentation"),
    ];
    for (name, expected) in cases {
        let error = read_docx(&zip(&[(name, b"<x/>")]), &ParseLimits::default()).unwrap_err();
        match error {
            ParseError::UnsupportedFormat { detected } => assert_eq!(detected, expected),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn encrypted_entries_are_reported() {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .with_deprecated_encryption(b"secret")
        .unwrap();
    writer.start_file("word/document.xml", options).unwrap();
    writer.write_all(b"<w:document/>").unwrap();
    let bytes = writer.finish().unwrap().into_inner();
    let error = read_docx(&bytes, &ParseLimits::default()).unwrap_err();
    assert!(matches!(error, ParseError::Encrypted), "{error:?}");
}

#[test]
fn malformed_xml_is_corrupt() {
    let bytes = zip(&[(
        "word/document.xml",
        b"<w:document><w:body><w:p></w:body></w:document>",
    )]);
    let error = read_docx(&bytes, &ParseLimits::default()).unwrap_err();
    assert!(matches!(error, ParseError::Corrupt { .. }), "{error:?}");
    let bytes = zip(&[("word/document.xml", b"<w:document>\xff\xfe</w:document>")]);
    let error = read_docx(&bytes, &ParseLimits::default()).unwrap_err();
    assert!(matches!(error, ParseError::Corrupt { .. }), "{error:?}");
}

#[test]
fn deep_nesting_is_a_limit_error() {
    let tables = format!(
        "{}{}{}",
        "<w:tbl><w:tr><w:tc>".repeat(70),
        p("deep"),
        "</w:tc></w:tr></w:tbl>".repeat(70)
    );
    let error = read_docx(&docx(&tables), &ParseLimits::default()).unwrap_err();
    assert!(
        matches!(error, ParseError::LimitExceeded { .. }),
        "{error:?}"
    );
    let wrappers = format!(
        "{}{}{}",
        "<w:sdt><w:sdtContent>".repeat(200),
        p("deep"),
        "</w:sdtContent></w:sdt>".repeat(200)
    );
    let error = read_docx(&docx(&wrappers), &ParseLimits::default()).unwrap_err();
    assert!(
        matches!(error, ParseError::LimitExceeded { .. }),
        "{error:?}"
    );
    let shallow = format!(
        "{}{}{}",
        "<w:tbl><w:tr><w:tc>".repeat(5),
        p("fine"),
        "</w:tc></w:tr></w:tbl>".repeat(5)
    );
    assert_eq!(texts(&read(&docx(&shallow))), ["fine"]);
}

#[test]
fn corpus_resume_hints() {
    let path = "/work/shared/corpus/dev/p01_jose_nunez__docx-list.docx";
    let Ok(bytes) = std::fs::read(path) else {
        return;
    };
    let lines = read(&bytes);
    assert_eq!(lines[0].text, "José Núñez");
    assert_eq!(lines[0].heading_level, Some(0));
    let summary = lines.iter().find(|l| l.text == "Summary").unwrap();
    assert_eq!(summary.heading_level, Some(1));
    let role = lines
        .iter()
        .find(|l| l.text.starts_with("Senior Software Engineer"))
        .unwrap();
    assert_eq!(role.bold_prefix(), Some("Senior Software Engineer"));
    assert!(
        lines
            .iter()
            .any(|l| l.list_item && l.text.starts_with("Led the redesign"))
    );
}

#[test]
fn two_column_resume_with_header_table_text_box_and_numbered_lists() {
    let header = concat!(
        r#"<w:tbl><w:tblGrid><w:gridCol w:w="5000"/><w:gridCol w:w="5000"/></w:tblGrid><w:tr>"#,
        r#"<w:tc><w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Jane Doe</w:t></w:r></w:p></w:tc>"#,
        r#"<w:tc><w:p><w:r><w:t>jane@example.com</w:t></w:r><w:r><w:br/><w:t>+1 555 0100</w:t></w:r></w:p></w:tc>"#,
        r#"</w:tr></w:tbl><w:p/>"#,
    );
    let sidebar = [
        styled("Heading1", "Skills"),
        styled("ListBullet", "Rust"),
        styled("ListBullet", "Distributed systems"),
    ]
    .concat();
    let main = [
        styled("Heading1", "Experience"),
        r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Staff Engineer</w:t></w:r><w:r><w:t xml:space="preserve">, Initech</w:t></w:r><w:r><w:tab/><w:t>2019 – 2024</w:t></w:r></w:p>"#.to_owned(),
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>Cut costs 30%</w:t></w:r></w:p>"#.to_owned(),
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:lastRenderedPageBreak/><w:t>Led 6 engineers</w:t></w:r></w:p>"#.to_owned(),
    ]
    .concat();
    let text_box = concat!(
        r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"#,
        r#"<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Open to relocation</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"#,
        r#"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Open to relocation</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
    );
    let body = format!(
        concat!(
            r#"<w:tbl><w:tblPr><w:tblInd w:w="0"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="7000"/></w:tblGrid>"#,
            "<w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>{}"
        ),
        sidebar, main, text_box
    );
    let bytes = docx_with(
        &body,
        &[
            ("word/header1.xml", header),
            (
                "word/footer1.xml",
                &p("Page <w:fldSimple w:instr=\"PAGE\"/>"),
            ),
        ],
    );
    let lines = read(&bytes);
    assert_eq!(
        texts(&lines),
        [
            "Jane Doe",
            "jane@example.com",
            "+1 555 0100",
            "Skills",
            "Rust",
            "Distributed systems",
            "Experience",
            "Staff Engineer, Initech\t2019 – 2024",
            "Cut costs 30%",
            "Led 6 engineers",
            "Open to relocation",
            "Page",
        ]
    );
    assert_eq!(lines[0].heading_level, Some(0));
    assert!(lines[..3].iter().all(|l| l.origin == LineOrigin::Header));
    assert_eq!(lines[3].heading_level, Some(1));
    assert_eq!(lines[3].indent, Some(54.0));
    assert_eq!(lines[6].indent, Some(54.0 + 150.0));
    assert!(lines[4].list_item && lines[5].list_item && lines[8].list_item && lines[9].list_item);
    assert_eq!(lines[7].bold_prefix(), Some("Staff Engineer"));
    assert!(
        lines[3..10]
            .iter()
            .all(|l| l.origin == LineOrigin::TableCell)
    );
    assert_eq!((lines[8].page, lines[9].page), (1, 2));
    assert_eq!(lines[10].origin, LineOrigin::TextBox);
    assert_eq!(lines[11].origin, LineOrigin::Footer);
    assert_eq!(lines[11].page, 2);
}
