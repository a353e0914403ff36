"""DOCX resume templates written with python-docx.

docx-table:  layout tables everywhere (header table name | contact, experience and education as
             a two-column table with the dates in the left cell, skills as group | items rows).
docx-header: contact details in the page header, headings as bold all-caps letter-spaced Normal
             paragraphs with a bottom border, "Company — Title<TAB>dates" lines on a right tab
             stop, and bullets as real Word numbering (a custom bullet abstractNum on Normal
             paragraphs, not the List Bullet style).
"""
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor

from common import date_range, degree_text, lang_text, truth

ACCENT = RGBColor(0x1F, 0x4E, 0x6B)


def _new_doc(font="Calibri", size=10.5):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    st.paragraph_format.space_after = Pt(2)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(1.9)
    sec.top_margin, sec.bottom_margin = Cm(1.6), Cm(1.6)
    return doc


def _widths(table, widths):
    table.autofit = False
    for row in table.rows:
        for cell, w in zip(row.cells, widths):
            cell.width = w


def _para(cell_or_doc, text="", bold=False, italic=False, size=None, color=None, style=None, first=False):
    if first and hasattr(cell_or_doc, "paragraphs") and cell_or_doc.paragraphs and not cell_or_doc.paragraphs[0].text:
        p = cell_or_doc.paragraphs[0]
        if style:
            p.style = style
    else:
        p = cell_or_doc.add_paragraph(style=style)
    if text:
        r = p.add_run(text)
        r.bold, r.italic = bold, italic
        if size:
            r.font.size = Pt(size)
        if color is not None:
            r.font.color.rgb = color
    return p


# --------------------------------------------------------------------------- (e) tables
def docx_table(p, out):
    doc = _new_doc("Calibri", 10.5)
    hdr = doc.add_table(rows=1, cols=2)
    _widths(hdr, [Cm(10.2), Cm(7.0)])
    left, right = hdr.rows[0].cells
    _para(left, p["name"], bold=True, size=20, color=ACCENT, first=True)
    _para(left, p["headline"], size=12)
    lines = [f"E: {p['email']}", f"T: {p['phone']}", f"A: {p['location']}"] + [lk["url"] for lk in p["links"]]
    for i, ln in enumerate(lines):
        para = _para(right, ln, size=9, first=(i == 0))
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        para.paragraph_format.space_after = Pt(0)

    if p.get("summary"):
        doc.add_heading("Summary", level=1)
        doc.add_paragraph(p["summary"])

    doc.add_heading("Experience", level=1)
    t = doc.add_table(rows=0, cols=2)
    for j in p["experience"]:
        s_txt, e_txt, sep, _, _ = date_range(j, p["date_style"])
        row = t.add_row().cells
        dp = row[0].paragraphs[0]
        r = dp.add_run(f"{s_txt}{sep.rstrip()}")       # "Jan 2020 –" <line break> "Present"
        r.add_break()
        dp.add_run(e_txt)
        for run in dp.runs:
            run.font.size = Pt(9.5)
            run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        _para(row[1], j["title"], bold=True, first=True)
        _para(row[1], f"{j['company']}, {j['location']}", italic=True)
        for b in j["bullets"]:
            _para(row[1], b, style="List Bullet")
    _widths(t, [Cm(3.4), Cm(13.8)])

    if p["education"]:
        doc.add_heading("Education", level=1)
        t = doc.add_table(rows=0, cols=2)
        for ed in p["education"]:
            row = t.add_row().cells
            _para(row[0], f"{ed['start_year']} \u2013 {ed['year']}", size=9.5, first=True)
            _para(row[1], degree_text(ed), bold=True, first=True)
            _para(row[1], ed["institution"])
        _widths(t, [Cm(3.4), Cm(13.8)])

    doc.add_heading("Skills", level=1)
    t = doc.add_table(rows=0, cols=2)
    for g in p["skills"]:
        row = t.add_row().cells
        _para(row[0], g["group"], bold=True, first=True)
        _para(row[1], ", ".join(g["items"]), first=True)
    _widths(t, [Cm(3.4), Cm(13.8)])

    if p.get("projects"):
        doc.add_heading("Projects", level=1)
        for pr in p["projects"]:
            para = doc.add_paragraph()
            para.add_run(pr["name"]).bold = True
            para.add_run(f": {pr['description']}")
    if p.get("certifications"):
        doc.add_heading("Certifications", level=1)
        for c in p["certifications"]:
            doc.add_paragraph(c, style="List Bullet")
    doc.add_heading("Languages", level=1)
    doc.add_paragraph(" \u00b7 ".join(f"{x['language']} \u2013 {x['level']}" for x in p["languages"]))
    doc.save(out)
    return truth(p, year=lambda ed: f"{ed['start_year']} \u2013 {ed['year']}")


