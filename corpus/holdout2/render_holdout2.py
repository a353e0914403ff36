#!/usr/bin/env python3
"""Render the SECOND held-out corpus: 6 personas x 5 templates -> docs/ (documents, truth, manifest).

This set was made after the parser had been tuned with knowledge of corpus/holdout, which is
therefore no longer held out. Do not tune against this one either. See README.md.

Usage:
    python3 render_holdout2.py [--only TEMPLATE[,TEMPLATE]] [--persona ID[,ID]]
    python3 render_holdout2.py --check       # every truth string is printed in its document

Templates (none shares a layout with the 13 templates of the dev set, corpus/docs or corpus/holdout):
    html-band        PDF (Chromium)  coloured full-width header band (name + headline on row 1,
                                     contact with glyph icons on row 2); entries "Title at Company"
                                     then "City · dates" in grey; skills as rounded chips
    html-europass    PDF (Chromium)  Europass-like: left label column (dates, right-aligned, blue)
                                     and right content column; "WORK EXPERIENCE", "EDUCATION AND
                                     TRAINING", "PERSONAL SKILLS"; dates "01/03/2019 – Current"
    docx-border      DOCX (python-docx) headings are bold small-caps paragraphs with a bottom
                                     border (no heading styles); "Company — City" bold, then
                                     "Title (dates)"; bullets are a typed "•" + tab (no numbering)
    latex-moderncv   PDF (pdflatex)  hand-built moderncv look: Latin Modern Sans, dates in a left
                                     margin column (tabular p-columns), coloured section rules,
                                     "Title, Company, City." entry lines, years only "2019 – present"
    html-letter2p    PDF (Chromium)  US Letter, two pages: running header "Name — Résumé" from page 2
                                     (@page margin boxes) and "Page N of M" footers; entries split
                                     across the page break

The truth of every document is built from the strings the template printed.
Needs: chromium, python-docx, pdflatex (lmodern); --check needs PyMuPDF or pdftotext.
"""
import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from html import escape as e
from pathlib import Path

sys.dont_write_bytecode = True   # leave no __pycache__ in corpus/ or corpus/holdout/
HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
sys.path.insert(0, str(CORPUS))
sys.path.insert(0, str(CORPUS / "holdout"))

from templates_html import print_pdf  # noqa: E402  (Chromium driver of corpus/render.py)
from templates_latex import tex, _typographic  # noqa: E402
from render_holdout import (squash, doc_texts, truth_strings, check, degree_text, all_skills,  # noqa: E402,F401
                            lang_text, _page)

PERSONAS = HERE / "personas"
DOCS = HERE / "docs"

# --------------------------------------------------------------------------- dates
MON3 = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MON_SEPT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]

