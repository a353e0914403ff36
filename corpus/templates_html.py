"""HTML resume themes, printed to PDF by headless Chromium.

Each theme is a function persona -> (html, truth). Only local fonts are used (Liberation, DejaVu);
icons are Unicode symbols or inline SVG, never web fonts.
"""
import os
import subprocess
import tempfile
from html import escape as e

from common import all_skills, dates_text, degree_text, lang_text, truth

CHROMIUM = os.environ.get("CHROMIUM", "chromium")

LINK_SVG = ('<svg width="9" height="9" viewBox="0 0 16 16" style="vertical-align:-1px">'
            '<path d="M6 10l4-4M7 3h6v6M13 3L7 9M3 5v8h8" stroke="#2a6f97" stroke-width="1.6" '
            'fill="none"/></svg>')


def print_pdf(html_text, out_pdf):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "resume.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(html_text)
        profile = os.path.join(tmp, "profile")
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run",
               f"--user-data-dir={profile}", "--no-pdf-header-footer",
               f"--print-to-pdf={out_pdf}", "file://" + src]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


def _page(css, body):
    return f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>CV</title><style>{css}</style></head>" \
           f"<body>{body}</body></html>\n"


def _bullets(items):
    return "<ul>" + "".join(f"<li>{e(b)}</li>" for b in items) + "</ul>"


def _projects(p, h="h2"):
    if not p.get("projects"):
        return ""
    out = f"<{h}>Projects</{h}>"
    for pr in p["projects"]:
        out += f"<p class=\"proj\"><b>{e(pr['name'])}</b> \u2014 {e(pr['description'])}</p>"
    return out


def _certs(p, h="h2"):
    if not p.get("certifications"):
        return ""
    return f"<{h}>Certifications</{h}>" + _bullets(p["certifications"])


# --------------------------------------------------------------------------- (a) modern
MODERN_CSS = """
@page { size: A4; margin: 15mm 17mm; }
body { font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 10pt; color: #222; margin: 0; }
h1 { font-size: 23pt; letter-spacing: 0.22em; text-transform: uppercase; margin: 0; font-weight: 700; }
.headline { color: #2a6f97; font-size: 12pt; margin: 3px 0 8px; }
.contact { display: flex; flex-wrap: wrap; gap: 3px 18px; font-size: 9pt; color: #333; }
.ic { color: #2a6f97; margin-right: 5px; font-family: 'DejaVu Sans'; }
h2 { font-size: 10.5pt; letter-spacing: 0.32em; text-transform: uppercase; color: #2a6f97;
     border-bottom: 1.2px solid #2a6f97; padding-bottom: 2px; margin: 15px 0 7px; }
.row { display: flex; justify-content: space-between; align-items: baseline; }
.title { font-weight: 700; font-size: 10.5pt; }
.dates { color: #555; white-space: nowrap; font-size: 9.5pt; }
.sub { color: #444; }
.job { margin-bottom: 8px; break-inside: avoid; }
ul { margin: 3px 0 0 0; padding-left: 15px; }
li { margin-bottom: 1px; }
.skills p { margin: 2px 0; }
.proj { margin: 2px 0; }
"""


def modern(p):
    c = [f"<span><span class=\"ic\">\u2709</span>{e(p['email'])}</span>",
         f"<span><span class=\"ic\">\u260e</span>{e(p['phone'])}</span>",
         f"<span><span class=\"ic\">\u2302</span>{e(p['location'])}</span>"]
    c += [f"<span>{LINK_SVG} {e(lk['url'])}</span>" for lk in p["links"]]
    b = f"<h1>{e(p['name'])}</h1><div class=\"headline\">{e(p['headline'])}</div>"
    b += "<div class=\"contact\">" + "".join(c) + "</div>"
    if p.get("summary"):
        b += f"<h2>Profile</h2><p>{e(p['summary'])}</p>"
    b += "<h2>Experience</h2>"
    for j in p["experience"]:
        b += (f"<div class=\"job\"><div class=\"row\"><span class=\"title\">{e(j['title'])}</span>"
              f"<span class=\"dates\">{e(dates_text(j, p['date_style']))}</span></div>"
              f"<div class=\"sub\">{e(j['company'])} \u00b7 {e(j['location'])}</div>{_bullets(j['bullets'])}</div>")
    if p["education"]:
        b += "<h2>Education</h2>"
        for ed in p["education"]:
            b += (f"<div class=\"job\"><div class=\"row\"><span class=\"title\">{e(degree_text(ed))}</span>"
                  f"<span class=\"dates\">{ed['start_year']} \u2013 {ed['year']}</span></div>"
                  f"<div class=\"sub\">{e(ed['institution'])}</div></div>")
    b += "<h2>Skills</h2><div class=\"skills\">"
    for g in p["skills"]:
        b += f"<p><b>{e(g['group'])}:</b> {e(', '.join(g['items']))}</p>"
    b += "</div>"
    b += _projects(p) + _certs(p)
    b += "<h2>Languages</h2><p>" + e(", ".join(lang_text(x) for x in p["languages"])) + "</p>"
    t = truth(p, name=p["name"].upper(), year=lambda ed: f"{ed['start_year']} \u2013 {ed['year']}")
    return _page(MODERN_CSS, b), t


