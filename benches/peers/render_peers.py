#!/usr/bin/env python3
"""Time resume-engine's `render` against WeasyPrint (HTML -> PDF, what the old
service did) and RenderCV (YAML -> Typst -> PDF) on equivalent documents.

Each dev-corpus truth (one per persona) becomes: our resume JSON, an HTML page
with the classic template's layout for WeasyPrint, and a RenderCV YAML file.
Every tool runs as a fresh process per document, as a user would run it, and
the median wall time over --runs runs of every document is reported.
"""
import argparse
import html
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def timed(cmd, cwd):
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True)
    took = time.perf_counter() - t0
    return took if done.returncode == 0 else None, done


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True, help="the resume-engine binary")
    ap.add_argument("--venv", required=True, help="virtualenv with weasyprint and rendercv")
    ap.add_argument("--corpus", default="../shared/corpus/dev")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out")
    args = ap.parse_args()
    truths = {}
    for path in sorted(Path(args.corpus).glob("*.truth.json")):
        truths.setdefault(path.name.split("__")[0], path)
    venv = Path(args.venv).resolve()
    tools = {
        "resume-engine render": lambda d, n: [str(Path(args.bin).resolve()), "render", f"{n}.json", "--template", "classic", "--out", f"{n}.pdf"],
        "weasyprint (HTML -> PDF)": lambda d, n: [str(venv / "bin/weasyprint"), f"{n}.html", f"{n}-w.pdf"],
        "rendercv render": lambda d, n: [str(venv / "bin/rendercv"), "render", f"{n}.yaml", "--dont-generate-png", "--dont-generate-html", "--dont-generate-markdown"],
    }
    times = {tool: [] for tool in tools}
    failures = {tool: 0 for tool in tools}
    with tempfile.TemporaryDirectory() as tmp:
        for persona, path in truths.items():
            resume = json.loads(path.read_text())
            d = Path(tmp)
            shutil.copy(path, d / f"{persona}.json")
            (d / f"{persona}.html").write_text(to_html(resume))
            (d / f"{persona}.yaml").write_text(json.dumps(to_rendercv(resume)))  # JSON is YAML
            for tool, cmd in tools.items():
                for _ in range(args.runs):
                    took, done = timed(cmd(d, persona), d)
                    if took is None:
                        failures[tool] += 1
                        print(f"{tool} failed on {persona}: {done.stderr.decode()[-300:]}", file=sys.stderr)
                        break
                    times[tool].append(took)
    ours = statistics.median(times["resume-engine render"])
    result = {}
    print(f"{'tool':28} {'median per PDF':>15} {'vs ours':>8}")
    for tool, values in times.items():
        if not values:
            print(f"{tool:28} {'failed':>15}")
            continue
        median = statistics.median(values)
        result[tool] = {"median_s": median, "ratio_to_ours": median / ours, "failures": failures[tool]}
        print(f"{tool:28} {median * 1000:12.1f} ms {median / ours:7.1f}x")
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
