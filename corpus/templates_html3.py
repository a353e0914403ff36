"""Third batch, HTML printed by headless Chromium.

html-googledocs: the Google Docs "Spearmint"/"Serif" resume look: large serif name, contact block
    at the top right, coloured upper-case letter-spaced section headings, entries as
    "**Company**, Location — *Job Title*" on one line and "SEPTEMBER 2021 - PRESENT" (printed in
    upper case, full month names, for every persona) in small grey type underneath, then bullets.
html-indeed: an "Indeed resume" PDF export: plain sans-serif, name, headline, then location, email
    and phone each on its own line, an untitled summary, "Work Experience" entries as title (bold) /
    company / location / "September 2021 to Present" (every persona) / "- achievement" lines,
    "Education" as degree (bold) / school / location / "2012 to 2014", "Skills" as
    "Skill (N years)" lines, then "Languages" and "Certifications and Licenses".
"""
import zlib
from html import escape as e

from common import MONFULL, degree_text, lang_text, truth
from templates_html import _page

# --------------------------------------------------------------------------- google docs
GD_CSS = """
@page { size: Letter; margin: 0.6in 0.75in; }
body { font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 10pt; color: #666; margin: 0; line-height: 1.35; }
.top { display: flex; justify-content: space-between; align-items: flex-start; }
h1 { font-family: 'Liberation Serif', serif; font-size: 30pt; color: #000; font-weight: 700; margin: 0 0 4px; }
.headline { color: #000; font-size: 11pt; }
.contact { text-align: right; font-size: 9.5pt; line-height: 1.45; }
h2 { color: #2079c7; font-size: 10pt; letter-spacing: 0.18em; text-transform: uppercase; font-weight: 700;
     margin: 18px 0 6px; }
.entry { margin-bottom: 9px; break-inside: avoid; }
.head { color: #000; font-size: 11pt; }
.head b { font-weight: 700; }
.when { font-size: 8pt; color: #666; margin: 1px 0 3px; letter-spacing: 0.03em; }
ul { margin: 2px 0 0; padding-left: 18px; }
li { margin: 0 0 2px; }
p { margin: 2px 0; }
"""


def _gd_point(v):
    if v == "present":
        return "PRESENT", "present"
    y, m = v.split("-")
    return f"{MONFULL[int(m) - 1].upper()} {y}", f"{y}-{m}"


def googledocs(p):
    contact = [e(p["location"]), e(p["phone"]), e(p["email"])] + [e(lk["url"]) for lk in p["links"]]
    h = [f"<div class=\"top\"><div><h1>{e(p['name'])}</h1><div class=\"headline\">{e(p['headline'])}</div></div>"
         f"<div class=\"contact\">{'<br>'.join(contact)}</div></div>"]
    if p.get("summary"):
        h.append(f"<h2>Summary</h2><p>{e(p['summary'])}</p>")
    h.append("<h2>Experience</h2>")
    exp_truth = []
    for j in p["experience"]:
        s, sn = _gd_point(j["start"])
        en, enn = _gd_point(j["end"])
        d = f"{s} - {en}"
        h.append(f"<div class=\"entry\"><div class=\"head\"><b>{e(j['company'])}</b>, {e(j['location'])} \u2014 "
                 f"<i>{e(j['title'])}</i></div><div class=\"when\">{e(d)}</div>"
                 + "<ul>" + "".join(f"<li>{e(b)}</li>" for b in j["bullets"]) + "</ul></div>")
        exp_truth.append((d, sn, enn))
    if p["education"]:
        h.append("<h2>Education</h2>")
        for ed in p["education"]:
            h.append(f"<div class=\"entry\"><div class=\"head\"><b>{e(ed['institution'])}</b> \u2014 "
                     f"<i>{e(degree_text(ed))}</i></div><div class=\"when\">{ed['start_year']} - {ed['year']}</div></div>")
    if p.get("projects"):
        h.append("<h2>Projects</h2>")
        for pr in p["projects"]:
            h.append(f"<div class=\"entry\"><div class=\"head\"><b>{e(pr['name'])}</b></div><p>{e(pr['description'])}</p></div>")
    h.append("<h2>Skills</h2>")
    h.append("<ul>" + "".join(f"<li>{e(', '.join(g['items']))}</li>" for g in p["skills"]) + "</ul>")
    if p.get("certifications"):
        h.append("<h2>Awards</h2>" + "".join(f"<p>{e(c)}</p>" for c in p["certifications"]))
    h.append("<h2>Languages</h2><p>" + e(", ".join(lang_text(x) for x in p["languages"])) + "</p>")
    t = truth(p, year=lambda ed: f"{ed['start_year']} - {ed['year']}")
    for x, (d, sn, enn) in zip(t["sections"]["experience"], exp_truth):
        x["dates"], x["start"], x["end"] = d, sn, enn
    return _page(GD_CSS, "".join(h)), t