# --------------------------------------------------------------------------- (b) sidebar
SIDEBAR_CSS = """
@page { size: A4; margin: 12mm 12mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #1d2a33; margin: 0; }
.grid { display: grid; grid-template-columns: 62mm 1fr; column-gap: 8mm; }
.side { background: #eaf1f5; padding: 8mm 5mm; border-radius: 2mm; }
.avatar { width: 22mm; height: 22mm; border-radius: 50%; background: #1f4e6b; color: #fff;
          font-size: 16pt; font-weight: 700; display: flex; align-items: center; justify-content: center;
          margin: 0 auto 6mm; }
.side h3 { font-size: 9pt; text-transform: uppercase; letter-spacing: 0.15em; color: #1f4e6b;
           margin: 6mm 0 2mm; border-bottom: 1px solid #9db8c9; }
.lbl { font-size: 7pt; text-transform: uppercase; letter-spacing: 0.1em; color: #5b7688; margin-top: 2mm; }
.val { font-size: 8.5pt; }
.val.mail { font-size: 7.4pt; letter-spacing: -0.01em; }
.pill { display: inline-block; background: #1f4e6b; color: #fff; border-radius: 3mm; padding: 0.6mm 2.2mm;
        margin: 0 1mm 1.2mm 0; font-size: 8pt; }
.edu { margin-bottom: 3mm; }
.edu b { display: block; }
.main h1 { font-size: 17pt; margin: 0; color: #1f4e6b; }
.main .headline { font-size: 11pt; color: #5b7688; margin: 1mm 0 4mm; }
.main h2 { font-size: 11pt; text-transform: uppercase; letter-spacing: 0.12em; color: #1f4e6b; margin: 6mm 0 2mm; }
.when { font-size: 7.5pt; color: #5b7688; text-transform: uppercase; letter-spacing: 0.05em; }
.jt { font-weight: 700; font-size: 10pt; }
.co { font-style: italic; }
.job { margin-bottom: 4mm; break-inside: avoid; }
ul { margin: 1mm 0 0 0; padding-left: 4mm; }
.proj { margin: 1mm 0; }
"""


def sidebar(p):
    initials = "".join(w[0] for w in p["name"].replace("-", " ").split()[:1] + p["name"].split()[-1:])
    s = f"<div class=\"avatar\">{e(initials.upper())}</div><h3>Contact</h3>"
    s += f"<div class=\"lbl\">Email</div><div class=\"val mail\">{e(p['email'])}</div>"
    s += f"<div class=\"lbl\">Phone</div><div class=\"val\">{e(p['phone'])}</div>"
    s += f"<div class=\"lbl\">Location</div><div class=\"val\">{e(p['location'])}</div>"
    for lk in p["links"]:
        s += f"<div class=\"lbl\">{e(lk['label'])}</div><div class=\"val\">{e(lk['url'])}</div>"
    s += "<h3>Skills</h3><div>" + "".join(f"<span class=\"pill\">{e(x)}</span>" for x in all_skills(p)) + "</div>"
    s += "<h3>Languages</h3>" + "".join(
        f"<div class=\"val\">{e(x['language'])} \u00b7 {e(x['level'])}</div>" for x in p["languages"])
    if p["education"]:
        s += "<h3>Education</h3>"
        for ed in p["education"]:
            s += (f"<div class=\"edu\"><b>{e(degree_text(ed, ', '))}</b>{e(ed['institution'])}<br>"
                  f"<span class=\"when\">{ed['year']}</span></div>")
    m = f"<h1>{e(p['name'])}</h1><div class=\"headline\">{e(p['headline'])}</div>"
    if p.get("summary"):
        m += f"<h2>About me</h2><p>{e(p['summary'])}</p>"
    m += "<h2>Work experience</h2>"
    for j in p["experience"]:
        m += (f"<div class=\"job\"><div class=\"when\">{e(dates_text(j, p['date_style']))}</div>"
              f"<div class=\"jt\">{e(j['title'])}</div><div class=\"co\">{e(j['company'])}, {e(j['location'])}</div>"
              f"{_bullets(j['bullets'])}</div>")
    m += _projects(p) + _certs(p)
    body = f"<div class=\"grid\"><aside class=\"side\">{s}</aside><main class=\"main\">{m}</main></div>"
    t = truth(p, dates_case="upper", degree=lambda ed: degree_text(ed, ", "))
    return _page(SIDEBAR_CSS, body), t


