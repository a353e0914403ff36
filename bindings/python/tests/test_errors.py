"""Each bad input raises its own exception class, with the engine's code."""

from __future__ import annotations

import uuid

import pytest

import resume_engine as re_
from conftest import regression


@pytest.mark.parametrize(
    ("data", "exception", "code"),
    [
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", re_.ParseError, None),
        (regression("pdf_truncated_header_only__Err.pdf"), re_.ParseError, None),
        (regression("pdf_encrypted_user_password__Encrypted.pdf"), re_.EncryptedDocument, "encrypted"),
        (regression("pdf_encrypted_unknown_handler__Encrypted.pdf"), re_.EncryptedDocument, "encrypted"),
        (regression("pdf_image_only__NoTextLayer.pdf"), re_.NoTextLayer, "no_text_layer"),
        (regression("docx_truncated_50pct__Corrupt.docx"), re_.CorruptDocument, "corrupt"),
        (regression("png_header__UnsupportedFormat.png"), re_.UnsupportedFormat, "unsupported_format"),
        (regression("legacy_doc_ole2__LegacyDoc.doc"), re_.UnsupportedFormat, "legacy_doc"),
        (regression("pdf_flate_bomb_150MB__LimitExceeded.pdf"), re_.LimitExceeded, "limit_exceeded"),
        (b"", re_.ParseError, "empty"),
    ],
    ids=[
        "corrupt-pdf-bytes",
        "truncated-pdf",
        "encrypted-user-password",
        "encrypted-unknown-handler",
        "image-only-pdf",
        "truncated-docx",
        "png",
        "legacy-doc",
        "flate-bomb",
        "empty",
    ],
)
def test_bad_documents(engine: re_.Engine, data: bytes, exception: type, code: str | None) -> None:
    with pytest.raises(exception) as error:
        engine.parse(data)
    assert isinstance(error.value, re_.ResumeEngineError)
    assert isinstance(error.value.code, str) and error.value.code
    if code is not None:
        assert error.value.code == code
    assert error.value.retryable is False
    # The same mapping through analyze.
    with pytest.raises(exception):
        engine.analyze(data)


def test_unknown_template_and_format(engine: re_.Engine, sample_resume: re_.Resume) -> None:
    with pytest.raises(re_.UnknownTemplate) as error:
        engine.render(sample_resume, template="no-such-template")
    assert error.value.code == "unknown_template"
    assert isinstance(error.value, re_.RenderError)
    with pytest.raises(re_.UnknownFormat) as error:
        engine.render(sample_resume, format="odt")
    assert error.value.code == "unknown_format"


def test_invalid_json(engine: re_.Engine) -> None:
    with pytest.raises(re_.InvalidResume) as error:
        re_.Resume.from_json("{not json")
    assert error.value.code == "invalid_json"
    with pytest.raises(re_.InvalidResume):
        re_.Resume({"sections": {"experience": "not a list"}})
    with pytest.raises(re_.InvalidResume):
        re_.Resume.from_json_resume("[1, 2")
    with pytest.raises(re_.InvalidResume):
        engine.load(b"{\"name\": ")
    with pytest.raises(re_.InvalidResume):
        engine.analyze({"name": 42})


def test_unconvertible_arguments(engine: re_.Engine) -> None:
    with pytest.raises(re_.InvalidInput) as error:
        engine.analyze({"name": object()})
    assert error.value.code == "invalid_input"
    with pytest.raises(re_.InvalidInput):
        engine.apply({"name": "A"}, [{"id": "e0.0"}])
    with pytest.raises(TypeError):
        engine.parse("a str is not bytes")  # type: ignore[arg-type]


def test_keywords_errors(engine: re_.Engine) -> None:
    with pytest.raises(re_.KeywordsError) as error:
        engine.analyze({"name": "A"}, keywords="no-such-pack")
    assert error.value.code == "keywords"


def test_stale_suggestion(engine: re_.Engine) -> None:
    from conftest import WEAK_RESUME

    improvements = engine.improve(WEAK_RESUME)
    with pytest.raises(re_.StaleSuggestion) as error:
        engine.apply({"name": "Other"}, improvements)
    assert error.value.code == "stale_suggestion"


def test_config_errors() -> None:
    with pytest.raises(re_.ConfigError):
        re_.Engine(max_input_bytes=0)
    with pytest.raises(re_.ConfigError):
        re_.Engine(config={"limits": "not an object"})
    with pytest.raises(re_.JobsError) as error:
        re_.Engine(backend="nosuch://x")
    assert error.value.code == "jobs"


def test_job_errors(engine: re_.Engine) -> None:
    with pytest.raises(re_.JobNotFound) as error:
        engine.status(str(uuid.uuid4()))
    assert error.value.code == "job_not_found"
    with pytest.raises(re_.InvalidInput):
        engine.status("not-a-uuid")
    with pytest.raises(re_.InvalidInput):
        engine.submit("frobnicate", b"text")
    with pytest.raises(re_.UnknownFormat):
        engine.submit("generate", {"name": "A"}, formats=["odt"])
    fresh = re_.Engine(backend="memory:")
    job = fresh.submit("analyze", {"name": "A"})
    with pytest.raises(re_.JobNotFinished) as error:
        fresh.result(job)
    assert error.value.code == "job_not_finished"


def test_hierarchy() -> None:
    for name in re_.__all__:
        value = getattr(re_, name)
        if isinstance(value, type) and issubclass(value, BaseException):
            assert issubclass(value, re_.ResumeEngineError), name
            assert value.__module__ == "resume_engine", name
