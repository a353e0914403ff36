"""In-process timing of one peer library over files, the counterpart of our
`stage-timing` binary: prints one JSON object with the median milliseconds
per file (after a warm-up run) and the process's peak RSS.

    python peer_timing.py PEER [--rounds N] FILE...

PEER is pymupdf, pdfminer.six, pdfplumber (PDF text extraction), docx2txt,
python-docx (DOCX text) or weasyprint (an HTML file to PDF bytes).
"""
import io
import json
import resource
import statistics
import sys
import time
from pathlib import Path


def pymupdf_dict(data):
    import pymupdf

    with pymupdf.open(stream=data, filetype="pdf") as document:
        return [page.get_text("dict") for page in document]


def pdfminer_text(data):
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def pdfplumber_text(data):
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() for page in pdf.pages]


def docx2txt_text(data):
    import docx2txt

    return docx2txt.process(io.BytesIO(data))


def python_docx_text(data):
    import docx

    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [p.text for p in document.paragraphs] + cells


def weasyprint_pdf(data):
    from weasyprint import HTML

    return HTML(string=data.decode()).write_pdf()


PEERS = {
    "pymupdf": pymupdf_dict,
    "pdfminer.six": pdfminer_text,
    "pdfplumber": pdfplumber_text,
    "docx2txt": docx2txt_text,
    "python-docx": python_docx_text,
    "weasyprint": weasyprint_pdf,
}


def main():
    args = sys.argv[1:]
    peer = args.pop(0)
    rounds = 5
    if args[:1] == ["--rounds"]:
        rounds = int(args[1])
        args = args[2:]
    run = PEERS[peer]
    medians = {}
    for path in args:
        data = Path(path).read_bytes()
        run(data)
        samples = []
        for _ in range(rounds):
            start = time.perf_counter()
            run(data)
            samples.append((time.perf_counter() - start) * 1000)
        medians[Path(path).name] = statistics.median(samples)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"stage": peer, "rounds": rounds, "median_ms": medians, "peak_rss_kib": peak}))


if __name__ == "__main__":
    main()