# style -> (point formatter, separator, word for an open end, year-only?)
STYLES = {
    # persona styles (html-band, docx-border, html-letter2p)
    "dotted-today": (lambda y, m: f"{m:02d}.{y}", " \u2013 ", "today", False),       # 03.2019 – today
    "sept": (lambda y, m: f"{MON_SEPT[m - 1]} {y}", " \u2013 ", "Present", False),   # Sept 2019 – Present
    "dotiso-now": (lambda y, m: f"{y}.{m:02d}", " \u2013 ", "now", False),           # 2022.02 – now
    "mon-to": (lambda y, m: f"{MON3[m - 1]} {y}", " to ", "Present", False),         # May 2021 to Present
    "mmyyyy-hyphen": (lambda y, m: f"{m:02d}/{y}", " - ", "Present", False),         # 04/2019 - Present
    "years-tight": (lambda y, m: f"{y}", "\u2013", "current", True),                 # 2013–current
    # template styles
    "europass": (lambda y, m: f"01/{m:02d}/{y}", " \u2013 ", "Current", False),      # 01/03/2019 – Current
    "cv-years": (lambda y, m: f"{y}", " \u2013 ", "present", True),                  # 2019 – present
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


def edu_years(ed):
    return ed["year"] if ed["start_year"] == ed["year"] else f"{ed['start_year']} \u2013 {ed['year']}"


def truth(p, style, degree=degree_text, year=edu_years):
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
    sections["skills"] = all_skills(p)
    return {"name": p["name"], "email": p["email"], "phone": p["phone"], "sections": sections}


# --------------------------------------------------------------------------- 1. html-band
BAND_CSS = """
@page { size: A4; margin: 0 0 12mm 0; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #2b2b2b; margin: 0; line-height: 1.38; }
.band { background: #0f6e6e; color: #fff; padding: 11mm 16mm 7mm; }
.row1 { display: flex; align-items: baseline; gap: 14px; }
.row1 h1 { font-size: 22pt; margin: 0; font-weight: 700; letter-spacing: 0.01em; }
.row1 .hl { font-size: 12pt; color: #bfe7e4; }
.row2 { display: flex; flex-wrap: wrap; gap: 2px 20px; margin-top: 6px; font-size: 8.5pt; color: #e6f5f4; }
.ic { color: #8fd6d0; margin-right: 4px; }
main { padding: 4mm 16mm 0; }
h2 { font-size: 10.5pt; color: #0f6e6e; margin: 10px 0 4px; padding-left: 7px; border-left: 4px solid #f2a541;
     font-weight: 700; }
.e { margin: 0 0 7px; break-inside: avoid; }
.t { font-size: 10pt; }
.t .at { color: #7a7a7a; font-weight: 400; }
.w { color: #7a7a7a; font-size: 8.5pt; margin-top: 1px; }
ul { margin: 2px 0 0; padding-left: 15px; }
li { margin: 0; }
li::marker { color: #f2a541; }
p { margin: 0; }
.grp { font-size: 8pt; color: #555; margin: 5px 0 2px; font-weight: 700; }
.chip { display: inline-block; background: #e3f2f1; color: #0f4f4f; border-radius: 9px; padding: 1px 8px;
        margin: 0 4px 4px 0; font-size: 8.5pt; }
"""


def html_band(p):
    style = p["date_style"]
    c = [f"<span><span class=\"ic\">\u2709</span>{e(p['email'])}</span>",
         f"<span><span class=\"ic\">\u260e</span>{e(p['phone'])}</span>",
         f"<span><span class=\"ic\">\u2302</span>{e(p['location'])}</span>"]
    c += [f"<span><span class=\"ic\">\u2197</span>{e(lk['url'])}</span>" for lk in p["links"]]
    b = (f"<div class=\"band\"><div class=\"row1\"><h1>{e(p['name'])}</h1><span class=\"hl\">{e(p['headline'])}</span>"
         f"</div><div class=\"row2\">{''.join(c)}</div></div><main>")
    if p.get("summary"):
        b += f"<h2>Profile</h2><p>{e(p['summary'])}</p>"
    b += "<h2>Experience</h2>"
    for j in p["experience"]:
        d, _, _ = dates(j, style)
        b += (f"<div class=\"e\"><div class=\"t\"><b>{e(j['title'])}</b> <span class=\"at\">at</span> "
              f"<b>{e(j['company'])}</b></div><div class=\"w\">{e(j['location'])} \u00b7 {e(d)}</div>"
              "<ul>" + "".join(f"<li>{e(x)}</li>" for x in j["bullets"]) + "</ul></div>")
    b += "<h2>Education</h2>"
    for ed in p["education"]:
        b += (f"<div class=\"e\"><div class=\"t\"><b>{e(degree_text(ed))}</b></div>"
              f"<div class=\"w\">{e(ed['institution'])} \u00b7 {e(edu_years(ed))}</div></div>")
    if p.get("projects"):
        b += "<h2>Projects</h2>" + "".join(
            f"<p><b>{e(x['name'])}</b>: {e(x['description'])}</p>" for x in p["projects"])
    b += "<h2>Skills</h2>"
    for g in p["skills"]:
        b += f"<div class=\"grp\">{e(g['group'])}</div><div>" + "".join(
            f"<span class=\"chip\">{e(x)}</span>" for x in g["items"]) + "</div>"
    b += "<h2>Languages</h2><p>" + e(" \u00b7 ".join(lang_text(x) for x in p["languages"])) + "</p>"
    if p.get("certifications"):
        b += "<h2>Certifications</h2><ul>" + "".join(f"<li>{e(x)}</li>" for x in p["certifications"]) + "</ul>"
    b += "</main>"
    return _page(BAND_CSS, b), truth(p, style)


# --------------------------------------------------------------------------- 2. html-europass
EUROPASS_CSS = """
@page { size: A4; margin: 14mm 14mm 14mm 10mm; }
body { font-family: 'Liberation Sans', sans-serif; font-size: 9pt; color: #3f3a60; margin: 0; line-height: 1.3; }
.r { display: grid; grid-template-columns: 52mm 1fr; gap: 0 7mm; margin: 0 0 4px; }
.l { text-align: right; color: #1593cb; font-size: 8pt; padding-top: 1px; }
.sec { margin-top: 12px; align-items: center; }
.sec .l { font-size: 9pt; font-weight: 400; letter-spacing: 0.02em; text-transform: none; }
.sec .c { border-bottom: 1px solid #1593cb; height: 0; }
h1 { font-size: 17pt; font-weight: 400; margin: 0; color: #3f3a60; }
.pos { font-size: 12pt; color: #1593cb; }
.t { font-size: 10.5pt; color: #1593cb; }
.co { margin: 1px 0; }
ul { margin: 2px 0 0; padding-left: 14px; }
li { margin: 0; }
p { margin: 0; }
.item { break-inside: avoid; margin-bottom: 6px; }
"""


def html_europass(p):
    def row(label, content, cls="r"):
        return f"<div class=\"{cls}\"><div class=\"l\">{label}</div><div class=\"c\">{content}</div></div>"

    def sec(title):
        return row(title, "", "r sec")

    b = row("PERSONAL INFORMATION", f"<h1>{e(p['name'])}</h1>")
    b += row("Address", e(p["location"]))
    b += row("Telephone", e(p["phone"]))
    b += row("E-mail", e(p["email"]))
    for lk in p["links"]:
        b += row(e(lk["label"]), e(lk["url"]))
    b += row("POSITION", f"<span class=\"pos\">{e(p['headline'])}</span>", "r sec")
    if p.get("summary"):
        b += sec("ABOUT ME") + row("", f"<p>{e(p['summary'])}</p>")
    b += sec("WORK EXPERIENCE")
    for j in p["experience"]:
        d, _, _ = dates(j, "europass")
        b += (f"<div class=\"r item\"><div class=\"l\">{e(d)}</div><div class=\"c\">"
              f"<div class=\"t\">{e(j['title'])}</div><div class=\"co\">{e(j['company'])} \u2013 {e(j['location'])}</div>"
              "<ul>" + "".join(f"<li>{e(x)}</li>" for x in j["bullets"]) + "</ul></div></div>")
    b += sec("EDUCATION AND TRAINING")
    for ed in p["education"]:
        b += (f"<div class=\"r item\"><div class=\"l\">{e(edu_years(ed))}</div><div class=\"c\">"
              f"<div class=\"t\">{e(degree_text(ed))}</div><div class=\"co\">{e(ed['institution'])}</div></div></div>")
    b += sec("PERSONAL SKILLS")
    native = [x for x in p["languages"] if x["level"] == "native"]
    other = [x for x in p["languages"] if x["level"] != "native"]
    b += row("Mother tongue(s)", e(", ".join(x["language"] for x in native)))
    if other:
        b += row("Other language(s)", e(", ".join(lang_text(x) for x in other)))
    for g in p["skills"]:
        b += row(e(g["group"]), e(", ".join(g["items"])))
    if p.get("certifications") or p.get("projects"):
        b += sec("ADDITIONAL INFORMATION")
        if p.get("certifications"):
            b += row("Certifications", "<br>".join(e(x) for x in p["certifications"]))
        if p.get("projects"):
            b += row("Projects", "<br>".join(f"{e(x['name'])}: {e(x['description'])}" for x in p["projects"]))
    return _page(EUROPASS_CSS, b), truth(p, "europass")


# --------------------------------------------------------------------------- 3. docx-border
def docx_border(p, out):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Cm, Pt, RGBColor

    style = p["date_style"]
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Calibri"
    st.font.size = Pt(10.5)
    st.paragraph_format.space_after = Pt(0)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.0)
    sec.top_margin = sec.bottom_margin = Cm(1.6)

    def para(text="", bold=False, italic=False, size=None, color=None, align=None, before=0, after=0):
        q = doc.add_paragraph()
        if text:
            r = q.add_run(text)
            r.bold, r.italic = bold, italic
            if size:
                r.font.size = Pt(size)
            if color:
                r.font.color.rgb = RGBColor.from_string(color)
        if align:
            q.alignment = align
        q.paragraph_format.space_before = Pt(before)
        q.paragraph_format.space_after = Pt(after)
        return q

    def heading(text):
        q = para(text, bold=True, size=11.5, color="1F3864", before=10, after=3)
        q.runs[0].font.small_caps = True
        q._p.get_or_add_pPr().append(parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="8" w:space="1" w:color="1F3864"/></w:pBdr>'))
        return q

    def bullet(text):
        q = para(f"\u2022\t{text}")
        q.paragraph_format.left_indent = Cm(0.6)
        q.paragraph_format.first_line_indent = Cm(-0.4)
        q.paragraph_format.tab_stops.add_tab_stop(Cm(0.6))
        return q

    para(p["name"], bold=True, size=20, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(p["headline"], size=11.5, color="404040", align=WD_ALIGN_PARAGRAPH.CENTER, after=2)
    contact = "  \u2022  ".join([p["location"], p["phone"], p["email"]] + [lk["url"] for lk in p["links"]])
    para(contact, size=9.5, align=WD_ALIGN_PARAGRAPH.CENTER, after=2)

    if p.get("summary"):
        heading("Summary")
        para(p["summary"])
    heading("Experience")
    for j in p["experience"]:
        d, _, _ = dates(j, style)
        para(f"{j['company']} \u2014 {j['location']}", bold=True, before=5)
        q = para(j["title"], italic=True)
        q.add_run(f" ({d})")
        for x in j["bullets"]:
            bullet(x)
    heading("Education")
    for ed in p["education"]:
        para(ed["institution"], bold=True, before=4)
        q = para(degree_text(ed))
        q.add_run(f" ({edu_years(ed)})")
    heading("Skills")
    for g in p["skills"]:
        q = para(f"{g['group']}: ", bold=True)
        q.add_run(", ".join(g["items"]))
    if p.get("projects"):
        heading("Projects")
        for x in p["projects"]:
            q = para(x["name"], bold=True)
            q.add_run(f" \u2013 {x['description']}")
    heading("Languages")
    para(", ".join(lang_text(x) for x in p["languages"]))
    if p.get("certifications"):
        heading("Certifications")
        for c in p["certifications"]:
            bullet(c)
    doc.save(out)
    return truth(p, style)


# --------------------------------------------------------------------------- 4. latex-moderncv
MODERNCV_PREAMBLE = r"""\documentclass[10pt,a4paper]{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{lmodern}
\renewcommand{\familydefault}{\sfdefault}
\usepackage[margin=1.6cm,top=1.4cm]{geometry}
\usepackage{xcolor}
\usepackage{array}
\usepackage[hidelinks]{hyperref}
\input{glyphtounicode}
\pdfgentounicode=1
\definecolor{cvblue}{rgb}{0.22,0.45,0.70}
\definecolor{cvgrey}{rgb}{0.45,0.45,0.45}
\pagestyle{empty}
\setlength{\parindent}{0pt}
\setlength{\parskip}{0pt}
\newlength{\hintw}\setlength{\hintw}{0.19\textwidth}
\newlength{\bodyw}\setlength{\bodyw}{\dimexpr\textwidth-\hintw-2\tabcolsep-1em\relax}
\newcommand{\cvsection}[1]{\par\vspace{9pt}{\color{cvblue}\rule[0.3ex]{\hintw}{0.9pt}}\hspace{1em}{\color{cvblue}\Large #1}\par\vspace{4pt}}
\newcommand{\cvitem}[2]{\begin{tabular}{@{}p{\hintw}@{\hspace{1em}}p{\bodyw}@{}}\raggedleft\leavevmode{\color{cvgrey}\small #1} & \leavevmode #2\end{tabular}\par\vspace{2pt}}
\newenvironment{cvbullets}{\begin{list}{\textbullet}{\setlength{\itemsep}{0pt}\setlength{\parsep}{0pt}\setlength{\topsep}{1pt}\setlength{\leftmargin}{1.1em}\setlength{\labelwidth}{0.8em}}}{\end{list}}
\begin{document}
"""


# T1-encoded pdflatex builds letters such as "ā" from an accent and a base glyph, which a PDF
# text layer gives back as "¯a"; this template prints them without the macron (and says so in
# the truth).
T1_MISSING = str.maketrans({"\u0101": "a", "\u0100": "A", "\u0113": "e", "\u012b": "i", "\u014d": "o", "\u016b": "u"})


def _t1(x):
    if isinstance(x, str):
        return x.translate(T1_MISSING)
    if isinstance(x, list):
        return [_t1(v) for v in x]
    if isinstance(x, dict):
        return {k: _t1(v) for k, v in x.items()}
    return x


def latex_moderncv(p, out):
    style = "cv-years"
    p = _t1(p)
    b = [MODERNCV_PREAMBLE]
    contact = [tex(p["location"]), tex(p["phone"]), r"\href{mailto:" + p["email"] + "}{" + tex(p["email"]) + "}"]
    contact += [r"\href{https://" + lk["url"] + "}{" + tex(lk["url"]) + "}" for lk in p["links"]]
    b.append(r"\begin{minipage}[b]{0.58\textwidth}{\fontsize{30}{34}\selectfont\color{black} " + tex(p["name"])
             + r"}\\[5pt]{\Large\color{cvgrey}\itshape " + tex(p["headline"]) + r"}\end{minipage}\hfill")
    b.append(r"\begin{minipage}[b]{0.4\textwidth}\raggedleft\small " + r"\\".join(contact) + r"\end{minipage}\par")
    if p.get("summary"):
        b.append(r"\vspace{8pt}\cvitem{}{\itshape " + tex(p["summary"]) + "}")
    b.append(r"\cvsection{Experience}")
    for j in p["experience"]:
        d, _, _ = dates(j, style)
        items = "".join(r"\item " + tex(x) + "\n" for x in j["bullets"])
        body = (r"\textbf{" + tex(j["title"]) + r"}, \textsl{" + tex(j["company"]) + "}, " + tex(j["location"]) + "."
                + (r"\begin{cvbullets}" + items + r"\end{cvbullets}" if items else ""))
        b.append(r"\cvitem{" + tex(d) + "}{" + body + r"}\vspace{2pt}")
    b.append(r"\cvsection{Education}")
    for ed in p["education"]:
        b.append(r"\cvitem{" + tex(edu_years(ed)) + r"}{\textbf{" + tex(degree_text(ed)) + r"}, \textsl{"
                 + tex(ed["institution"]) + "}.}")
    b.append(r"\cvsection{Skills}")
    for g in p["skills"]:
        b.append(r"\cvitem{" + tex(g["group"]) + "}{" + tex(", ".join(g["items"])) + "}")
    if p.get("projects"):
        b.append(r"\cvsection{Projects}")
        for x in p["projects"]:
            b.append(r"\cvitem{" + tex(x["name"]) + "}{" + tex(x["description"]) + "}")
    b.append(r"\cvsection{Languages}")
    for x in p["languages"]:
        b.append(r"\cvitem{" + tex(x["language"]) + r"}{\textit{" + tex(x["level"]) + "}}")
    if p.get("certifications"):
        b.append(r"\cvsection{Certifications}")
        for c in p["certifications"]:
            b.append(r"\cvitem{}{" + tex(c) + "}")
    b.append(r"\end{document}" + "\n")
    src = "\n".join(b)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "cv.tex").write_text(src, encoding="utf-8")
        r = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "cv.tex"], cwd=tmp,
                           capture_output=True, text=True, errors="replace", timeout=120)
        if r.returncode != 0:
            raise RuntimeError(f"pdflatex failed for {p['id']}:\n{r.stdout[-3000:]}")
        shutil.copy(Path(tmp) / "cv.pdf", out)
    return _typographic(truth(p, style))


