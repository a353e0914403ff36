"""The side-by-side performance report: our stages against the tools people
use today, on the same documents on the same machine (run by run.sh).

Every measurement runs as its own process, so each side's peak RSS is its
own (from wait4); in-process timings are medians per document after a
warm-up. Writes benches/results/peers.json and peers.svg, prints a table.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from equivalents import to_html, to_rendercv


def run_with_rss(cmd, cwd=None, env=None):
    """Runs cmd; answers (stdout, peak RSS in KiB from wait4, seconds), or
    None when it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = process.stdout.read()
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    took = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        print(f"  failed: {' '.join(map(str, cmd))[:120]}\n  {err.decode(errors='replace')[-400:]}", file=sys.stderr)
        return None
    return out.decode(), usage.ru_maxrss, took


def timing(cmd):
    """The JSON report of a timing process (stage-timing or peer_timing.py)."""
    done = run_with_rss(cmd)
    if done is None:
        return None
    out, rss, _ = done
    report = json.loads(out.strip().splitlines()[-1])
    report["peak_rss_kib"] = rss
    return report


def paired(ours, theirs):
    """Medians per document of both sides and the median per-document ratio."""
    common = sorted(set(ours["median_ms"]) & set(theirs["median_ms"]))
    a = [ours["median_ms"][name] for name in common]
    b = [theirs["median_ms"][name] for name in common]
    return {
        "documents": len(common),
        "ours_ms": statistics.median(a),
        "theirs_ms": statistics.median(b),
        "speedup": statistics.median([y / x for x, y in zip(a, b)]),
        "ours_peak_rss_mib": ours["peak_rss_kib"] / 1024,
        "theirs_peak_rss_mib": theirs["peak_rss_kib"] / 1024,
    }


# RenderCV's Typst templates import @preview/fontawesome, which Typst
# downloads from packages.typst.org on first use; offline, a local package of
# that name stands in: its `fa-icon` draws an empty box of an icon's width.
FONTAWESOME_STUB = {
    "typst.toml": '[package]\nname = "fontawesome"\nversion = "0.5.0"\nentrypoint = "lib.typ"\n'
                  'authors = ["resume-engine benches"]\nlicense = "MIT"\n'
                  'description = "Offline stand-in for RenderCV: fa-icon draws an empty box."\n',
    "lib.typ": "#let fa-icon(name, ..args) = box(width: 1em)\n",
}


def offline_typst_env(folder):
    """An environment whose Typst data folder holds the fontawesome stand-in."""
    package = folder / "typst-data/typst/packages/preview/fontawesome/0.5.0"
    package.mkdir(parents=True)
    for name, text in FONTAWESOME_STUB.items():
        (package / name).write_text(text)
    return {**os.environ, "XDG_DATA_HOME": str(folder / "typst-data")}


def fresh_processes(commands, personas, runs, cwd, env):
    """Median seconds per document of each tool run as a new process per
    document (as a user runs a CLI), and each tool's largest peak RSS."""
    result = {}
    for tool, command in commands.items():
        times, peak, failed = [], 0, 0
        for persona in personas:
            for _ in range(runs):
                done = run_with_rss(command(persona), cwd=cwd, env=env)
                if done is None:
                    failed += 1
                    break
                _, rss, took = done
                times.append(took)
                peak = max(peak, rss)
        result[tool] = {"median_ms": statistics.median(times) * 1000 if times else None,
                        "peak_rss_kib": peak, "failures": failed}
    return result


