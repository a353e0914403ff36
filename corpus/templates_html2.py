"""More HTML resume themes (second batch), printed to PDF by headless Chromium via templates_html.

html-cards:    a Canva-like design. A header row with a photo-placeholder circle holding the
               initials, the name and headline, and contact items each preceded by an inline-SVG
               icon. Experience and education are cards (border, rounded corners, shadow) whose
               dates sit in a pill badge ABOVE the title, then "Company • City" under the title,
               and bullets drawn by CSS `li::before { content: "✓" }` (no list markers). Skills
               are a two-column grid of skill names over horizontal bars (div widths).
html-markdown: what a Markdown resume looks like after pandoc's default HTML template
               (serif Times-like font, centred column): `# Name`, a paragraph of contact links
               joined by " · ", `## Experience`, `### Title — Company`, an italic
               "*dates, Location*" line, plain `<ul>` bullets, `## Skills` as a bullet list of
               "**Group:** a, b, c".
"""
from html import escape as e

from common import all_skills, dates_text, degree_text, lang_text, truth
from templates_html import _page

# --------------------------------------------------------------------------- (i) cards
CARDS_CSS = """
@page { size: A4; margin: 11mm 12mm; }
body { font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 9pt; color: #2b2d42; margin: 0; }
.top { display: flex; align-items: center; gap: 6mm; padding-bottom: 4mm; border-bottom: 1px solid #d9dbe6; }
.photo { flex: 0 0 24mm; height: 24mm; border-radius: 50%; background: linear-gradient(135deg, #8d99ae, #5c6784);
         border: 2px solid #ef8354; color: #fff; font-size: 15pt; font-weight: 700; letter-spacing: 0.05em;
         display: flex; align-items: center; justify-content: center; }
.who h1 { font-size: 21pt; margin: 0; color: #2b2d42; font-weight: 700; }
.who .hl { font-size: 10.5pt; color: #ef8354; margin: 0.5mm 0 2mm; font-weight: 700; }
.ct { display: flex; flex-wrap: wrap; gap: 1.2mm 5mm; font-size: 8.4pt; color: #4a4e69; }
.ct span { display: inline-flex; align-items: center; gap: 1.4mm; white-space: nowrap; }
h2 { font-size: 11pt; color: #2b2d42; margin: 4mm 0 2mm; display: flex; align-items: center; gap: 2mm; }
h2::after { content: ""; flex: 1; height: 2px; background: #ef8354; opacity: 0.5; }
.about { margin: 0; line-height: 1.35; }
.card { border: 1px solid #d9dbe6; border-radius: 3mm; padding: 2mm 3.5mm 2.2mm; margin-bottom: 2.2mm;
        box-shadow: 0 0.6mm 1.2mm rgba(0,0,0,0.08); break-inside: avoid; background: #fff; }
.pill { display: inline-block; background: #ef8354; color: #fff; font-size: 7.4pt; font-weight: 700;
        border-radius: 3mm; padding: 0.3mm 2.4mm; margin-bottom: 0.8mm; }
.ttl { font-size: 10pt; font-weight: 700; }
.org { color: #4a4e69; font-size: 8.8pt; }
.card ul { list-style: none; margin: 1mm 0 0; padding: 0; }
.card li { position: relative; padding-left: 4.2mm; margin-bottom: 0.4mm; }
.card li::before { content: "\\2713"; position: absolute; left: 0; color: #2a9d8f; font-weight: 700;
                   font-family: 'DejaVu Sans'; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; column-gap: 5mm; }
.skills { display: grid; grid-template-columns: 1fr 1fr; gap: 1.4mm 6mm; }
.sk .nm { font-size: 8.4pt; margin-bottom: 0.5mm; }
.bar { height: 1.6mm; background: #e4e6ef; border-radius: 1mm; }
.bar div { height: 100%; background: #2a9d8f; border-radius: 1mm; }
.small p { margin: 0 0 1mm; }
"""

