//! `word/document.xml`: the resume as Word paragraphs.

use quick_xml::escape::escape;

use super::package::NAMESPACES;
use super::theme::Theme;
use crate::render::{EntryView, GroupView, TemplateData};

/// Builds the body paragraph by paragraph.
struct Body {
    xml: String,
}

/// How a run of text is set.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Weight {
    Plain,
    Bold,
}

/// Text safe inside `<w:t>`: characters XML 1.0 forbids dropped, line breaks
/// and tabs turned into spaces, markup characters escaped.
fn clean(text: &str) -> String {
    let text: String = text
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            '\u{FFFE}' | '\u{FFFF}' => None,
            c => Some(c),
        })
        .collect();
    escape(text.as_str()).into_owned()
}

fn run(text: &str, weight: Weight) -> String {
    let props = if weight == Weight::Bold {
        "<w:rPr><w:b/></w:rPr>"
    } else {
        ""
    };
    format!(
        r#"<w:r>{props}<w:t xml:space="preserve">{}</w:t></w:r>"#,
        clean(text)
    )
}

impl Body {
    fn paragraph(&mut self, style: &str, runs: &str) {
        self.xml.push_str(&format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{runs}</w:p>"#
        ));
    }

    fn text(&mut self, style: &str, text: &str) {
        self.paragraph(style, &run(text, Weight::Plain));
    }

    fn bullets(&mut self, items: &[String]) {
        for item in items {
            self.text("ListBullet", item);
        }
    }

    /// The employer or school (with its place) and the dates, over the role
    /// or degree; a project's name over its link.
    fn entry(&mut self, entry: &EntryView) {
        let org: Vec<&str> = [&entry.org, &entry.location]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .collect();
        let (head, sub) = if entry.org.is_some() {
            (org.join(", "), Some(entry.title.as_str()))
        } else {
            (entry.title.clone(), entry.location.as_deref())
        };
        let mut runs = run(&head, Weight::Bold);
        if let Some(dates) = &entry.dates {
            runs.push_str("<w:r><w:tab/></w:r>");
            runs.push_str(&run(dates, Weight::Plain));
        }
        self.paragraph("EntryHeading", &runs);
        if let Some(sub) = sub.filter(|s| !s.is_empty()) {
            self.text("EntrySubheading", sub);
        }
        if let Some(description) = &entry.description {
            self.text("Normal", description);
        }
        self.bullets(&entry.bullets);
    }

    fn skills(&mut self, groups: &[GroupView]) {
        for group in groups {
            let mut runs = String::new();
            if let Some(name) = &group.name {
                runs.push_str(&run(&format!("{name}: "), Weight::Bold));
            }
            runs.push_str(&run(&group.items.join(", "), Weight::Plain));
            self.paragraph("Normal", &runs);
        }
    }

    fn heading(&mut self, title: &str) {
        self.text("Heading1", title);
    }

    fn entries(&mut self, title: &str, entries: &[EntryView]) {
        if !entries.is_empty() {
            self.heading(title);
            entries.iter().for_each(|e| self.entry(e));
        }
    }
}

/// The document part for `data` in `theme`.
pub(crate) fn document(data: &TemplateData, theme: &Theme) -> String {
    let mut body = Body { xml: String::new() };
    if !data.name.is_empty() {
        body.text("Title", &data.name);
    }
    if let Some(headline) = &data.headline {
        body.text("Subtitle", headline);
    }
    let contact: Vec<&str> = data
        .contact
        .iter()
        .map(String::as_str)
        .chain(data.links.iter().map(|l| l.label.as_str()))
        .collect();
    if !contact.is_empty() {
        body.text("Contact", &contact.join(" | "));
    }
    if let Some(summary) = &data.summary {
        body.heading("Summary");
        body.text("Normal", summary);
    }
    body.entries("Experience", &data.experience);
    body.entries("Education", &data.education);
    if !data.skills.is_empty() {
        body.heading("Skills");
        body.skills(&data.skills);
    }
    body.entries("Projects", &data.projects);
    if !data.certifications.is_empty() {
        body.heading("Certifications");
        body.bullets(&data.certifications);
    }
    if !data.languages.is_empty() {
        body.heading("Languages");
        body.text("Normal", &data.languages.join(", "));
    }
    for other in &data.other {
        body.heading(other.name.as_deref().unwrap_or("Additional Information"));
        body.bullets(&other.items);
    }
    let (width, height, margin) = (theme.page_width, theme.page_height, theme.margin);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {NAMESPACES}><w:body>{}<w:sectPr><w:pgSz w:w="{width}" w:h="{height}"/><w:pgMar w:top="{margin}" w:right="{margin}" w:bottom="{margin}" w:left="{margin}" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
        body.xml
    )
}
