// The Engine class: jobs on the `memory:` backend with an in-process worker.
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { createRequire } from 'node:module'

import { jobDescription, sampleDocx, weakResume } from './fixtures.mjs'

const { Engine } = createRequire(import.meta.url)('../index.js')

test('jobs of every kind on memory:', async () => {
  const storage = mkdtempSync(join(tmpdir(), 'resume-engine-node-'))
  const engine = new Engine({ backend: 'memory:', storage })
  engine.startWorker(2)
  assert.equal(engine.workerRunning, true)
  assert.throws(() => engine.startWorker(), { code: 'E_INVALID_INPUT' })
  try {
    const analyze = await engine.submit('analyze', sampleDocx, { jobDescription, user: 'ana' })
    const improve = await engine.submit('improve', weakResume, { providers: ['rules'] })
    const generate = await engine.submit('generate', weakResume, { formats: ['pdf', 'docx'] })
    for (const id of [analyze, improve, generate]) {
      const status = await engine.wait(id, 120_000)
      assert.equal(status.status, 'completed', JSON.stringify(status))
    }
    assert.equal((await engine.status(analyze)).user, 'ana')
    assert.ok((await engine.result(analyze)).analysis.total > 0)
    assert.ok((await engine.result(improve)).improvements.suggestions.length > 0)
    const files = (await engine.result(generate)).files
    assert.deepEqual(files.map((file) => file.format).sort(), ['docx', 'pdf'])
  } finally {
    const stats = await engine.stopWorker()
    assert.ok(stats.completed >= 3)
  }
  assert.equal(engine.workerRunning, false)
  assert.equal(await engine.stopWorker(), null)
})

test('a queued job has no result yet', async () => {
  const engine = new Engine()
  const id = await engine.submit('analyze', weakResume)
  assert.equal((await engine.status(id)).status, 'queued')
  assert.equal((await engine.wait(id, 50)).status, 'queued')
  await assert.rejects(engine.result(id), { code: 'E_JOB_NOT_FINISHED' })
  const cancelled = await engine.cancel(id)
  assert.ok(['cancelled', 'failed'].includes(cancelled.status))
})

test('jobs on sqlite: Engine.open, results survive a new engine on the same file', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'resume-engine-node-'))
  const backend = `sqlite:${join(folder, 'jobs.db')}`
  const storage = join(folder, 'files')
  const first = await Engine.open({ backend, storage })
  const queued = await first.submit('analyze', sampleDocx, { keywords: 'software' })
  assert.equal((await first.status(queued)).status, 'queued')

  const second = await Engine.open({ backend, storage })
  second.startWorker(1)
  try {
    assert.equal((await second.wait(queued, 120_000)).status, 'completed')
  } finally {
    await second.stopWorker()
  }
  const result = await first.result(queued)
  assert.equal(result.resume.email, 'ana.ferreira@example.pt')
  assert.ok(result.analysis.total > 0)
})

test('Engine.open rejects a bad backend with a typed error', async () => {
  await assert.rejects(Engine.open({ backend: 'nosuch://x' }), (error) => {
    assert.ok(error instanceof Error)
    assert.match(error.code, /^E_/)
    return true
  })
})
