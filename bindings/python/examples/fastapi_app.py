"""The service's async job endpoints on top of the resume_engine package.

Run with `uvicorn fastapi_app:app`; RESUME_ENGINE_BACKEND picks the job
backend (default `memory:`), and a worker runs in this process.
"""

from __future__ import annotations

import os
from contextlib import asynccontextmanager

from fastapi import FastAPI, File, Form, HTTPException, UploadFile
from fastapi.responses import JSONResponse

import resume_engine

engine = resume_engine.Engine(backend=os.environ.get("RESUME_ENGINE_BACKEND", "memory:"))

# Engine errors to HTTP statuses; the body carries the engine's stable code.
STATUS = {resume_engine.JobNotFound: 404, resume_engine.JobNotFinished: 409, resume_engine.InvalidInput: 422}


@asynccontextmanager
async def lifespan(_: FastAPI):
    engine.start_worker()
    yield
    engine.stop_worker()


app = FastAPI(title="resume-engine (Python)", lifespan=lifespan)


@app.exception_handler(resume_engine.ResumeEngineError)
async def engine_error(_, error: resume_engine.ResumeEngineError) -> JSONResponse:
    status = next((code for cls, code in STATUS.items() if isinstance(error, cls)), 422)
    return JSONResponse({"error": {"code": error.code, "message": str(error)}}, status_code=status)


@app.post("/api/v1/analyze", status_code=202)
async def analyze(file: UploadFile = File(...), job_description: str | None = Form(None)) -> dict:
    data = await file.read()
    if not data:
        raise HTTPException(422, "empty upload")
    job = await engine.submit_async("analyze", data, filename=file.filename, job_description=job_description)
    return {"job_id": job, "status": "queued"}


@app.get("/api/v1/status/{job_id}")
async def status(job_id: str) -> dict:
    return (await engine.status_async(job_id)).to_dict()


@app.get("/api/v1/result/{job_id}")
async def result(job_id: str) -> dict:
    return (await engine.result_async(job_id)).to_dict()
