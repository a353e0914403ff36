-- wrk script: submits an analyze job with a small resume JSON body.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("RESUME_ENGINE_BENCH_KEY")
wrk.body = '{"resume": {"name": "Load Test", "email": "load@example.com", '
  .. '"sections": {"summary": "Engineer.", "experience": [{"title": "Engineer", '
  .. '"company": "Acme", "dates": "2020 - 2024", "bullets": ["Built the billing '
  .. 'service, cutting costs by 20%"]}], "skills": ["Rust", "SQL"]}}}'
-- WRK_DELAY_MS paces each connection (an offered load below saturation).
local pause = tonumber(os.getenv("WRK_DELAY_MS") or "")
if pause then
  function delay() return pause end
end
