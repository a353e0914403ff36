"""Third batch, LaTeX (pdflatex, base/recommended packages only).

latex-awesomecv: a hand-made imitation of Awesome-CV: big name (first names light grey, surname
    bold), small-caps position line, contact items separated by a coloured bar, section titles
    whose first three letters are in the accent colour over a rule, entries as a two-row
    tabular* (bold Company | italic location; small-caps Title | dates) and small bullets.
latex-jake: "Jake's Resume": article class, centred bold name, one contact line joined by $|$,
    small-caps section titles over a rule, \\resumeSubheading-style two-row tabular* entries
    (bold Company hfill Location / italic Title hfill italic Dates), \\resumeItem small bullets,
    "Projects" as "\\textbf{Name} $|$ \\emph{stack} hfill year" and "Technical Skills" rows
    "\\textbf{Group}{: a, b, c}".
"""
import shutil
import subprocess
import tempfile
from pathlib import Path

from common import date_range, degree_text, lang_text, truth
from templates_latex import _typographic, tex


def _compile(src, p, out):
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "cv.tex").write_text(src, encoding="utf-8")
        r = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "cv.tex"], cwd=tmp,
                           capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            raise RuntimeError(f"pdflatex failed for {p['id']}:\n{r.stdout[-3000:]}")
        shutil.copy(Path(tmp) / "cv.pdf", out)


def _dates(j, p):
    s_txt, e_txt, sep, _, _ = date_range(j, p["date_style"])
    return f"{s_txt}{sep}{e_txt}"


# --------------------------------------------------------------------------- awesome-cv
AWESOME_PRE = r"""\documentclass[10pt,a4paper]{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{lmodern}
\renewcommand{\familydefault}{\sfdefault}
\usepackage[left=1.4cm,right=1.4cm,top=1.2cm,bottom=1.4cm]{geometry}
\usepackage[hidelinks]{hyperref}
\usepackage{xcolor}
\usepackage{array}
\input{glyphtounicode}
\pdfgentounicode=1
\pagestyle{empty}
\setlength{\parindent}{0pt}
\definecolor{awesome}{HTML}{DC3522}
\definecolor{graytext}{HTML}{5D5D5D}
\definecolor{lighttext}{HTML}{999999}
\newcommand{\acvsep}{\enspace{\color{lighttext}\textbar}\enspace}
\newcommand{\cvsection}[2]{\vspace{6pt}{\Large\bfseries\color{awesome}#1\color{black}#2}\enspace{\color{lighttext}\hrulefill}\par\vspace{2pt}}
\newcommand{\cventry}[4]{\begin{tabular*}{\textwidth}{@{\extracolsep{\fill}} l r}
  \textbf{#1} & {\small\itshape\color{awesome}#2} \\
  {\small\scshape\color{graytext}#3} & {\small\itshape\color{graytext}#4} \\
\end{tabular*}\par}
\newenvironment{cvitems}{\vspace{-4pt}\begin{list}{\scriptsize\textbullet}{\setlength{\leftmargin}{2ex}\setlength{\itemsep}{0pt}\setlength{\parsep}{0pt}\setlength{\topsep}{0pt}\setlength{\labelwidth}{1.5ex}}\small\color{graytext}}{\end{list}\vspace{3pt}}
\begin{document}
"""


def _sec(title):
    return r"\cvsection{" + tex(title[:3]) + "}{" + tex(title[3:]) + "}"