def chart(comparisons, path):
    """A horizontal bar chart (SVG) of the speed-ups on a log scale."""
    import math

    rows = [c for c in comparisons if c.get("speedup")]
    width, left, bar, gap = 860, 360, 22, 10
    height = 60 + len(rows) * (bar + gap)
    top = max(max(c["speedup"] for c in rows) * 2, 10) if rows else 10
    scale = (width - left - 60) / math.log10(top * 10)

    def x(value):
        return left + math.log10(max(value, 0.1) * 10) * scale

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="13">',
             f'<text x="{left}" y="20" font-weight="bold">resume-engine speed-up over each peer (log scale; &gt; 1× is faster)</text>']
    for tick in [0.1, 1, 10, 100, 1000, 10000]:
        if tick <= top:
            parts.append(f'<line x1="{x(tick):.1f}" y1="30" x2="{x(tick):.1f}" y2="{height - 20}" stroke="{"#333" if tick == 1 else "#ddd"}"/>')
            parts.append(f'<text x="{x(tick):.1f}" y="{height - 5}" text-anchor="middle">{tick:g}×</text>')
    for i, c in enumerate(rows):
        y = 40 + i * (bar + gap)
        color = "#2b8a3e" if c["speedup"] >= 1 else "#c92a2a"
        parts.append(f'<text x="{left - 8}" y="{y + 16}" text-anchor="end">{c["stage"]}: {c["peer"]}</text>')
        parts.append(f'<rect x="{x(1):.1f}" y="{y}" width="{max(x(c["speedup"]) - x(1), 1):.1f}" height="{bar}" fill="{color}"/>' if c["speedup"] >= 1 else
                     f'<rect x="{x(c["speedup"]):.1f}" y="{y}" width="{x(1) - x(c["speedup"]):.1f}" height="{bar}" fill="{color}"/>')
        parts.append(f'<text x="{max(x(c["speedup"]), x(1)) + 6:.1f}" y="{y + 16}">{c["speedup"]:.1f}×</text>')
    parts.append("</svg>")
    Path(path).write_text("\n".join(parts) + "\n")


