// Next.js-style route handlers (App Router: web-standard Request and
// Response) for upload → analyze → result, on one engine with an
// in-process worker. In a Next.js app:
//   app/api/analyze/route.js     export { POST } from '…/route-handler.mjs'
//   app/api/jobs/[id]/route.js   export { GET } from '…/route-handler.mjs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { Engine } from 'resume-engine'

// One engine per process, opened off the JavaScript thread. Jobs live in an
// SQLite file (RESUME_ENGINE_BACKEND overrides: `postgres://…`, `redis://…`).
const folder = mkdtempSync(join(tmpdir(), 'resume-engine-route-'))
const enginePromise = Engine.open({
  backend: process.env.RESUME_ENGINE_BACKEND ?? `sqlite:${join(folder, 'jobs.db')}`,
  storage: join(folder, 'files'),
}).then((engine) => {
  engine.startWorker(2)
  return engine
})

/** The engine the handlers share. */
export const engine = () => enginePromise

/** A JSON response with a status code. */
const json = (body, status = 200) => Response.json(body, { status })

/**
 * POST /api/analyze: multipart form with `file` (PDF or DOCX) and an
 * optional `jobDescription`; answers 202 with the job's id.
 */
export async function POST(request) {
  const form = await request.formData().catch(() => null)
  const file = form?.get('file')
  if (!file || typeof file === 'string') {
    return json({ error: 'send the resume as the multipart field `file`' }, 400)
  }
  const jobDescription = form.get('jobDescription') ?? undefined
  const bytes = new Uint8Array(await file.arrayBuffer())
  const id = await (await engine()).submit('analyze', bytes, { filename: file.name, jobDescription })
  return json({ jobId: id, status: 'queued' }, 202)
}

/**
 * GET /api/jobs/[id]: the job's status while it runs, its result once it
 * completed, its error once it failed.
 */
export async function GET(request, { params }) {
  const { id } = await params
  try {
    const status = await (await engine()).status(id)
    if (status.status !== 'completed') return json(status)
    return json({ ...status, result: await (await engine()).result(id) })
  } catch (error) {
    const notFound = error.code === 'E_JOB_NOT_FOUND' || error.code === 'E_INVALID_INPUT'
    return json({ error: error.message, code: error.code }, notFound ? 404 : 500)
  }
}