# --------------------------------------------------------------------------- (c) classic
CLASSIC_CSS = """
@page { size: Letter; margin: 0.7in 0.75in; }
body { font-family: 'Liberation Serif', 'DejaVu Serif', serif; font-size: 11pt; color: #000; margin: 0; }
h1 { text-align: center; font-size: 22pt; font-variant: small-caps; font-weight: 400; margin: 0; letter-spacing: 0.04em; }
.contact { text-align: center; font-size: 10pt; margin: 3px 0 6px; }
h2 { font-size: 12pt; font-variant: small-caps; font-weight: 700; border-bottom: 0.8px solid #000;
     margin: 12px 0 5px; padding-bottom: 1px; }
.row { display: flex; justify-content: space-between; }
.co { font-weight: 700; }
.ti { font-style: italic; }
.dt { font-style: italic; }
.entry { margin-bottom: 6px; break-inside: avoid; }
ul { margin: 1px 0 0 0; padding-left: 22px; }
p { margin: 2px 0; }
"""


def classic(p):
    contact = " \u2022 ".join([e(p["location"]), e(p["email"]), e(p["phone"])] + [e(lk["url"]) for lk in p["links"]])
    b = f"<h1>{e(p['name'])}</h1><div class=\"contact\">{contact}</div>"
    if p.get("summary"):
        b += f"<h2>Summary</h2><p>{e(p['summary'])}</p>"
    b += "<h2>Professional Experience</h2>"
    for j in p["experience"]:
        b += (f"<div class=\"entry\"><div class=\"row\"><span class=\"co\">{e(j['company'])}</span>"
              f"<span>{e(j['location'])}</span></div><div class=\"row\"><span class=\"ti\">{e(j['title'])}</span>"
              f"<span class=\"dt\">{e(dates_text(j, p['date_style']))}</span></div>{_bullets(j['bullets'])}</div>")
    if p["education"]:
        b += "<h2>Education</h2>"
        for ed in p["education"]:
            b += (f"<div class=\"entry\"><div class=\"row\"><span class=\"co\">{e(ed['institution'])}</span>"
                  f"<span>{ed['year']}</span></div><div class=\"ti\">{e(degree_text(ed, ', '))}</div></div>")
    b += "<h2>Skills</h2>"
    for g in p["skills"]:
        b += f"<p><b>{e(g['group'])}:</b> {e(', '.join(g['items']))}</p>"
    if p.get("certifications"):
        b += "<h2>Certifications</h2>" + "".join(f"<p>{e(c)}</p>" for c in p["certifications"])
    b += _projects(p)
    b += "<h2>Languages</h2><p>" + e("; ".join(lang_text(x) for x in p["languages"])) + "</p>"
    t = truth(p, degree=lambda ed: degree_text(ed, ", "))
    return _page(CLASSIC_CSS, b), t