# --------------------------------------------------------------------------- (f) header + numbering
BULLET_NUM_ID = 90


def _add_bullet_numbering(doc):
    numbering = doc.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{BULLET_NUM_ID}">'
        '<w:multiLevelType w:val="hybridMultilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u25aa"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="400" w:hanging="260"/></w:pPr>'
        '<w:rPr><w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans"/></w:rPr></w:lvl>'
        '</w:abstractNum>')
    first_num = numbering.find(f'{{{abstract.nsmap["w"]}}}num')
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{BULLET_NUM_ID}">'
                               f'<w:abstractNumId w:val="{BULLET_NUM_ID}"/></w:num>'))


def _numbered(doc, text):
    para = doc.add_paragraph(text)
    num = para._p.get_or_add_pPr().get_or_add_numPr()
    num.get_or_add_ilvl().val = 0
    num.get_or_add_numId().val = BULLET_NUM_ID
    para.paragraph_format.space_after = Pt(0)
    return para


def _caps_heading(doc, text):
    para = doc.add_paragraph()
    r = para.add_run(text.upper())
    r.bold = True
    r.font.size = Pt(11)
    r.font.color.rgb = ACCENT
    r._r.get_or_add_rPr().append(parse_xml(f'<w:spacing {nsdecls("w")} w:val="40"/>'))   # expanded by 2 pt
    para.paragraph_format.space_before = Pt(10)
    para.paragraph_format.space_after = Pt(3)
    para._p.get_or_add_pPr().append(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" w:color="1F4E6B"/></w:pBdr>'))
    return para


def _tab_line(doc, left_runs, right_text, width):
    para = doc.add_paragraph()
    para.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    for text, bold, italic in left_runs:
        r = para.add_run(text)
        r.bold, r.italic = bold, italic
    para.add_run("\t" + right_text)
    para.paragraph_format.space_after = Pt(1)
    return para


def docx_header(p, out):
    doc = _new_doc("Cambria", 10.5)
    _add_bullet_numbering(doc)
    sec = doc.sections[0]
    width = sec.page_width - sec.left_margin - sec.right_margin
    hp = sec.header.paragraphs[0]
    hp.text = "  |  ".join([p["email"], p["phone"], p["location"]] + [lk["url"] for lk in p["links"]])
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for r in hp.runs:
        r.font.size = Pt(9)
    name = doc.add_paragraph()
    nr = name.add_run(p["name"])
    nr.bold, nr.font.size = True, Pt(22)
    name.paragraph_format.space_after = Pt(0)
    _para(doc, p["headline"], italic=True, size=12)

    if p.get("summary"):
        _caps_heading(doc, "Professional Summary")
        doc.add_paragraph(p["summary"])
    _caps_heading(doc, "Employment History")
    for j in p["experience"]:
        _tab_line(doc, [(j["company"], True, False), (" \u2014 ", False, False), (j["title"], False, False)],
                  f"{_dates(j, p)}", width)
        _para(doc, j["location"], italic=True, size=9.5).paragraph_format.space_after = Pt(1)
        for b in j["bullets"]:
            _numbered(doc, b)
    if p["education"]:
        _caps_heading(doc, "Education")
        for ed in p["education"]:
            _tab_line(doc, [(ed["institution"], True, False), (" \u2014 ", False, False),
                            (degree_text(ed), False, False)], ed["year"], width)
    _caps_heading(doc, "Skills")
    for g in p["skills"]:
        para = doc.add_paragraph()
        para.add_run(g["group"] + " \u2014 ").bold = True
        para.add_run("; ".join(g["items"]))
    if p.get("projects"):
        _caps_heading(doc, "Projects")
        for pr in p["projects"]:
            para = doc.add_paragraph()
            para.add_run(pr["name"]).bold = True
            para.add_run(f" \u2014 {pr['description']}")
    if p.get("certifications"):
        _caps_heading(doc, "Certifications")
        for c in p["certifications"]:
            _numbered(doc, c)
    _caps_heading(doc, "Languages")
    doc.add_paragraph(", ".join(lang_text(x) for x in p["languages"]))
    doc.save(out)
    return truth(p)


def _dates(j, p):
    s_txt, e_txt, sep, _, _ = date_range(j, p["date_style"])
    return f"{s_txt}{sep}{e_txt}"


TEMPLATES = {"docx-table": docx_table, "docx-header": docx_header}
