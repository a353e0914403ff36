//! Structured DOCX fuzzing: the fuzzed bytes become one XML part of an
//! otherwise valid DOCX package, so the XML readers (body, styles, numbering,
//! relationships, document properties) are exercised instead of the ZIP
//! parser rejecting almost every input.
//!
//! The first byte chooses the part; the rest is its content. The other parts
//! are minimal valid XML.
#![no_main]

use std::io::{Cursor, Write};

use libfuzzer_sys::fuzz_target;
use resume_engine::Engine;
use zip::write::SimpleFileOptions;

const CONTENT_TYPES: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const ROOT_RELS: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Jane Doe</w:t></w:r></w:p><w:p><w:hyperlink r:id="rId9"><w:r><w:t>jane@example.com</w:t></w:r></w:hyperlink></w:p></w:body></w:document>"#;

const DOCUMENT_RELS: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="mailto:jane@example.com" TargetMode="External"/></Relationships>"#;

const STYLES: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style></w:styles>"#;

const NUMBERING: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#8226;"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;

const CORE: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Resume</dc:title><dc:creator>Jane Doe</dc:creator></cp:coreProperties>"#;

/// The package's parts, in the order the selector byte indexes them.
const PARTS: &[(&str, &[u8])] = &[
    ("word/document.xml", DOCUMENT),
    ("word/styles.xml", STYLES),
    ("word/numbering.xml", NUMBERING),
    ("word/_rels/document.xml.rels", DOCUMENT_RELS),
    ("_rels/.rels", ROOT_RELS),
    ("docProps/core.xml", CORE),
    ("[Content_Types].xml", CONTENT_TYPES),
];

fn package(fuzzed_part: usize, xml: &[u8]) -> Option<Vec<u8>> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (index, (name, default)) in PARTS.iter().enumerate() {
        let data = if index == fuzzed_part { xml } else { default };
        writer.start_file(*name, options).ok()?;
        writer.write_all(data).ok()?;
    }
    Some(writer.finish().ok()?.into_inner())
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, xml)) = data.split_first() else {
        return;
    };
    // Half of the inputs fuzz the document body, the rest spread over the
    // other parts.
    let part = if selector < 128 {
        0
    } else {
        1 + usize::from(selector) % (PARTS.len() - 1)
    };
    let Some(bytes) = package(part, xml) else {
        return;
    };
    if let Ok(engine) = Engine::builder().build() {
        let _ = engine.parse(&bytes);
    }
});
