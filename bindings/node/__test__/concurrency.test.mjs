// Heavy work runs off the JavaScript thread: timers keep ticking while many
// Promises are pending.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createRequire } from 'node:module'

import { sampleDocx, weakResume } from './fixtures.mjs'

const engine = createRequire(import.meta.url)('../index.js')

test('many concurrent Promises while a setInterval keeps ticking', async () => {
  let ticks = 0
  const timer = setInterval(() => {
    ticks += 1
  }, 5)
  try {
    const work = []
    for (let i = 0; i < 12; i += 1) {
      work.push(engine.parse(sampleDocx))
      work.push(engine.analyze(sampleDocx, { keywords: 'software' }))
      work.push(engine.render(weakResume))
    }
    work.push(engine.render(weakResume, { format: 'docx' }))
    const started = Date.now()
    const results = await Promise.all(work)
    const elapsed = Date.now() - started
    assert.equal(results.length, 37)
    assert.ok(results.every((result) => result != null))
    // The event loop stayed free while the work ran: a blocked loop would
    // tick at most once or twice, a free one about every 5 ms.
    assert.ok(ticks >= Math.max(2, Math.floor(elapsed / 50)), `${ticks} ticks in ${elapsed} ms`)
  } finally {
    clearInterval(timer)
  }
})
