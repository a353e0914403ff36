#!/usr/bin/env python3
"""Check that every truth string is actually printed in its document.

PDF text comes from `pdftotext` (poppler-utils); DOCX text from the document and header XML
(stdlib zipfile). Both texts and truth strings are compared after dropping case, whitespace and
typographic differences, and line-end hyphenation (pdftotext drops a hyphen at a line break), so wrapping and letter-spacing do not
matter. Exits 1 and lists the misses when a string is not found.

Usage: python3 check_truth.py [docs/]
"""
import json
import re
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path


def squash(s):
    s = unicodedata.normalize("NFKC", s).casefold()
    s = s.replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
    s = re.sub(r"-\s*\n\s*", "-", s)           # a hyphen at a line end: keep the hyphen
    return re.sub(r"\s+", "", s)


def doc_text(path):
    if path.suffix == ".pdf":
        raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                             text=True, check=True).stdout
        return squash(raw), squash(re.sub(r"-\s*\n\s*", "", raw))   # also try without hyphenation
    with zipfile.ZipFile(path) as z:
        parts = [n for n in z.namelist() if re.match(r"word/(document|header\d*|footer\d*)\.xml$", n)]
        xml = " ".join(z.read(n).decode("utf-8") for n in parts)
    xml = re.sub(r"<w:(br|tab)/>", " ", xml)
    xml = re.sub(r"</w:p>", "\n", xml)
    txt = re.sub(r"<[^>]+>", "", xml)
    txt = txt.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
    return squash(txt), squash(txt)


def strings(t):
    yield "name", t["name"]
    yield "email", t["email"]
    yield "phone", t["phone"]
    s = t["sections"]
    if "summary" in s:
        yield "summary", s["summary"]
    for e in s["experience"]:
        for k in ("title", "company", "dates"):
            yield f"exp.{k}", e[k]
        for b in e["bullets"]:
            yield "exp.bullet", b
    for e in s["education"]:
        for k in ("degree", "institution", "year"):
            yield f"edu.{k}", e[k]
    for k in s["skills"]:
        yield "skill", k


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "docs")
    bad = 0
    n = 0
    for tp in sorted(root.glob("*.truth.json")):
        stem = tp.name[: -len(".truth.json")]
        doc = next((root / f"{stem}{x}" for x in (".pdf", ".docx") if (root / f"{stem}{x}").exists()), None)
        if doc is None:
            print(f"{stem}: no document")
            bad += 1
            continue
        texts = doc_text(doc)
        t = json.loads(tp.read_text(encoding="utf-8"))
        for field, value in strings(t):
            n += 1
            v = squash(value)
            if not (any(v in x for x in texts) or v.replace("-", "") in texts[0].replace("-", "")):
                bad += 1
                print(f"{doc.name}: {field} not found: {value!r}")
    print(f"{n} truth strings checked, {bad} not found")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
