// Errors are JavaScript Errors with a stable `code`.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createRequire } from 'node:module'

import { regression, weakResume } from './fixtures.mjs'

const engine = createRequire(import.meta.url)('../index.js')

test('bad documents reject with the code of what is wrong and the engine reason', async () => {
  const cases = [
    [Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage'), 'E_PARSE', null],
    [regression('pdf_truncated_header_only__Err.pdf'), 'E_PARSE', null],
    [regression('docx_truncated_50pct__Corrupt.docx'), 'E_PARSE', 'corrupt'],
    [Buffer.alloc(0), 'E_PARSE', 'empty'],
    [regression('pdf_encrypted_user_password__Encrypted.pdf'), 'E_ENCRYPTED', 'encrypted'],
    [regression('pdf_encrypted_unknown_handler__Encrypted.pdf'), 'E_ENCRYPTED', 'encrypted'],
    [regression('pdf_image_only__NoTextLayer.pdf'), 'E_NO_TEXT', 'no_text_layer'],
    [regression('png_header__UnsupportedFormat.png'), 'E_UNSUPPORTED_FORMAT', 'unsupported_format'],
    [regression('legacy_doc_ole2__LegacyDoc.doc'), 'E_UNSUPPORTED_FORMAT', 'legacy_doc'],
    [regression('pdf_flate_bomb_150MB__LimitExceeded.pdf'), 'E_LIMIT_EXCEEDED', 'limit_exceeded'],
  ]
  for (const [data, code, reason] of cases) {
    await assert.rejects(engine.parse(data), (error) => {
      assert.ok(error instanceof Error)
      assert.equal(error.code, code, error.message)
      if (reason) assert.equal(error.reason, reason)
      assert.equal(error.retryable, false)
      assert.ok(error.message.length > 0)
      return true
    })
  }
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