# --------------------------------------------------------------------------- 5. html-letter2p
LETTER_CSS = """
@page { size: Letter; margin: 0.9in 0.95in 0.85in;
        @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: 'DejaVu Serif', serif;
                         font-size: 8.5pt; color: #666; } }
@page { @top-right { content: "%(running)s"; font-family: 'DejaVu Serif', serif; font-size: 8.5pt;
                     color: #666; } }
@page :first { @top-right { content: none; } }
body { font-family: 'DejaVu Serif', serif; font-size: %(size)spt; color: #111; margin: 0; line-height: %(lh)s; }
h1 { font-size: 21pt; font-weight: 400; margin: 0; letter-spacing: 0.04em; }
.hl { font-style: italic; font-size: 12pt; margin: 2px 0 6px; color: #333; }
.contact { font-size: 9.5pt; color: #333; }
h2 { font-size: 12pt; font-weight: 700; margin: 18px 0 6px; padding-bottom: 2px; border-bottom: 2px double #444;
     break-after: avoid; }
.e { margin-bottom: 11px; }
.top { display: flex; justify-content: space-between; align-items: baseline; break-after: avoid; }
.ti { font-style: italic; break-after: avoid; }
.d { font-size: 9.5pt; color: #333; white-space: nowrap; }
ul { margin: 3px 0 0; padding-left: 20px; list-style: square; }
li { margin: 0 0 3px; }
p { margin: 0; }
"""


