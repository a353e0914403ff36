"""A LaTeX resume (article class, pdflatex, Latin Modern T1) in the style of the popular
one-page academic/engineering templates: centred small-caps name, contact line with marvosym
icons, small-caps section titles over a rule, "Company  hfill  Location" / "Title  hfill  Dates"
entry headers and tight itemize bullets. Only packages of texlive-latex-base/-recommended.
"""
import shutil
import subprocess
import tempfile
from pathlib import Path

from common import date_range, degree_text, lang_text, truth

PREAMBLE = r"""\documentclass[11pt,a4paper]{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{lmodern}
\usepackage[margin=1.6cm]{geometry}
\usepackage{marvosym}
\usepackage[hidelinks]{hyperref}
\usepackage{xcolor}
\input{glyphtounicode}
\pdfgentounicode=1
\pagestyle{empty}
\setlength{\parindent}{0pt}
\newcommand{\cvsection}[1]{\vspace{7pt}{\large\scshape #1}\par\vspace{-5pt}\rule{\linewidth}{0.5pt}\par\vspace{2pt}}
\newcommand{\cventry}[4]{\textbf{#1} \hfill #2\par\textit{#3} \hfill \textit{#4}\par}
\newenvironment{cvitems}{\begin{itemize}\setlength{\itemsep}{0pt}\setlength{\parskip}{0pt}\setlength{\topsep}{1pt}\small}{\end{itemize}\vspace{-2pt}}
\begin{document}
"""

_SPECIAL = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}",
            "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}",
            "\u2013": "--", "\u2014": "---", "\u20ac": r"\texteuro{}", "\u00a3": r"\pounds{}"}


def tex(s):
    return "".join(_SPECIAL.get(c, c) for c in s)


def latex_article(p, out):
    b = [PREAMBLE]
    b.append(r"\begin{center}{\Huge\scshape " + tex(p["name"]) + r"}\par\vspace{3pt}")
    b.append(r"{\small " + tex(p["headline"]) + r"}\par\vspace{3pt}\small ")
    parts = [r"\Letter~" + tex(p["email"]), r"\Mobilefone~" + tex(p["phone"]), r"\Mundus~" + tex(p["location"])]
    parts += [r"\href{https://" + lk["url"] + "}{" + tex(lk["url"]) + "}" for lk in p["links"]]
    b.append(r" $|$ ".join(parts) + r"\end{center}")
    if p.get("summary"):
        b.append(r"\cvsection{Summary}" + tex(p["summary"]) + r"\par")
    b.append(r"\cvsection{Experience}")
    for j in p["experience"]:
        s_txt, e_txt, sep, _, _ = date_range(j, p["date_style"])
        b.append(r"\cventry{" + tex(j["company"]) + "}{" + tex(j["location"]) + "}{" + tex(j["title"]) + "}{"
                 + tex(f"{s_txt}{sep}{e_txt}") + "}")
        b.append(r"\begin{cvitems}" + "".join(r"\item " + tex(x) + "\n" for x in j["bullets"]) + r"\end{cvitems}")
        b.append(r"\vspace{3pt}")
    if p["education"]:
        b.append(r"\cvsection{Education}")
        for ed in p["education"]:
            b.append(r"\cventry{" + tex(ed["institution"]) + "}{" + tex(ed["year"]) + "}{" + tex(degree_text(ed)) + "}{}")
            b.append(r"\vspace{2pt}")
    if p.get("projects"):
        b.append(r"\cvsection{Projects}")
        for pr in p["projects"]:
            b.append(r"\textbf{" + tex(pr["name"]) + "} --- " + tex(pr["description"]) + r"\par")
    b.append(r"\cvsection{Technical Skills}")
    b.append(r"\begin{tabular}{@{}ll@{}}")
    b.append("\n".join(r"\textbf{" + tex(g["group"]) + "} & " + tex(", ".join(g["items"])) + r" \\"
                       for g in p["skills"]))
    b.append(r"\end{tabular}\par")
    if p.get("certifications"):
        b.append(r"\cvsection{Certifications}")
        b.append(r"\begin{cvitems}" + "".join(r"\item " + tex(c) + "\n" for c in p["certifications"]) + r"\end{cvitems}")
    b.append(r"\cvsection{Languages}" + tex(", ".join(lang_text(x) for x in p["languages"])) + r"\par")
    b.append(r"\end{document}" + "\n")
    src = "\n".join(b)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "cv.tex").write_text(src, encoding="utf-8")
        for _ in range(1):
            r = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "cv.tex"], cwd=tmp,
                               capture_output=True, text=True, timeout=120)
            if r.returncode != 0:
                raise RuntimeError(f"pdflatex failed for {p['id']}:\n{r.stdout[-3000:]}")
        shutil.copy(Path(tmp) / "cv.pdf", out)
    return _typographic(truth(p))


def _typographic(x):
    """pdflatex prints a straight ' as a right single quote: the truth says what is printed."""
    if isinstance(x, str):
        return x.replace("'", "\u2019")
    if isinstance(x, list):
        return [_typographic(v) for v in x]
    if isinstance(x, dict):
        return {k: (v if k in ("email", "start", "end") else _typographic(v)) for k, v in x.items()}
    return x


TEMPLATES = {"latex-article": latex_article}
