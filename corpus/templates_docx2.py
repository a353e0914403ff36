"""More DOCX resume templates (second batch), written with python-docx plus raw WordprocessingML.

docx-textbox: the name, headline and contact block live only inside a floating text box
              (`mc:AlternateContent`: a DrawingML `wps:wsp` with `w:txbxContent` as the Choice and
              a VML `v:rect`/`v:textbox` with a second copy of the same `w:txbxContent` as the
              Fallback, as Word writes it). Section headings are Heading 1 paragraphs with a
              paragraph shading (`w:shd`). Entry lines read "Title, Company" in bold, then a right
              tab stop and the dates; under them an italic location and a "Key Achievements"
              sub-heading (Heading 3) over List Bullet paragraphs. Skills are "Group<TAB>a, b, c"
              on a left tab stop.
docx-twocol:  a one-column section with the name and headline, then a continuous section break
              into a real two-column section (`w:cols w:num="2"`, unequal widths). The left
              column holds contact, skills (one item a line under a bold group label) and
              languages, then a column break; the right column holds profile, experience and
              education. Bullets are Word numbering with a Wingdings arrow glyph; each entry is a
              bold title line, then "Company (dates)".
"""
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu, Pt, RGBColor

from common import dates_text, degree_text, lang_text, truth
from xml.sax.saxutils import escape as xesc

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:o="urn:schemas-microsoft-com:office:office"')


def _new_doc(font, size, margins=(1.8, 1.5)):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = font
    st.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    st.font.size = Pt(size)
    st.paragraph_format.space_after = Pt(2)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(margins[0])
    sec.top_margin, sec.bottom_margin = Cm(margins[1]), Cm(margins[1])
    return doc


def _run_xml(text, bold=False, size=None, color=None, italic=False):
    rpr = ""
    if bold:
        rpr += "<w:b/>"
    if italic:
        rpr += "<w:i/>"
    if color:
        rpr += f'<w:color w:val="{color}"/>'
    if size:
        rpr += f'<w:sz w:val="{int(size * 2)}"/>'
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{xesc(text)}</w:t></w:r>'


def _txbx_content(lines):
    """lines: [(runs, align)] with runs = [(text, kwargs)] -> a w:txbxContent element string."""
    paras = []
    for runs, align in lines:
        ppr = f'<w:pPr><w:spacing w:after="20"/><w:jc w:val="{align}"/></w:pPr>'
        paras.append("<w:p>" + ppr + "".join(_run_xml(t, **kw) for t, kw in runs) + "</w:p>")
    return "<w:txbxContent>" + "".join(paras) + "</w:txbxContent>"


def _textbox_paragraph_xml(lines, width_cm, height_cm):
    cx, cy = int(width_cm * 360000), int(height_cm * 360000)
    content = _txbx_content(lines)
    return (
        f'<w:p {NS}><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
        '<w:drawing><wp:anchor distT="0" distB="114300" distL="114300" distR="114300" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        '<wp:docPr id="101" name="Text Box 1"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '<a:solidFill><a:srgbClr val="F2F5F8"/></a:solidFill><a:ln w="12700"><a:solidFill><a:srgbClr val="2E5C8A"/>'
        '</a:solidFill></a:ln></wps:spPr>'
        f'<wps:txbx>{content}</wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="144000" tIns="108000" rIns="144000" bIns="72000" '
        'anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>'
        '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
        f'<v:rect id="Text Box 1" o:spid="_x0000_s1026" style="position:absolute;margin-left:0;margin-top:0;'
        f'width:{width_cm}cm;height:{height_cm}cm;z-index:251659264;mso-position-horizontal:center;'
        'mso-position-horizontal-relative:margin;mso-position-vertical-relative:margin" fillcolor="#f2f5f8" '
        'strokecolor="#2e5c8a" strokeweight="1pt">'
        f'<v:textbox inset="4mm,3mm,4mm,2mm">{content}</v:textbox></v:rect></w:pict>'
        '</mc:Fallback></mc:AlternateContent></w:r></w:p>')


def _shaded_heading(doc, text, fill="DCE6F0"):
    para = doc.add_heading(text, level=1)
    ppr = para._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))
    para.paragraph_format.space_before = Pt(9)
    para.paragraph_format.space_after = Pt(3)
    for r in para.runs:
        r.font.size = Pt(12)
        r.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    return para


