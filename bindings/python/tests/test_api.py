"""Every API function on the repository's fixture files."""

from __future__ import annotations

import json

import pytest

import resume_engine
from conftest import WEAK_RESUME, dev_pdfs


def test_parse_docx_gives_a_typed_resume(sample_resume: resume_engine.Resume) -> None:
    assert sample_resume.email == "ana.ferreira@example.pt"
    assert sample_resume.name
    experience = sample_resume.sections.experience
    assert isinstance(experience, list) and experience
    assert experience[0].title
    assert isinstance(experience[0].bullets, list)
    assert "email" in sample_resume.keys()
    with pytest.raises(AttributeError):
        sample_resume.no_such_field  # noqa: B018


def test_resume_round_trips_through_dict_and_json(sample_resume: resume_engine.Resume) -> None:
    data = sample_resume.to_dict()
    assert isinstance(data, dict) and data["email"] == "ana.ferreira@example.pt"
    assert resume_engine.Resume(data) == sample_resume
    assert resume_engine.Resume.from_dict(data) == sample_resume
    assert resume_engine.Resume.from_json(sample_resume.to_json(indent=2)) == sample_resume
    assert json.loads(sample_resume.to_json()) == data
    assert sample_resume == data


def test_json_resume_import_and_export(sample_resume: resume_engine.Resume) -> None:
    document = sample_resume.to_json_resume()
    assert document["basics"]["email"] == "ana.ferreira@example.pt"
    back = resume_engine.Resume.from_json_resume(document)
    assert back.email == sample_resume.email
    assert resume_engine.Resume.from_json_resume(json.dumps(document)).name == back.name


def test_parse_a_pdf_rendered_by_the_package(engine: resume_engine.Engine, sample_pdf: bytes) -> None:
    assert sample_pdf.startswith(b"%PDF")
    resume = engine.parse(sample_pdf)
    assert resume.email == "ana.ferreira@example.pt"
    assert engine.parse(bytearray(sample_pdf)) == resume


@pytest.mark.parametrize("path", dev_pdfs()[:5], ids=lambda p: p.name)
def test_parse_dev_corpus_pdfs(engine: resume_engine.Engine, path) -> None:
    resume = engine.parse(path.read_bytes())
    assert resume.to_dict()


def test_load_reads_documents_and_json(engine: resume_engine.Engine, sample_docx: bytes, sample_resume) -> None:
    assert engine.load(sample_docx) == sample_resume
    assert engine.load(sample_resume.to_json().encode()) == sample_resume
    assert engine.load(json.dumps(sample_resume.to_json_resume()).encode()).email == sample_resume.email


def test_analyze_documents_resumes_and_dicts(
    engine: resume_engine.Engine, sample_docx: bytes, sample_resume, job_description: str
) -> None:
    analysis = engine.analyze(sample_docx)
    assert isinstance(analysis, resume_engine.Analysis)
    assert 0 <= analysis.total <= 100
    assert analysis.categories and analysis.categories[0].id
    assert analysis.to_dict()["total"] == analysis.total
    assert json.loads(analysis.to_json())["total"] == analysis.total

    from_resume = engine.analyze(sample_resume, job_description=job_description)
    assert from_resume.keywords.source
    from_dict = engine.analyze(WEAK_RESUME, keywords="software")
    assert from_dict.total < analysis.total


def test_improve_and_apply(engine: resume_engine.Engine) -> None:
    improvements = engine.improve(WEAK_RESUME)
    assert isinstance(improvements, resume_engine.Improvements)
    rewrites = [s for s in improvements.suggestions if s.rewrite]
    assert rewrites, improvements.to_json()
    assert rewrites[0].provenance.provider == "rules"

    applied = engine.apply(WEAK_RESUME, improvements)
    assert isinstance(applied, resume_engine.Applied)
    assert isinstance(applied.resume, resume_engine.Resume)
    new_bullet = applied.resume.sections.experience[0].bullets[0]
    assert new_bullet == rewrites[0].rewrite
    assert applied.changes[0].before == "Responsible for managing the billing service"

    # A list of suggestions (records or dicts), filtered by id.
    same = engine.apply(WEAK_RESUME, [s.to_dict() for s in rewrites], ids=[rewrites[0].id])
    assert same.resume == applied.resume
    unchanged = engine.apply(WEAK_RESUME, improvements, ids=[])
    assert unchanged.changes == []


def test_improve_options(engine: resume_engine.Engine, sample_docx: bytes) -> None:
    improvements = engine.improve(sample_docx, include_summary=False, max_bullet_words=30)
    assert all(s.id != "s" for s in improvements.suggestions)


@pytest.mark.parametrize("template", resume_engine.templates())
def test_render_every_template(engine: resume_engine.Engine, sample_resume, template: str) -> None:
    pdf = engine.render(sample_resume, template=template)
    assert pdf.startswith(b"%PDF")
    docx = engine.render(sample_resume.to_dict(), template, "docx")
    assert docx.startswith(b"PK")
    assert engine.parse(docx).email == sample_resume.email


def test_templates() -> None:
    assert resume_engine.templates() == resume_engine.Engine.templates()
    assert {"classic", "modern", "compact", "executive"} <= set(resume_engine.templates())


def test_engine_options() -> None:
    small = resume_engine.Engine(max_input_bytes=10)
    with pytest.raises(resume_engine.LimitExceeded) as error:
        small.parse(b"%PDF-1.7" + b" " * 100)
    assert error.value.code == "too_large"
    configured = resume_engine.Engine(config={"improve": {}})
    assert configured.templates()
    assert isinstance(resume_engine.__version__, str)
