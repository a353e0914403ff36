#!/usr/bin/env python3
"""Render every persona through every template into docs/ (documents + truth + manifest).

Usage: python3 render.py [--only TEMPLATE[,TEMPLATE]] [--persona ID[,ID]]

Needs: chromium (HTML themes), python-docx (DOCX templates), pdflatex (LaTeX templates).
Templates: templates_html.py, templates_docx.py, templates_latex.py (first batch of 8) and
templates_html2.py, templates_docx2.py, templates_latex2.py (second batch of 5),
templates_html3.py, templates_docx3.py, templates_latex3.py (third batch of 5).
"""
import argparse
import json
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))

from common import DOCS, load_personas, write_truth  # noqa: E402
import templates_html  # noqa: E402

TEMPLATES = {}          # name -> (extension, render(persona, out_path) -> truth)


def _html(fn):
    def render(p, out):
        html_text, t = fn(p)
        templates_html.print_pdf(html_text, str(out))
        return t
    return render


for _name, _fn in templates_html.THEMES.items():
    TEMPLATES[_name] = ("pdf", _html(_fn))

import templates_html2  # noqa: E402  (second batch: html-cards, html-markdown)
for _name, _fn in templates_html2.THEMES.items():
    TEMPLATES[_name] = ("pdf", _html(_fn))

try:
    import templates_docx  # noqa: E402
    for _name, _fn in templates_docx.TEMPLATES.items():
        TEMPLATES[_name] = ("docx", _fn)
except ImportError as exc:  # python-docx missing
    print(f"note: DOCX templates skipped ({exc})", file=sys.stderr)

try:
    import templates_docx2  # noqa: E402  (second batch: docx-textbox, docx-twocol)
    for _name, _fn in templates_docx2.TEMPLATES.items():
        TEMPLATES[_name] = ("docx", _fn)
except ImportError as exc:  # python-docx missing
    print(f"note: second-batch DOCX templates skipped ({exc})", file=sys.stderr)

try:
    import templates_latex  # noqa: E402
    for _name, _fn in templates_latex.TEMPLATES.items():
        TEMPLATES[_name] = ("pdf", _fn)
except ImportError as exc:
    print(f"note: LaTeX template skipped ({exc})", file=sys.stderr)

import templates_latex2  # noqa: E402  (second batch: latex-academic)
for _name, _fn in templates_latex2.TEMPLATES.items():
    TEMPLATES[_name] = ("pdf", _fn)

import templates_html3  # noqa: E402  (third batch: html-googledocs, html-indeed)
for _name, _fn in templates_html3.THEMES.items():
    TEMPLATES[_name] = ("pdf", _html(_fn))

import templates_docx3  # noqa: E402  (third batch: docx-msword)
for _name, _fn in templates_docx3.TEMPLATES.items():
    TEMPLATES[_name] = ("docx", _fn)

import templates_latex3  # noqa: E402  (third batch: latex-awesomecv, latex-jake)
for _name, _fn in templates_latex3.TEMPLATES.items():
    TEMPLATES[_name] = ("pdf", _fn)

# Which personas each template renders (all by default).
SUBSET = {}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--persona", default="")
    a = ap.parse_args()
    only = set(filter(None, a.only.split(",")))
    pers = set(filter(None, a.persona.split(",")))
    DOCS.mkdir(exist_ok=True)
    for name, (ext, render) in TEMPLATES.items():
        if only and name not in only:
            continue
        for p in load_personas():
            if pers and p["id"] not in pers:
                continue
            if name in SUBSET and p["id"] not in SUBSET[name]:
                continue
            stem = f"{p['id']}__{name}"
            out = DOCS / f"{stem}.{ext}"
            t = render(p, out)
            write_truth(stem, t)
            print(f"{out.name}: {out.stat().st_size} bytes")
    write_manifest()


def write_manifest():
    docs = []
    for f in sorted(DOCS.iterdir()):
        if f.suffix not in (".pdf", ".docx"):
            continue
        persona, template = f.stem.split("__", 1)
        docs.append({"file": f.name, "truth": f"{f.stem}.truth.json", "persona": persona,
                     "template": template, "format": f.suffix[1:], "bytes": f.stat().st_size})
    (DOCS / "manifest.json").write_text(json.dumps({"set": "corpus-generalisation", "documents": docs},
                                                   indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