# ARQ's settings as arq_throughput.py names them, as the report shows them.
ARQ_LABELS = {"defaults": "ARQ defaults", "max_jobs=100,poll_delay=0.01": "ARQ tuned (100 jobs, 10 ms poll)"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin-dir", required=True, help="folder of the release resume-engine, stage-timing and job-throughput")
    ap.add_argument("--venv", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--jobs", type=int, default=5000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--chart", required=True)
    args = ap.parse_args()
    here = Path(__file__).resolve().parent
    bins = Path(args.bin_dir).resolve()
    python = str(Path(args.venv).resolve() / "bin/python")
    corpus = Path(args.corpus).resolve()
    pdfs = sorted(str(p) for p in corpus.glob("*.pdf"))
    docxs = sorted(str(p) for p in corpus.glob("*.docx"))
    comparisons, skipped = [], []

    def compare(stage, peer, ours, theirs):
        if ours is None or theirs is None:
            skipped.append(f"{stage}: {peer}")
            return
        comparisons.append({"stage": stage, "peer": peer, **paired(ours, theirs)})

    print(f"parse: {len(pdfs)} PDFs, {len(docxs)} DOCX from {corpus}", file=sys.stderr)
    ours_pdf = timing([bins / "stage-timing", "parse", "--rounds", "15", *pdfs])
    for peer, label in [("pymupdf", 'PyMuPDF get_text("dict")'), ("pdfminer.six", "pdfminer.six extract_text"),
                        ("pdfplumber", "pdfplumber extract_text")]:
        compare("parse PDF", label, ours_pdf, timing([python, here / "peer_timing.py", peer, *pdfs]))
    ours_docx = timing([bins / "stage-timing", "parse", "--rounds", "15", *docxs])
    for peer, label in [("docx2txt", "docx2txt process"), ("python-docx", "python-docx paragraphs + tables")]:
        compare("parse DOCX", label, ours_docx, timing([python, here / "peer_timing.py", peer, *docxs]))

    truths = {}
    for path in sorted(corpus.glob("*.truth.json")):
        truths.setdefault(path.name.split("__")[0], path)
    personas = sorted(truths)
    print(f"render: {len(personas)} resumes", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for persona, path in truths.items():
            resume = json.loads(path.read_text())
            (folder / f"{persona}.json").write_text(json.dumps(resume))
            (folder / f"{persona}.html").write_text(to_html(resume))
            (folder / f"{persona}.yaml").write_text(json.dumps(to_rendercv(resume)))  # JSON is YAML
        ours_render = timing([bins / "stage-timing", "render", "--rounds", "10", *(str(folder / f"{p}.json") for p in personas)])
        weasy = timing([python, here / "peer_timing.py", "weasyprint", "--rounds", "3", *(str(folder / f"{p}.html") for p in personas)])
        if ours_render and weasy:
            weasy["median_ms"] = {k.replace(".html", ".json"): v for k, v in weasy["median_ms"].items()}
        compare("render in-process", "WeasyPrint HTML → PDF", ours_render, weasy)
        venv_bin = Path(args.venv).resolve() / "bin"
        cli = fresh_processes({
            "ours": lambda p: [bins / "resume-engine", "render", f"{p}.json", "--template", "classic", "--out", f"{p}.pdf"],
            "WeasyPrint CLI": lambda p: [venv_bin / "weasyprint", f"{p}.html", f"{p}-weasyprint.pdf"],
            "RenderCV CLI": lambda p: [venv_bin / "rendercv", "render", f"{p}.yaml", "--dont-generate-png",
                                       "--dont-generate-html", "--dont-generate-markdown"],
        }, personas, 3, folder, offline_typst_env(folder))
    for tool in ["WeasyPrint CLI", "RenderCV CLI"]:
        if cli[tool]["median_ms"] and cli["ours"]["median_ms"] and not cli[tool]["failures"]:
            comparisons.append({"stage": "render new process", "peer": tool, "documents": len(personas),
                                "ours_ms": cli["ours"]["median_ms"], "theirs_ms": cli[tool]["median_ms"],
                                "speedup": cli[tool]["median_ms"] / cli["ours"]["median_ms"],
                                "ours_peak_rss_mib": cli["ours"]["peak_rss_kib"] / 1024,
                                "theirs_peak_rss_mib": cli[tool]["peak_rss_kib"] / 1024})
        else:
            skipped.append(f"render new process: {tool}")

    print(f"queue: {args.jobs} no-op jobs", file=sys.stderr)
    ours_queue = run_with_rss([bins / "job-throughput", str(args.jobs), "4", "16"])
    arq = run_with_rss([python, here.parent / "jobs/arq_throughput.py", str(args.jobs)])
    if ours_queue and arq:
        ours_lines = [json.loads(line) for line in ours_queue[0].splitlines() if line.startswith("{")]
        redis = next((line for line in ours_lines if line["backend"] == "redis"), None)
        arq_lines = [json.loads(line) for line in arq[0].splitlines() if line.startswith("{")]
        if redis:
            for line in arq_lines:
                comparisons.append({"stage": "queue (Redis)", "peer": ARQ_LABELS.get(line["setting"], f"ARQ {line['setting']}"),
                                    "documents": args.jobs, "ours_jobs_per_s": redis["jobs_per_second"],
                                    "theirs_jobs_per_s": line["jobs_per_second"],
                                    "speedup": redis["jobs_per_second"] / line["jobs_per_second"],
                                    "ours_peak_rss_mib": ours_queue[1] / 1024, "theirs_peak_rss_mib": arq[1] / 1024})
        else:
            skipped.append("queue: Redis not reachable")
    else:
        skipped.append("queue: ARQ")

    print(f"\n{'stage':24} {'peer':34} {'ours':>10} {'theirs':>10} {'ours/theirs':>11} {'speed-up':>9} {'RSS ours/theirs MiB':>20}")
    for c in comparisons:
        if "ours_ms" in c:
            ours, theirs, ratio = f"{c['ours_ms']:.2f} ms", f"{c['theirs_ms']:.2f} ms", c["ours_ms"] / c["theirs_ms"]
        else:
            ours, theirs, ratio = f"{c['ours_jobs_per_s']:.0f}/s", f"{c['theirs_jobs_per_s']:.0f}/s", 1 / c["speedup"]
        rss = f"{c['ours_peak_rss_mib']:.0f} / {c['theirs_peak_rss_mib']:.0f}"
        print(f"{c['stage']:24} {c['peer']:34} {ours:>10} {theirs:>10} {ratio:>11.3f} {c['speedup']:>8.1f}× {rss:>20}")
    for item in skipped:
        print(f"skipped: {item}")
    machine = {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
               "cpu": next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                            if line.startswith("model name")), None)}
    Path(args.out).write_text(json.dumps({"machine": machine, "corpus": corpus.name, "comparisons": comparisons,
                                          "skipped": skipped}, indent=1) + "\n")
    chart(comparisons, args.chart)


if __name__ == "__main__":
    main()
