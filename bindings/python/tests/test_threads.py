"""One engine shared by threads: parsing in parallel gives the same results."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import resume_engine


def test_parallel_parsing(engine: resume_engine.Engine, sample_docx: bytes, sample_pdf: bytes) -> None:
    inputs = [sample_docx, sample_pdf] * 16
    with ThreadPoolExecutor(max_workers=8) as pool:
        resumes = list(pool.map(engine.parse, inputs))
    assert all(r == resumes[0] for r in resumes[0::2])
    assert all(r == resumes[1] for r in resumes[1::2])
    assert all(r.email == "ana.ferreira@example.pt" for r in resumes)


def test_parsing_releases_the_interpreter(engine: resume_engine.Engine, sample_pdf: bytes) -> None:
    """A pure-Python thread keeps running while other threads parse."""
    stop = threading.Event()
    ticks = 0

    def count() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1

    counter = threading.Thread(target=count)
    counter.start()
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(engine.parse, [sample_pdf] * 20))
    finally:
        stop.set()
        counter.join()
    assert ticks > 0


def test_parallel_mixed_calls(engine: resume_engine.Engine, sample_resume: resume_engine.Resume) -> None:
    def work(i: int) -> float:
        if i % 3 == 0:
            return len(engine.render(sample_resume, "modern", "docx"))
        return engine.analyze(sample_resume).total

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(work, range(12)))
    assert all(r > 0 for r in results)
