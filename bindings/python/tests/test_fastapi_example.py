"""The FastAPI example answers over TestClient: upload, status, result."""

from __future__ import annotations

import importlib.util
import sys
import time
import uuid
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "fastapi_app.py"


@pytest.fixture(scope="module")
def client():
    spec = importlib.util.spec_from_file_location("fastapi_app", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    sys.modules["fastapi_app"] = module
    spec.loader.exec_module(module)
    with TestClient(module.app) as client:
        yield client


def test_upload_analyze_status_result(client: TestClient, sample_docx: bytes, job_description: str) -> None:
    answer = client.post(
        "/api/v1/analyze",
        files={"file": ("sample-resume.docx", sample_docx)},
        data={"job_description": job_description},
    )
    assert answer.status_code == 202, answer.text
    job = answer.json()["job_id"]

    deadline = time.monotonic() + 60
    while True:
        status = client.get(f"/api/v1/status/{job}")
        assert status.status_code == 200, status.text
        if status.json()["status"] in ("completed", "failed"):
            break
        assert time.monotonic() < deadline, status.text
        time.sleep(0.05)
    assert status.json()["status"] == "completed"

    result = client.get(f"/api/v1/result/{job}")
    assert result.status_code == 200, result.text
    body = result.json()
    assert body["resume"]["email"] == "ana.ferreira@example.pt"
    assert 0 < body["analysis"]["total"] <= 100


def test_errors_carry_codes(client: TestClient) -> None:
    missing = client.get(f"/api/v1/status/{uuid.uuid4()}")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "job_not_found"
    bad = client.get("/api/v1/result/not-a-uuid")
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "invalid_input"
    corrupt = client.post("/api/v1/analyze", files={"file": ("x.pdf", b"%PDF-1.7 junk")})
    assert corrupt.status_code == 202
    status = client.get(f"/api/v1/status/{corrupt.json()['job_id']}")
    assert status.status_code == 200
