"""The `_async` methods under asyncio, on the shared tokio runtime."""

from __future__ import annotations

import asyncio

import resume_engine
from conftest import WEAK_RESUME


def test_async_calls(engine: resume_engine.Engine, sample_docx: bytes, job_description: str) -> None:
    async def main() -> None:
        resume = await engine.parse_async(sample_docx)
        assert resume.email == "ana.ferreira@example.pt"
        analysis = await engine.analyze_async(sample_docx, job_description=job_description)
        assert isinstance(analysis, resume_engine.Analysis)
        improvements = await engine.improve_async(WEAK_RESUME)
        assert improvements.suggestions
        pdf = await engine.render_async(resume, "compact")
        assert pdf.startswith(b"%PDF")
        # Many calls at once on one loop.
        parsed = await asyncio.gather(*(engine.parse_async(sample_docx) for _ in range(8)))
        assert all(r == resume for r in parsed)

    asyncio.run(main())


def test_async_errors(engine: resume_engine.Engine) -> None:
    async def main() -> None:
        try:
            await engine.parse_async(b"%PDF-1.7 broken")
        except resume_engine.ParseError as error:
            assert error.code
        else:
            raise AssertionError("expected ParseError")
        try:
            await engine.render_async({"name": "A"}, "nope")
        except resume_engine.UnknownTemplate as error:
            assert error.code == "unknown_template"
        else:
            raise AssertionError("expected UnknownTemplate")

    asyncio.run(main())


def test_async_jobs(sample_docx: bytes) -> None:
    engine = resume_engine.Engine(backend="memory:")
    engine.start_worker()

    async def main() -> None:
        job = await engine.submit_async("analyze", sample_docx, filename="sample-resume.docx")
        status = await engine.wait_async(job, timeout=60)
        assert status.status == "completed", status.to_json()
        assert (await engine.status_async(job)).status == "completed"
        result = await engine.result_async(job)
        assert result.analysis.total > 0
        other = await engine.submit_async("analyze", {"name": "A"})
        cancelled = await engine.cancel_async(other)
        assert cancelled.id == other

    try:
        asyncio.run(main())
    finally:
        engine.stop_worker()