# --------------------------------------------------------------------------- indeed
IN_CSS = """
@page { size: Letter; margin: 0.7in 0.8in; }
body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10.5pt; color: #2d2d2d; margin: 0; line-height: 1.4; }
h1 { font-size: 20pt; font-weight: 700; margin: 0 0 4px; }
.l { margin: 0; }
h2 { font-size: 13pt; font-weight: 700; margin: 18px 0 8px; padding-bottom: 3px; border-bottom: 1px solid #bbb; }
.job { margin: 0 0 12px; break-inside: avoid; }
.t { font-weight: 700; font-size: 11pt; }
.meta { color: #595959; }
"""


def _in_point(v):
    if v == "present":
        return "Present", "present"
    y, m = v.split("-")
    return f"{MONFULL[int(m) - 1]} {y}", f"{y}-{m}"


def _years(skill):
    return 1 + zlib.crc32(skill.encode("utf-8")) % 9


def indeed(p):
    h = [f"<h1>{e(p['name'])}</h1>", f"<p class=\"l\">{e(p['headline'])}</p>",
         f"<p class=\"l\">{e(p['location'])}</p>", f"<p class=\"l\">{e(p['email'])}</p>",
         f"<p class=\"l\">{e(p['phone'])}</p>"]
    if p.get("summary"):
        h.append(f"<p style=\"margin-top:12px\">{e(p['summary'])}</p>")
    h.append("<p class=\"l\" style=\"margin-top:8px\">Willing to relocate: Anywhere</p>")
    h.append("<h2>Work Experience</h2>")
    exp_truth = []
    for j in p["experience"]:
        s, sn = _in_point(j["start"])
        en, enn = _in_point(j["end"])
        d = f"{s} to {en}"
        h.append(f"<div class=\"job\"><p class=\"l t\">{e(j['title'])}</p><p class=\"l\">{e(j['company'])}</p>"
                 f"<p class=\"l meta\">{e(j['location'])}</p><p class=\"l meta\">{e(d)}</p>"
                 + "".join(f"<p class=\"l\">- {e(b)}</p>" for b in j["bullets"]) + "</div>")
        exp_truth.append((d, sn, enn))
    if p["education"]:
        h.append("<h2>Education</h2>")
        for ed in p["education"]:
            h.append(f"<div class=\"job\"><p class=\"l t\">{e(degree_text(ed))}</p><p class=\"l\">{e(ed['institution'])}</p>"
                     f"<p class=\"l meta\">{e(p['location'])}</p><p class=\"l meta\">{ed['start_year']} to {ed['year']}</p></div>")
    h.append("<h2>Skills</h2>")
    items = [s for g in p["skills"] for s in g["items"]]
    h.append("".join(f"<p class=\"l\">\u2022 {e(s)} ({_years(s)} year{'s' if _years(s) > 1 else ''})</p>" for s in items))
    h.append("<h2>Languages</h2>" + "".join(f"<p class=\"l\">\u2022 {e(x['language'])} \u2014 {e(x['level'].capitalize())}</p>"
                                            for x in p["languages"]))
    if p.get("certifications"):
        h.append("<h2>Certifications and Licenses</h2>" + "".join(f"<p class=\"l t\">{e(c)}</p>" for c in p["certifications"]))
    t = truth(p, year=lambda ed: f"{ed['start_year']} to {ed['year']}")
    for x, (d, sn, enn) in zip(t["sections"]["experience"], exp_truth):
        x["dates"], x["start"], x["end"] = d, sn, enn
    return _page(IN_CSS, "".join(h)), t


THEMES = {"html-googledocs": googledocs, "html-indeed": indeed}
