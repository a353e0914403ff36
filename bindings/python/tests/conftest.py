"""Shared fixtures: the repository's sample files, an engine, a rendered PDF."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Engines with a `storage` folder keep their URL-signing key in the data
# directory: a temporary one here, not the user's.
os.environ.setdefault("RESUME_ENGINE_HOME", tempfile.mkdtemp(prefix="resume-engine-home-"))

import resume_engine  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "fixtures"
REGRESSIONS = ROOT / "tests" / "regressions"
DEV_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


def dev_pdfs() -> list[Path]:
    """The dev corpus PDFs, when ../shared/corpus/dev is present."""
    return sorted(DEV_CORPUS.glob("*.pdf")) if DEV_CORPUS.is_dir() else []


@pytest.fixture(scope="session")
def engine() -> resume_engine.Engine:
    return resume_engine.Engine()


@pytest.fixture(scope="session")
def sample_docx() -> bytes:
    return (FIXTURES / "sample-resume.docx").read_bytes()


@pytest.fixture(scope="session")
def job_description() -> str:
    return (FIXTURES / "job-description.txt").read_text()


@pytest.fixture(scope="session")
def sample_resume(engine: resume_engine.Engine, sample_docx: bytes) -> resume_engine.Resume:
    return engine.parse(sample_docx)


@pytest.fixture(scope="session")
def sample_pdf(engine: resume_engine.Engine, sample_resume: resume_engine.Resume) -> bytes:
    """A PDF rendered by the package itself."""
    return engine.render(sample_resume, "classic", "pdf")


@pytest.fixture(scope="session")
def dev_pdf() -> bytes:
    pdfs = dev_pdfs()
    if not pdfs:
        pytest.skip(f"no dev corpus at {DEV_CORPUS} (../shared/corpus/dev is optional)")
    return pdfs[0].read_bytes()


def regression(name: str) -> bytes:
    return (REGRESSIONS / name).read_bytes()


WEAK_RESUME = {
    "name": "Sam Weak",
    "email": "sam@example.com",
    "sections": {
        "experience": [
            {
                "title": "Engineer",
                "company": "Acme",
                "dates": "2019 – 2021",
                "bullets": ["Responsible for managing the billing service"],
            }
        ]
    },
}
