#!/usr/bin/env python3
"""Render the HELD-OUT corpus: 6 personas x 5 templates -> docs/ (documents, truth, manifest).

This set was made after the parser was tuned on the dev corpus and on corpus/docs. Do not tune
against it. See README.md.

Usage:
    python3 render_holdout.py [--only TEMPLATE[,TEMPLATE]] [--persona ID[,ID]]
    python3 render_holdout.py --check        # every truth string is printed in its document

Templates (none of them shares a layout with the 8 templates of corpus/render.py):
    html-jsonresume   PDF (Chromium)  JSON Resume theme style: link-styled company line, position
                                      below, ISO-month dates "2019-03 — 2021-11" on the right,
                                      "Name: keyword, keyword" skill rows, "›" bullets from CSS ::before
    html-rightbar     PDF (Chromium)  two columns, sidebar on the RIGHT; small-caps headings
                                      (font-variant); grey dates on their own line below
                                      "Title — Company, City"; contact labelled Tel. / E-mail / Web
    docx-heading2     DOCX (python-docx) real "Heading 2" headings with unusual names (Professional
                                      Profile, Career History, Academic Background, Core
                                      Competencies); "Company | City" bold, "Title" italic, then a
                                      "Mar 2015 – Jun 2019" line; Word numbering with a "»" glyph;
                                      skills in a two-column table, one skill per cell
    latex-tabular     PDF (pdflatex)  TeX Gyre Pagella; \\section* parts; tabular* entry headers
                                      (bold title left, dates right), italic "Company, City" below;
                                      itemize with \\textendash / \\textbullet labels; \\Huge small-caps
                                      name; contact centred and separated by $\\cdot$
    html-plain        PDF (Chromium)  single column, no bullet glyphs at all (each achievement an
                                      indented <p>), bold sentence-case headings over an <hr>,
                                      "Company, City" then "Title, Jan. 2019 – Present" (or
                                      "2016 to 2018" for year-only personas)

The truth of every document is built from the strings the template printed.
Needs: chromium, python-docx, pdflatex (tex-gyre fonts); --check needs PyMuPDF or pdftotext.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from html import escape as e
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
sys.path.insert(0, str(CORPUS))

from templates_html import print_pdf  # noqa: E402  (Chromium driver of corpus/render.py)
from templates_latex import tex, _typographic  # noqa: E402

PERSONAS = HERE / "personas"
DOCS = HERE / "docs"

# --------------------------------------------------------------------------- dates
MON3 = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONFULL = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
MON_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]

# style -> (point formatter, separator, word for an open end, year-only?)
STYLES = {
    # persona styles (used by html-rightbar and latex-tabular)
    "mm/yyyy-present": (lambda y, m: f"{m:02d}/{y}", " \u2013 ", "present", False),   # 09/2018 – present
    "mon": (lambda y, m: f"{MON3[m - 1]} {y}", " \u2013 ", "Present", False),         # Apr 2021 – Present
    "month-full": (lambda y, m: f"{MONFULL[m - 1]} {y}", " \u2013 ", "Present", False),  # January 2020 – Present
    "mon-current": (lambda y, m: f"{MON3[m - 1]} {y}", " - ", "Current", False),       # Mar 2019 - Current
    "yyyy-en": (lambda y, m: f"{y}", " \u2013 ", "Present", True),                     # 2016 – 2019
    # template styles
    "iso": (lambda y, m: f"{y}-{m:02d}", " \u2014 ", "Present", False),                # 2019-03 — 2021-11
    "mon3": (lambda y, m: f"{MON3[m - 1]} {y}", " \u2013 ", "Present", False),         # Mar 2015 – Jun 2019
    "ap": (lambda y, m: f"{MON_AP[m - 1]} {y}", " \u2013 ", "Present", False),         # Jan. 2019 – Present
    "years-to": (lambda y, m: f"{y}", " to ", "present", True),                        # 2016 to 2018
}


def _point(value, style):
    fmt, _, present, year_only = STYLES[style]
    if value == "present":
        return present, "present"
    y, m = (int(x) for x in value.split("-"))
    return fmt(y, m), (f"{y:04d}" if year_only else f"{y:04d}-{m:02d}")


def dates(job, style):
    """-> (printed range, start normalised, end normalised)"""
    s_txt, s_norm = _point(job["start"], style)
    e_txt, e_norm = _point(job["end"], style)
    return f"{s_txt}{STYLES[style][1]}{e_txt}", s_norm, e_norm


def degree_text(ed, joiner=" in "):
    return f"{ed['degree']}{joiner}{ed['field']}" if ed.get("field") else ed["degree"]


def all_skills(p):
    return [s for g in p["skills"] for s in g["items"]]


def lang_text(x):
    return f"{x['language']} ({x['level']})"


def truth(p, style, degree, year, skills=None):
    exp = []
    for j in p["experience"]:
        d, s, en = dates(j, style)
        exp.append({"title": j["title"], "company": j["company"], "dates": d, "start": s, "end": en,
                    "bullets": list(j["bullets"])})
    sections = {}
    if p.get("summary"):
        sections["summary"] = p["summary"]
    sections["experience"] = exp
    sections["education"] = [{"degree": degree(ed), "institution": ed["institution"], "year": year(ed)}
                             for ed in p["education"]]
    sections["skills"] = list(skills if skills is not None else all_skills(p))
    return {"name": p["name"], "email": p["email"], "phone": p["phone"], "sections": sections}


def _page(css, body):
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Resume</title>"
            f"<style>{css}</style></head><body>{body}</body></html>\n")


# --------------------------------------------------------------------------- 1. html-jsonresume
JSONRESUME_CSS = """
@page { size: A4; margin: 14mm 16mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #333; margin: 0; line-height: 1.35; }
header { border-bottom: 3px solid #e8e8e8; padding-bottom: 8px; margin-bottom: 6px; }
h1 { font-size: 22pt; font-weight: 300; margin: 0; color: #111; }
.label { font-size: 11pt; color: #777; margin: 1px 0 6px; }
.contact { display: flex; flex-wrap: wrap; gap: 2px 22px; font-size: 8.5pt; }
.contact a, a.co { color: #0366d6; text-decoration: underline; }
section { display: grid; grid-template-columns: 27mm 1fr; gap: 0 10px; margin-top: 9px; }
h2 { grid-column: 1; font-size: 9pt; font-weight: 700; color: #999; margin: 1px 0 0; text-transform: none; }
.body { grid-column: 2; }
.item { margin-bottom: 7px; break-inside: avoid; }
.top { display: flex; justify-content: space-between; align-items: baseline; }
a.co { font-weight: 700; font-size: 9.5pt; }
.date { color: #888; font-size: 8.5pt; white-space: nowrap; font-variant-numeric: tabular-nums; }
.pos { font-style: italic; color: #444; }
ul.hl { list-style: none; margin: 2px 0 0; padding-left: 12px; }
ul.hl li { position: relative; margin: 0; }
ul.hl li::before { content: "\\203A"; position: absolute; left: -11px; color: #0366d6; font-weight: 700; }
ul.sq { list-style: square; margin: 0; padding-left: 14px; }
.kw p { margin: 0 0 2px; }
.kw b { color: #111; }
p { margin: 0; }
"""


def html_jsonresume(p):
    c = [f"<a href=\"mailto:{e(p['email'])}\">{e(p['email'])}</a>", f"<span>{e(p['phone'])}</span>"]
    c += [f"<a href=\"https://{e(lk['url'])}\">{e(lk['url'])}</a>" for lk in p["links"]]
    c.append(f"<span>{e(p['location'])}</span>")
    b = (f"<header><h1>{e(p['name'])}</h1><div class=\"label\">{e(p['headline'])}</div>"
         f"<div class=\"contact\">{''.join(c)}</div></header>")
    if p.get("summary"):
        b += f"<section><h2>About</h2><div class=\"body\"><p>{e(p['summary'])}</p></div></section>"
    b += "<section><h2>Work</h2><div class=\"body\">"
    for j in p["experience"]:
        d, _, _ = dates(j, "iso")
        slug = re.sub(r"[^a-z0-9]+", "", j["company"].lower())[:20]
        b += (f"<div class=\"item\"><div class=\"top\"><a class=\"co\" href=\"https://{slug}.example.com\">"
              f"{e(j['company'])}</a><span class=\"date\">{e(d)}</span></div>"
              f"<div class=\"pos\">{e(j['title'])}</div>"
              "<ul class=\"hl\">" + "".join(f"<li>{e(x)}</li>" for x in j["bullets"]) + "</ul></div>")
    b += "</div></section>"
    if p["education"]:
        b += "<section><h2>Education</h2><div class=\"body\">"
        for ed in p["education"]:
            b += (f"<div class=\"item\"><div class=\"top\"><a class=\"co\" href=\"#\">{e(ed['institution'])}</a>"
                  f"<span class=\"date\">{ed['start_year']} \u2014 {ed['year']}</span></div>"
                  f"<div class=\"pos\">{e(degree_text(ed, ', '))}</div></div>")
        b += "</div></section>"
    b += "<section><h2>Skills</h2><div class=\"body kw\">"
    b += "".join(f"<p><b>{e(g['group'])}</b>: {e(', '.join(g['items']))}</p>" for g in p["skills"])
    b += "</div></section>"
    b += ("<section><h2>Languages</h2><div class=\"body\"><p>"
          + e(", ".join(lang_text(x) for x in p["languages"])) + "</p></div></section>")
    if p.get("certifications"):
        b += ("<section><h2>Certificates</h2><div class=\"body\"><ul class=\"sq\">"
              + "".join(f"<li>{e(x)}</li>" for x in p["certifications"]) + "</ul></div></section>")
    t = truth(p, "iso", degree=lambda ed: degree_text(ed, ", "),
              year=lambda ed: f"{ed['start_year']} \u2014 {ed['year']}")
    return _page(JSONRESUME_CSS, b), t


# --------------------------------------------------------------------------- 2. html-rightbar
RIGHTBAR_CSS = """
@page { size: A4; margin: 0; }
body { font-family: 'Liberation Sans', sans-serif; font-size: 9.5pt; color: #202020; margin: 0; }
.grid { display: grid; grid-template-columns: 1fr 62mm; min-height: 297mm; }
main { padding: 15mm 9mm 12mm 16mm; }
aside { background: #eef1f4; padding: 17mm 10mm 12mm 8mm; font-size: 9pt; }
h1 { font-size: 24pt; margin: 0; font-weight: 700; color: #1d3557; }
.headline { font-size: 11.5pt; color: #457b9d; margin: 2px 0 4px; }
h2 { font-variant: small-caps; font-size: 13pt; font-weight: 700; color: #1d3557; margin: 13px 0 5px;
     letter-spacing: 0.03em; }
aside h2 { font-size: 12pt; margin-top: 0; margin-bottom: 4px; }
aside .blk { margin-bottom: 14px; }
.line { margin: 1px 0; }
.lbl { color: #6c757d; display: inline-block; width: 13mm; }
.entry { margin-bottom: 8px; break-inside: avoid; }
.head { font-size: 10pt; }
.when { color: #8a8a8a; font-size: 8.5pt; margin: 1px 0 1px; }
ul { margin: 2px 0 0; padding-left: 16px; }
li { margin: 0 0 1px; }
p { margin: 0; }
.sk { margin: 0 0 1px; }
.grp { color: #6c757d; font-size: 8pt; text-transform: uppercase; letter-spacing: 0.08em; margin-top: 5px; }
"""


def html_rightbar(p):
    style = p["date_style"]
    m = f"<h1>{e(p['name'])}</h1><div class=\"headline\">{e(p['headline'])}</div>"
    if p.get("summary"):
        m += f"<h2>Profile</h2><p>{e(p['summary'])}</p>"
    m += "<h2>Work experience</h2>"
    for j in p["experience"]:
        d, _, _ = dates(j, style)
        m += (f"<div class=\"entry\"><div class=\"head\"><b>{e(j['title'])}</b> \u2014 {e(j['company'])}, "
              f"{e(j['location'])}</div><div class=\"when\">{e(d)}</div>"
              "<ul>" + "".join(f"<li>{e(x)}</li>" for x in j["bullets"]) + "</ul></div>")
    if p["education"]:
        m += "<h2>Education</h2>"
        for ed in p["education"]:
            m += (f"<div class=\"entry\"><div class=\"head\"><b>{e(degree_text(ed))}</b> \u2014 "
                  f"{e(ed['institution'])}</div><div class=\"when\">{ed['start_year']} \u2013 {ed['year']}</div></div>")
    s = "<div class=\"blk\"><h2>Contact</h2>"
    s += f"<div class=\"line\"><span class=\"lbl\">Tel.</span>{e(p['phone'])}</div>"
    s += f"<div class=\"line\"><span class=\"lbl\">E-mail</span>{e(p['email'])}</div>"
    for lk in p["links"]:
        s += f"<div class=\"line\"><span class=\"lbl\">Web</span>{e(lk['url'])}</div>"
    s += f"<div class=\"line\"><span class=\"lbl\">Address</span>{e(p['location'])}</div></div>"
    s += "<div class=\"blk\"><h2>Skills</h2>"
    for g in p["skills"]:
        s += f"<div class=\"grp\">{e(g['group'])}</div>" + "".join(f"<div class=\"sk\">{e(x)}</div>" for x in g["items"])
    s += "</div><div class=\"blk\"><h2>Languages</h2>"
    s += "".join(f"<div class=\"line\">{e(x['language'])} \u2013 {e(x['level'])}</div>" for x in p["languages"])
    s += "</div>"
    if p.get("certifications"):
        s += "<div class=\"blk\"><h2>Certifications</h2>" + "".join(
            f"<div class=\"line\">{e(x)}</div>" for x in p["certifications"]) + "</div>"
    body = f"<div class=\"grid\"><main>{m}</main><aside>{s}</aside></div>"
    t = truth(p, style, degree=degree_text, year=lambda ed: f"{ed['start_year']} \u2013 {ed['year']}")
    return _page(RIGHTBAR_CSS, body), t


# --------------------------------------------------------------------------- 5. html-plain
PLAIN_CSS = """
@page { size: Letter; margin: 0.75in 0.8in; }
body { font-family: 'Liberation Serif', serif; font-size: 11pt; color: #000; margin: 0; line-height: 1.25; }
h1 { font-size: 17pt; margin: 0 0 2px; font-weight: 700; }
.contact { margin: 0 0 4px; }
h2 { font-size: 11.5pt; font-weight: 700; margin: 12px 0 0; }
hr { border: 0; border-top: 1px solid #000; margin: 2px 0 5px; }
p { margin: 0; }
.gap { height: 6px; }
.a { margin-left: 2.2em; }
.entry { break-inside: avoid; margin-bottom: 6px; }
"""


def plain_style(p):
    """Personas alternate between "Jan. 2019 – Present" and years only "2016 to 2018"."""
    idx = int(p["id"][1:3])
    return "ap" if idx % 2 == 0 else "years-to"


def html_plain(p):
    style = plain_style(p)
    b = f"<h1>{e(p['name'])}</h1><p>{e(p['headline'])}</p>"
    c = [p["location"], p["phone"], p["email"]] + [lk["url"] for lk in p["links"]]
    b += f"<p class=\"contact\">{e(' / '.join(c))}</p>"
    if p.get("summary"):
        b += f"<h2>Summary</h2><hr><p>{e(p['summary'])}</p>"
    b += "<h2>Work experience</h2><hr>"
    for j in p["experience"]:
        d, _, _ = dates(j, style)
        b += (f"<div class=\"entry\"><p><b>{e(j['company'])}</b>, {e(j['location'])}</p>"
              f"<p>{e(j['title'])}, {e(d)}</p>" + "".join(f"<p class=\"a\">{e(x)}</p>" for x in j["bullets"])
              + "</div>")
    if p["education"]:
        b += "<h2>Education</h2><hr>"
        for ed in p["education"]:
            b += (f"<div class=\"entry\"><p><b>{e(ed['institution'])}</b></p>"
                  f"<p>{e(degree_text(ed))}, {ed['year']}</p></div>")
    b += "<h2>Skills</h2><hr>" + "".join(f"<p>{e(', '.join(g['items']))}</p>" for g in p["skills"])
    b += "<h2>Languages</h2><hr><p>" + e(", ".join(lang_text(x) for x in p["languages"])) + "</p>"
    if p.get("certifications"):
        b += "<h2>Certifications</h2><hr>" + "".join(f"<p>{e(x)}</p>" for x in p["certifications"])
    t = truth(p, style, degree=degree_text, year=lambda ed: ed["year"])
    return _page(PLAIN_CSS, b), t


# --------------------------------------------------------------------------- 3. docx-heading2
NUM_ID = 77


def docx_heading2(p, out):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Georgia"
    st.font.size = Pt(10)
    st.paragraph_format.space_after = Pt(1)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.59), Cm(27.94)
    sec.left_margin = sec.right_margin = Cm(2.2)
    sec.top_margin = sec.bottom_margin = Cm(1.8)

    numbering = doc.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{NUM_ID}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u00bb"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="283"/></w:pPr>'
        '<w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:color w:val="7F7F7F"/></w:rPr></w:lvl>'
        '</w:abstractNum>')
    first_num = numbering.find(f'{{{abstract.nsmap["w"]}}}num')
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{NUM_ID}"><w:abstractNumId w:val="{NUM_ID}"/></w:num>'))

    def bullet(text):
        para = doc.add_paragraph(text)
        num = para._p.get_or_add_pPr().get_or_add_numPr()
        num.get_or_add_ilvl().val = 0
        num.get_or_add_numId().val = NUM_ID
        return para

    def line(text, bold=False, italic=False, color=None, after=0):
        para = doc.add_paragraph()
        r = para.add_run(text)
        r.bold, r.italic = bold, italic
        if color:
            r.font.color.rgb = RGBColor.from_string(color)
        para.paragraph_format.space_after = Pt(after)
        return para

    doc.add_heading(p["name"], level=0)
    line(p["headline"], italic=True, after=2)
    contact = "  |  ".join([p["email"], p["phone"], p["location"]] + [lk["url"] for lk in p["links"]])
    line(contact, after=4).runs[0].font.size = Pt(9)

    if p.get("summary"):
        doc.add_heading("Professional Profile", level=2)
        doc.add_paragraph(p["summary"])
    doc.add_heading("Career History", level=2)
    for j in p["experience"]:
        d, _, _ = dates(j, "mon3")
        line(f"{j['company']} | {j['location']}", bold=True).paragraph_format.space_before = Pt(5)
        line(j["title"], italic=True)
        line(d, color="595959", after=1)
        for x in j["bullets"]:
            bullet(x)
    if p["education"]:
        doc.add_heading("Academic Background", level=2)
        for ed in p["education"]:
            line(ed["institution"], bold=True).paragraph_format.space_before = Pt(4)
            line(degree_text(ed), italic=True)
            line(f"{ed['start_year']} \u2013 {ed['year']}", color="595959")
    doc.add_heading("Core Competencies", level=2)
    items = all_skills(p)
    rows = (len(items) + 1) // 2
    t = doc.add_table(rows=rows, cols=2)
    for i, x in enumerate(items):       # fills row by row: left, right, left, right …
        cell = t.rows[i // 2].cells[i % 2]
        cell.paragraphs[0].text = x
    for row in t.rows:
        for cell in row.cells:
            cell.width = Cm(8.5)
    doc.add_heading("Languages", level=2)
    doc.add_paragraph("; ".join(lang_text(x) for x in p["languages"]))
    if p.get("certifications"):
        doc.add_heading("Licences & Certifications", level=2)
        for c in p["certifications"]:
            doc.add_paragraph(c)
    doc.save(out)
    return truth(p, "mon3", degree=degree_text, year=lambda ed: f"{ed['start_year']} \u2013 {ed['year']}")


# --------------------------------------------------------------------------- 4. latex-tabular
LATEX_PREAMBLE = r"""\documentclass[10pt,letterpaper]{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{tgpagella}
\usepackage[margin=1.8cm,top=1.5cm]{geometry}
\usepackage[hidelinks]{hyperref}
\input{glyphtounicode}
\pdfgentounicode=1
\pagestyle{empty}
\setlength{\parindent}{0pt}
\setlength{\parskip}{0pt}
\renewcommand{\labelitemi}{%s}
\newcommand{\entry}[4]{\begin{tabular*}{\textwidth}{@{}l@{\extracolsep{\fill}}r@{}}\textbf{#1} & #2\\\end{tabular*}\\\textit{#3}%%
\ifx&#4&\else\begin{itemize}\setlength{\itemsep}{0pt}\setlength{\parskip}{0pt}\setlength{\topsep}{1pt}#4\end{itemize}\fi\par\vspace{4pt}}
\begin{document}
"""


def latex_tabular(p, out):
    style = p["date_style"]
    label = r"\textendash" if int(p["id"][1:3]) % 2 else r"\textbullet"
    b = [LATEX_PREAMBLE % label]
    b.append(r"\begin{center}{\Huge\scshape " + tex(p["name"]) + r"}\\[4pt]")
    b.append(r"{\large\itshape " + tex(p["headline"]) + r"}\\[3pt]")
    parts = [tex(p["email"]), tex(p["phone"]), tex(p["location"])]
    parts += [r"\href{https://" + lk["url"] + "}{" + tex(lk["url"]) + "}" for lk in p["links"]]
    b.append(r" $\cdot$ ".join(parts) + r"\end{center}")
    if p.get("summary"):
        b.append(r"\section*{Profile}" + tex(p["summary"]) + r"\par")
    b.append(r"\section*{Professional Experience}")
    for j in p["experience"]:
        d, _, _ = dates(j, style)
        items = "".join(r"\item " + tex(x) + "\n" for x in j["bullets"])
        b.append(r"\entry{" + tex(j["title"]) + "}{" + tex(d) + "}{" + tex(f"{j['company']}, {j['location']}")
                 + "}{" + items + "}")
    if p["education"]:
        b.append(r"\section*{Education}")
        for ed in p["education"]:
            b.append(r"\entry{" + tex(degree_text(ed)) + "}{" + tex(f"{ed['start_year']} \u2013 {ed['year']}")
                     + "}{" + tex(ed["institution"]) + "}{}")
    b.append(r"\section*{Skills}")
    b.append(r"\begin{description}\setlength{\itemsep}{0pt}")
    b.append("\n".join(r"\item[" + tex(g["group"]) + "] " + tex(", ".join(g["items"])) for g in p["skills"]))
    b.append(r"\end{description}")
    b.append(r"\section*{Languages}" + tex(", ".join(lang_text(x) for x in p["languages"])) + r"\par")
    if p.get("certifications"):
        b.append(r"\section*{Certifications}\begin{itemize}\setlength{\itemsep}{0pt}"
                 + "".join(r"\item " + tex(c) + "\n" for c in p["certifications"]) + r"\end{itemize}")
    b.append(r"\end{document}" + "\n")
    src = "\n".join(b)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "cv.tex").write_text(src, encoding="utf-8")
        r = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "cv.tex"], cwd=tmp,
                           capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            raise RuntimeError(f"pdflatex failed for {p['id']}:\n{r.stdout[-3000:]}")
        shutil.copy(Path(tmp) / "cv.pdf", out)
    return _typographic(truth(p, style, degree=degree_text,
                              year=lambda ed: f"{ed['start_year']} \u2013 {ed['year']}"))


# --------------------------------------------------------------------------- driver
def _html(fn):
    def render(p, out):
        html_text, t = fn(p)
        print_pdf(html_text, str(out))
        return t
    return render


TEMPLATES = {
    "html-jsonresume": ("pdf", _html(html_jsonresume)),
    "html-rightbar": ("pdf", _html(html_rightbar)),
    "docx-heading2": ("docx", docx_heading2),
    "latex-tabular": ("pdf", latex_tabular),
    "html-plain": ("pdf", _html(html_plain)),
}


def load_personas():
    return [json.loads(f.read_text(encoding="utf-8")) for f in sorted(PERSONAS.glob("*.json"))]


def write_manifest():
    docs = []
    for f in sorted(DOCS.iterdir()):
        if f.suffix not in (".pdf", ".docx"):
            continue
        persona, template = f.stem.split("__", 1)
        docs.append({"file": f.name, "truth": f"{f.stem}.truth.json", "persona": persona,
                     "template": template, "format": f.suffix[1:], "bytes": f.stat().st_size})
    (DOCS / "manifest.json").write_text(json.dumps({"set": "corpus-holdout", "documents": docs}, indent=2) + "\n",
                                        encoding="utf-8")


# --------------------------------------------------------------------------- truth check
def squash(s):
    s = unicodedata.normalize("NFKC", s).casefold()
    s = s.replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
    return re.sub(r"\s+", "", s)


def doc_texts(path):
    if path.suffix == ".pdf":
        try:
            import pymupdf as fitz  # PyMuPDF, from a throwaway venv
            with fitz.open(path) as d:
                raw = "\n".join(page.get_text() for page in d)
        except ImportError:
            raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                                 text=True, check=True).stdout
        return [squash(raw), squash(re.sub(r"-\s*\n\s*", "", raw)), squash(re.sub(r"-\s*\n\s*", "-", raw))]
    with zipfile.ZipFile(path) as z:
        parts = [n for n in z.namelist() if re.match(r"word/(document|header\d*|footer\d*)\.xml$", n)]
        xml = " ".join(z.read(n).decode("utf-8") for n in parts)
    xml = re.sub(r"<w:(br|tab)/>", " ", xml)
    txt = re.sub(r"<[^>]+>", "", re.sub(r"</w:p>", "\n", xml))
    txt = txt.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
    return [squash(txt)]


def truth_strings(t):
    yield "name", t["name"]
    yield "email", t["email"]
    yield "phone", t["phone"]
    s = t["sections"]
    if "summary" in s:
        yield "summary", s["summary"]
    for x in s["experience"]:
        for k in ("title", "company", "dates"):
            yield f"exp.{k}", x[k]
        for bl in x["bullets"]:
            yield "exp.bullet", bl
    for x in s["education"]:
        for k in ("degree", "institution", "year"):
            yield f"edu.{k}", x[k]
    for k in s["skills"]:
        yield "skill", k


def check(docs=DOCS):
    """Verifies that every truth string in `docs` is printed in its document."""
    n = bad = 0
    for tp in sorted(docs.glob("*.truth.json")):
        stem = tp.name[: -len(".truth.json")]
        doc = next((docs / f"{stem}{x}" for x in (".pdf", ".docx") if (docs / f"{stem}{x}").exists()), None)
        if doc is None:
            print(f"{stem}: no document")
            bad += 1
            continue
        texts = doc_texts(doc)
        for field, value in truth_strings(json.loads(tp.read_text(encoding="utf-8"))):
            n += 1
            if not any(squash(value) in x for x in texts):
                bad += 1
                print(f"{doc.name}: {field} not found: {value!r}")
    print(f"{n} truth strings checked, {bad} not found")
    return 1 if bad else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--persona", default="")
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    if a.check:
        sys.exit(check())
    only = set(filter(None, a.only.split(",")))
    pers = set(filter(None, a.persona.split(",")))
    DOCS.mkdir(exist_ok=True)
    for name, (ext, render) in TEMPLATES.items():
        if only and name not in only:
            continue
        for p in load_personas():
            if pers and p["id"] not in pers:
                continue
            stem = f"{p['id']}__{name}"
            out = DOCS / f"{stem}.{ext}"
            t = render(p, out)
            (DOCS / f"{stem}.truth.json").write_text(json.dumps(t, ensure_ascii=False, indent=2) + "\n",
                                                     encoding="utf-8")
            print(f"{out.name}: {out.stat().st_size} bytes")
    write_manifest()


if __name__ == "__main__":
    main()
