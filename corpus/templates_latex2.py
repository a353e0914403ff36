"""A LaTeX academic-style CV (second batch): article class, pdflatex, Times-like `mathptmx` text
(Nimbus Roman via psnfss) with T1 fonts and `glyphtounicode`.

latex-academic: centred bold name with the headline and a stacked, centred address block
("Email: … · Phone: …"). Education comes first. Every entry is an item of a `description`
list whose bold LABEL is the date range (`\\item[2019--2022] Title, Company, City`), so the
dates come before the title on the same line; achievements are a nested `itemize` whose items
carry an en-dash label. Sections use \\section* with custom titles ("Appointments and
Experience", "Education", "Selected Projects" as a numbered `enumerate`, "Certifications and
Awards", "Skills" as a run-in paragraph per group, "Languages"). A running footer shows the
name and page number.
"""
import shutil
import subprocess
import tempfile
from pathlib import Path

from common import dates_text, degree_text, lang_text, truth
from templates_latex import _typographic
from templates_latex import tex as _tex


def tex(s):
    # Times (TS1) has no euro glyph, textcomp would fake one from a "C"; take it from Latin Modern.
    return _tex(s).replace(r"\texteuro{}", r"{\fontfamily{lmr}\selectfont\texteuro}")

PREAMBLE = r"""\documentclass[10pt,a4paper]{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{mathptmx}
\usepackage[margin=2cm,bottom=2.2cm]{geometry}
\usepackage[hidelinks]{hyperref}
\input{glyphtounicode}
\pdfgentounicode=1
\setlength{\parindent}{0pt}
\setlength{\parskip}{2pt}
\makeatletter
\renewcommand{\section}{\@startsection{section}{1}{0pt}{-9pt plus -2pt}{3pt}{\normalfont\large\bfseries}}
\def\ps@cvfoot{\def\@oddhead{}\def\@oddfoot{\footnotesize\itshape NAMEFOOT\hfill Curriculum Vitae, page \thepage}}
\makeatother
\pagestyle{cvfoot}
\newenvironment{achievements}{\begin{itemize}\setlength{\itemsep}{0pt}\setlength{\parskip}{0pt}\setlength{\topsep}{1pt}}{\end{itemize}}
\begin{document}
"""


def latex_academic(p, out):
    b = [PREAMBLE.replace("NAMEFOOT", tex(p["name"]))]
    b.append(r"\begin{center}{\LARGE\bfseries " + tex(p["name"]) + r"}\\[3pt]")
    b.append(r"\textit{" + tex(p["headline"]) + r"}\\[2pt]")
    b.append(tex(p["location"]) + r"\\")
    b.append(r"Email: \href{mailto:" + p["email"] + "}{" + tex(p["email"]) + r"} \quad$\cdot$\quad Phone: "
             + tex(p["phone"]))
    if p["links"]:
        b.append(r"\\" + r" \quad$\cdot$\quad ".join(
            r"\href{https://" + lk["url"] + "}{" + tex(lk["url"]) + "}" for lk in p["links"]))
    b.append(r"\end{center}")
    if p.get("summary"):
        b.append(r"\section*{Research and Professional Interests}" + tex(p["summary"]) + r"\par")
    if p["education"]:
        b.append(r"\section*{Education}\begin{description}\setlength{\itemsep}{1pt}")
        for ed in p["education"]:
            b.append(r"\item[" + tex(f"{ed['start_year']}\u2013{ed['year']}") + "] " + tex(degree_text(ed))
                     + ", " + tex(ed["institution"]))
        b.append(r"\end{description}")
    b.append(r"\section*{Appointments and Experience}\begin{description}\setlength{\itemsep}{2pt}")
    for j in p["experience"]:
        b.append(r"\item[" + tex(dates_text(j, p["date_style"])) + "] " + tex(j["title"]) + ", "
                 + tex(j["company"]) + ", " + tex(j["location"]))
        if j["bullets"]:
            b.append(r"\begin{achievements}" + "".join(r"\item[--] " + tex(x) + "\n" for x in j["bullets"])
                     + r"\end{achievements}")
    b.append(r"\end{description}")
    if p.get("projects"):
        b.append(r"\section*{Selected Projects}\begin{enumerate}\setlength{\itemsep}{0pt}")
        for pr in p["projects"]:
            b.append(r"\item \textit{" + tex(pr["name"]) + "}. " + tex(pr["description"]))
        b.append(r"\end{enumerate}")
    if p.get("certifications"):
        b.append(r"\section*{Certifications and Awards}\begin{itemize}\setlength{\itemsep}{0pt}")
        b.append("".join(r"\item " + tex(c) + "\n" for c in p["certifications"]))
        b.append(r"\end{itemize}")
    b.append(r"\section*{Skills}")
    b.append("\n\n".join(r"\textsc{" + tex(g["group"]) + r"}.\enspace " + tex(", ".join(g["items"]))
                         for g in p["skills"]))
    b.append(r"\section*{Languages}" + tex("; ".join(lang_text(x) for x in p["languages"])) + r"\par")
    b.append(r"\end{document}" + "\n")
    src = "\n".join(b)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "cv.tex").write_text(src, encoding="utf-8")
        r = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "cv.tex"], cwd=tmp,
                           capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            raise RuntimeError(f"pdflatex failed for {p['id']}:\n{r.stdout[-3000:]}")
        shutil.copy(Path(tmp) / "cv.pdf", out)
    return _typographic(truth(p, year=lambda ed: f"{ed['start_year']}\u2013{ed['year']}"))


TEMPLATES = {"latex-academic": latex_academic}