# --------------------------------------------------------------------------- (d) compact
COMPACT_CSS = """
@page { size: A4; margin: 10mm 12mm; }
body { font-family: 'DejaVu Sans Condensed', 'DejaVu Sans', sans-serif; font-size: 8.8pt; color: #111; margin: 0; }
.hdr { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 2px solid #444; padding-bottom: 2mm; }
h1 { font-size: 17pt; margin: 0; }
.hl { font-size: 10pt; color: #555; }
.ct { text-align: right; font-size: 8.3pt; line-height: 1.35; }
.sum { margin: 2mm 0 0; }
h2 { font-size: 9pt; background: #e6e6e6; padding: 0.6mm 1.5mm; margin: 3.5mm 0 1.5mm; text-transform: uppercase; }
.line { font-size: 9pt; }
.line b { font-weight: 700; }
.job { margin-bottom: 2mm; break-inside: avoid; }
ul { margin: 0.5mm 0 0; padding-left: 4.5mm; }
li { margin: 0; }
p { margin: 0.6mm 0; }
"""
SEP = " \u00b7 "


def compact(p):
    ct = "<br>".join([e(p["email"]), e(p["phone"]), e(p["location"])] + [e(lk["url"]) for lk in p["links"]])
    b = (f"<div class=\"hdr\"><div><h1>{e(p['name'])}</h1><div class=\"hl\">{e(p['headline'])}</div></div>"
         f"<div class=\"ct\">{ct}</div></div>")
    if p.get("summary"):
        b += f"<p class=\"sum\">{e(p['summary'])}</p>"        # no heading: summary right under the header
    b += "<h2>Experience</h2>"
    for j in p["experience"]:
        b += (f"<div class=\"job\"><div class=\"line\"><b>{e(j['title'])}</b>{SEP}{e(j['company'])}{SEP}"
              f"{e(dates_text(j, 'yyyy/mm-now'))}</div>{_bullets(j['bullets'])}</div>")
    if p["education"]:
        b += "<h2>Education</h2>"
        for ed in p["education"]:
            b += f"<p><b>{e(degree_text(ed, ' '))}</b>{SEP}{e(ed['institution'])}{SEP}{ed['year']}</p>"
    b += "<h2>Skills</h2>"
    for g in p["skills"]:
        b += f"<p><b>{e(g['group'])}:</b> {e(SEP.join(g['items']))}</p>"
    b += _projects(p) + _certs(p)
    b += "<h2>Languages</h2><p>" + e(SEP.join(lang_text(x) for x in p["languages"])) + "</p>"
    t = truth(p, date_style="yyyy/mm-now", degree=lambda ed: degree_text(ed, " "))
    return _page(COMPACT_CSS, b), t


THEMES = {"html-modern": modern, "html-sidebar": sidebar, "html-classic": classic, "html-compact": compact}


# --------------------------------------------------------------------------- (h) timeline
TIMELINE_CSS = """
@page { size: A4; margin: 14mm 15mm 18mm;
        @bottom-left { content: var(--foot); font: 7.5pt 'Liberation Sans'; color: #777; }
        @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.5pt 'Liberation Sans'; color: #777; } }
body { font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 9.6pt; color: #202020; margin: 0; }
header { display: grid; grid-template-columns: 34mm 1fr; column-gap: 6mm; margin-bottom: 4mm; }
.mono { font-size: 26pt; font-weight: 700; color: #b5452c; letter-spacing: 0.08em; }
h1 { font-size: 20pt; font-weight: 400; margin: 0; }
h1 b { font-weight: 700; }
.hl { font-size: 10.5pt; color: #b5452c; margin: 1mm 0 2mm; }
.ct span { margin-right: 5mm; white-space: nowrap; font-size: 8.8pt; }
.ct svg { margin-right: 1.2mm; vertical-align: -1px; }
section { display: grid; grid-template-columns: 34mm 1fr; column-gap: 6mm; margin-top: 4mm; }
h2 { font-size: 9pt; font-variant: small-caps; letter-spacing: 0.18em; color: #b5452c; margin: 0; grid-column: 1 / 3;
     border-bottom: 0.6px solid #b5452c; padding-bottom: 0.8mm; margin-bottom: 2mm; }
.when { font-size: 8.6pt; color: #555; text-align: right; padding-top: 0.4mm; }
.what { margin-bottom: 3mm; break-inside: avoid; }
.co { font-weight: 700; text-transform: uppercase; letter-spacing: 0.06em; font-size: 9pt; }
.ti { font-style: italic; }
ul { margin: 1mm 0 0; padding-left: 4mm; }
.cols { columns: 3; column-gap: 6mm; margin: 0; padding-left: 4mm; }
.cols li { break-inside: avoid; }
p { margin: 0 0 1.5mm; }
"""

