"""The same resume for every renderer: an HTML page with the classic
template's layout for WeasyPrint (what the old service did) and a RenderCV
input, from one resume in our JSON schema."""
import html

CSS = """
@page { size: letter; margin: 1.8cm 2cm; }
body { font-family: serif; font-size: 10.5pt; }
h1 { text-align: center; margin: 0; font-size: 22pt; }
.contact { text-align: center; }
h2 { font-size: 12pt; text-transform: uppercase; border-bottom: 0.6pt solid black; }
.head { display: flex; justify-content: space-between; font-weight: bold; }
.sub { font-style: italic; }
ul { margin: 0.3em 0 0.6em 1em; padding: 0; }
"""


def to_html(r):
    e = html.escape
    s = r.get("sections", {})
    out = [f"<html><head><style>{CSS}</style></head><body><h1>{e(r.get('name') or '')}</h1>"]
    contact = " | ".join(e(x) for x in (r.get("email"), r.get("phone")) if x)
    out.append(f"<p class='contact'>{contact}</p>")
    if s.get("summary"):
        out.append(f"<h2>Summary</h2><p>{e(s['summary'])}</p>")
    for title, key, head, sub, dates in (("Experience", "experience", "company", "title", "dates"),
                                         ("Education", "education", "institution", "degree", "year")):
        if s.get(key):
            out.append(f"<h2>{title}</h2>")
            for x in s[key]:
                out.append(f"<div class='head'><span>{e(x.get(head, ''))}</span><span>{e(x.get(dates, ''))}</span></div>")
                out.append(f"<div class='sub'>{e(x.get(sub, ''))}</div>")
                if x.get("bullets"):
                    out.append("<ul>" + "".join(f"<li>{e(b)}</li>" for b in x["bullets"]) + "</ul>")
    if s.get("skills"):
        out.append(f"<h2>Skills</h2><p>{e(', '.join(s['skills']))}</p>")
    out.append("</body></html>")
    return "".join(out)


def to_rendercv(r):
    s = r.get("sections", {})
    sections = {}
    if s.get("summary"):
        sections["summary"] = [s["summary"]]
    if s.get("experience"):
        sections["experience"] = [
            {"company": x.get("company") or "-", "position": x.get("title") or "-",
             "date": x.get("dates") or "", "highlights": x.get("bullets") or []}
            for x in s["experience"]]
    if s.get("education"):
        sections["education"] = [
            {"institution": x.get("institution") or "-", "area": x.get("degree") or "-",
             "date": x.get("year") or ""}
            for x in s["education"]]
    if s.get("skills"):
        sections["skills"] = [", ".join(s["skills"])]
    cv = {"name": r.get("name") or "", "sections": sections}
    if r.get("email"):
        cv["email"] = r["email"]
    return {"cv": cv}