def latex_awesomecv(p, out):
    first, last = p["name"].rsplit(" ", 1)
    b = [AWESOME_PRE, r"\begin{center}"]
    b.append(r"{\fontsize{30pt}{34pt}\selectfont{\mdseries\color{graytext}" + tex(first) + r"} \textbf{" + tex(last)
             + r"}}\par\vspace{4pt}")
    b.append(r"{\small\scshape\color{awesome}" + tex(p["headline"]) + r"}\par\vspace{3pt}")
    parts = [tex(p["location"]), tex(p["phone"]), r"\href{mailto:" + tex(p["email"]) + "}{" + tex(p["email"]) + "}"]
    parts += [r"\href{https://" + lk["url"] + "}{" + tex(lk["url"]) + "}" for lk in p["links"]]
    b.append(r"{\footnotesize\color{graytext}" + r"\acvsep ".join(parts) + r"}\end{center}")
    if p.get("summary"):
        b.append(_sec("Summary") + r"{\small\color{graytext}" + tex(p["summary"]) + r"}\par")
    b.append(_sec("Experience"))
    for j in p["experience"]:
        b.append(r"\cventry{" + tex(j["company"]) + "}{" + tex(j["location"]) + "}{" + tex(j["title"]) + "}{"
                 + tex(_dates(j, p)) + "}")
        b.append(r"\begin{cvitems}" + "".join(r"\item " + tex(x) + "\n" for x in j["bullets"]) + r"\end{cvitems}")
    if p["education"]:
        b.append(_sec("Education"))
        for ed in p["education"]:
            b.append(r"\cventry{" + tex(ed["institution"]) + "}{" + tex(p["location"].split(",")[-1].strip())
                     + "}{" + tex(degree_text(ed)) + "}{" + tex(f"{ed['start_year']} - {ed['year']}") + r"}\vspace{2pt}")
    b.append(_sec("Skills"))
    b.append(r"\begin{tabular*}{\textwidth}{@{} >{\raggedleft\bfseries\small}p{3.2cm} >{\small\color{graytext}}p{13.6cm} @{}}")
    b.append("\n".join(tex(g["group"]) + " & " + tex(", ".join(g["items"])) + r" \\" for g in p["skills"]))
    b.append(r"\end{tabular*}\par")
    if p.get("projects"):
        b.append(_sec("Projects"))
        for pr in p["projects"]:
            b.append(r"{\small\textbf{" + tex(pr["name"]) + r"}\acvsep " + tex(pr["description"]) + r"}\par")
    if p.get("certifications"):
        b.append(_sec("Certificates"))
        b.append(r"\begin{cvitems}" + "".join(r"\item " + tex(c) + "\n" for c in p["certifications"]) + r"\end{cvitems}")
    b.append(_sec("Languages") + r"{\small " + tex(", ".join(lang_text(x) for x in p["languages"])) + r"}\par")
    b.append(r"\end{document}" + "\n")
    _compile("\n".join(b), p, out)
    return _typographic(truth(p, year=lambda ed: f"{ed['start_year']} - {ed['year']}"))


# --------------------------------------------------------------------------- Jake's resume
JAKE_PRE = r"""\documentclass[letterpaper,11pt]{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{lmodern}
\usepackage{latexsym}
\usepackage[letterpaper,margin=0.5in]{geometry}
\usepackage[usenames,dvipsnames]{color}
\usepackage[hidelinks]{hyperref}
\usepackage{tabularx}
\input{glyphtounicode}
\pdfgentounicode=1
\pagestyle{empty}
\urlstyle{same}
\raggedbottom
\raggedright
\setlength{\tabcolsep}{0in}
\renewcommand{\section}[1]{\par\vspace{6pt}{\scshape\raggedright\large #1}\par\vspace{-3pt}\rule{\textwidth}{0.4pt}\par\vspace{1pt}}
\newcommand{\resumeItem}[1]{\item\small{{#1 \vspace{-2pt}}}}
\newcommand{\resumeSubheading}[4]{\vspace{-2pt}\item
    \begin{tabular*}{0.97\textwidth}[t]{l@{\extracolsep{\fill}}r}
      \textbf{#1} & #2 \\
      \textit{\small#3} & \textit{\small #4} \\
    \end{tabular*}\vspace{-7pt}}
\newcommand{\resumeProjectHeading}[2]{\item
    \begin{tabular*}{0.97\textwidth}{l@{\extracolsep{\fill}}r}
      \small#1 & #2 \\
    \end{tabular*}\vspace{-7pt}}
\renewcommand\labelitemii{$\vcenter{\hbox{\tiny$\bullet$}}$}
\newcommand{\resumeSubHeadingListStart}{\begin{list}{}{\setlength{\leftmargin}{0.15in}\setlength{\labelwidth}{0pt}\setlength{\itemsep}{0pt}\setlength{\topsep}{0pt}}}
\newcommand{\resumeSubHeadingListEnd}{\end{list}}
\newcommand{\resumeItemListStart}{\vspace{2pt}\begin{list}{$\vcenter{\hbox{\tiny$\bullet$}}$}{\setlength{\leftmargin}{0.2in}\setlength{\itemsep}{0pt}\setlength{\parsep}{0pt}\setlength{\topsep}{0pt}}}
\newcommand{\resumeItemListEnd}{\end{list}\vspace{-3pt}}
\begin{document}
"""


