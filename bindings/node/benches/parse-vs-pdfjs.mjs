// Parse timing from Node, in-process and on the same PDFs: resume-engine's
// full structured parse against OpenResume's first step, reading text items
// with pdf.js 3.11 (OpenResume's pdfjs-dist line) the way its readPdf does
// (getDocument, then per page getTextContent and getOperatorList to load
// the fonts). OpenResume then groups items into lines and sections and
// extracts fields; that work is not timed here, so each ratio is a lower
// bound of the ratio to OpenResume's whole parser.
//
//   node parse-vs-pdfjs.mjs [CORPUS_DIR] [--out FILE]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import { performance } from 'node:perf_hooks'

const require = createRequire(import.meta.url)
const engine = require('../index.js')
const pdfjs = require('pdfjs-dist/legacy/build/pdf.js')

const args = process.argv.slice(2)
const outIndex = args.indexOf('--out')
const out = outIndex >= 0 ? args.splice(outIndex, 2)[1] : null
const corpus = args[0] ?? new URL('../../../../shared/corpus/dev/', import.meta.url).pathname
const files = readdirSync(corpus).filter((name) => name.endsWith('.pdf')).sort()
if (files.length === 0) throw new Error(`no PDFs in ${corpus}`)

/** OpenResume's step 1 with pdf.js: every page's text items with font names. */
async function readPdfLikeOpenResume(bytes) {
  const document = await pdfjs.getDocument({ data: bytes, useSystemFonts: false, verbosity: 0 }).promise
  const items = []
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number)
    const content = await page.getTextContent()
    await page.getOperatorList()
    for (const item of content.items) {
      const font = page.commonObjs.has(item.fontName) ? page.commonObjs.get(item.fontName) : null
      items.push({ text: item.str, x: item.transform[4], y: item.transform[5], fontName: font?.name ?? item.fontName })
    }
  }
  await document.destroy()
  return items
}

/** The median of a list of numbers. */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Median milliseconds of `run` over `rounds` timed runs after warm-up. */
async function time(run, rounds = 15, warmup = 3) {
  for (let i = 0; i < warmup; i += 1) await run()
  const samples = []
  for (let i = 0; i < rounds; i += 1) {
    const start = performance.now()
    await run()
    samples.push(performance.now() - start)
  }
  return median(samples)
}

const rows = []
for (const name of files) {
  const bytes = readFileSync(`${corpus}/${name}`)
  const ours = await time(() => engine.parse(bytes))
  // pdf.js takes ownership of the array it is given: hand it a copy each time.
  const pdfjsMs = await time(() => readPdfLikeOpenResume(new Uint8Array(bytes)))
  rows.push({ file: name, ours_ms: ours, pdfjs_ms: pdfjsMs, ratio: pdfjsMs / ours })
  console.log(`${name.padEnd(52)} ours ${ours.toFixed(3).padStart(8)} ms   pdf.js ${pdfjsMs.toFixed(3).padStart(8)} ms   ${(pdfjsMs / ours).toFixed(1).padStart(6)}×`)
}
const summary = {
  documents: rows.length,
  ours_median_ms: median(rows.map((row) => row.ours_ms)),
  pdfjs_median_ms: median(rows.map((row) => row.pdfjs_ms)),
  ratio_median: median(rows.map((row) => row.ratio)),
  ratio_min: Math.min(...rows.map((row) => row.ratio)),
}
console.log(
  `\nmedian per document: ours ${summary.ours_median_ms.toFixed(3)} ms, pdf.js (OpenResume step 1) ${summary.pdfjs_median_ms.toFixed(3)} ms; ` +
    `ratio median ${summary.ratio_median.toFixed(1)}×, lowest ${summary.ratio_min.toFixed(1)}×`,
)
if (out) {
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, pdfjs: pdfjs.version }
  writeFileSync(out, `${JSON.stringify({ machine, summary, rows }, null, 2)}\n`)
}
