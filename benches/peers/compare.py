#!/usr/bin/env python3
"""Compare resume-engine's criterion medians with PyMuPDF's get_text("dict").

Each PDF is opened and every page's text dictionary extracted, in one
process, repeated until at least --min-seconds have passed (and at least
--min-runs times); the median of the runs is compared with criterion's
median for `parse_pdf/<file name>` (the full parse: text, layout and fields).
"""
import argparse
import json
import platform
import statistics
import time
from pathlib import Path


def pymupdf_median(path, min_runs, min_seconds):
    import pymupdf

    data = path.read_bytes()
    runs = []
    started = time.perf_counter()
    while len(runs) < min_runs or time.perf_counter() - started < min_seconds:
        t0 = time.perf_counter()
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            for page in doc:
                page.get_text("dict")
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def criterion_median(criterion_dir, name):
    estimates = Path(criterion_dir) / name / "new" / "estimates.json"
    if not estimates.exists():
        return None
    return json.loads(estimates.read_text())["median"]["point_estimate"] / 1e9


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--criterion", required=True, help="target/criterion/parse_pdf")
    ap.add_argument("--out", required=True)
    ap.add_argument("--min-runs", type=int, default=20)
    ap.add_argument("--min-seconds", type=float, default=0.5)
    a = ap.parse_args()

    try:
        import pymupdf
        version = pymupdf.VersionBind
    except ImportError:
        version = None
    rows = []
    for pdf in sorted(Path(a.corpus).glob("*.pdf")):
        ours = criterion_median(a.criterion, pdf.name)
        theirs = pymupdf_median(pdf, a.min_runs, a.min_seconds) if version else None
        rows.append({"document": pdf.name, "resume_engine_s": ours, "pymupdf_dict_s": theirs,
                     "ratio": ours / theirs if ours and theirs else None})

    print(f"{'document':<58}{'ours (ms)':>10}{'PyMuPDF (ms)':>14}{'ours/theirs':>13}")
    for r in rows:
        fmt = lambda v: f"{v * 1e3:.2f}" if v else "n/a"
        ratio = f"{r['ratio']:.2f}" if r["ratio"] else "n/a"
        print(f"{r['document']:<58}{fmt(r['resume_engine_s']):>10}{fmt(r['pymupdf_dict_s']):>14}{ratio:>13}")
    ratios = [r["ratio"] for r in rows if r["ratio"]]
    ours_all = [r["resume_engine_s"] for r in rows if r["resume_engine_s"]]
    theirs_all = [r["pymupdf_dict_s"] for r in rows if r["pymupdf_dict_s"]]
    summary = {
        "documents": len(rows),
        "median_resume_engine_ms": statistics.median(ours_all) * 1e3 if ours_all else None,
        "median_pymupdf_dict_ms": statistics.median(theirs_all) * 1e3 if theirs_all else None,
        "median_ratio": statistics.median(ratios) if ratios else None,
    }
    print()
    for k, v in summary.items():
        print(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}")
    out = {"machine": {"cpu_count": __import__("os").cpu_count(), "platform": platform.platform(),
                       "python": platform.python_version()},
           "pymupdf": version, "corpus": a.corpus, "summary": summary, "documents": rows}
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
