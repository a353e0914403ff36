// Errors are JavaScript Errors with a stable `code`.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createRequire } from 'node:module'

import { weakResume } from './fixtures.mjs'

const engine = createRequire(import.meta.url)('../index.js')

test('corrupt bytes reject with a parse code', async () => {
  const corrupt = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 0xff)])
  await assert.rejects(engine.parse(corrupt), (error) => {
    assert.ok(error instanceof Error)
    assert.match(error.code, /^E_(CORRUPT|UNSUPPORTED_FORMAT|EMPTY)$/)
    assert.equal(error.retryable, false)
    return true
  })
  await assert.rejects(engine.parse(Buffer.alloc(0)), { code: 'E_EMPTY' })
})

test('an unknown template rejects with E_UNKNOWN_TEMPLATE', async () => {
  await assert.rejects(engine.render(weakResume, { template: 'no-such-template' }), {
    code: 'E_UNKNOWN_TEMPLATE',
  })
  await assert.rejects(engine.render(weakResume, { format: 'odt' }), { code: 'E_UNKNOWN_FORMAT' })
})

test('invalid resumes and JSON Resume documents throw E_INVALID_JSON', async () => {
  await assert.rejects(engine.render({ sections: 42 }), { code: 'E_INVALID_JSON' })
  assert.throws(() => engine.toJsonResume({ sections: 42 }), { code: 'E_INVALID_JSON' })
  assert.throws(() => engine.fromJsonResume({ basics: 42 }), { code: 'E_INVALID_JSON' })
})

test('unknown jobs reject with E_JOB_NOT_FOUND, bad ids with E_INVALID_INPUT', async () => {
  const jobs = new engine.Engine({ backend: 'memory:' })
  await assert.rejects(jobs.status('6f1c1f6e-8a3b-4d7e-9a51-2a8f3f0c9d11'), { code: 'E_JOB_NOT_FOUND' })
  await assert.rejects(jobs.status('not-an-id'), { code: 'E_INVALID_INPUT' })
  await assert.rejects(jobs.submit('no-such-kind', weakResume), { code: 'E_INVALID_INPUT' })
})