def latex_jake(p, out):
    b = [JAKE_PRE, r"\begin{center}"]
    b.append(r"\textbf{\Huge \scshape " + tex(p["name"]) + r"} \\ \vspace{1pt}")
    parts = [tex(p["phone"]), r"\href{mailto:" + tex(p["email"]) + r"}{\underline{" + tex(p["email"]) + "}}"]
    parts += [r"\href{https://" + lk["url"] + r"}{\underline{" + tex(lk["url"]) + "}}" for lk in p["links"]]
    b.append(r"\small " + r" $|$ ".join(parts) + r"\end{center}")
    if p.get("summary"):
        b.append(r"\section{Summary}" + r"\small " + tex(p["summary"]) + r"\par")
    if p["education"]:
        b.append(r"\section{Education}\resumeSubHeadingListStart")
        for ed in p["education"]:
            b.append(r"\resumeSubheading{" + tex(ed["institution"]) + "}{" + tex(p["location"]) + "}{"
                     + tex(degree_text(ed, ", ")) + "}{" + tex(f"{ed['start_year']} -- {ed['year']}") + "}")
        b.append(r"\resumeSubHeadingListEnd")
    b.append(r"\section{Experience}\resumeSubHeadingListStart")
    for j in p["experience"]:
        b.append(r"\resumeSubheading{" + tex(j["company"]) + "}{" + tex(j["location"]) + "}{" + tex(j["title"])
                 + "}{" + tex(_dates(j, p)) + "}")
        b.append(r"\resumeItemListStart" + "".join(r"\resumeItem{" + tex(x) + "}\n" for x in j["bullets"])
                 + r"\resumeItemListEnd")
    b.append(r"\resumeSubHeadingListEnd")
    if p.get("projects"):
        b.append(r"\section{Projects}\resumeSubHeadingListStart")
        stack = ", ".join(p["skills"][0]["items"][:3])
        yr = p["experience"][0]["start"][:4]
        for pr in p["projects"]:
            b.append(r"\resumeProjectHeading{\textbf{" + tex(pr["name"]) + r"} $|$ \emph{" + tex(stack) + "}}{"
                     + yr + "}")
            b.append(r"\resumeItemListStart\resumeItem{" + tex(pr["description"]) + r"}\resumeItemListEnd")
        b.append(r"\resumeSubHeadingListEnd")
    b.append(r"\section{Technical Skills}\begin{list}{}{\setlength{\leftmargin}{0.15in}\setlength{\topsep}{0pt}}\small{\item{")
    b.append(r" \\ ".join(r"\textbf{" + tex(g["group"]) + "}{: " + tex(", ".join(g["items"])) + "}" for g in p["skills"]))
    if p.get("languages"):
        b.append(r" \\ \textbf{Spoken}{: " + tex(", ".join(lang_text(x) for x in p["languages"])) + "}")
    b.append(r"}}\end{list}")
    if p.get("certifications"):
        b.append(r"\section{Certifications}\resumeItemListStart"
                 + "".join(r"\resumeItem{" + tex(c) + "}\n" for c in p["certifications"]) + r"\resumeItemListEnd")
    b.append(r"\end{document}" + "\n")
    _compile("\n".join(b), p, out)
    return _typographic(truth(p, degree=lambda ed: degree_text(ed, ", "),
                              year=lambda ed: f"{ed['start_year']}\u2013{ed['year']}"))


TEMPLATES = {"latex-awesomecv": latex_awesomecv, "latex-jake": latex_jake}
