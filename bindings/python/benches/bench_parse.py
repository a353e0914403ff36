"""Parse timing from Python: resume_engine.Engine.parse on one PDF (median of
timeit repeats), and PyMuPDF's page.get_text("dict") on the same file when
PyMuPDF is installed.

    python benches/bench_parse.py [PDF]   # default: the first dev corpus PDF
"""

from __future__ import annotations

import statistics
import sys
import timeit
from pathlib import Path

import resume_engine

ROOT = Path(__file__).resolve().parents[3]


def median_ms(call, number: int, repeat: int = 15) -> float:
    times = timeit.repeat(call, number=number, repeat=repeat)
    return statistics.median(times) / number * 1000


def main() -> None:
    if len(sys.argv) > 1:
        path = Path(sys.argv[1])
    else:
        pdfs = sorted((ROOT.parent / "shared" / "corpus" / "dev").glob("*.pdf"))
        if not pdfs:
            sys.exit("no PDF given and no ../shared/corpus/dev")
        path = pdfs[0]
    data = path.read_bytes()
    engine = resume_engine.Engine()
    engine.parse(data)
    print(f"file: {path.name} ({len(data)} bytes)")
    print(f"resume_engine.Engine.parse: median {median_ms(lambda: engine.parse(data), 50):.3f} ms")
    try:
        import pymupdf
    except ImportError:
        print("pymupdf: not installed, skipped")
        return

    def mupdf() -> None:
        with pymupdf.open(stream=data, filetype="pdf") as document:
            for page in document:
                page.get_text("dict")

    mupdf()
    print(f"pymupdf page.get_text('dict'), all pages: median {median_ms(mupdf, 50):.3f} ms")


if __name__ == "__main__":
    main()