def _running(p):
    s = f"{p['name']} \u2014 R\u00e9sum\u00e9"
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("'", "\\'")


def html_letter2p(p, size=11, lh=1.55):
    style = p["date_style"]
    b = f"<h1>{e(p['name'])}</h1><div class=\"hl\">{e(p['headline'])}</div>"
    c = [p["email"], p["phone"], p["location"]] + [lk["url"] for lk in p["links"]]
    b += "<div class=\"contact\">" + "<br>".join(e(x) for x in c) + "</div>"
    if p.get("summary"):
        b += f"<h2>Summary</h2><p>{e(p['summary'])}</p>"
    b += "<h2>Professional Experience</h2>"
    for j in p["experience"]:
        d, _, _ = dates(j, style)
        b += (f"<div class=\"e\"><div class=\"top\"><span><b>{e(j['company'])}</b>, {e(j['location'])}</span>"
              f"<span class=\"d\">{e(d)}</span></div><div class=\"ti\">{e(j['title'])}</div>"
              "<ul>" + "".join(f"<li>{e(x)}</li>" for x in j["bullets"]) + "</ul></div>")
    b += "<h2>Education</h2>"
    for ed in p["education"]:
        b += (f"<div class=\"e\"><div class=\"top\"><span><b>{e(ed['institution'])}</b></span>"
              f"<span class=\"d\">{e(edu_years(ed))}</span></div><div class=\"ti\">{e(degree_text(ed))}</div></div>")
    b += "<h2>Skills</h2>" + "".join(
        f"<p><b>{e(g['group'])}.</b> {e('; '.join(g['items']))}</p>" for g in p["skills"])
    if p.get("projects"):
        b += "<h2>Projects</h2>" + "".join(
            f"<p><b>{e(x['name'])}</b> \u2014 {e(x['description'])}</p>" for x in p["projects"])
    if p.get("certifications"):
        b += "<h2>Certifications</h2>" + "".join(f"<p>{e(x)}</p>" for x in p["certifications"])
    b += "<h2>Languages</h2><p>" + e("; ".join(lang_text(x) for x in p["languages"])) + "</p>"
    css = LETTER_CSS % {"running": _running(p), "size": size, "lh": lh}
    return _page(css, b), truth(p, style, year=edu_years)