SVG_MAIL = ('<svg width="10" height="8" viewBox="0 0 20 16"><rect x="1" y="1" width="18" height="14" fill="none" '
            'stroke="#b5452c" stroke-width="2"/><path d="M1 1l9 8 9-8" fill="none" stroke="#b5452c" stroke-width="2"/></svg>')
SVG_PHONE = ('<svg width="8" height="10" viewBox="0 0 16 20"><rect x="2" y="1" width="12" height="18" rx="2" fill="none" '
             'stroke="#b5452c" stroke-width="2"/><circle cx="8" cy="16" r="1.3" fill="#b5452c"/></svg>')
SVG_PIN = ('<svg width="8" height="10" viewBox="0 0 16 20"><path d="M8 19C3 12 2 10 2 7a6 6 0 0 1 12 0c0 3-1 5-6 12z" '
           'fill="none" stroke="#b5452c" stroke-width="2"/><circle cx="8" cy="7" r="2" fill="#b5452c"/></svg>')


def timeline(p):
    words = p["name"].split()
    initials = (words[0][0] + words[-1][0]).upper()
    first, last = " ".join(words[:-1]), words[-1]
    ct = [f"<span>{SVG_MAIL}{e(p['email'])}</span>", f"<span>{SVG_PHONE}{e(p['phone'])}</span>",
          f"<span>{SVG_PIN}{e(p['location'])}</span>"] + [f"<span>{LINK_SVG} {e(lk['url'])}</span>" for lk in p["links"]]
    b = (f"<header><div class=\"mono\">{e(initials)}</div><div><h1>{e(first)} <b>{e(last)}</b></h1>"
         f"<div class=\"hl\">{e(p['headline'])}</div><div class=\"ct\">{''.join(ct)}</div></div></header>")
    if p.get("summary"):
        b += f"<section><h2>Profile</h2><div></div><div><p>{e(p['summary'])}</p></div></section>"
    b += "<section><h2>Career</h2>"
    for j in p["experience"]:
        b += (f"<div class=\"when\">{e(dates_text(j, p['date_style']))}</div><div class=\"what\">"
              f"<div class=\"co\">{e(j['company'])}</div><div class=\"ti\">{e(j['title'])}, {e(j['location'])}</div>"
              f"{_bullets(j['bullets'])}</div>")
    b += "</section>"
    if p["education"]:
        b += "<section><h2>Education</h2>"
        for ed in p["education"]:
            b += (f"<div class=\"when\">{ed['start_year']}\u2013{ed['year']}</div><div class=\"what\">"
                  f"<div class=\"co\">{e(ed['institution'])}</div><div class=\"ti\">{e(degree_text(ed))}</div></div>")
        b += "</section>"
    b += "<section><h2>Skills</h2><div></div><ul class=\"cols\">" + "".join(
        f"<li>{e(x)}</li>" for x in all_skills(p)) + "</ul></section>"
    if p.get("projects"):
        b += "<section><h2>Projects</h2>" + "".join(
            f"<div class=\"when\">{e(pr['name'])}</div><div class=\"what\">{e(pr['description'])}</div>"
            for pr in p["projects"]) + "</section>"
    if p.get("certifications"):
        b += "<section><h2>Certifications</h2><div></div><div>" + "".join(
            f"<p>{e(c)}</p>" for c in p["certifications"]) + "</div></section>"
    b += "<section><h2>Languages</h2><div></div><div><p>" + e(" \u00b7 ".join(lang_text(x) for x in p["languages"])) \
        + "</p></div></section>"
    t = truth(p, year=lambda ed: f"{ed['start_year']}\u2013{ed['year']}")
    for x in t["sections"]["experience"]:          # CSS text-transform: uppercase
        x["company"] = x["company"].upper()
    for x in t["sections"]["education"]:
        x["institution"] = x["institution"].upper()
    foot = "@page { @bottom-left { content: \"" + p["name"] + " \u2014 Curriculum Vitae\"; } }"
    return _page(TIMELINE_CSS.replace("content: var(--foot); ", "") + foot, b), t


THEMES["html-timeline"] = timeline