ICON = {
    "mail": '<path d="M2 4h16v12H2z" fill="none" stroke="#ef8354" stroke-width="1.8"/>'
            '<path d="M2 4l8 7 8-7" fill="none" stroke="#ef8354" stroke-width="1.8"/>',
    "phone": '<path d="M5 2h4l1 4-2 1.5a10 10 0 0 0 4.5 4.5L14 10l4 1v4a2 2 0 0 1-2 2A14 14 0 0 1 3 4a2 2 0 0 1 2-2z" '
             'fill="#ef8354"/>',
    "pin": '<path d="M10 19C5 12 4 10 4 7.5a6 6 0 0 1 12 0c0 2.5-1 4.5-6 11.5z" fill="#ef8354"/>'
           '<circle cx="10" cy="7.5" r="2.2" fill="#fff"/>',
    "link": '<circle cx="10" cy="10" r="8" fill="none" stroke="#ef8354" stroke-width="1.8"/>'
            '<path d="M2 10h16M10 2c3 3 3 13 0 16M10 2c-3 3-3 13 0 16" fill="none" stroke="#ef8354" stroke-width="1.2"/>',
}


def _icon(kind):
    return f'<svg width="10" height="10" viewBox="0 0 20 20">{ICON[kind]}</svg>'


def _level(i, name):
    """A deterministic 'proficiency' bar width (55..95 %) per skill."""
    return 55 + (sum(map(ord, name)) * 7 + i * 13) % 41


def cards(p):
    words = p["name"].replace("-", " ").split()
    initials = (words[0][0] + words[-1][0]).upper()
    ct = [f"<span>{_icon('mail')}{e(p['email'])}</span>", f"<span>{_icon('phone')}{e(p['phone'])}</span>",
          f"<span>{_icon('pin')}{e(p['location'])}</span>"]
    ct += [f"<span>{_icon('link')}{e(lk['url'])}</span>" for lk in p["links"]]
    b = (f"<div class=\"top\"><div class=\"photo\">{e(initials)}</div><div class=\"who\"><h1>{e(p['name'])}</h1>"
         f"<div class=\"hl\">{e(p['headline'])}</div><div class=\"ct\">{''.join(ct)}</div></div></div>")
    if p.get("summary"):
        b += f"<h2>About Me</h2><p class=\"about\">{e(p['summary'])}</p>"
    b += "<h2>Work Experience</h2>"
    for j in p["experience"]:
        b += (f"<div class=\"card\"><div class=\"pill\">{e(dates_text(j, p['date_style']))}</div>"
              f"<div class=\"ttl\">{e(j['title'])}</div><div class=\"org\">{e(j['company'])} \u2022 {e(j['location'])}</div>"
              "<ul>" + "".join(f"<li>{e(x)}</li>" for x in j["bullets"]) + "</ul></div>")
    if p["education"]:
        b += "<h2>Education</h2><div class=\"grid2\">"
        for ed in p["education"]:
            b += (f"<div class=\"card\"><div class=\"pill\">{ed['start_year']} \u2013 {ed['year']}</div>"
                  f"<div class=\"ttl\">{e(degree_text(ed))}</div><div class=\"org\">{e(ed['institution'])}</div></div>")
        b += "</div>"
    b += "<h2>Skills</h2><div class=\"skills\">"
    for i, s in enumerate(all_skills(p)):
        b += (f"<div class=\"sk\"><div class=\"nm\">{e(s)}</div><div class=\"bar\">"
              f"<div style=\"width:{_level(i, s)}%\"></div></div></div>")
    b += "</div><div class=\"grid2 small\"><div>"
    b += "<h2>Languages</h2>" + "".join(f"<p>{e(x['language'])} \u2014 {e(x['level'])}</p>" for x in p["languages"])
    b += "</div><div>"
    if p.get("certifications"):
        b += "<h2>Certificates</h2>" + "".join(f"<p>{e(c)}</p>" for c in p["certifications"])
    b += "</div></div>"
    if p.get("projects"):
        b += "<h2>Projects</h2>" + "".join(
            f"<div class=\"card\"><div class=\"ttl\">{e(pr['name'])}</div><div>{e(pr['description'])}</div></div>"
            for pr in p["projects"])
    t = truth(p, year=lambda ed: f"{ed['start_year']} \u2013 {ed['year']}")
    return _page(CARDS_CSS, b), t