def _tab_line(doc, left, right, width, bold=True):
    para = doc.add_paragraph()
    para.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    para.add_run(left).bold = bold
    para.add_run("\t" + right)
    para.paragraph_format.space_after = Pt(0)
    para.paragraph_format.space_before = Pt(4)
    return para


# --------------------------------------------------------------------------- (k) text box
def docx_textbox(p, out):
    doc = _new_doc("Calibri", 10.5)
    sec = doc.sections[0]
    width = sec.page_width - sec.left_margin - sec.right_margin
    contact = f"{p['email']}   |   {p['phone']}   |   {p['location']}"
    lines = [([(p["name"], {"bold": True, "size": 22, "color": "1F3A5F"})], "left"),
             ([(p["headline"], {"italic": True, "size": 12, "color": "2E5C8A"})], "left"),
             ([(contact, {"size": 9.5})], "left")]
    if p["links"]:
        lines.append(([("   |   ".join(lk["url"] for lk in p["links"]), {"size": 9.5})], "left"))
    box = parse_xml(_textbox_paragraph_xml(lines, round(width / 360000, 2), 2.9 if p["links"] else 2.5))
    body = doc.element.body
    body.insert(0, box)

    if p.get("summary"):
        _shaded_heading(doc, "Professional Profile")
        doc.add_paragraph(p["summary"])
    _shaded_heading(doc, "Work Experience")
    for j in p["experience"]:
        _tab_line(doc, f"{j['title']}, {j['company']}", dates_text(j, p["date_style"]), width)
        loc = doc.add_paragraph()
        loc.add_run(j["location"]).italic = True
        loc.paragraph_format.space_after = Pt(1)
        sub = doc.add_heading("Key Achievements", level=3)
        sub.paragraph_format.space_before = Pt(1)
        sub.paragraph_format.space_after = Pt(0)
        for r in sub.runs:
            r.font.size = Pt(9.5)
        for b in j["bullets"]:
            bp = doc.add_paragraph(b, style="List Bullet")
            bp.paragraph_format.space_after = Pt(0)
    if p["education"]:
        _shaded_heading(doc, "Education")
        for ed in p["education"]:
            _tab_line(doc, f"{degree_text(ed)}, {ed['institution']}", f"{ed['start_year']} \u2013 {ed['year']}", width)
    _shaded_heading(doc, "Skills")
    for g in p["skills"]:
        para = doc.add_paragraph()
        para.paragraph_format.tab_stops.add_tab_stop(Cm(3.6), WD_TAB_ALIGNMENT.LEFT)
        para.paragraph_format.left_indent = Cm(3.6)
        para.paragraph_format.first_line_indent = Cm(-3.6)
        para.add_run(g["group"]).bold = True
        para.add_run("\t" + ", ".join(g["items"]))
    if p.get("projects"):
        _shaded_heading(doc, "Projects")
        for pr in p["projects"]:
            para = doc.add_paragraph()
            para.add_run(pr["name"]).bold = True
            para.add_run(f" \u2013 {pr['description']}")
    if p.get("certifications"):
        _shaded_heading(doc, "Certifications")
        for c in p["certifications"]:
            doc.add_paragraph(c, style="List Bullet")
    _shaded_heading(doc, "Languages")
    doc.add_paragraph(" \u2022 ".join(lang_text(x) for x in p["languages"]))
    doc.save(out)
    return truth(p, year=lambda ed: f"{ed['start_year']} \u2013 {ed['year']}")


# --------------------------------------------------------------------------- (l) two-column section
ARROW_NUM_ID = 91


def _add_arrow_numbering(doc):
    numbering = doc.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{ARROW_NUM_ID}">'
        '<w:multiLevelType w:val="hybridMultilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0d8"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="340" w:hanging="227"/></w:pPr>'
        '<w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings" w:hint="default"/></w:rPr></w:lvl>'
        '</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{ARROW_NUM_ID}">'
                               f'<w:abstractNumId w:val="{ARROW_NUM_ID}"/></w:num>'))


def _arrow(doc, text):
    para = doc.add_paragraph(text)
    num = para._p.get_or_add_pPr().get_or_add_numPr()
    num.get_or_add_ilvl().val = 0
    num.get_or_add_numId().val = ARROW_NUM_ID
    para.paragraph_format.space_after = Pt(1)
    return para


def _col_heading(doc, text):
    para = doc.add_heading(text, level=1)
    para.paragraph_format.space_before = Pt(8)
    para.paragraph_format.space_after = Pt(2)
    for r in para.runs:
        r.font.size = Pt(11.5)
        r.font.color.rgb = RGBColor(0x7A, 0x2E, 0x3B)
    return para


