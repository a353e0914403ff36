//! `word/styles.xml` and `word/numbering.xml`: Word's own heading and list
//! styles, so Word, screen readers and parsers see the structure.

use super::package::NAMESPACES;
use super::theme::Theme;

/// The style sheet for `theme`.
pub(crate) fn styles(theme: &Theme) -> String {
    let Theme {
        font,
        body,
        name,
        heading,
        accent,
        after,
        ..
    } = *theme;
    let caps = if theme.caps { "<w:caps/>" } else { "" };
    let centred = if theme.centred {
        r#"<w:jc w:val="center"/>"#
    } else {
        ""
    };
    let tab = theme.text_width();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {NAMESPACES}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/><w:sz w:val="{body}"/><w:szCs w:val="{body}"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="{after}" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr>{centred}<w:spacing w:after="80"/></w:pPr><w:rPr><w:b/><w:color w:val="{accent}"/><w:sz w:val="{name}"/><w:szCs w:val="{name}"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr>{centred}<w:spacing w:after="60"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Contact"><w:name w:val="Contact"/><w:basedOn w:val="Normal"/><w:pPr>{centred}</w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="{accent}"/></w:pBdr><w:spacing w:before="280" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/>{caps}<w:color w:val="{accent}"/><w:sz w:val="{heading}"/><w:szCs w:val="{heading}"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="EntryHeading"><w:name w:val="Entry Heading"/><w:basedOn w:val="Normal"/><w:next w:val="EntrySubheading"/><w:pPr><w:keepNext/><w:keepLines/><w:tabs><w:tab w:val="right" w:pos="{tab}"/></w:tabs><w:spacing w:before="160" w:after="20"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="EntrySubheading"><w:name w:val="Entry Subheading"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:after="60"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="40"/><w:ind w:left="360" w:hanging="240"/></w:pPr></w:style>
</w:styles>"#
    )
}

/// One bulleted list definition, used by the `List Bullet` style.
pub(crate) fn numbering() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {NAMESPACES}>
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="240"/></w:pPr></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"#
    )
}
