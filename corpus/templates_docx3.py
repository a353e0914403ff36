"""Third batch, DOCX (python-docx).

docx-msword: a Microsoft Word resume template look. The whole page is a borderless two-column
    table: a narrow shaded left column with Contact, Skills (List Bullet, one skill a line) and
    Languages; a wide right column with the name (custom "Resume Name" style), headline,
    "Objective" paragraph, "Experience" entries as bold "Job Title | Company", a grey dates line
    and List Bullet achievements, and "Education" as bold "Degree | School" over the year.
    Section headings use a custom paragraph style "Section Title" based on Heading 1 (so the
    style name is not "Heading 1", but its outline level is).
"""
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor

from common import all_skills, date_range, degree_text, lang_text, truth

GREY = RGBColor(0x59, 0x59, 0x59)
ACCENT = RGBColor(0x2F, 0x54, 0x96)


def _styles(doc):
    st = doc.styles["Normal"]
    st.font.name, st.font.size = "Calibri", Pt(10)
    st.paragraph_format.space_after = Pt(2)
    sec = doc.styles.add_style("Section Title", WD_STYLE_TYPE.PARAGRAPH)
    sec.base_style = doc.styles["Heading 1"]
    sec.font.size, sec.font.color.rgb, sec.font.bold = Pt(13), ACCENT, True
    sec.font.all_caps = True
    sec.paragraph_format.space_before, sec.paragraph_format.space_after = Pt(12), Pt(4)
    nm = doc.styles.add_style("Resume Name", WD_STYLE_TYPE.PARAGRAPH)
    nm.base_style = doc.styles["Title"]
    nm.font.size, nm.font.color.rgb = Pt(26), ACCENT


def _p(cell, text="", bold=False, color=None, style=None, size=None):
    para = cell.add_paragraph(style=style)
    if text:
        r = para.add_run(text)
        r.bold = bold
        if color is not None:
            r.font.color.rgb = color
        if size:
            r.font.size = Pt(size)
    return para


def docx_msword(p, out):
    doc = Document()
    _styles(doc)
    s = doc.sections[0]
    s.page_width, s.page_height = Cm(21.59), Cm(27.94)
    s.left_margin = s.right_margin = Cm(1.5)
    s.top_margin = s.bottom_margin = Cm(1.5)
    tbl = doc.add_table(rows=1, cols=2)
    tbl.autofit = False
    left, right = tbl.rows[0].cells
    left.width, right.width = Cm(5.6), Cm(12.9)
    left._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="EAF0F8"/>'))
    # left column
    left.paragraphs[0].style = doc.styles["Section Title"]
    left.paragraphs[0].add_run("Contact")
    for v in [p["email"], p["phone"], p["location"]] + [lk["url"] for lk in p["links"]]:
        _p(left, v)
    _p(left, "Skills", style="Section Title")
    for sk in all_skills(p):
        _p(left, sk, style="List Bullet")
    _p(left, "Languages", style="Section Title")
    for x in p["languages"]:
        _p(left, lang_text(x))
    if p.get("certifications"):
        _p(left, "Certifications", style="Section Title")
        for c in p["certifications"]:
            _p(left, c)
    # right column
    right.paragraphs[0].style = doc.styles["Resume Name"]
    right.paragraphs[0].add_run(p["name"])
    _p(right, p["headline"], color=GREY, size=12)
    if p.get("summary"):
        _p(right, "Objective", style="Section Title")
        _p(right, p["summary"])
    _p(right, "Experience", style="Section Title")
    for j in p["experience"]:
        s_txt, e_txt, sep, _, _ = date_range(j, p["date_style"])
        para = _p(right, f"{j['title']} | {j['company']}", bold=True)
        para.paragraph_format.space_before = Pt(6)
        _p(right, f"{s_txt}{sep}{e_txt}", color=GREY, size=9)
        for b in j["bullets"]:
            _p(right, b, style="List Bullet")
    if p["education"]:
        _p(right, "Education", style="Section Title")
        for ed in p["education"]:
            para = _p(right, f"{degree_text(ed)} | {ed['institution']}", bold=True)
            para.paragraph_format.space_before = Pt(6)
            _p(right, ed["year"], color=GREY, size=9)
    if p.get("projects"):
        _p(right, "Projects", style="Section Title")
        for pr in p["projects"]:
            para = _p(right, pr["name"], bold=True)
            _p(right, pr["description"])
    doc.core_properties.title = f"{p['name']} resume"
    doc.save(str(out))
    return truth(p)


TEMPLATES = {"docx-msword": docx_msword}
