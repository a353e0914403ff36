use super::TypstRenderer;
use crate::Engine;
use crate::model::Resume;
use crate::render::{BuiltinTemplate, Renderer};

fn sample() -> Resume {
    let json = include_str!("../../../../fixtures/render/sample.json");
    Resume::from_json(json).unwrap_or_default()
}

#[test]
fn every_builtin_template_renders_a_pdf_that_parses_back() {
    let renderer = TypstRenderer::default();
    let resume = sample();
    for template in BuiltinTemplate::ALL {
        let pdf = renderer.render(&resume, &template.into());
        let pdf = match pdf {
            Ok(pdf) => pdf,
            Err(e) => panic!("{template}: {e}"),
        };
        assert!(pdf.starts_with(b"%PDF"), "{template}");
        std::fs::write(format!("/tmp/render-{template}.pdf"), &pdf).ok();
        let back = Engine::builder().build().and_then(|e| e.parse(&pdf));
        let back = back.unwrap_or_default();
        assert_eq!(back.name, resume.name, "{template}");
    }
}

#[test]
fn pdfs_are_tagged_and_titled_with_the_name() {
    let pdf = TypstRenderer::default()
        .render(&sample(), &BuiltinTemplate::Modern.into())
        .unwrap_or_default();
    let contains = |needle: &[u8]| pdf.windows(needle.len()).any(|w| w == needle);
    assert!(contains(b"/StructTreeRoot"));
    assert!(contains(b"/MarkInfo"));
    let document = lopdf::Document::load_mem(&pdf).unwrap_or_default();
    let title = document
        .trailer
        .get(b"Info")
        .and_then(|info| document.dereference(info))
        .and_then(|(_, info)| info.as_dict())
        .and_then(|info| info.get(b"Title"))
        .map(|title| lopdf::decode_text_string(title).unwrap_or_default());
    assert_eq!(title.ok().as_deref(), sample().name.as_deref());
}
