// examples/route-handler.mjs: upload → analyze → result through its
// Next.js-style handlers, called with web-standard Requests.
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'

import { GET, POST, engine } from '../examples/route-handler.mjs'
import { sampleDocx } from './fixtures.mjs'

after(async () => (await engine()).stopWorker())

/** A multipart upload of the sample DOCX to the POST handler. */
function upload(form) {
  return POST(new Request('http://localhost/api/analyze', { method: 'POST', body: form }))
}

/** The GET handler's answer for a job id. */
async function job(id) {
  const response = await GET(new Request(`http://localhost/api/jobs/${id}`), { params: Promise.resolve({ id }) })
  return { status: response.status, body: await response.json() }
}

test('upload, poll and read the analysis', async () => {
  const form = new FormData()
  form.append('file', new Blob([sampleDocx]), 'sample-resume.docx')
  form.append('jobDescription', 'Backend engineer: Rust, PostgreSQL, Kubernetes')
  const submitted = await upload(form)
  assert.equal(submitted.status, 202)
  const { jobId } = await submitted.json()

  let answer = await job(jobId)
  for (let polls = 0; answer.body.status !== 'completed' && answer.body.status !== 'failed' && polls < 600; polls += 1) {
    await sleep(50)
    answer = await job(jobId)
  }
  assert.equal(answer.status, 200)
  assert.equal(answer.body.status, 'completed', JSON.stringify(answer.body))
  assert.equal(answer.body.result.resume.email, 'ana.ferreira@example.pt')
  assert.ok(answer.body.result.analysis.total > 0)
  assert.ok(answer.body.result.analysis.keywords.matched.length > 0)
})

test('an upload without a file is a 400, an unknown job a 404', async () => {
  assert.equal((await upload(new FormData())).status, 400)
  assert.equal((await job('6f1c0d3e-8a8f-4f7e-9d7b-000000000000')).status, 404)
  assert.equal((await job('not-a-job-id')).status, 404)
})
