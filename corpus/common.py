"""Shared helpers for the corpus renderers: persona loading, date formatting, truth building.

A persona (personas/*.json) holds the facts; every template decides how they are printed and
returns a `Printed` description of what it put on the page, from which the truth is built. The
truth therefore always carries the strings exactly as the template prints them.
"""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
PERSONAS = HERE / "personas"
DOCS = HERE / "docs"

MON3 = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONFULL = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]

# style -> (point formatter, separator, word for an open end, year-only?)
DATE_STYLES = {
    "mon": (lambda y, m: f"{MON3[m - 1]} {y}", " \u2013 ", "Present", False),          # Jan 2020 – Present
    "mon-hyphen": (lambda y, m: f"{MON3[m - 1]} {y}", " - ", "Present", False),        # Sep 2015 - Aug 2017
    "month-to": (lambda y, m: f"{MONFULL[m - 1]} {y}", " to ", "present", False),      # June 2015 to August 2017
    "mm/yyyy": (lambda y, m: f"{m:02d}/{y}", " \u2013 ", "today", False),              # 03/2018 – 12/2019
    "yyyy": (lambda y, m: f"{y}", " - ", "Present", True),                             # 2019 - 2021
    "yyyy-lower": (lambda y, m: f"{y}", "\u2013", "present", True),                    # 2021–present
    "yyyy.mm": (lambda y, m: f"{y}.{m:02d}", " \u2013 ", "Present", False),            # 2019.03 – Present
    "yyyy/mm-now": (lambda y, m: f"{y}/{m:02d}", " \u2013 ", "now", False),            # 2019/03 – now
}


def load_personas():
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(PERSONAS.glob("*.json"))]


def _point(value, style):
    fmt, _, present, year_only = DATE_STYLES[style]
    if value == "present":
        return present, "present"
    y, m = (int(x) for x in value.split("-"))
    return fmt(y, m), (f"{y:04d}" if year_only else f"{y:04d}-{m:02d}")


def date_range(job, style):
    """-> (start printed, end printed, separator, start normalised, end normalised)."""
    s_txt, s_norm = _point(job["start"], style)
    e_txt, e_norm = _point(job["end"], style)
    return s_txt, e_txt, DATE_STYLES[style][1], s_norm, e_norm


def dates_text(job, style):
    s_txt, e_txt, sep, _, _ = date_range(job, style)
    return f"{s_txt}{sep}{e_txt}"


def all_skills(p):
    return [s for g in p["skills"] for s in g["items"]]


def degree_text(ed, joiner=" in "):
    return f"{ed['degree']}{joiner}{ed['field']}" if ed.get("field") else ed["degree"]


def lang_text(lang):
    return f"{lang['language']} ({lang['level']})"


def truth(p, *, name=None, phone=None, summary=True, date_style=None, dates_case=None,
          degree=None, year=None, skills=None):
    """Build the truth for persona `p` as printed by a template.

    name/phone: printed strings (default: persona's); summary: whether it is printed;
    date_style: style used for experience dates (default persona's); dates_case: 'upper' when the
    template upper-cases dates with CSS; degree(ed) / year(ed): printed degree / year strings;
    skills: printed skill list (default: every skill of every group).
    """
    style = date_style or p["date_style"]
    exp = []
    for j in p["experience"]:
        s_txt, e_txt, sep, s_norm, e_norm = date_range(j, style)
        d = f"{s_txt}{sep}{e_txt}"
        if dates_case == "upper":
            d = d.upper()
        exp.append({"title": j["title"], "company": j["company"], "dates": d,
                    "start": s_norm, "end": e_norm, "bullets": list(j["bullets"])})
    edu = [{"degree": (degree or degree_text)(ed), "institution": ed["institution"],
            "year": (year or (lambda e: e["year"]))(ed)} for ed in p["education"]]
    sections = {}
    if summary and p.get("summary"):
        sections["summary"] = p["summary"]
    sections["experience"] = exp
    sections["education"] = edu
    sections["skills"] = list(skills if skills is not None else all_skills(p))
    return {"name": name or p["name"], "email": p["email"], "phone": phone or p["phone"],
            "sections": sections}


def write_truth(stem, t):
    (DOCS / f"{stem}.truth.json").write_text(json.dumps(t, ensure_ascii=False, indent=2) + "\n",
                                             encoding="utf-8")
