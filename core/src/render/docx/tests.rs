use super::DocxRenderer;
use crate::Engine;
use crate::model::Resume;
use crate::render::{BuiltinTemplate, Renderer, Template};

fn sample() -> Resume {
    let json = include_str!("../../../../fixtures/render/sample.json");
    Resume::from_json(json).unwrap_or_default()
}

#[test]
fn every_builtin_template_renders_a_docx_that_parses_back() {
    let resume = sample();
    for template in BuiltinTemplate::ALL {
        let docx = DocxRenderer::default().render(&resume, &template.into());
        let docx = docx.unwrap_or_default();
        assert!(docx.starts_with(b"PK"), "{template}");
        let back = Engine::builder().build().and_then(|e| e.parse(&docx));
        let back = back.unwrap_or_default();
        assert_eq!(back.name, resume.name, "{template}");
        assert_eq!(back.sections.skills, resume.sections.skills, "{template}");
    }
}

#[test]
fn custom_templates_are_refused() {
    let result = DocxRenderer::default().render(&sample(), &Template::custom("= Hi"));
    assert!(result.is_err());
}
