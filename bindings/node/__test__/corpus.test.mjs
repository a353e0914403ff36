// Every API function on the dev corpus (../shared/corpus/dev beside the
// repository, present in CI): each document parses to its labelled name
// and email, and its parse analyzes, improves, applies and renders.
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { test } from 'node:test'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const engine = createRequire(import.meta.url)('../index.js')

const corpus = fileURLToPath(new URL('../../../../shared/corpus/dev/', import.meta.url))
const present = existsSync(corpus)
const skip = present ? false : `the dev corpus is not at ${corpus} (it sits beside the repository in CI)`
const documents = present
  ? readdirSync(corpus).filter((name) => /\.(pdf|docx)$/.test(name)).sort()
  : []

/** The labelled truth of a corpus document. */
const truth = (name) => JSON.parse(readFileSync(`${corpus}${name.replace(/\.(pdf|docx)$/, '.truth.json')}`, 'utf8'))

test('every dev document parses to its labelled name and email', { skip }, async () => {
  assert.ok(documents.some((name) => name.endsWith('.pdf')) && documents.some((name) => name.endsWith('.docx')))
  const parsed = await Promise.all(documents.map((name) => engine.parse(readFileSync(`${corpus}${name}`))))
  let right = 0
  parsed.forEach((resume, index) => {
    const expected = truth(documents[index])
    if (resume.name === expected.name && resume.email === expected.email) right += 1
    assert.ok(resume.raw_text.length > 0, documents[index])
  })
  assert.ok(right >= documents.length * 0.95, `name and email right on ${right} of ${documents.length}`)
})

test('analyze, improve, apply and render each dev document', { skip, timeout: 10 * 60 * 1000 }, async () => {
  const templates = engine.templates()
  for (const [index, name] of documents.entries()) {
    const resume = await engine.parse(readFileSync(`${corpus}${name}`))
    const analysis = await engine.analyze(resume, { keywords: 'software' })
    assert.ok(analysis.total > 0 && analysis.total <= 100, `${name}: ${analysis.total}`)
    assert.equal(analysis.categories.length, 5, name)
    const improvements = await engine.improve(resume)
    const applied = await engine.apply(resume, improvements)
    assert.equal(applied.changes.length, improvements.suggestions.filter((s) => s.rewrite).length, name)
    const template = templates[index % templates.length]
    const pdf = await engine.render(applied.resume, { template, format: index % 2 ? 'docx' : 'pdf' })
    assert.ok(pdf.length > 1000, name)
    const back = await engine.parse(pdf)
    assert.equal(back.email, resume.email, `${name} rendered with ${template} and parsed back`)
  }
})