def _small(doc, text, bold=False, size=9):
    para = doc.add_paragraph()
    r = para.add_run(text)
    r.bold = bold
    r.font.size = Pt(size)
    para.paragraph_format.space_after = Pt(0)
    return para


def docx_twocol(p, out):
    doc = _new_doc("Arial", 9.5, margins=(1.6, 1.4))
    _add_arrow_numbering(doc)
    name = doc.add_paragraph()
    nr = name.add_run(p["name"])
    nr.bold, nr.font.size = True, Pt(21)
    nr.font.color.rgb = RGBColor(0x7A, 0x2E, 0x3B)
    name.paragraph_format.space_after = Pt(0)
    hl = doc.add_paragraph()
    hl.add_run(p["headline"]).font.size = Pt(12)
    hl.paragraph_format.space_after = Pt(4)
    hl._p.get_or_add_pPr().append(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="thick" w:sz="12" w:space="4" w:color="7A2E3B"/></w:pBdr>'))

    new = doc.add_section(WD_SECTION.CONTINUOUS)
    sect = new._sectPr
    for old in sect.findall(qn("w:cols")):
        sect.remove(old)
    left_w, gap = Cm(5.4), Cm(0.8)
    right_w = Emu(new.page_width - new.left_margin - new.right_margin - left_w - gap)
    cols = parse_xml(f'<w:cols {nsdecls("w")} w:num="2" w:space="{gap.twips}" w:equalWidth="0" w:sep="1">'
                     f'<w:col w:w="{left_w.twips}" w:space="{gap.twips}"/><w:col w:w="{right_w.twips}"/></w:cols>')
    # w:cols goes after pgMar/pgSz etc. and before w:docGrid when present
    grid = sect.find(qn("w:docGrid"))
    if grid is not None:
        grid.addprevious(cols)
    else:
        sect.append(cols)

    # left column
    _col_heading(doc, "Contact")
    for ln in [p["email"], p["phone"], p["location"]] + [lk["url"] for lk in p["links"]]:
        _small(doc, ln)
    _col_heading(doc, "Skills")
    for g in p["skills"]:
        _small(doc, g["group"], bold=True).paragraph_format.space_before = Pt(3)
        for s in g["items"]:
            _small(doc, s)
    _col_heading(doc, "Languages")
    for x in p["languages"]:
        _small(doc, lang_text(x))
    if p.get("certifications"):
        _col_heading(doc, "Certificates")
        for c in p["certifications"]:
            _small(doc, c).paragraph_format.space_after = Pt(2)
    brk = doc.add_paragraph()
    brk.add_run()._r.append(parse_xml(f'<w:br {nsdecls("w")} w:type="column"/>'))

    # right column
    first = True
    if p.get("summary"):
        h = _col_heading(doc, "Profile")
        h.paragraph_format.space_before = Pt(0)
        first = False
        doc.add_paragraph(p["summary"])
    h = _col_heading(doc, "Experience")
    if first:
        h.paragraph_format.space_before = Pt(0)
    for j in p["experience"]:
        tp = doc.add_paragraph()
        tp.add_run(j["title"]).bold = True
        tp.paragraph_format.space_before = Pt(4)
        tp.paragraph_format.space_after = Pt(0)
        cp = doc.add_paragraph()
        cp.add_run(f"{j['company']} ({dates_text(j, p['date_style'])})").italic = True
        cp.paragraph_format.space_after = Pt(1)
        for b in j["bullets"]:
            _arrow(doc, b)
    if p["education"]:
        _col_heading(doc, "Education")
        for ed in p["education"]:
            tp = doc.add_paragraph()
            tp.add_run(degree_text(ed)).bold = True
            tp.paragraph_format.space_after = Pt(0)
            doc.add_paragraph(f"{ed['institution']} ({ed['start_year']} \u2013 {ed['year']})")
    if p.get("projects"):
        _col_heading(doc, "Projects")
        for pr in p["projects"]:
            para = doc.add_paragraph()
            para.add_run(pr["name"]).bold = True
            para.add_run(f": {pr['description']}")
    doc.save(out)
    return truth(p, year=lambda ed: f"{ed['start_year']} \u2013 {ed['year']}")


TEMPLATES = {"docx-textbox": docx_textbox, "docx-twocol": docx_twocol}
