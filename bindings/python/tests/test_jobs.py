"""The jobs API on the embedded backends, with an in-process worker."""

from __future__ import annotations

from pathlib import Path

import pytest

import resume_engine
from conftest import WEAK_RESUME


@pytest.fixture(params=["memory", "sqlite"])
def jobs_engine(request, tmp_path: Path):
    backend = "memory:" if request.param == "memory" else f"sqlite:{tmp_path / 'jobs.sqlite3'}"
    engine = resume_engine.Engine(backend=backend, storage=str(tmp_path / "files"))
    engine.start_worker(concurrency=2)
    assert engine.worker_running
    yield engine
    stats = engine.stop_worker()
    assert stats is not None and stats["completed"] >= 1
    assert not engine.worker_running
    assert engine.stop_worker() is None


def test_every_kind_end_to_end(jobs_engine: resume_engine.Engine, sample_docx: bytes, job_description: str) -> None:
    analyze = jobs_engine.submit("analyze", sample_docx, job_description=job_description, user="ana")
    improve = jobs_engine.submit("improve", WEAK_RESUME, providers=["rules"])
    generate = jobs_engine.submit("generate", WEAK_RESUME, template="compact", formats=["pdf", "docx"])
    process = jobs_engine.submit("process", sample_docx, keywords="software")

    for job in (analyze, improve, generate, process):
        status = jobs_engine.wait(job, timeout=120)
        assert status.status == "completed", status.to_json()
        assert status.id == job

    assert jobs_engine.status(analyze).user == "ana"
    assert jobs_engine.result(analyze).analysis.total > 0
    assert jobs_engine.result(improve).improvements.suggestions
    files = jobs_engine.result(generate).files
    assert sorted(f.format for f in files) == ["docx", "pdf"]
    processed = jobs_engine.result(process)
    assert processed.resume.email == "ana.ferreira@example.pt"

    regenerated = jobs_engine.submit("generate", source_job=process, formats=["docx"])
    assert jobs_engine.wait(regenerated, timeout=120).status == "completed"


def test_idempotent_ids_and_cancel(tmp_path: Path) -> None:
    engine = resume_engine.Engine(backend=f"sqlite:{tmp_path / 'jobs.sqlite3'}")
    job_id = "6f1c1f6e-8a3b-4d7e-9a51-2a8f3f0c9d11"
    first = engine.submit("analyze", {"name": "A"}, job_id=job_id, max_attempts=1)
    again = engine.submit("analyze", {"name": "A"}, job_id=job_id)
    assert first == again == job_id
    assert engine.status(job_id).status == "queued"
    assert engine.wait(job_id, timeout=0.05).status == "queued"
    cancelled = engine.cancel(job_id)
    assert cancelled.status in ("cancelled", "failed"), cancelled.to_json()
    assert engine.status(job_id).status == cancelled.status


def test_a_second_engine_sees_the_same_sqlite_jobs(tmp_path: Path) -> None:
    url = f"sqlite:{tmp_path / 'jobs.sqlite3'}"
    producer = resume_engine.Engine(backend=url)
    job = producer.submit("analyze", {"name": "A", "email": "a@example.com"})
    consumer = resume_engine.Engine(backend=url)
    consumer.start_worker()
    try:
        assert producer.wait(job, timeout=60).status == "completed"
        assert producer.result(job).analysis.total >= 0
    finally:
        consumer.stop_worker()


def test_worker_cannot_start_twice() -> None:
    engine = resume_engine.Engine()
    engine.start_worker()
    try:
        with pytest.raises(resume_engine.InvalidInput):
            engine.start_worker()
    finally:
        engine.stop_worker()
