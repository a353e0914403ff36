// The module-level functions: parse, analyze, improve, apply, render,
// templates and JSON Resume conversion.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createRequire } from 'node:module'

import { jobDescription, sampleDocx, weakResume } from './fixtures.mjs'

const engine = createRequire(import.meta.url)('../index.js')

test('parse reads the sample DOCX', async () => {
  const resume = await engine.parse(sampleDocx)
  assert.equal(resume.email, 'ana.ferreira@example.pt')
  assert.ok(resume.sections.experience.length > 0)
})

test('analyze scores bytes and objects against a job description', async () => {
  const fromBytes = await engine.analyze(sampleDocx, { jobDescription })
  assert.ok(fromBytes.total > 0)
  const fromObject = await engine.analyze(await engine.parse(sampleDocx), { keywords: 'software' })
  assert.equal(typeof fromObject.total, 'number')
})

test('improve suggests rewrites and apply applies them', async () => {
  const improvements = await engine.improve(weakResume, { maxBulletWords: 30 })
  const rewrites = improvements.suggestions.filter((s) => s.rewrite)
  assert.ok(rewrites.length > 0, JSON.stringify(improvements))
  const applied = await engine.apply(weakResume, improvements)
  assert.equal(applied.resume.sections.experience[0].bullets[0], rewrites[0].rewrite)
  const none = await engine.apply(weakResume, improvements, [])
  assert.deepEqual(none.resume.sections.experience[0].bullets, weakResume.sections.experience[0].bullets)
  const listed = await engine.apply(weakResume, rewrites, [rewrites[0].id])
  assert.equal(listed.resume.sections.experience[0].bullets[0], rewrites[0].rewrite)
})

test('render writes a PDF and a DOCX', async () => {
  const pdf = await engine.render(weakResume, { template: engine.templates()[0], format: 'pdf' })
  assert.ok(Buffer.isBuffer(pdf))
  assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF')
  const docx = await engine.render(weakResume, { format: 'docx' })
  assert.equal(docx.subarray(0, 2).toString('latin1'), 'PK')
})

test('templates lists the built-in templates', () => {
  const names = engine.templates()
  assert.ok(names.includes('modern'))
})

test('JSON Resume round trip', async () => {
  const resume = await engine.parse(sampleDocx)
  const document = engine.toJsonResume(resume)
  assert.equal(document.basics.email, resume.email)
  const back = engine.fromJsonResume(document)
  assert.equal(back.email, resume.email)
  assert.equal(back.name, resume.name)
})