# --------------------------------------------------------------------------- (j) markdown (pandoc look)
MARKDOWN_CSS = """
@page { size: A4; margin: 16mm 0; }
html { color: #1a1a1a; background-color: #fdfdfd; }
body { font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 11pt; line-height: 1.35;
       margin: 0 auto; max-width: 36em; padding: 0 1em; hyphens: auto; overflow-wrap: break-word; }
h1, h2, h3 { margin-top: 1.0em; margin-bottom: 0.35em; font-weight: bold; }
h1 { font-size: 1.9em; margin-top: 0; }
h2 { font-size: 1.4em; }
h3 { font-size: 1.1em; margin-top: 0.8em; }
p { margin: 0.45em 0; }
a { color: #1a1a1a; }
a:visited { color: #1a1a1a; }
ul { padding-left: 1.7em; margin: 0.3em 0 0.5em; }
li > p { margin: 0; }
hr { border: none; border-top: 1px solid #1a1a1a; height: 1px; margin: 0.8em 0; }
"""


def markdown(p):
    b = f"<h1 id=\"name\">{e(p['name'])}</h1>"
    b += f"<p><strong>{e(p['headline'])}</strong> \u2014 {e(p['location'])}</p>"
    links = [f"<a href=\"mailto:{e(p['email'])}\">{e(p['email'])}</a>",
             f"<a href=\"tel:{e(''.join(c for c in p['phone'] if c.isdigit() or c == '+'))}\">{e(p['phone'])}</a>"]
    links += [f"<a href=\"https://{e(lk['url'])}\">{e(lk['url'])}</a>" for lk in p["links"]]
    b += "<p>" + " \u00b7 ".join(links) + "</p><hr />"
    if p.get("summary"):
        b += f"<h2 id=\"summary\">Summary</h2><p>{e(p['summary'])}</p>"
    b += "<h2 id=\"experience\">Experience</h2>"
    for j in p["experience"]:
        b += (f"<h3>{e(j['title'])} \u2014 {e(j['company'])}</h3>"
              f"<p><em>{e(dates_text(j, p['date_style']))}, {e(j['location'])}</em></p>"
              "<ul>" + "".join(f"<li>{e(x)}</li>" for x in j["bullets"]) + "</ul>")
    if p["education"]:
        b += "<h2 id=\"education\">Education</h2>"
        for ed in p["education"]:
            b += (f"<h3>{e(degree_text(ed))} \u2014 {e(ed['institution'])}</h3>"
                  f"<p><em>{ed['start_year']} \u2013 {ed['year']}</em></p>")
    b += "<h2 id=\"skills\">Skills</h2><ul>"
    b += "".join(f"<li><strong>{e(g['group'])}:</strong> {e(', '.join(g['items']))}</li>" for g in p["skills"])
    b += "</ul>"
    if p.get("projects"):
        b += "<h2 id=\"projects\">Projects</h2><ul>" + "".join(
            f"<li><strong>{e(pr['name'])}</strong> \u2014 {e(pr['description'])}</li>" for pr in p["projects"]) + "</ul>"
    if p.get("certifications"):
        b += "<h2 id=\"certifications\">Certifications</h2><ul>" + "".join(
            f"<li>{e(c)}</li>" for c in p["certifications"]) + "</ul>"
    b += "<h2 id=\"languages\">Languages</h2><p>" + e(", ".join(lang_text(x) for x in p["languages"])) + "</p>"
    t = truth(p, year=lambda ed: f"{ed['start_year']} \u2013 {ed['year']}")
    return _page(MARKDOWN_CSS, b), t


THEMES = {"html-cards": cards, "html-markdown": markdown}