def _spills_to_page2(pdf, last_bullet):
    try:
        import pymupdf as fitz
        with fitz.open(pdf) as d:
            texts = [pg.get_text() for pg in d]
    except ImportError:
        texts = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f")
    texts = [x for x in texts if x.strip()]
    key = squash(last_bullet)[:40]
    return len(texts) == 2 and key not in squash(texts[0]) and key in squash(texts[1])


def render_letter2p(p, out):
    """Typography is loosened for short careers until the experience section runs onto page 2
    (the last bullet of the last job is printed on page 2) and the document has 2 pages."""
    last = p["experience"][-1]["bullets"][-1]
    for i in range(24):
        size, lh = 10.5 + 0.25 * i, 1.5 + 0.05 * i
        html_text, t = html_letter2p(p, size, round(lh, 2))
        print_pdf(html_text, str(out))
        if _spills_to_page2(out, last):
            break
    else:
        raise RuntimeError(f"html-letter2p: could not lay {p['id']} out over two pages")
    return t


# --------------------------------------------------------------------------- driver
def _html(fn):
    def render(p, out):
        html_text, t = fn(p)
        print_pdf(html_text, str(out))
        return t
    return render


TEMPLATES = {
    "html-band": ("pdf", _html(html_band)),
    "html-europass": ("pdf", _html(html_europass)),
    "docx-border": ("docx", docx_border),
    "latex-moderncv": ("pdf", latex_moderncv),
    "html-letter2p": ("pdf", render_letter2p),
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
    (DOCS / "manifest.json").write_text(json.dumps({"set": "corpus-holdout2", "documents": docs}, indent=2) + "\n",
                                        encoding="utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--persona", default="")
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    if a.check:
        sys.exit(check(DOCS))
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
